/**
 * Loads a pilot's progress from Graph, React-free so the benchmark runs the very same code.
 *
 * The plan (docs/decisions/0006-pilot-progress-loading.md, 0014): members from the directory,
 * which is cheap; then the two sources that cover everyone in a few pages, paid for from the
 * reports budget (5 requests per 10 s): the directory audit log (passes issued, registrations,
 * dates) and the registration details report (Authenticator push vs phone sign-in, as of its last
 * refresh); last, $batch reads of the few one-time passes only a read can settle and of the
 * methods of people who registered since the report's refresh. It yields a snapshot after every
 * page, so the screen fills in as data arrives, and reuses what a previous snapshot knows.
 */
import type { GraphClient } from '../../graph/client';
import { getGroup, pageTransitiveMemberUsers, type GroupSummary } from '../../graph/groups';
import type { RequestBudget } from '../../graph/request-budget';
import { messageRef, type MessageRef } from '../../i18n/catalog';
import { messages } from './messages';
import { mergeFacts, readsFor, registrationsSinceReport, type MergeInputs } from './merging';
import {
  authenticatorReadFrom,
  batchedReads,
  passReadFrom,
  passkeysReadFrom,
  type MethodsRead,
  type ReadItem,
  type ReadKind,
} from './reads';
import {
  AuditIndex,
  ReportIndex,
  isSourceFailure,
  readAuditLog,
  readRegistrationReport,
  type AuditSources,
} from './sources';
import {
  needsPassRead,
  type MemberFacts,
  type PassRead,
  type PassUsability,
  type PilotClock,
  type Stage,
} from './stages';

export { TAP_ISSUED_REASON } from './sources';

const DAY = 86_400_000;

export interface SourceProgress {
  /** Requests answered so far. */
  pages: number;
  items: number;
  done: boolean;
}

export interface PilotNote {
  source: 'auditLog' | 'registrationReport' | 'passReads' | 'methodReads';
  /** Stages whose counts are less precise because of it. */
  affects: Stage[];
  /** What the person would need for the full picture, worded inside the Graph error's text. */
  needs: MessageRef;
  error: unknown;
  /** Members the gap touches, when known. */
  members?: number;
}

/** Raw material, kept so a refresh can reuse it: audit events and settled pass reads. */
export interface PilotSources extends AuditSources {
  passReads: ReadonlyMap<string, PassRead & { issuanceId: string }>;
}

/** How fresh each source is, for the page to say (the report lags by hours, graph-facts §4). */
export interface PilotFreshness {
  /** The report's oldest record refresh; undefined when it showed nobody or was unavailable. */
  reportAsOf?: string;
  /** The audit log was read up to this moment: the load's start. */
  auditLogTo?: string;
  /** Members whose newest registrations came from the audit log because the report lags (0 until complete). */
  newerThanReport: number;
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
    methodReads: { done: number; total: number };
  };
  /** Seconds the reports budget still needs for the planned reads, for an honest estimate. */
  secondsLeft?: number;
  /**
   * One-time passes that could have been used but were not read, because there were more than
   * the load reads without asking (passReadLimit); those members show "TAP issued".
   */
  passesUnchecked: number;
  notes: PilotNote[];
  freshness: PilotFreshness;
  complete: boolean;
  /** Painted from this session's last snapshot while a refresh runs (decision 0018). */
  restored?: boolean;
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
  /**
   * Least time between two partial snapshots while pages arrive (the page asks for a few hundred
   * ms: each snapshot re-renders everything); pages that arrive meanwhile go into the next one.
   */
  snapshotIntervalMs?: number;
  /** Most one-time passes to read; past it the load reads none of them (PASS_READS_UNASKED). */
  passReadLimit?: number;
}

/**
 * The most one-time passes a load reads without being asked: a minute of the reports limit.
 * Only a read tells "TAP used" from "TAP issued" for a pass still in its lifetime, and a busy
 * 100,000-member rollout has a couple of hundred of those: reading them all would hold the limit,
 * which auditors and other managers of the tenant share, for seven minutes to refine 0.2 % of the
 * pilot. Past this the page says so and reads them when the manager asks.
 */
export const PASS_READS_UNASKED = 30;

/** Roles Graph accepts for the audit log and the registration report (docs/graph-facts.md §4, §5). */
export const REPORTS_ROLES =
  'Reports Reader, Security Reader, Security Administrator or Global Reader';
/** Roles Graph accepts for reading someone else's methods (docs/graph-facts.md §1). */
export const PASS_READ_ROLES =
  'Global Reader, Authentication Administrator or Privileged Authentication Administrator';

/** Reads that cannot change until a new pass is issued, which a new audit event would show. */
const SETTLED: readonly PassUsability[] = ['Expired', 'OneTimeUsed', 'None'];

const READ_NOTES: Record<ReadKind, Pick<PilotNote, 'source' | 'affects' | 'needs'>> = {
  pass: {
    source: 'passReads',
    affects: ['tapUsed'],
    needs: messageRef(messages, 'needs.passReads', { roles: PASS_READ_ROLES }),
  },
  authenticator: {
    source: 'methodReads',
    affects: ['phoneSignInEnabled'],
    needs: messageRef(messages, 'needs.methodReads', { roles: PASS_READ_ROLES }),
  },
  passkeys: {
    source: 'methodReads',
    affects: ['passkeyRegistered'],
    needs: messageRef(messages, 'needs.methodReads', { roles: PASS_READ_ROLES }),
  },
};

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
  const report = new ReportIndex();
  const passReads = new Map(
    [...(options.previous?.sources.passReads ?? [])].filter(([, read]) =>
      SETTLED.includes(read.usability),
    ),
  );
  const methodReads = new Map<string, MethodsRead>();
  const progress: PilotSnapshot['progress'] = {
    members: { pages: 0, items: 0, done: false },
    auditLog: { pages: 0, items: 0, done: false },
    registrationReport: { pages: 0, items: 0, done: false },
    passReads: { done: 0, total: 0 },
    methodReads: { done: 0, total: 0 },
  };
  const notes: PilotNote[] = [];
  let secondsLeft: number | undefined;
  let passesUnchecked = 0;
  const inputs: MergeInputs = {
    audit,
    report: report.entries,
    reportAvailable: true,
    get reportAsOf() {
      return report.asOf;
    },
    methodReads,
    methodReadsAvailable: true,
    passReads,
  };
  let auditAvailable = true;

  const facts = (member: MemberFacts) => mergeFacts(member, inputs);
  // Merged facts in member order. Each snapshot merges again only the members a page touched,
  // so an unchanged member keeps its object and the page can keep its row (no work per page
  // that grows with the pilot, which at 100,000 members made loading quadratic).
  const merged = new Map<string, MemberFacts>();
  const stale = new Set<string>();
  let mergedWith = { reportAvailable: true, methodReadsAvailable: true, reportAsOf: '' };
  const mergeTouched = () => {
    const now = {
      reportAvailable: inputs.reportAvailable,
      methodReadsAvailable: inputs.methodReadsAvailable,
      // Only read without method reads (registrationsSinceReport in mergeFacts).
      reportAsOf: inputs.methodReadsAvailable ? '' : (inputs.reportAsOf ?? ''),
    };
    const all = Object.entries(now).some(
      ([key, value]) => mergedWith[key as keyof typeof now] !== value,
    );
    mergedWith = now;
    for (const id of audit.touched) stale.add(id);
    for (const id of report.touched) stale.add(id);
    audit.touched.clear();
    report.touched.clear();
    for (const id of all ? members.keys() : stale) {
      const member = members.get(id);
      if (member) merged.set(id, facts(member));
    }
    stale.clear();
  };
  const newerThanReport = () => {
    let count = 0;
    for (const id of audit.registrations.keys()) {
      if (members.has(id) && registrationsSinceReport(id, inputs).length > 0) count++;
    }
    return count;
  };
  const snapshot = (complete: boolean): PilotSnapshot => {
    mergeTouched();
    return {
      group,
      windowStart: new Date(windowStart).toISOString(),
      pilotStart: new Date(pilotStart).toISOString(),
      members: [...merged.values()],
      memberTotal,
      progress: structuredClone(progress),
      secondsLeft,
      passesUnchecked,
      notes: [...notes],
      freshness: {
        reportAsOf: inputs.reportAvailable ? report.asOf : undefined,
        auditLogTo: auditAvailable ? new Date(loadedAt).toISOString() : undefined,
        // Shown once complete; counting every time would walk every registration per page.
        newerThanReport: complete ? newerThanReport() : 0,
      },
      complete,
      loadedAt: new Date(loadedAt).toISOString(),
      sources: {
        auditCursor: audit.cursor,
        auditSeen: audit.seen,
        issuances: audit.issuances,
        registrations: audit.registrations,
        passReads,
      },
    };
  };
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
        const member: MemberFacts = {
          id: user.id,
          displayName: user.displayName ?? user.userPrincipalName ?? user.id,
          userPrincipalName: user.userPrincipalName ?? '',
          department: user.department ?? null,
        };
        members.set(user.id, member);
        merged.set(user.id, member);
        stale.add(user.id);
      }
      progress.members.pages++;
      progress.members.items = members.size;
      changed();
    }
    progress.members.done = true;
  });

  run(async () => {
    try {
      await readAuditLog({
        client,
        budget,
        audit,
        from: audit.cursor ?? new Date(windowStart).toISOString(),
        signal,
        onPage: (events) => {
          progress.auditLog.pages++;
          progress.auditLog.items += events;
          changed();
        },
      });
    } catch (error) {
      if (!isSourceFailure(error)) throw error;
      auditAvailable = false;
      notes.push({
        source: 'auditLog',
        affects: ['tapIssued', 'tapUsed'],
        needs: messageRef(messages, 'needs.auditLog', { roles: REPORTS_ROLES }),
        error,
      });
    }
    progress.auditLog.done = true;
  });

  run(async () => {
    try {
      await readRegistrationReport({
        client,
        budget,
        report,
        signal,
        onPage: () => {
          progress.registrationReport.pages++;
          progress.registrationReport.items = report.entries.size;
          changed();
        },
      });
    } catch (error) {
      if (!isSourceFailure(error)) throw error;
      inputs.reportAvailable = false;
      report.entries.clear();
      notes.push({
        source: 'registrationReport',
        affects: ['authenticatorRegistered', 'phoneSignInEnabled', 'passkeyRegistered'],
        needs: messageRef(messages, 'needs.registrationReport', { roles: REPORTS_ROLES }),
        error,
      });
    }
    progress.registrationReport.done = true;
  });

  const interval = options.snapshotIntervalMs ?? 0;
  let last = 0;
  while (running > 0) {
    if (!dirty) await new Promise<void>((resolve) => (wake = resolve));
    const wait = last + interval - Date.now();
    if (wait > 0 && running > 0 && !failure) {
      // The pages keep coming meanwhile; the last one of all wakes this early.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        wake = () => {
          if (running === 0 || failure) {
            clearTimeout(timer);
            resolve();
          }
        };
      });
    }
    dirty = false;
    if (failure) throw failure;
    last = Date.now();
    yield snapshot(false);
  }
  if (failure) throw failure;

  // Methods of people who registered since the report's refresh, then the one-time passes
  // that could show OneTimeUsed and are not settled by an earlier read or a registration.
  const methodItems = [...members.keys()].flatMap((userId) =>
    readsFor(registrationsSinceReport(userId, inputs)).map((kind) => ({ userId, kind })),
  );
  const issuanceOf = new Map<string, string>();
  mergeTouched();
  let passItems: ReadItem[] = [...merged.values()]
    .filter((member) => needsPassRead(member, clock) && !member.pass)
    .map((member) => {
      issuanceOf.set(member.id, member.tapIssuanceId as string);
      return { userId: member.id, kind: 'pass' };
    });
  if (passItems.length > (options.passReadLimit ?? PASS_READS_UNASKED)) {
    passesUnchecked = passItems.length;
    passItems = [];
  }
  progress.methodReads.total = methodItems.length;
  progress.passReads.total = passItems.length;
  for await (const event of batchedReads(client, budget, [...methodItems, ...passItems], signal)) {
    if (event.type === 'waiting') {
      secondsLeft = event.secondsLeft;
      yield snapshot(false);
    } else if (event.type === 'refused') {
      if (event.kind !== 'pass') inputs.methodReadsAvailable = false;
      const note = READ_NOTES[event.kind];
      const at = notes.findIndex((n) => n.source === note.source);
      const known = notes[at];
      if (known) {
        // Both method reads lack the same role: one note naming both stages.
        notes[at] = {
          ...known,
          affects: [...new Set([...known.affects, ...note.affects])],
          members: Math.max(known.members ?? 0, event.members),
        };
      } else {
        notes.push({ ...note, error: event.error, members: event.members });
      }
    } else if (event.item.kind === 'pass') {
      progress.passReads.done++;
      const read = passReadFrom(event.body);
      const issuanceId = issuanceOf.get(event.item.userId);
      if (read && issuanceId) passReads.set(event.item.userId, { ...read, issuanceId });
      stale.add(event.item.userId);
    } else {
      progress.methodReads.done++;
      const read =
        event.item.kind === 'authenticator'
          ? authenticatorReadFrom(event.body)
          : passkeysReadFrom(event.body);
      if (read) {
        methodReads.set(event.item.userId, { ...methodReads.get(event.item.userId), ...read });
      }
      stale.add(event.item.userId);
    }
  }
  secondsLeft = 0;
  yield snapshot(true);
}
