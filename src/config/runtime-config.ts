/**
 * Runtime configuration, read from config.json at boot and validated before anything else runs.
 * The shipped file points at the local emulator; pointing TAP Desk at a real tenant means
 * replacing that file, never changing code. Relative URLs resolve against the app's base URL
 * (the origin plus the path the build is served under), so `redirect.html` works under a prefix.
 * Every field is described in docs/configuration.md; validation reports every problem at once,
 * each naming its field and what it should look like, for the boot failure page.
 */
import {
  inEnglish,
  isWarning,
  problemOf,
  settleMeant,
  type ConfigProblem,
} from './config-problems';
import { configSchema, isObject, overrideHost } from './config-schema';
import type { SpellingLanguage } from '../lib/spelling-languages';

export type { ConfigProblem } from './config-problems';

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
    /** TAP Desk Reports: the read-only app the pilot, audit and readiness pages get tokens from. */
    reportsClientId: string;
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
    /** The caller's language the handover spells in before the agent picks one. */
    spellingLanguage?: SpellingLanguage;
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
  const root = isObject(raw) ? raw : {};
  const auth = isObject(root.auth) ? root.auth : {};
  const allowed = Array.isArray(root.allowNonMicrosoftHosts) ? root.allowNonMicrosoftHosts : [];
  const context = {
    base,
    protocolMode: typeof auth.protocolMode === 'string' ? auth.protocolMode : 'AAD',
    overrideHosts: (allowed as unknown[]).map(overrideHost),
  };
  const parse = (warnings: boolean) => {
    const { schema, nonMicrosoft } = configSchema({ ...context, warnings });
    return { result: schema.safeParse(raw, { reportInput: true }), nonMicrosoft };
  };
  let { result, nonMicrosoft } = parse(true);
  const issues = (result.error?.issues ?? []).map((issue) => settleMeant(issue, raw));
  const problems = issues.filter((issue) => !isWarning(issue)).map(problemOf);
  // Shallow fields first, as a reader meets them.
  const warnings = issues
    .filter(isWarning)
    .sort((a, b) => a.path.length - b.path.length)
    .map(problemOf);
  if (problems.length > 0) return { config: null, problems, warnings };
  // Warnings fail a zod parse: parse again without them for the values.
  if (!result.success) ({ result, nonMicrosoft } = parse(false));
  if (!result.success)
    return { config: null, problems: result.error.issues.map(problemOf), warnings };
  const { auth: authConfig, tap, verification, pilot, audit, registrationUrl } = result.data;
  return {
    problems: [],
    warnings,
    config: {
      tenantName: result.data.tenantName,
      auth: {
        clientId: authConfig.clientId,
        reportsClientId: authConfig.reportsClientId,
        authority: authConfig.authority,
        knownAuthorities:
          authConfig.knownAuthorities.length > 0 || authConfig.protocolMode === 'AAD'
            ? authConfig.knownAuthorities
            : [new URL(authConfig.authority).host],
        protocolMode: authConfig.protocolMode,
        redirectUri: authConfig.redirectUri,
        postLogoutRedirectUri: authConfig.postLogoutRedirectUri,
      },
      graph: { baseUrl: result.data.graph.baseUrl },
      tap: {
        fallbackPolicy: {
          minimumLifetimeInMinutes: tap.fallbackPolicy.minimumLifetimeInMinutes,
          maximumLifetimeInMinutes: tap.fallbackPolicy.maximumLifetimeInMinutes,
          defaultLifetimeInMinutes: tap.fallbackPolicy.defaultLifetimeInMinutes,
          isUsableOnce: tap.fallbackPolicy.isUsableOnce,
        },
        targetGroupIds: tap.targetGroupIds,
        hideAfterSeconds: tap.hideAfterSeconds,
        clipboardClearSeconds: tap.clipboardClearSeconds,
        spellingLanguage: tap.spellingLanguage,
      },
      verification: {
        methods: verification.methods,
        siteId: verification.siteId,
        listId: verification.listId,
      },
      pilot: {
        groups: pilot.groups.map(({ id, displayName }) => ({ id, displayName })),
        stalledAfterHours: pilot.stalledAfterHours,
        noTapAfterDays: pilot.noTapAfterDays,
      },
      audit: {
        retentionDays: audit.retentionDays,
        matchWindowMinutes: audit.matchWindowMinutes,
        defaultRangeDays: audit.defaultRangeDays,
      },
      registrationUrl,
      nonMicrosoftHosts: [...nonMicrosoft].map(([host, fields]) => ({ host, fields })),
    },
  };
}

const invalid = (problems: ConfigProblem[]) =>
  new ConfigError('invalid', problems.map((p) => `${p.field} ${inEnglish(p.problem)}`).join('; '), {
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
