export interface EmulatorSettings {
  /** Users in the tenant (staff and fixtures included); grows when the pilot needs more. */
  userCount: number;
  /** Transitive members of the Passwordless Pilot group; null = 40 % of the population. */
  pilotSize: number | null;
  /** Added to every Graph request before it is answered. */
  latencyMs: number;
  /** Share of Graph requests answered 429, spread evenly (0.1 = every 10th). */
  throttleRate: number;
  retryAfterSeconds: number;
  accessTokenLifetimeSeconds: number;
  /** Graph's reports-class limit per app: audit logs, registration reports, authentication methods. */
  reportsLimit: { requests: number; windowSeconds: number };
  /**
   * How stale the registration details report may be: it is refreshed at most this often, and
   * shows each user as of the last refresh (docs/graph-facts.md §4). 0 = live.
   */
  reportLagMinutes: number;
  /**
   * TAP Desk's permission on the verification site (admin guide 5.4): 'none' leaves the grant
   * out, so every list request with Sites.Selected is refused as SharePoint refuses it.
   */
  verificationSiteGrant: SiteGrant;
}

export type SiteGrant = 'write' | 'read' | 'none';
const SITE_GRANTS: readonly SiteGrant[] = ['write', 'read', 'none'];

export const DEFAULT_SETTINGS: EmulatorSettings = {
  userCount: 300,
  pilotSize: null,
  latencyMs: 0,
  throttleRate: 0,
  retryAfterSeconds: 1,
  accessTokenLifetimeSeconds: 3600,
  reportsLimit: { requests: 5, windowSeconds: 10 },
  reportLagMinutes: 0,
  verificationSiteGrant: 'write',
};

/** What the demo (npm start and the e2e servers) runs with: Entra's report lags "a few hours". */
export const DEMO_SETTINGS: Partial<EmulatorSettings> = { reportLagMinutes: 120 };

interface Rule {
  min: number;
  max: number;
  integer: boolean;
  nullable?: boolean;
}

type NumericSetting = Exclude<keyof EmulatorSettings, 'reportsLimit' | 'verificationSiteGrant'>;

const RULES: Record<NumericSetting, Rule> = {
  userCount: { min: 1, max: 200_000, integer: true },
  pilotSize: { min: 0, max: 200_000, integer: true, nullable: true },
  latencyMs: { min: 0, max: 60_000, integer: true },
  throttleRate: { min: 0, max: 1, integer: false },
  retryAfterSeconds: { min: 0, max: 3600, integer: true },
  accessTokenLifetimeSeconds: { min: 1, max: 86_400, integer: true },
  reportLagMinutes: { min: 0, max: 1440, integer: true },
};

export class SettingsError extends Error {}

/** Validates an untrusted settings patch (control API or options); throws SettingsError. */
export function parseSettingsPatch(input: unknown): Partial<EmulatorSettings> {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new SettingsError('Settings must be a JSON object.');
  }
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'reportsLimit') {
      patch.reportsLimit = parseReportsLimit(value);
      continue;
    }
    if (key === 'verificationSiteGrant') {
      if (!SITE_GRANTS.includes(value as SiteGrant)) {
        throw new SettingsError(
          `'verificationSiteGrant' must be one of ${SITE_GRANTS.join(', ')}.`,
        );
      }
      patch.verificationSiteGrant = value;
      continue;
    }
    if (!(key in RULES)) throw new SettingsError(`Unknown setting '${key}'.`);
    const name = key as NumericSetting;
    const rule = RULES[name];
    if (value === null && rule.nullable) {
      patch[name] = null;
      continue;
    }
    const valid =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!rule.integer || Number.isInteger(value)) &&
      value >= rule.min &&
      value <= rule.max;
    if (!valid) {
      const kind = rule.integer ? 'an integer' : 'a number';
      const orNull = rule.nullable ? ' or null' : '';
      throw new SettingsError(`'${key}' must be ${kind} from ${rule.min} to ${rule.max}${orNull}.`);
    }
    patch[name] = value;
  }
  return patch as Partial<EmulatorSettings>;
}

function parseReportsLimit(value: unknown): EmulatorSettings['reportsLimit'] {
  const { requests, windowSeconds } = (value ?? {}) as Record<string, unknown>;
  const whole = (n: unknown, max: number): n is number =>
    typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= max;
  if (typeof value !== 'object' || !whole(requests, 1_000_000) || !whole(windowSeconds, 3600)) {
    throw new SettingsError(
      "'reportsLimit' must be { requests: 1 to 1000000, windowSeconds: 1 to 3600 }.",
    );
  }
  return { requests, windowSeconds };
}
