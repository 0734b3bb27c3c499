/**
 * Runtime configuration, read from /config.json at boot and validated before anything else runs.
 * The shipped file points at the local emulator; pointing TAP Desk at a real tenant means
 * replacing that file, never changing code. Relative URLs resolve against the app's base URL
 * (the origin plus the path the build is served under), so `redirect.html` works under a prefix.
 */
export interface TapPolicyBounds {
  minimumLifetimeInMinutes: number;
  maximumLifetimeInMinutes: number;
  defaultLifetimeInMinutes: number;
  /** true: the tenant forces one-time passes. */
  isUsableOnce: boolean;
}

export interface PilotGroupConfig {
  id: string;
  displayName: string;
}

export interface AuditConfig {
  /** Days the tenant keeps directory audit events (7 on Entra ID Free, 30 with P1/P2). */
  retentionDays: number;
  /** How far apart a verification record and its audit event may be and still be joined. */
  matchWindowMinutes: number;
  /** The range the audit page opens with. */
  defaultRangeDays: number;
}

export interface RuntimeConfig {
  tenantName: string;
  auth: {
    clientId: string;
    authority: string;
    knownAuthorities: string[];
    /** "AAD" for Entra ID, "OIDC" for the local emulator. */
    protocolMode: 'AAD' | 'OIDC';
    redirectUri: string;
    postLogoutRedirectUri: string;
  };
  graph: { baseUrl: string };
  tap: {
    /** Used when the signed-in person may not read the tenant's TAP policy. */
    fallbackPolicy: TapPolicyBounds;
    /** Groups the TAP policy targets, for the warning when the policy itself is unreadable. */
    targetGroupIds: string[];
    hideAfterSeconds: number;
  };
  verification: {
    methods: string[];
    siteId: string;
    listId: string;
  };
  pilot: {
    groups: PilotGroupConfig[];
    stalledAfterHours: number;
    noTapAfterDays: number;
  };
  audit: AuditConfig;
  registrationUrl: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Json = Record<string, unknown>;

const DEFAULT_AUDIT: AuditConfig = {
  retentionDays: 30,
  matchWindowMinutes: 10,
  defaultRangeDays: 7,
};

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${path} must be an object`);
  }
  return value as Json;
}

function string(obj: Json, key: string, path: string, fallback?: string): string {
  const value = obj[key] ?? fallback;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigError(`${path}.${key} must be a non-empty string`);
  }
  return value;
}

function number(obj: Json, key: string, path: string, min: number, max: number): number {
  const value = obj[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${path}.${key} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function boolean(obj: Json, key: string, path: string): boolean {
  const value = obj[key];
  if (typeof value !== 'boolean') throw new ConfigError(`${path}.${key} must be true or false`);
  return value;
}

function strings(obj: Json, key: string, path: string): string[] {
  const value = obj[key] ?? [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new ConfigError(`${path}.${key} must be a list of strings`);
  }
  return value as string[];
}

function absolute(url: string, baseUrl: string, path: string): string {
  try {
    return new URL(url, baseUrl).toString();
  } catch {
    throw new ConfigError(`${path} is not a valid URL`);
  }
}

const withoutTrailingSlash = (url: string) => url.replace(/\/$/, '');

/**
 * Validates raw JSON and resolves relative URLs against `baseUrl` (an origin, or the origin plus
 * the app's base path). Throws ConfigError.
 */
export function parseRuntimeConfig(raw: unknown, baseUrl: string): RuntimeConfig {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const root = object(raw, 'config');
  const auth = object(root.auth, 'auth');
  const graph = object(root.graph, 'graph');
  const tap = object(root.tap, 'tap');
  const policy = object(tap.fallbackPolicy, 'tap.fallbackPolicy');
  const verification = object(root.verification, 'verification');
  const pilot = object(root.pilot, 'pilot');
  // Optional: a deployment without an `audit` block gets Entra P1/P2's 30-day retention.
  const audit = { ...DEFAULT_AUDIT, ...object(root.audit ?? {}, 'audit') };

  const authority = withoutTrailingSlash(
    absolute(string(auth, 'authority', 'auth'), base, 'auth.authority'),
  );
  const protocolMode = string(auth, 'protocolMode', 'auth', 'AAD');
  if (protocolMode !== 'AAD' && protocolMode !== 'OIDC') {
    throw new ConfigError('auth.protocolMode must be "AAD" or "OIDC"');
  }
  const authorityUrl = new URL(authority);
  if (authorityUrl.protocol !== 'https:') {
    throw new ConfigError('auth.authority must use https (MSAL refuses any other authority)');
  }
  const knownAuthorities = strings(auth, 'knownAuthorities', 'auth');

  const fallbackPolicy: TapPolicyBounds = {
    minimumLifetimeInMinutes: number(
      policy,
      'minimumLifetimeInMinutes',
      'tap.fallbackPolicy',
      10,
      43200,
    ),
    maximumLifetimeInMinutes: number(
      policy,
      'maximumLifetimeInMinutes',
      'tap.fallbackPolicy',
      10,
      43200,
    ),
    defaultLifetimeInMinutes: number(
      policy,
      'defaultLifetimeInMinutes',
      'tap.fallbackPolicy',
      10,
      43200,
    ),
    isUsableOnce: boolean(policy, 'isUsableOnce', 'tap.fallbackPolicy'),
  };
  const { minimumLifetimeInMinutes: min, maximumLifetimeInMinutes: max } = fallbackPolicy;
  if (
    min > max ||
    fallbackPolicy.defaultLifetimeInMinutes < min ||
    fallbackPolicy.defaultLifetimeInMinutes > max
  ) {
    throw new ConfigError('tap.fallbackPolicy must satisfy minimum ≤ default ≤ maximum');
  }

  const methods = strings(verification, 'methods', 'verification');
  if (methods.length === 0)
    throw new ConfigError('verification.methods must list at least one method');

  if (pilot.groups !== undefined && !Array.isArray(pilot.groups)) {
    throw new ConfigError('pilot.groups must be a list of { id, displayName }');
  }
  const groups = ((pilot.groups as unknown[] | undefined) ?? []).map((group, index) => {
    const g = object(group, `pilot.groups[${index}]`);
    const id = string(g, 'id', `pilot.groups[${index}]`).trim().toLowerCase();
    // The id goes into Graph URLs and the page address: only an object id may pass.
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
      throw new ConfigError(`pilot.groups[${index}].id must be the group's object id (a GUID)`);
    }
    return { id, displayName: string(g, 'displayName', `pilot.groups[${index}]`) };
  });

  return {
    tenantName: string(root, 'tenantName', 'config'),
    auth: {
      clientId: string(auth, 'clientId', 'auth'),
      authority,
      knownAuthorities:
        knownAuthorities.length > 0 || protocolMode === 'AAD'
          ? knownAuthorities
          : [authorityUrl.host],
      protocolMode,
      redirectUri: absolute(
        string(auth, 'redirectUri', 'auth', 'redirect.html'),
        base,
        'auth.redirectUri',
      ),
      postLogoutRedirectUri: absolute(
        string(auth, 'postLogoutRedirectUri', 'auth', './'),
        base,
        'auth.postLogoutRedirectUri',
      ),
    },
    graph: {
      baseUrl: withoutTrailingSlash(
        absolute(string(graph, 'baseUrl', 'graph'), base, 'graph.baseUrl'),
      ),
    },
    tap: {
      fallbackPolicy,
      targetGroupIds: strings(tap, 'targetGroupIds', 'tap'),
      hideAfterSeconds: number(tap, 'hideAfterSeconds', 'tap', 5, 3600),
    },
    verification: {
      methods,
      siteId: string(verification, 'siteId', 'verification'),
      listId: string(verification, 'listId', 'verification'),
    },
    pilot: {
      groups,
      stalledAfterHours: number(pilot, 'stalledAfterHours', 'pilot', 1, 24 * 90),
      noTapAfterDays: number(pilot, 'noTapAfterDays', 'pilot', 1, 365),
    },
    audit: {
      retentionDays: number(audit, 'retentionDays', 'audit', 1, 730),
      matchWindowMinutes: number(audit, 'matchWindowMinutes', 'audit', 1, 120),
      defaultRangeDays: number(audit, 'defaultRangeDays', 'audit', 1, 365),
    },
    registrationUrl: string(root, 'registrationUrl', 'config', 'https://aka.ms/mysecurityinfo'),
  };
}

export async function loadRuntimeConfig(
  baseUrl = new URL(import.meta.env.BASE_URL, window.location.origin).toString(),
): Promise<RuntimeConfig> {
  const url = new URL('config.json', baseUrl);
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok)
    throw new ConfigError(`${url.pathname} could not be loaded (HTTP ${response.status})`);
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    throw new ConfigError(`${url.pathname} is not valid JSON`);
  }
  return parseRuntimeConfig(raw, baseUrl);
}
