/**
 * Runtime configuration, read from config.json at boot and validated before anything else runs.
 * The shipped file points at the local emulator; pointing TAP Desk at a real tenant means
 * replacing that file, never changing code. Relative URLs resolve against the app's base URL
 * (the origin plus the path the build is served under), so `redirect.html` works under a prefix.
 * Every field is described in docs/configuration.md; validation reports every problem at once,
 * each naming its field and what it should look like, for the boot failure page.
 */
import { fieldSpec, fieldsOf } from './config-fields';
import { isDemoHost, isMicrosoftHost, MICROSOFT_HOSTS, type HostRole } from './microsoft-hosts';

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
    /** After a copy, TAP Desk empties the clipboard this long later (or sooner, when it hides). */
    clipboardClearSeconds: number;
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
  /**
   * Hosts that are not Microsoft's which allowNonMicrosoftHosts lets TAP Desk use, each with the
   * fields that use it. Empty unless the override is in use; the app names them on every page.
   */
  nonMicrosoftHosts: NonMicrosoftHost[];
}

export interface NonMicrosoftHost {
  /** As config.json names it: `login.contoso.com`, `idp.contoso.com:8443`. */
  host: string;
  /** `auth.authority`, `graph.baseUrl`, `registrationUrl`. */
  fields: string[];
}

/** One thing wrong with config.json, worded so the boot failure page can name it. */
export interface ConfigProblem {
  /** The field's path in config.json: `auth.clientId`, `pilot.groups[0].id`. */
  field: string;
  /** What is wrong, worded to follow the field's name: "is missing", "is "abc", not a GUID". */
  problem: string;
  /** What the field should hold. */
  expected: string;
  /** A value that passes, as written in config.json. */
  example?: string;
}

/** invalid: config.json was read and has problems · unavailable: it could not be fetched · not-json: it is not JSON. */
export type ConfigFailure = 'invalid' | 'unavailable' | 'not-json';

export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly reason: ConfigFailure;
  /** reason `invalid`: every problem found, in the order of config.json's fields. */
  readonly problems: readonly ConfigProblem[];
  /** reason `unavailable`: the HTTP status, when the server answered at all. */
  readonly status?: number;
  /** reason `not-json`: the answer was a web page (a host serving index.html for a missing file). */
  readonly looksLikeHtml?: boolean;
  /** reason `not-json`: what the JSON parser said. */
  readonly detail?: string;
  /** Where config.json was read from; set by loadRuntimeConfig. */
  url?: string;

  constructor(
    reason: ConfigFailure,
    message: string,
    details: {
      problems?: ConfigProblem[];
      status?: number;
      looksLikeHtml?: boolean;
      detail?: string;
    } = {},
  ) {
    super(message);
    this.reason = reason;
    this.problems = details.problems ?? [];
    this.status = details.status;
    this.looksLikeHtml = details.looksLikeHtml;
    this.detail = details.detail;
  }
}

type Json = Record<string, unknown>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GUID_SOURCE = GUID.source.slice(1, -1);
/** Graph's composite site id: `hostname,siteCollectionId,webId`. */
const SITE_ID = new RegExp(`^[a-z0-9-]+(\\.[a-z0-9-]+)+,${GUID_SOURCE},${GUID_SOURCE}$`, 'i');
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const HOST = /^([a-z][a-z0-9+.-]*:\/\/)?[a-z0-9.-]+(:\d+)?\/?$/i;
/** A host name alone, with an optional port: what allowNonMicrosoftHosts lists. */
const BARE_HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i;
const OVERRIDE = 'allowNonMicrosoftHosts';
/** Authority paths that name no tenant: a single-tenant app cannot sign anyone in through them. */
const NO_TENANT = ['common', 'organizations', 'consumers'];

const DEFAULT_AUDIT: AuditConfig = {
  retentionDays: 30,
  matchWindowMinutes: 10,
  defaultRangeDays: 7,
};

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** A JSON value as a problem names it: `"abc"`, `42`, `a list`. */
function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(short(value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'an object';
}

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/** Collects every problem; readers return a placeholder after reporting one. */
class Checker {
  readonly problems: ConfigProblem[] = [];
  readonly warnings: ConfigProblem[] = [];

  constructor(readonly base: URL) {}

  private describe(field: string, problem: string, specField = field): ConfigProblem {
    const spec = fieldSpec(specField);
    const range = spec?.range ? `, a whole number from ${spec.range[0]} to ${spec.range[1]}` : '';
    return {
      field,
      problem,
      expected: spec ? `${spec.expected}${range}` : 'see docs/configuration.md',
      example: spec ? JSON.stringify(spec.example) : undefined,
    };
  }

  fail(field: string, problem: string, specField?: string) {
    this.problems.push(this.describe(field, problem, specField));
  }

  warn(field: string, problem: string) {
    this.warnings.push(this.describe(field, problem));
  }

  /** Fields TAP Desk does not read: a warning, or a problem when only the letter case differs. */
  private unknownFields(obj: Json, path: string) {
    const known = fieldsOf(path);
    for (const key of Object.keys(obj)) {
      if (known.includes(key) || (path === '' && key === '$schema')) continue;
      const meant = known.find((name) => name.toLowerCase() === key.toLowerCase());
      if (meant !== undefined && obj[meant] === undefined) {
        this.fail(
          join(path, key),
          `is not a field TAP Desk reads: did you mean ${join(path, meant)}? Names are case-sensitive`,
          join(path, meant),
        );
      } else {
        this.warn(join(path, key), 'is not a field TAP Desk reads, so it is ignored');
      }
    }
  }

  /** An object; null (reported) when it is something else. */
  object(value: unknown, path: string): Json | null {
    if (!isObject(value)) {
      this.fail(path === '' ? 'config.json' : path, `is ${shown(value)}, not an object`);
      return null;
    }
    this.unknownFields(value, path);
    return value;
  }

  /** A section: `{}` when absent, so each of its required fields reports itself missing. */
  section(parent: Json | null, key: string, path = key): Json | null {
    if (!parent) return null;
    const value = parent[key];
    return value === undefined ? {} : this.object(value, path);
  }

  text(obj: Json | null, key: string, path: string, fallback?: string): string {
    if (!obj) return '';
    const field = join(path, key);
    const value = obj[key];
    if (value === undefined) {
      if (fallback === undefined) this.fail(field, 'is missing');
      return fallback ?? '';
    }
    if (typeof value !== 'string') {
      this.fail(field, `is ${shown(value)}, not text`);
      return '';
    }
    if (value.trim() === '') {
      this.fail(field, 'is empty');
      return '';
    }
    return value;
  }

  /** A whole number within the field's range (config-fields.ts). */
  whole(obj: Json | null, key: string, path: string, fallback?: number): number {
    if (!obj) return 0;
    const field = join(path, key);
    const [min, max] = fieldSpec(field)?.range ?? [-Infinity, Infinity];
    const value = obj[key];
    if (value === undefined) {
      if (fallback === undefined) this.fail(field, 'is missing');
      return fallback ?? 0;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.fail(field, `is ${shown(value)}, not a whole number`);
      return 0;
    }
    if (value < min || value > max) {
      this.fail(field, `is ${value}, outside ${min} to ${max}`);
      return 0;
    }
    return value;
  }

  flag(obj: Json | null, key: string, path: string): boolean {
    if (!obj) return false;
    const field = join(path, key);
    const value = obj[key];
    if (value === undefined) this.fail(field, 'is missing');
    else if (typeof value !== 'boolean') this.fail(field, `is ${shown(value)}, not true or false`);
    return value === true;
  }

  /** A list; `[]` when absent and optional, null (reported) when not a list. */
  list(obj: Json | null, key: string, path: string, required: boolean): unknown[] | null {
    if (!obj) return null;
    const field = join(path, key);
    const value = obj[key];
    if (value === undefined) {
      if (required) this.fail(field, 'is missing');
      return required ? null : [];
    }
    if (!Array.isArray(value)) {
      this.fail(field, `is ${shown(value)}, not a list`);
      return null;
    }
    return value as unknown[];
  }

  /** A list of non-empty strings. */
  texts(obj: Json | null, key: string, path: string, required: boolean): string[] {
    const field = join(path, key);
    return (this.list(obj, key, path, required) ?? []).filter((item, index): item is string => {
      if (typeof item === 'string' && item.trim() !== '') return true;
      this.fail(
        `${field}[${index}]`,
        typeof item === 'string' ? 'is empty' : `is ${shown(item)}, not text`,
      );
      return false;
    });
  }

  guid(value: string, field: string): string {
    const id = value.trim().toLowerCase();
    if (value !== '' && !GUID.test(id)) this.fail(field, `is ${shown(value)}, not a GUID`);
    return id;
  }

  /** Resolves against the app's base URL; null when empty (already reported) or unparsable. */
  url(value: string, field: string): URL | null {
    if (value === '') return null;
    try {
      return new URL(value, this.base);
    } catch {
      this.fail(field, `is ${shown(value)}, not a URL`);
      return null;
    }
  }

  https(url: URL | null, field: string, why = '', allowQuery = false): url is URL {
    if (!url) return false;
    if (url.protocol !== 'https:') {
      this.fail(field, `must use https${why}, not ${url.protocol.replace(/:$/, '')}`);
      return false;
    }
    if (!allowQuery && (url.search !== '' || url.hash !== '')) {
      this.fail(field, 'must not have a query (?) or fragment (#)');
      return false;
    }
    return true;
  }

  /** A page of the app itself: same origin, so MSAL can read the response there. */
  sameOrigin(url: URL | null, field: string): url is URL {
    if (!url) return false;
    if (url.origin !== this.base.origin) {
      this.fail(
        field,
        `is on ${url.origin}, but TAP Desk runs on ${this.base.origin}: MSAL needs this page on the app's own origin`,
      );
      return false;
    }
    return true;
  }
}

/**
 * Checks an Entra authority's path: `/<tenant>` or `/<tenant>/v2.0`. Returns the tenant segment
 * when the path is well formed.
 */
function entraTenant(check: Checker, url: URL, field: string): string | undefined {
  const [tenant, version, ...rest] = url.pathname.split('/').filter(Boolean);
  if (tenant === undefined || rest.length > 0 || (version !== undefined && version !== 'v2.0')) {
    check.fail(field, `has the path ${url.pathname}, but Entra ID expects /<tenant ID>/v2.0`);
    return undefined;
  }
  if (NO_TENANT.includes(tenant.toLowerCase())) {
    check.fail(
      field,
      `names no tenant ("${tenant}"): TAP Desk signs in to your own tenant only, so use its Directory (tenant) ID`,
    );
    return undefined;
  }
  if (!GUID.test(tenant) && !DOMAIN.test(tenant)) {
    check.fail(field, `names "${short(tenant)}", which is neither a tenant ID nor a domain`);
    return undefined;
  }
  return tenant;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/$/, '');

export interface RuntimeConfigCheck {
  /** The configuration, when there are no problems. */
  config: RuntimeConfig | null;
  /** What stops TAP Desk from starting. */
  problems: ConfigProblem[];
  /** What TAP Desk ignores (fields it does not read); it starts anyway. */
  warnings: ConfigProblem[];
}

/**
 * Validates raw JSON and resolves relative URLs against `baseUrl` (an origin, or the origin plus
 * the app's base path), reporting every problem rather than the first.
 */
export function checkRuntimeConfig(raw: unknown, baseUrl: string): RuntimeConfigCheck {
  const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  const check = new Checker(base);
  const root = check.object(raw, '');
  if (!root) return { config: null, problems: check.problems, warnings: check.warnings };

  const tenantName = check.text(root, 'tenantName', '');

  // Hosts that are not Microsoft's, each named in allowNonMicrosoftHosts: read first, since the
  // URL fields below are checked against it; its own problems are reported in its place below.
  const allowed = Array.isArray(root[OVERRIDE]) ? (root[OVERRIDE] as unknown[]) : [];
  const overrideHosts = allowed.map((entry) =>
    typeof entry === 'string' && BARE_HOST.test(entry.trim())
      ? new URL(`https://${entry.trim()}`).host
      : undefined,
  );
  const nonMicrosoft = new Map<string, string[]>();
  /** Fails `field` unless its host is Microsoft's, the demo's, or named in the override. */
  const trustedHost = (url: URL, field: string, role: HostRole, protocolMode: string) => {
    if (isMicrosoftHost(url, role) || isDemoHost(url, protocolMode)) return;
    if (overrideHosts.includes(url.host)) {
      nonMicrosoft.set(url.host, [...(nonMicrosoft.get(url.host) ?? []), field]);
      return;
    }
    const { what, hosts } = MICROSOFT_HOSTS[role];
    check.fail(
      field,
      `is on ${url.host}, which is not ${what} (${hosts.join(', ')}); to use it anyway, name it in ${OVERRIDE}`,
    );
  };

  // auth
  const auth = check.section(root, 'auth');
  const clientIdText = check.text(auth, 'clientId', 'auth');
  const clientId = check.guid(clientIdText, 'auth.clientId');
  const protocolMode = check.text(auth, 'protocolMode', 'auth', 'AAD');
  if (protocolMode !== '' && protocolMode !== 'AAD' && protocolMode !== 'OIDC') {
    check.fail('auth.protocolMode', `is ${shown(protocolMode)}, not "AAD" or "OIDC"`);
  }
  const authorityField = 'auth.authority';
  const authorityUrl = check.url(check.text(auth, 'authority', 'auth'), authorityField);
  if (check.https(authorityUrl, authorityField, ' (MSAL refuses any other authority)')) {
    trustedHost(authorityUrl, authorityField, 'authority', protocolMode);
    const tenant =
      protocolMode === 'AAD' ? entraTenant(check, authorityUrl, authorityField) : undefined;
    if (tenant !== undefined && clientId !== '' && tenant.toLowerCase() === clientId) {
      check.fail(
        'auth.clientId',
        'is the tenant ID from auth.authority; use the Application (client) ID of the app registration',
      );
    }
  }
  const knownAuthorities = check.texts(auth, 'knownAuthorities', 'auth', false);
  knownAuthorities.forEach((host, index) => {
    if (!HOST.test(host.trim())) {
      check.fail(`auth.knownAuthorities[${index}]`, `is ${shown(host)}, not a host name`);
    }
  });
  const redirectField = 'auth.redirectUri';
  const redirectUrl = check.url(
    check.text(auth, 'redirectUri', 'auth', 'redirect.html'),
    redirectField,
  );
  const bridge = new URL('redirect.html', base);
  if (check.sameOrigin(redirectUrl, redirectField) && redirectUrl.pathname !== bridge.pathname) {
    check.fail(
      redirectField,
      `points to ${redirectUrl.pathname}, but TAP Desk's redirect page is ${bridge.pathname}`,
    );
  }
  const logoutField = 'auth.postLogoutRedirectUri';
  const logoutUrl = check.url(check.text(auth, 'postLogoutRedirectUri', 'auth', './'), logoutField);
  check.sameOrigin(logoutUrl, logoutField);

  // graph
  const graph = check.section(root, 'graph');
  const graphField = 'graph.baseUrl';
  const graphUrl = check.url(check.text(graph, 'baseUrl', 'graph'), graphField);
  if (check.https(graphUrl, graphField)) {
    trustedHost(graphUrl, graphField, 'graph', protocolMode);
    if (!/\/(v1\.0|beta)\/?$/.test(graphUrl.pathname)) {
      check.fail(
        graphField,
        `has the path ${graphUrl.pathname}, which does not end with Graph's version /v1.0`,
      );
    }
  }

  // tap
  const tap = check.section(root, 'tap');
  const policyPath = 'tap.fallbackPolicy';
  const policy = check.section(tap, 'fallbackPolicy', policyPath);
  const before = check.problems.length;
  const fallbackPolicy: TapPolicyBounds = {
    minimumLifetimeInMinutes: check.whole(policy, 'minimumLifetimeInMinutes', policyPath),
    maximumLifetimeInMinutes: check.whole(policy, 'maximumLifetimeInMinutes', policyPath),
    defaultLifetimeInMinutes: check.whole(policy, 'defaultLifetimeInMinutes', policyPath),
    isUsableOnce: check.flag(policy, 'isUsableOnce', policyPath),
  };
  const { minimumLifetimeInMinutes: min, maximumLifetimeInMinutes: max } = fallbackPolicy;
  const lifetime = fallbackPolicy.defaultLifetimeInMinutes;
  if (check.problems.length === before && policy) {
    if (min > max) {
      check.fail(
        `${policyPath}.minimumLifetimeInMinutes`,
        `is ${min}, above maximumLifetimeInMinutes (${max})`,
      );
    } else if (lifetime < min || lifetime > max) {
      check.fail(
        `${policyPath}.defaultLifetimeInMinutes`,
        `is ${lifetime}, outside the minimum (${min}) and maximum (${max}) lifetimes`,
      );
    }
  }
  const targetGroupIds = check.texts(tap, 'targetGroupIds', 'tap', false).map((id, index) => {
    const field = `tap.targetGroupIds[${index}]`;
    if (id.trim().toLowerCase() !== 'all_users') return check.guid(id, field);
    check.fail(
      field,
      'is "all_users": when the policy targets all users, leave tap.targetGroupIds out',
    );
    return id;
  });
  const hideAfterSeconds = check.whole(tap, 'hideAfterSeconds', 'tap');
  const clipboardClearSeconds = check.whole(tap, 'clipboardClearSeconds', 'tap', 30);

  // verification
  const verification = check.section(root, 'verification');
  const methods = check.texts(verification, 'methods', 'verification', true);
  if (verification && Array.isArray(verification.methods) && verification.methods.length === 0) {
    check.fail('verification.methods', 'is empty: list at least one way to verify a caller');
  }
  const siteId = check.text(verification, 'siteId', 'verification').trim();
  if (/^https?:/i.test(siteId)) {
    check.fail(
      'verification.siteId',
      "is the site's web address, but TAP Desk needs its Graph ID (docs/configuration.md says how to find it)",
    );
  } else if (siteId !== '' && !SITE_ID.test(siteId)) {
    check.fail(
      'verification.siteId',
      `is ${shown(siteId)}, not hostname,site collection ID,web ID`,
    );
  }
  const listId = check.guid(
    check.text(verification, 'listId', 'verification'),
    'verification.listId',
  );

  // pilot
  const pilot = check.section(root, 'pilot');
  const groups = (check.list(pilot, 'groups', 'pilot', false) ?? []).map((item, index) => {
    const path = `pilot.groups[${index}]`;
    const group = check.object(item, path);
    // The id goes into Graph URLs and the page address: only an object id may pass.
    return {
      id: check.guid(check.text(group, 'id', path), `${path}.id`),
      displayName: check.text(group, 'displayName', path),
    };
  });
  const stalledAfterHours = check.whole(pilot, 'stalledAfterHours', 'pilot');
  const noTapAfterDays = check.whole(pilot, 'noTapAfterDays', 'pilot');

  // audit: optional; a deployment without it gets Entra P1/P2's 30-day retention.
  const audit = check.section(root, 'audit');
  const auditConfig: AuditConfig = {
    retentionDays: check.whole(audit, 'retentionDays', 'audit', DEFAULT_AUDIT.retentionDays),
    matchWindowMinutes: check.whole(
      audit,
      'matchWindowMinutes',
      'audit',
      DEFAULT_AUDIT.matchWindowMinutes,
    ),
    defaultRangeDays: check.whole(
      audit,
      'defaultRangeDays',
      'audit',
      DEFAULT_AUDIT.defaultRangeDays,
    ),
  };

  const registrationField = 'registrationUrl';
  const registration = check.text(root, 'registrationUrl', '', 'https://aka.ms/mysecurityinfo');
  let registrationUrl: URL | null = null;
  try {
    registrationUrl = registration === '' ? null : new URL(registration);
  } catch {
    check.fail(registrationField, `is ${shown(registration)}, not an absolute https URL`);
  }
  if (check.https(registrationUrl, registrationField, '', true)) {
    trustedHost(registrationUrl, registrationField, 'registration', protocolMode);
  }

  // allowNonMicrosoftHosts: each entry a host, and each one used; an unused one trusts nothing.
  (check.list(root, OVERRIDE, '', false) ?? []).forEach((entry, index) => {
    const field = `${OVERRIDE}[${index}]`;
    const host = overrideHosts[index];
    if (typeof entry !== 'string') {
      check.fail(field, `is ${shown(entry)}, not text`);
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry.trim())) {
      check.fail(field, `is ${shown(entry)}, a URL: name the host alone, without https://`);
    } else if (host === undefined) {
      check.fail(field, `is ${shown(entry)}, not a host name`);
    } else if (!nonMicrosoft.has(host)) {
      check.warn(
        field,
        `(${shown(entry)}) is used by none of auth.authority, graph.baseUrl and registrationUrl, so it is ignored`,
      );
    }
  });

  if (check.problems.length > 0 || !authorityUrl || !redirectUrl || !logoutUrl || !graphUrl) {
    return { config: null, problems: check.problems, warnings: check.warnings };
  }
  return {
    problems: [],
    warnings: check.warnings,
    config: {
      tenantName,
      auth: {
        clientId: clientIdText.trim(),
        authority: withoutTrailingSlash(authorityUrl.toString()),
        knownAuthorities:
          knownAuthorities.length > 0 || protocolMode === 'AAD'
            ? knownAuthorities
            : [authorityUrl.host],
        protocolMode: protocolMode as 'AAD' | 'OIDC',
        redirectUri: redirectUrl.toString(),
        postLogoutRedirectUri: logoutUrl.toString(),
      },
      graph: { baseUrl: withoutTrailingSlash(graphUrl.toString()) },
      tap: { fallbackPolicy, targetGroupIds, hideAfterSeconds, clipboardClearSeconds },
      verification: { methods, siteId, listId },
      pilot: { groups, stalledAfterHours, noTapAfterDays },
      audit: auditConfig,
      registrationUrl: registration,
      nonMicrosoftHosts: [...nonMicrosoft].map(([host, fields]) => ({ host, fields })),
    },
  };
}

const invalid = (problems: ConfigProblem[]) =>
  new ConfigError('invalid', problems.map((p) => `${p.field} ${p.problem}`).join('; '), {
    problems,
  });

/** Validates raw JSON and resolves relative URLs against `baseUrl`. Throws ConfigError with every problem. */
export function parseRuntimeConfig(raw: unknown, baseUrl: string): RuntimeConfig {
  const { config, problems } = checkRuntimeConfig(raw, baseUrl);
  if (!config) throw invalid(problems);
  return config;
}

/** The app's base URL: the origin plus the path the build is served under. */
export const appBaseUrl = () =>
  new URL(import.meta.env.BASE_URL, window.location.origin).toString();

/** Where the app reads its configuration: config.json under the base path. */
export const configFileUrl = (baseUrl: string) => new URL('config.json', baseUrl).toString();

/**
 * Fetches and validates config.json. Throws ConfigError (with `url` set) when the file cannot be
 * read, is not JSON, or has problems; hands fields TAP Desk ignores to `onWarnings`.
 */
export async function loadRuntimeConfig(
  baseUrl = appBaseUrl(),
  onWarnings: (warnings: ConfigProblem[]) => void = () => {},
): Promise<RuntimeConfig> {
  const url = configFileUrl(baseUrl);
  const fail = (error: ConfigError) => {
    error.url = url;
    return error;
  };
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch {
    throw fail(new ConfigError('unavailable', `${url} could not be fetched`));
  }
  if (!response.ok) {
    throw fail(
      new ConfigError('unavailable', `${url} could not be loaded (HTTP ${response.status})`, {
        status: response.status,
      }),
    );
  }
  const body = await response.text();
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw fail(
      new ConfigError('not-json', `${url} is not valid JSON: ${detail}`, {
        looksLikeHtml: /^\s*</.test(body),
        detail,
      }),
    );
  }
  const { config, problems, warnings } = checkRuntimeConfig(raw, baseUrl);
  if (warnings.length > 0) onWarnings(warnings);
  if (!config) throw fail(invalid(problems));
  return config;
}
