import { END_STAGES, ONBOARDING_STAGES, type OnboardingStage } from '../../lib/onboarding-stages';

/**
 * What "done", "stuck" and "chase" mean for a pilot member, as pure functions of what Graph
 * told the loader. The emulator's ground truth (GET /emulator/pilot/{id}/truth) implements the
 * same definitions; docs/decisions/0006-pilot-progress-loading.md writes them down.
 */
type Progress = Exclude<OnboardingStage, 'notStarted'>;

/**
 * The funnel: the shared stages, starting from 'member' (in the pilot group, so counted by the
 * funnel's first bar, which every member reaches) where a single person is 'notStarted'.
 */
export const STAGES = [
  'member',
  ...ONBOARDING_STAGES.filter((stage): stage is Progress => stage !== 'notStarted'),
] as const;
export type Stage = 'member' | Progress;

/** The funnel's last stage splits in two (decision 0011); see END_STAGES. */
export function isEndStage(stage: Stage): boolean {
  return stage !== 'member' && END_STAGES.includes(stage);
}

export function isStage(value: string | null): value is Stage {
  return value !== null && (STAGES as readonly string[]).includes(value);
}

/** Graph's word for a pass's state, as read live (temporaryAccessPassMethods). */
export type PassUsability =
  | 'EnabledByPolicy'
  | 'DisabledByPolicy'
  | 'Expired'
  | 'NotYetValid'
  | 'OneTimeUsed'
  /** The pass is gone: deleted, or replaced by one issued outside the audit window. */
  | 'None';

export interface PassRead {
  usability: PassUsability;
  startDateTime?: string;
  expiresDateTime?: string;
}

/** Everything the loader learnt about one member; absent = Graph did not say. */
export interface MemberFacts {
  id: string;
  displayName: string;
  userPrincipalName: string;
  department: string | null;
  /** Latest "Admin registered security info" for a TAP in the audit window. */
  tapIssuedDateTime?: string;
  tapIsUsableOnce?: boolean;
  /** Audit id of that issuance: a read of the pass is only valid for this issuance. */
  tapIssuanceId?: string;
  /** A "User registered security info" by the member after the pass was issued. */
  registeredAfterTapDateTime?: string;
  /** From the registration details report. */
  authenticator?: 'push' | 'passwordless';
  /** From the report: methodsRegistered lists passKeyDeviceBoundAuthenticator. */
  passkeyInAuthenticator?: boolean;
  reportUpdatedDateTime?: string;
  /** Audit dates of the member's Authenticator registration and phone sign-in enablement. */
  authenticatorRegisteredDateTime?: string;
  phoneSignInEnabledDateTime?: string;
  /** Audit date of the member's first passkey (FIDO2) registration. */
  passkeyRegisteredDateTime?: string;
  /** Live read of the pass, for the few passes only a read can settle. */
  pass?: PassRead;
}

export type StalledReason = 'passNotUsed' | 'phoneSignInNotEnabled' | 'noPass';

export const STALLED_REASONS: readonly StalledReason[] = [
  'passNotUsed',
  'phoneSignInNotEnabled',
  'noPass',
];

export function isStalledReason(value: string | null): value is StalledReason {
  return value !== null && (STALLED_REASONS as readonly string[]).includes(value);
}

export interface StallRules {
  /** A pass unused this long after issue, or Authenticator push this long without phone sign-in. */
  stalledAfterHours: number;
  /** In the pilot this long without a pass. */
  noTapAfterDays: number;
}

export interface PilotClock {
  now: number;
  /** When the pilot group was created: the start of "days in the pilot". */
  pilotStart: number;
  /** The longest lifetime the TAP policy allows: a pass older than this has surely expired. */
  maxPassLifetimeMinutes: number;
}

export interface MemberRow extends MemberFacts {
  stage: Stage;
  stalled: StalledReason | null;
  /** Exact when the pass was read; otherwise the latest it can be, from the policy maximum. */
  tapExpiresDateTime?: string;
  tapExpiryIsExact: boolean;
  lastUpdateDateTime?: string;
}

const HOUR = 3_600_000;

const time = (value: string | undefined) => (value ? Date.parse(value) : Number.NaN);

/**
 * A one-time pass can still show whether it was used while it can still be live: issued within
 * the policy's longest lifetime. Older passes are never read (see the ADR).
 */
export function needsPassRead(facts: MemberFacts, clock: PilotClock): boolean {
  if (!facts.tapIssuedDateTime || !facts.tapIsUsableOnce) return false;
  if (facts.authenticator || facts.passkeyInAuthenticator || facts.registeredAfterTapDateTime) {
    return false;
  }
  return time(facts.tapIssuedDateTime) > clock.now - clock.maxPassLifetimeMinutes * 60_000;
}

export function stageOf(facts: MemberFacts): Stage {
  if (facts.passkeyInAuthenticator) return 'passkeyRegistered';
  if (facts.authenticator === 'passwordless') return 'phoneSignInEnabled';
  if (facts.authenticator === 'push') return 'authenticatorRegistered';
  if (facts.registeredAfterTapDateTime || facts.pass?.usability === 'OneTimeUsed') return 'tapUsed';
  if (facts.tapIssuedDateTime) return 'tapIssued';
  return 'member';
}

/** Whether `stage` is at or past `reached`: a funnel bar counts everyone who got that far. */
export function hasReached(stage: Stage, reached: Stage): boolean {
  if (isEndStage(reached)) return stage === reached;
  if (isEndStage(stage)) return true;
  return STAGES.indexOf(stage) >= STAGES.indexOf(reached);
}

function passExpiry(facts: MemberFacts, clock: PilotClock): { at?: number; exact: boolean } {
  if (facts.pass?.expiresDateTime) return { at: time(facts.pass.expiresDateTime), exact: true };
  if (!facts.tapIssuedDateTime) return { exact: false };
  return {
    at: time(facts.tapIssuedDateTime) + clock.maxPassLifetimeMinutes * 60_000,
    exact: false,
  };
}

export function stalledReason(
  facts: MemberFacts,
  stage: Stage,
  clock: PilotClock,
  rules: StallRules,
): StalledReason | null {
  const hours = rules.stalledAfterHours * HOUR;
  switch (stage) {
    case 'member':
      return clock.now - clock.pilotStart >= rules.noTapAfterDays * 24 * HOUR ? 'noPass' : null;
    case 'tapIssued': {
      const expiry = passExpiry(facts, clock);
      const expired =
        facts.pass?.usability === 'Expired' ||
        facts.pass?.usability === 'None' ||
        (!expiry.exact && expiry.at !== undefined && expiry.at <= clock.now);
      const overdue = clock.now - time(facts.tapIssuedDateTime) >= hours;
      return expired || overdue ? 'passNotUsed' : null;
    }
    case 'authenticatorRegistered': {
      // Registered before the audit window: long enough ago by any measure.
      const since = facts.authenticatorRegisteredDateTime;
      return !since || clock.now - time(since) >= hours ? 'phoneSignInNotEnabled' : null;
    }
    default:
      return null;
  }
}

function latest(...values: (string | undefined)[]): string | undefined {
  let best: string | undefined;
  for (const value of values) if (value && (!best || value > best)) best = value;
  return best;
}

export function toRow(facts: MemberFacts, clock: PilotClock, rules: StallRules): MemberRow {
  const stage = stageOf(facts);
  const expiry = passExpiry(facts, clock);
  return {
    ...facts,
    stage,
    stalled: stalledReason(facts, stage, clock, rules),
    tapExpiresDateTime: expiry.at === undefined ? undefined : new Date(expiry.at).toISOString(),
    tapExpiryIsExact: expiry.exact,
    lastUpdateDateTime: latest(
      facts.tapIssuedDateTime,
      facts.registeredAfterTapDateTime,
      facts.authenticatorRegisteredDateTime,
      facts.phoneSignInEnabledDateTime,
      facts.passkeyRegisteredDateTime,
      facts.reportUpdatedDateTime,
    ),
  };
}

export interface FunnelStep {
  stage: Stage;
  count: number;
  /** Of all members, 0-100. */
  percent: number;
}

export function funnel(rows: readonly MemberRow[]): FunnelStep[] {
  // One pass over the rows, then per bar a sum over the stages: at 100,000 members, filtering the
  // rows once per bar on every snapshot costs frames.
  const at = new Map<Stage, number>();
  for (const row of rows) at.set(row.stage, (at.get(row.stage) ?? 0) + 1);
  return STAGES.map((stage) => {
    let reached = 0;
    for (const [current, count] of at) if (hasReached(current, stage)) reached += count;
    return {
      stage,
      count: reached,
      percent: rows.length === 0 ? 0 : Math.round((reached / rows.length) * 1000) / 10,
    };
  });
}

export function stalledCounts(rows: readonly MemberRow[]): Record<StalledReason, number> {
  const counts: Record<StalledReason, number> = {
    passNotUsed: 0,
    phoneSignInNotEnabled: 0,
    noPass: 0,
  };
  for (const row of rows) if (row.stalled) counts[row.stalled] += 1;
  return counts;
}

export interface TrendDay {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  registrations: number;
  completions: number;
  /** Passkey (FIDO2) registrations. */
  passkeys: number;
}

/** Authenticator registrations and phone sign-in enablements per UTC day, gaps filled. */
export function trend(rows: readonly MemberFacts[], from: number, to: number): TrendDay[] {
  const days = new Map<string, TrendDay>();
  const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  for (let at = Date.parse(`${dayOf(from)}T00:00:00Z`); at <= to; at += 24 * HOUR) {
    days.set(dayOf(at), { day: dayOf(at), registrations: 0, completions: 0, passkeys: 0 });
  }
  for (const row of rows) {
    const registered = row.authenticatorRegisteredDateTime?.slice(0, 10);
    const enabled = row.phoneSignInEnabledDateTime?.slice(0, 10);
    const r = registered ? days.get(registered) : undefined;
    if (r) r.registrations += 1;
    const c = enabled ? days.get(enabled) : undefined;
    if (c) c.completions += 1;
    const passkey = row.passkeyRegisteredDateTime?.slice(0, 10);
    const p = passkey ? days.get(passkey) : undefined;
    if (p) p.passkeys += 1;
  }
  return [...days.values()];
}

/**
 * toRow, remembered per facts object: the loader keeps the object of a member no page changed,
 * and an object belongs to one load, hence to one clock.
 */
export function rowBuilder(rules: StallRules) {
  const built = new WeakMap<MemberFacts, MemberRow>();
  return (member: MemberFacts, clock: PilotClock): MemberRow => {
    let row = built.get(member);
    if (!row) built.set(member, (row = toRow(member, clock, rules)));
    return row;
  };
}
