/**
 * The auditor's reasoning, without React or Graph: classify directory audit events, join TAP
 * creations and deletions with TAP Desk's verification records, and flag what an auditor must
 * look at. Every rule is here so it can be tested on its own; the page only displays the result.
 */
import type { DirectoryAudit } from '../../graph/audit-logs';
import { AUDIT_ACTIVITIES } from '../../graph/audit-logs';
import type { RoleHolder } from '../../graph/directory-roles';
import type { VerificationRecord } from '../../graph/verification-records';

export type EventKind = 'tapCreated' | 'tapDeleted' | 'authenticatorRegistered';
export type RowKind = EventKind | 'recordOnly';

export const ANOMALIES = [
  'noVerification',
  'adminTarget',
  'repeatWithin24h',
  'noAuthenticator',
  'recordWithoutEvent',
] as const;
export type Anomaly = (typeof ANOMALIES)[number];

export interface Actor {
  userId?: string;
  userName?: string;
  userUpn?: string;
  appId?: string;
  appName?: string;
}

export interface Target {
  id?: string;
  displayName?: string;
  upn?: string;
}

export interface ClassifiedEvent {
  id: string;
  kind: EventKind;
  at: string;
  time: number;
  succeeded: boolean;
  actor: Actor;
  target: Target;
  /** Graph's own words for what happened (resultReason, else the activity). */
  what: string;
  /** Ids of authentication methods named in the event, to match a record's TapMethodId. */
  methodIds: string[];
}

export interface AuditRow {
  id: string;
  kind: RowKind;
  at: string;
  actor: Actor;
  target: Target;
  what: string;
  succeeded: boolean;
  verification?: VerificationRecord;
  matchedBy?: 'methodId' | 'time';
  anomalies: Anomaly[];
  /** Directory roles the target holds, when that made the row an admin-account row. */
  targetRoles?: string[];
  /** Still inside its lifetime, so no Authenticator registration is expected yet. */
  awaitingRegistration?: boolean;
  /** A record older than the audit log keeps: absence from the log proves nothing. */
  beyondRetention?: boolean;
}

export interface ReconcileInput {
  /** Any mix of directory audit events; duplicates (same id) are read once. */
  events: readonly DirectoryAudit[];
  records: readonly VerificationRecord[];
  /** Holders of directory roles by object id; null when they could not be read. */
  roleHolders: ReadonlyMap<string, RoleHolder> | null;
  /** Rows shown: events and records inside [from, to] (ISO instants). */
  range: { from: string; to: string };
  now: number;
  /** How far apart a record's IssuedAt and the event may be and still describe one action. */
  matchWindowMinutes: number;
  retentionDays: number;
  /** Assumed lifetime when no record says, the policy's maximum, so nothing is flagged early. */
  fallbackLifetimeMinutes: number;
}

export interface ReconcileResult {
  rows: AuditRow[];
  counts: Record<Anomaly, number>;
  /** Start of what the audit log still holds; earlier, only records remain. */
  retentionStart: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

const lower = (value: string | null | undefined) => value?.toLowerCase() ?? undefined;

function kindOf(event: DirectoryAudit): EventKind | null {
  const reason = event.resultReason ?? '';
  const details = [
    reason,
    ...(event.targetResources ?? []).flatMap((target) =>
      (target.modifiedProperties ?? []).map((p) => `${p.displayName} ${p.newValue} ${p.oldValue}`),
    ),
    ...(event.additionalDetails ?? []).map((detail) => `${detail.key} ${detail.value}`),
  ].join(' ');
  const isTap = /temporary\s*access\s*pass/i.test(details);
  switch (event.activityDisplayName) {
    case AUDIT_ACTIVITIES.adminRegistered:
      return isTap ? 'tapCreated' : null;
    case AUDIT_ACTIVITIES.adminDeleted:
      return isTap ? 'tapDeleted' : null;
    case AUDIT_ACTIVITIES.userRegistered:
      return /authenticator/i.test(details) ? 'authenticatorRegistered' : null;
    default:
      return null;
  }
}

/** Reads one directory audit event as TAP Desk sees it, or null when it is about something else. */
export function classifyEvent(event: DirectoryAudit): ClassifiedEvent | null {
  const kind = kindOf(event);
  const time = Date.parse(event.activityDateTime ?? '');
  if (!kind || !event.id || Number.isNaN(time)) return null;
  const targets = event.targetResources ?? [];
  const user =
    targets.find((target) => lower(target.type) === 'user') ??
    targets.find((target) => target.userPrincipalName) ??
    targets[0];
  const initiatedUser = event.initiatedBy?.user;
  const initiatedApp = event.initiatedBy?.app;
  const methodIds = new Set<string>();
  const collect = (value: string | null | undefined) => {
    for (const match of value?.match(GUID) ?? []) methodIds.add(match.toLowerCase());
  };
  for (const target of targets) {
    for (const property of target.modifiedProperties ?? []) {
      collect(property.newValue);
      collect(property.oldValue);
    }
  }
  for (const detail of event.additionalDetails ?? []) collect(detail.value);
  if (user?.id) methodIds.delete(user.id.toLowerCase());
  return {
    id: event.id,
    kind,
    at: new Date(time).toISOString(),
    time,
    succeeded: (event.result ?? 'success') === 'success',
    actor: {
      userId: initiatedUser?.id ?? undefined,
      userName: initiatedUser?.displayName ?? undefined,
      userUpn: initiatedUser?.userPrincipalName ?? undefined,
      appId: initiatedApp?.appId ?? undefined,
      appName: initiatedApp?.displayName ?? undefined,
    },
    target: {
      id: user?.id ?? undefined,
      displayName: user?.displayName ?? undefined,
      upn: user?.userPrincipalName ?? undefined,
    },
    what: event.resultReason || event.activityDisplayName || kind,
    methodIds: [...methodIds],
  };
}

interface Pairing {
  event: ClassifiedEvent;
  record: VerificationRecord;
  by: 'methodId' | 'time';
  distance: number;
}

const OUTCOMES_FOR: Record<'tapCreated' | 'tapDeleted', readonly string[]> = {
  tapCreated: ['issued', 'replaced'],
  tapDeleted: ['revoked'],
};

/**
 * One record describes at most one event and the other way round. A shared method id is the
 * strongest evidence; otherwise the same target within the window, closest first. A record and
 * an event that both name a method id, and differ, never match however close in time.
 */
export function pairRecords(
  events: readonly ClassifiedEvent[],
  records: readonly VerificationRecord[],
  matchWindowMinutes: number,
): Map<string, { record: VerificationRecord; by: 'methodId' | 'time' }> {
  const window = matchWindowMinutes * MINUTE;
  const recordsByTarget = new Map<string, VerificationRecord[]>();
  for (const record of records) {
    const key = lower(record.TargetUserId) ?? '';
    recordsByTarget.set(key, [...(recordsByTarget.get(key) ?? []), record]);
  }
  const candidates: Pairing[] = [];
  for (const event of events) {
    if (event.kind === 'authenticatorRegistered' || !event.succeeded || !event.target.id) continue;
    for (const record of recordsByTarget.get(lower(event.target.id) ?? '') ?? []) {
      if (!OUTCOMES_FOR[event.kind].includes(record.Outcome)) continue;
      const distance = Math.abs(Date.parse(record.IssuedAt) - event.time);
      const recordMethod = lower(record.TapMethodId);
      if (recordMethod && event.methodIds.includes(recordMethod)) {
        candidates.push({ event, record, by: 'methodId', distance });
      } else if (distance <= window && !(recordMethod && event.methodIds.length > 0)) {
        candidates.push({ event, record, by: 'time', distance });
      }
    }
  }
  candidates.sort(
    (a, b) => Number(a.by === 'time') - Number(b.by === 'time') || a.distance - b.distance,
  );
  const pairs = new Map<string, { record: VerificationRecord; by: 'methodId' | 'time' }>();
  const usedRecords = new Set<string>();
  for (const candidate of candidates) {
    if (pairs.has(candidate.event.id) || usedRecords.has(candidate.record.itemId)) continue;
    pairs.set(candidate.event.id, { record: candidate.record, by: candidate.by });
    usedRecords.add(candidate.record.itemId);
  }
  return pairs;
}

function groupByTarget(events: readonly ClassifiedEvent[]): Map<string, ClassifiedEvent[]> {
  const groups = new Map<string, ClassifiedEvent[]>();
  for (const event of events) {
    const key = lower(event.target.id);
    if (!key) continue;
    const group = groups.get(key) ?? [];
    group.push(event);
    groups.set(key, group);
  }
  for (const group of groups.values()) group.sort((a, b) => a.time - b.time);
  return groups;
}

export function emptyCounts(): Record<Anomaly, number> {
  return Object.fromEntries(ANOMALIES.map((anomaly) => [anomaly, 0])) as Record<Anomaly, number>;
}

export function reconcile(input: ReconcileInput): ReconcileResult {
  const from = Date.parse(input.range.from);
  const to = Date.parse(input.range.to);
  const retentionStart = input.now - input.retentionDays * DAY;
  const inRange = (time: number) => time >= from && time <= to;

  const seen = new Set<string>();
  const events: ClassifiedEvent[] = [];
  for (const raw of input.events) {
    const event = classifyEvent(raw);
    if (!event || seen.has(event.id)) continue;
    seen.add(event.id);
    events.push(event);
  }

  const pairs = pairRecords(events, input.records, input.matchWindowMinutes);
  const creations = events.filter((event) => event.kind === 'tapCreated' && event.succeeded);
  const creationsByTarget = groupByTarget(creations);
  const deletionsByTarget = groupByTarget(
    events.filter((event) => event.kind === 'tapDeleted' && event.succeeded),
  );
  const registrationsByTarget = groupByTarget(
    events.filter((event) => event.kind === 'authenticatorRegistered' && event.succeeded),
  );

  const rows: AuditRow[] = [];
  for (const event of events) {
    if (!inRange(event.time)) continue;
    const pair = pairs.get(event.id);
    const row: AuditRow = {
      id: event.id,
      kind: event.kind,
      at: event.at,
      actor: event.actor,
      target: event.target,
      what: event.what,
      succeeded: event.succeeded,
      verification: pair?.record,
      matchedBy: pair?.by,
      anomalies: [],
    };
    if (event.kind === 'tapCreated' && event.succeeded) {
      flagCreation(row, event, pair?.record, input, {
        creations: creationsByTarget.get(lower(event.target.id) ?? '') ?? [],
        deletions: deletionsByTarget.get(lower(event.target.id) ?? '') ?? [],
        registrations: registrationsByTarget.get(lower(event.target.id) ?? '') ?? [],
      });
    }
    rows.push(row);
  }

  const pairedRecords = new Set([...pairs.values()].map((pair) => pair.record.itemId));
  for (const record of input.records) {
    const time = Date.parse(record.IssuedAt);
    if (pairedRecords.has(record.itemId) || !inRange(time)) continue;
    const claimsCreation = record.Outcome === 'issued' || record.Outcome === 'replaced';
    const beyondRetention = time < retentionStart;
    rows.push({
      id: `record:${record.itemId}`,
      kind: 'recordOnly',
      at: new Date(time).toISOString(),
      actor: { userName: record.IssuedByName, userUpn: record.IssuedByUpn },
      target: {
        id: record.TargetUserId,
        displayName: record.TargetDisplayName,
        upn: record.TargetUpn,
      },
      what: RECORD_WHAT[record.Outcome],
      succeeded: record.Outcome !== 'failed',
      verification: record,
      anomalies: claimsCreation && !beyondRetention ? ['recordWithoutEvent'] : [],
      beyondRetention: claimsCreation && beyondRetention ? true : undefined,
    });
  }

  rows.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.id.localeCompare(b.id));
  const counts = emptyCounts();
  for (const row of rows) for (const anomaly of row.anomalies) counts[anomaly]++;
  return { rows, counts, retentionStart };
}

const RECORD_WHAT: Record<VerificationRecord['Outcome'], string> = {
  pending: 'TAP Desk recorded starting to issue a Temporary Access Pass',
  unknown: 'TAP Desk recorded an attempt whose result it could not read back',
  issued: 'TAP Desk recorded issuing a Temporary Access Pass',
  replaced: 'TAP Desk recorded replacing a Temporary Access Pass',
  revoked: 'TAP Desk recorded deleting a Temporary Access Pass',
  failed: 'TAP Desk recorded a failed attempt to issue a Temporary Access Pass',
};

function flagCreation(
  row: AuditRow,
  event: ClassifiedEvent,
  record: VerificationRecord | undefined,
  input: ReconcileInput,
  history: {
    creations: ClassifiedEvent[];
    deletions: ClassifiedEvent[];
    registrations: ClassifiedEvent[];
  },
) {
  if (!record) row.anomalies.push('noVerification');

  const holder = event.target.id ? input.roleHolders?.get(event.target.id) : undefined;
  if (holder) {
    row.anomalies.push('adminTarget');
    row.targetRoles = holder.roles;
  }

  const others = history.creations.filter((other) => other.id !== event.id);
  if (others.some((other) => Math.abs(other.time - event.time) < DAY)) {
    row.anomalies.push('repeatWithin24h');
  }

  // The pass could lead to a registration until it expired, was replaced, or was deleted.
  const start = record?.StartAt ? Date.parse(record.StartAt) : event.time;
  const lifetime = record?.LifetimeMinutes ?? input.fallbackLifetimeMinutes;
  const ends = [
    Math.max(start, event.time) + lifetime * MINUTE,
    ...others.filter((other) => other.time > event.time).map((other) => other.time),
    ...history.deletions.filter((other) => other.time > event.time).map((other) => other.time),
  ];
  const end = Math.min(...ends);
  const registered = history.registrations.some(
    (registration) => registration.time > event.time && registration.time <= end,
  );
  if (registered) return;
  if (end <= input.now) row.anomalies.push('noAuthenticator');
  else row.awaitingRegistration = true;
}

export type ActivityFilter = 'all' | 'tapCreated' | 'tapDeleted' | 'authenticatorRegistered';

/** The rows the page shows for the chosen activity and anomaly. */
export function filterRows(
  rows: readonly AuditRow[],
  filter: { activity: ActivityFilter; anomaly?: Anomaly },
): AuditRow[] {
  return rows.filter((row) => {
    if (filter.anomaly && !row.anomalies.includes(filter.anomaly)) return false;
    if (filter.activity === 'all') return true;
    if (row.kind === 'recordOnly') {
      const outcome = row.verification?.Outcome;
      return filter.activity === 'tapCreated'
        ? outcome === 'issued' || outcome === 'replaced'
        : filter.activity === 'tapDeleted' && outcome === 'revoked';
    }
    return row.kind === filter.activity;
  });
}
