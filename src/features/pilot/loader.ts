/**
 * Loads a pilot's progress from Graph, React-free so the benchmark runs the very same code.
 *
 * The plan (docs/decisions/0006-pilot-progress-loading.md): members from the directory, which is
 * cheap; then the two sources that cover everyone in a few pages, paid for from the reports
 * budget (5 requests per 10 s): the directory audit log (passes issued, registrations, dates)
 * and the registration details report (Authenticator push vs phone sign-in); last, $batch reads
 * of the few one-time passes only a read can settle. It yields a snapshot after every page, so
 * the screen fills in as data arrives, and reuses what a previous snapshot already knows.
 */
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import {
  AUDIT_ACTIVITIES,
  AUTHENTICATION_METHODS_SERVICE,
  directoryAuditFilter,
} from '../../graph/audit-logs';
import { BATCH_LIMIT, type BatchResult, type GraphClient } from '../../graph/client';
import {
  graphErrorFrom,
  isGraphError,
  isRetryableError,
  parseRetryAfter,
} from '../../graph/errors';
import { getGroup, pageTransitiveMemberUsers, type GroupSummary } from '../../graph/groups';
import {
  REGISTERED_METHODS,
  registeredMethodFilter,
  registrationDetailsRequest,
  type UserRegistrationDetails,
  passwordlessGoalOf,
} from '../../graph/registration-details';
import { budgetedPages, type RequestBudget } from '../../graph/request-budget';
import {
  needsPassRead,
  type MemberFacts,
  type PassRead,
  type PassUsability,
  type PilotClock,
  type Stage,
} from './stages';

/** Graph's resultReason for an issued pass (docs/graph-facts.md §5). */
export const TAP_ISSUED_REASON = 'Admin registered temporary access pass method for user';

const DAY = 86_400_000;

export interface SourceProgress {
  /** Requests answered so far. */
  pages: number;
  items: number;
  done: boolean;
}

export interface PilotNote {
  source: 'auditLog' | 'registrationReport' | 'passReads';
  /** Stages whose counts are less precise because of it. */
  affects: Stage[];
  /** What the person would need for the full picture, in words for describeError. */
  needs: string;
  error: unknown;
  /** Members the gap touches, when known. */
  members?: number;
}

interface Issuance {
  id: string;
  at: string;
  isUsableOnce: boolean;
}

interface Registration {
  at: string;
  kind: 'authenticator' | 'phoneSignIn' | 'passkey' | 'other';
}

/** Raw material, kept so a refresh can reuse it: audit events and settled pass reads. */
export interface PilotSources {
  auditCursor?: string;
  auditSeen: ReadonlySet<string>;
  issuances: ReadonlyMap<string, Issuance>;
  registrations: ReadonlyMap<string, readonly Registration[]>;
  passReads: ReadonlyMap<string, PassRead & { issuanceId: string }>;
}

export interface PilotSnapshot {
  group: GroupSummary;
  /** Start of the audit window: the pilot's start, or the retention limit if later. */
  windowStart: string;
  pilotStart: string;
  members: MemberFacts[];
  memberTotal?: number;
  progress: {
    members: SourceProgress;
    auditLog: SourceProgress;
    registrationReport: SourceProgress;
    passReads: { done: number; total: number };
  };
  /** Seconds the reports budget still needs for the planned reads, for an honest estimate. */
  secondsLeft?: number;
  notes: PilotNote[];
  complete: boolean;
  /** When this load started; counts describe Graph as of then. */
  loadedAt: string;
  sources: PilotSources;
}

export interface LoadPilotOptions {
  client: GraphClient;
  budget: RequestBudget;
  groupId: string;
  /** The TAP policy's longest lifetime: passes older than this are surely expired. */
  maxPassLifetimeMinutes: number;
  /** How long the tenant keeps directory audit events (30 days with Entra ID P1/P2). */
  auditRetentionDays: number;
  previous?: PilotSnapshot;
  now?: () => number;
  signal?: AbortSignal;
}

/** Roles Graph accepts for the audit log and the registration report (docs/graph-facts.md §4, §5). */
export const REPORTS_ROLES =
  'Reports Reader, Security Reader, Security Administrator or Global Reader';
/** Roles Graph accepts for reading someone else's pass (docs/graph-facts.md §1). */
export const PASS_READ_ROLES =
  'Global Reader, Authentication Administrator or Privileged Authentication Administrator';

function isOneTime(event: MicrosoftGraph.DirectoryAudit): boolean {
  const usage = event.targetResources
    ?.flatMap((target) => target.modifiedProperties ?? [])
    .find((property) => property.displayName === 'AccessPassUsage');
  // Only multi-use passes are marked; if Graph ever stops marking them, reading more is safe.
  return usage?.newValue?.replace(/"/g, '') !== 'Multiple';
}

function registrationKind(reason: string): Registration['kind'] {
  const text = reason.toLowerCase();
  if (text.includes('passwordless') || text.includes('phone sign-in')) return 'phoneSignIn';
  // "User registered Fido2 Authentication Method": a passkey or a security key; the report says which.
  if (text.includes('fido2') || text.includes('passkey')) return 'passkey';
  if (text.includes('authenticator')) return 'authenticator';
  return 'other';
}

function targetUserId(event: MicrosoftGraph.DirectoryAudit): string | undefined {
  return (
    event.targetResources?.find((target) => target.type?.toLowerCase() === 'user')?.id ?? undefined
  );
}

class AuditIndex {
  cursor?: string;
  readonly seen: Set<string>;
  readonly issuances: Map<string, Issuance>;
  readonly registrations: Map<string, Registration[]>;

  constructor(previous?: PilotSources) {
    this.cursor = previous?.auditCursor;
    this.seen = new Set(previous?.auditSeen);
    this.issuances = new Map(previous?.issuances);
    this.registrations = new Map(
      [...(previous?.registrations ?? [])].map(([id, list]) => [id, [...list]]),
    );
  }

  add(event: MicrosoftGraph.DirectoryAudit) {
    if (!event.id || !event.activityDateTime || this.seen.has(event.id)) return;
    this.seen.add(event.id);
    if (!this.cursor || event.activityDateTime > this.cursor) this.cursor = event.activityDateTime;
    if (event.result !== 'success') return;
    const userId = targetUserId(event);
    if (!userId) return;
    const at = event.activityDateTime;
    if (
      event.activityDisplayName === AUDIT_ACTIVITIES.adminRegistered &&
      event.resultReason === TAP_ISSUED_REASON
    ) {
      const known = this.issuances.get(userId);
      if (!known || known.at < at) {
        this.issuances.set(userId, { id: event.id, at, isUsableOnce: isOneTime(event) });
      }
    } else if (event.activityDisplayName === AUDIT_ACTIVITIES.userRegistered) {
      const list = this.registrations.get(userId) ?? [];
      list.push({ at, kind: registrationKind(event.resultReason ?? '') });
      this.registrations.set(userId, list);
    }
  }
}

interface ReportEntry {
  authenticator?: 'push' | 'passwordless';
  passkeyInAuthenticator: boolean;
  lastUpdatedDateTime?: string;
}

function earliest(list: readonly Registration[], test: (r: Registration) => boolean) {
  let best: string | undefined;
  for (const r of list) if (test(r) && (!best || r.at < best)) best = r.at;
  return best;
}

function passReadFrom(value: MicrosoftGraph.TemporaryAccessPassAuthenticationMethod[]): PassRead {
  const pass = value[0];
  if (!pass) return { usability: 'None' };
  const start = pass.startDateTime ?? pass.createdDateTime ?? undefined;
  const expires =
    start && pass.lifetimeInMinutes != null
      ? new Date(Date.parse(start) + pass.lifetimeInMinutes * 60_000).toISOString()
      : undefined;
  return {
    usability: (pass.methodUsabilityReason as PassUsability | null) ?? 'EnabledByPolicy',
    startDateTime: start,
    expiresDateTime: expires,
  };
}

/** Reads that cannot change until a new pass is issued, which a new audit event would show. */
const SETTLED: readonly PassUsability[] = ['Expired', 'OneTimeUsed', 'None'];

export async function* loadPilot(options: LoadPilotOptions): AsyncGenerator<PilotSnapshot> {
  const { client, budget, signal } = options;
  const now = options.now ?? Date.now;
  const loadedAt = now();
  const group = await getGroup(client, options.groupId, signal);
  const pilotStart = group.createdDateTime ? Date.parse(group.createdDateTime) : loadedAt;
  const windowStart = Math.max(pilotStart, loadedAt - options.auditRetentionDays * DAY);
  const clock: PilotClock = {
    now: loadedAt,
    pilotStart,
    maxPassLifetimeMinutes: options.maxPassLifetimeMinutes,
  };

  const members = new Map<string, MemberFacts>();
  let memberTotal: number | undefined;
  const audit = new AuditIndex(options.previous?.sources);
  const report = new Map<string, ReportEntry>();
  const passReads = new Map(
    [...(options.previous?.sources.passReads ?? [])].filter(([, read]) =>
      SETTLED.includes(read.usability),
    ),
  );
  const progress: PilotSnapshot['progress'] = {
    members: { pages: 0, items: 0, done: false },
    auditLog: { pages: 0, items: 0, done: false },
    registrationReport: { pages: 0, items: 0, done: false },
    passReads: { done: 0, total: 0 },
  };
  const notes: PilotNote[] = [];
  let secondsLeft: number | undefined;
  let reportAvailable = true;

  const facts = (member: MemberFacts): MemberFacts => {
    const issuance = audit.issuances.get(member.id);
    const registrations = audit.registrations.get(member.id) ?? [];
    const reported = report.get(member.id);
    const read = issuance ? passReads.get(member.id) : undefined;
    const fact: MemberFacts = {
      ...member,
      tapIssuedDateTime: issuance?.at,
      tapIsUsableOnce: issuance?.isUsableOnce,
      tapIssuanceId: issuance?.id,
      registeredAfterTapDateTime: issuance
        ? earliest(registrations, (r) => r.at >= issuance.at)
        : undefined,
      authenticator: reported?.authenticator,
      passkeyInAuthenticator: reported?.passkeyInAuthenticator || undefined,
      reportUpdatedDateTime: reported?.lastUpdatedDateTime,
      authenticatorRegisteredDateTime: earliest(
        registrations,
        (r) => r.kind === 'authenticator' || r.kind === 'phoneSignIn',
      ),
      phoneSignInEnabledDateTime: earliest(registrations, (r) => r.kind === 'phoneSignIn'),
      passkeyRegisteredDateTime: earliest(registrations, (r) => r.kind === 'passkey'),
      pass: read && read.issuanceId === issuance?.id ? read : undefined,
    };
    if (!reportAvailable && !fact.authenticator) {
      // Without the report, the audit log is the next best witness of a registration.
      if (fact.phoneSignInEnabledDateTime) fact.authenticator = 'passwordless';
      else if (fact.authenticatorRegisteredDateTime) fact.authenticator = 'push';
    }
    return fact;
  };

  const snapshot = (complete: boolean): PilotSnapshot => ({
    group,
    windowStart: new Date(windowStart).toISOString(),
    pilotStart: new Date(pilotStart).toISOString(),
    members: [...members.values()].map(facts),
    memberTotal,
    progress: structuredClone(progress),
    secondsLeft,
    notes: [...notes],
    complete,
    loadedAt: new Date(loadedAt).toISOString(),
    sources: {
      auditCursor: audit.cursor,
      auditSeen: audit.seen,
      issuances: audit.issuances,
      registrations: audit.registrations,
      passReads,
    },
  });
  yield snapshot(false);

  // Everything below runs side by side; each finished page wakes the generator to yield.
  let dirty = false;
  let wake = () => {};
  const changed = () => {
    dirty = true;
    wake();
  };
  let failure: unknown;
  let running = 0;
  const run = (task: () => Promise<void>) => {
    running++;
    task()
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => {
        running--;
        changed();
      });
  };

  run(async () => {
    for await (const page of pageTransitiveMemberUsers(client, options.groupId, signal)) {
      memberTotal ??= page['@odata.count'];
      for (const user of page.value) {
        if (!user.id) continue;
        members.set(user.id, {
          id: user.id,
          displayName: user.displayName ?? user.userPrincipalName ?? user.id,
          userPrincipalName: user.userPrincipalName ?? '',
          department: user.department ?? null,
        });
      }
      progress.members.pages++;
      progress.members.items = members.size;
      changed();
    }
    progress.members.done = true;
  });

  run(async () => {
    const from = audit.cursor ?? new Date(windowStart).toISOString();
    try {
      for await (const page of budgetedPages<MicrosoftGraph.DirectoryAudit>(client, budget, {
        path: '/auditLogs/directoryAudits',
        query: {
          $filter: directoryAuditFilter({ from, loggedByService: AUTHENTICATION_METHODS_SERVICE }),
          $top: 999,
        },
        signal,
      })) {
        for (const event of page.value) audit.add(event);
        progress.auditLog.pages++;
        progress.auditLog.items += page.value.length;
        changed();
      }
    } catch (error) {
      if (!isGraphError(error, 403)) throw error;
      notes.push({
        source: 'auditLog',
        affects: ['tapIssued', 'tapUsed'],
        needs: `an Entra role that reads the audit log (${REPORTS_ROLES}), AuditLog.Read.All and Directory.Read.All`,
        error,
      });
    }
    progress.auditLog.done = true;
  });

  const reportPages = async (method: string, kind: ReportEntry['authenticator']) => {
    for await (const page of budgetedPages<UserRegistrationDetails>(
      client,
      budget,
      registrationDetailsRequest(registeredMethodFilter(method), signal),
    )) {
      for (const row of page.value) {
        if (!row.id) continue;
        const methods = row.methodsRegistered ?? [];
        const authenticator: ReportEntry['authenticator'] | undefined = methods.includes(
          REGISTERED_METHODS.authenticatorPasswordless,
        )
          ? 'passwordless'
          : methods.includes(REGISTERED_METHODS.authenticatorPush)
            ? 'push'
            : undefined;
        const passkeyInAuthenticator = passwordlessGoalOf(methods) === 'passkey';
        if (authenticator ?? kind ?? passkeyInAuthenticator) {
          report.set(row.id, {
            authenticator: authenticator ?? kind,
            passkeyInAuthenticator,
            lastUpdatedDateTime: row.lastUpdatedDateTime,
          });
        }
      }
      progress.registrationReport.pages++;
      progress.registrationReport.items = report.size;
      changed();
    }
  };
  run(async () => {
    try {
      // Two narrow queries instead of the whole tenant's report: only people with Authenticator.
      await reportPages(REGISTERED_METHODS.authenticatorPasswordless, 'passwordless');
      await reportPages(REGISTERED_METHODS.authenticatorPush, 'push');
      // A passkey in Authenticator can come without Authenticator push (decision 0011).
      await reportPages(REGISTERED_METHODS.passkeyInAuthenticator, undefined);
    } catch (error) {
      if (!isGraphError(error, 403)) throw error;
      reportAvailable = false;
      report.clear();
      notes.push({
        source: 'registrationReport',
        affects: ['authenticatorRegistered', 'phoneSignInEnabled', 'passkeyRegistered'],
        needs: `an Entra role that reads authentication-method reports (${REPORTS_ROLES}), AuditLog.Read.All and Entra ID P1 or P2`,
        error,
      });
    }
    progress.registrationReport.done = true;
  });

  while (running > 0) {
    if (!dirty) await new Promise<void>((resolve) => (wake = resolve));
    dirty = false;
    if (failure) throw failure;
    yield snapshot(false);
  }
  if (failure) throw failure;

  // Only passes that could show OneTimeUsed and are not settled by an earlier read.
  const toRead = [...members.values()]
    .map(facts)
    .filter((member) => needsPassRead(member, clock) && !member.pass)
    .map((member) => ({ userId: member.id, issuanceId: member.tapIssuanceId as string }));
  progress.passReads.total = toRead.length;
  let refused = 0;
  for (let queue = toRead; queue.length > 0;) {
    secondsLeft = budget.secondsFor(queue.length);
    yield snapshot(false);
    const spend = await budget.takeUpTo(Math.min(BATCH_LIMIT, queue.length), signal);
    const chunk = queue.slice(0, spend.count);
    queue = queue.slice(spend.count);
    let answers: Map<string, BatchResult>;
    try {
      // Throttled items come back to be paid for again from the budget, not retried behind it.
      answers = await client.batch(
        chunk.map((item) => ({
          id: item.userId,
          method: 'GET',
          url: `/users/${encodeURIComponent(item.userId)}/authentication/temporaryAccessPassMethods`,
        })),
        signal,
        { maxRetries: 0 },
      );
    } catch (error) {
      if (!isRetryableError(error)) throw error;
      budget.pause(error.retryAfterSeconds ?? budget.windowSeconds);
      queue = [...chunk, ...queue];
      continue;
    } finally {
      spend.settle();
    }
    for (const item of chunk) {
      const answer = answers.get(item.userId);
      if (answer?.status === 200) {
        const body = answer.body as {
          value?: MicrosoftGraph.TemporaryAccessPassAuthenticationMethod[];
        };
        passReads.set(item.userId, {
          ...passReadFrom(body.value ?? []),
          issuanceId: item.issuanceId,
        });
        progress.passReads.done++;
      } else if (answer?.status === 429) {
        // Throttled on its own: wait as Graph asks, then pay for it again.
        budget.pause(
          parseRetryAfter(answer.headers['Retry-After'] ?? null) ?? budget.windowSeconds,
        );
        queue.push(item);
      } else if (answer?.status === 403) {
        refused++;
      } else {
        progress.passReads.done++;
      }
    }
    if (refused > 0) {
      // The role is missing for all of them alike: stop spending the budget on refusals.
      refused += queue.length;
      queue = [];
      const first = [...answers.values()].find((answer) => answer.status === 403);
      notes.push({
        source: 'passReads',
        affects: ['tapUsed'],
        needs: `${PASS_READ_ROLES} to read one-time passes`,
        error: graphErrorFrom(403, first?.body, new Headers(first?.headers)),
        members: refused,
      });
    }
  }
  secondsLeft = 0;
  yield snapshot(true);
}
