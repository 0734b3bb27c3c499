/**
 * The auditor's reasoning, without React or Graph: classify directory audit events, join TAP
 * creations and deletions with the helpdesk's attempts in the verification list, and flag what an
 * auditor must look at. Every rule is here so it can be tested on its own; the page only displays
 * the result.
 *
 * The join rests on facts the servers set (decision 0010): who acted and when, from Entra's audit
 * event; who wrote the item and when, from SharePoint; and the method id where both name one.
 * What a record says about itself (IssuedByUpn, IssuedAt) never decides a match: it is checked
 * against those facts, and a record that disagrees with them is flagged.
 */
import type { DirectoryAudit } from '../../graph/audit-logs';
import { AUDIT_ACTIVITIES } from '../../graph/audit-logs';
import type { RoleHolder } from '../../graph/directory-roles';
import type { VerificationOutcome, VerificationRecord } from '../../graph/verification-records';
import { groupAttempts, isUnfinished, type Attempt, type Author } from './attempts';

export type EventKind =
  'tapCreated' | 'tapDeleted' | 'authenticatorRegistered' | 'passkeyRegistered' | 'passkeyDeleted';
export type RowKind = EventKind | 'recordOnly';

export const ANOMALIES = [
  'noVerification',
  'adminTarget',
  'repeatWithin24h',
  'noAuthenticator',
  'recordWithoutEvent',
  'authorNotActor',
  'issuerNotAuthor',
  'writtenLate',
  'recordEdited',
  'attemptUnfinished',
  'brokenAttempt',
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

/**
 * How an event found its attempt: the same method id; the same person within the match window of
 * SharePoint's time for the item; or, for a record its author wrote after the window, `late`.
 */
export type MatchedBy = 'methodId' | 'time' | 'late';

export interface AuditRow {
  id: string;
  kind: RowKind;
  at: string;
  actor: Actor;
  target: Target;
  what: string;
  succeeded: boolean;
  /** The item that opened the attempt: how the caller was verified, the ticket, the reason. */
  verification?: VerificationRecord;
  /** The helpdesk action the row shows, or that its event is joined with. */
  attempt?: Attempt;
  matchedBy?: MatchedBy;
  anomalies: Anomaly[];
  /** What exactly was found, per anomaly, in words the auditor reads beside the flag. */
  findings?: Partial<Record<Anomaly, string>>;
  /** Directory roles the target holds, when that made the row an admin-account row. */
  targetRoles?: string[];
  /** Still inside its lifetime, so no passwordless registration is expected yet. */
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
  /**
   * How far apart Entra's time for an event and SharePoint's time for an item may be and still
   * describe one action; a record written later than this after its event is flagged late.
   */
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
  // Entra words a passkey as a FIDO2 method ("User registered Fido2 Authentication Method");
  // the wording varies, so any mention of FIDO2 or passkey counts, whatever the case.
  const isPasskey = /fido\s*2|passkey/i.test(details);
  switch (event.activityDisplayName) {
    case AUDIT_ACTIVITIES.adminRegistered:
      return isTap ? 'tapCreated' : null;
    case AUDIT_ACTIVITIES.adminDeleted:
      if (isTap) return 'tapDeleted';
      return isPasskey ? 'passkeyDeleted' : null;
    case AUDIT_ACTIVITIES.userDeleted:
      return isPasskey ? 'passkeyDeleted' : null;
    case AUDIT_ACTIVITIES.userRegistered:
      // A passkey in Authenticator may name Authenticator too: the passkey decides.
      if (isPasskey) return 'passkeyRegistered';
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

/**
 * The outcomes that can stand behind each kind of event. A pending or unknown attempt called
 * Graph and may have created the pass: its verification is on record even if its end is not.
 */
const OUTCOMES_FOR: Record<'tapCreated' | 'tapDeleted', readonly VerificationOutcome[]> = {
  tapCreated: ['issued', 'replaced', 'pending', 'unknown'],
  tapDeleted: ['revoked'],
};

/** How long after an event its actor's own record still counts as its (late) record. */
const LATE_HORIZON = DAY;

/**
 * The item's author is the event's actor. Object ids decide when both sides carry one
 * (SharePoint's email need not be the UPN); otherwise the email and the UPN must agree. An
 * unknown author, or an event with no user behind it, is nobody's match.
 */
export function isSamePerson(author: Author, actor: Actor): boolean {
  if (author.id && actor.userId) return lower(author.id) === lower(actor.userId);
  return Boolean(author.upn && actor.userUpn && lower(author.upn) === lower(actor.userUpn));
}

interface Candidate {
  event: ClassifiedEvent;
  attempt: Attempt;
  by: MatchedBy;
  authorActed: boolean;
  distance: number;
}

/** Whether, and how strongly, an attempt for the event's person can be that event's record. */
function candidate(event: ClassifiedEvent, attempt: Attempt, window: number): Candidate | null {
  const authorActed = isSamePerson(attempt.author, event.actor);
  const delay = attempt.writtenAt === undefined ? undefined : attempt.writtenAt - event.time;
  const found = (by: MatchedBy): Candidate => ({
    event,
    attempt,
    by,
    authorActed,
    distance: delay === undefined ? Number.POSITIVE_INFINITY : Math.abs(delay),
  });
  if (attempt.methodId && event.methodIds.includes(attempt.methodId)) return found('methodId');
  // Both name a method and they differ: two different passes, however close in time.
  if (attempt.methodId && event.methodIds.length > 0) return null;
  if (delay === undefined) return null;
  if (Math.abs(delay) <= window) return found('time');
  // The actor wrote a record for this person afterwards: joined, so it is flagged as late
  // instead of reading as a pass without a record next to a record without a pass.
  if (authorActed && delay > window && delay <= LATE_HORIZON) return found('late');
  return null;
}

const TIER: Record<MatchedBy, number> = { methodId: 0, time: 1, late: 2 };

/** A shared method id first; then a record its actor wrote; then the closest in time. */
function strongestFirst(a: Candidate, b: Candidate): number {
  return (
    TIER[a.by] - TIER[b.by] ||
    Number(b.authorActed) - Number(a.authorActed) ||
    a.distance - b.distance
  );
}

/**
 * Joins events with attempts, one to one, strongest evidence first. Only SharePoint's and
 * Entra's facts decide: the target, the outcome's kind, the method ids, the item's author and
 * time against the event's actor and time. A record written by someone other than the actor can
 * still be joined (and is then flagged), but never wins over one the actor wrote on evidence as
 * strong.
 */
export function pairAttempts(
  events: readonly ClassifiedEvent[],
  attempts: readonly Attempt[],
  matchWindowMinutes: number,
): Map<string, { attempt: Attempt; by: MatchedBy }> {
  const window = matchWindowMinutes * MINUTE;
  const attemptsByTarget = new Map<string, Attempt[]>();
  for (const attempt of attempts) {
    const key = lower(attempt.opening.TargetUserId) ?? '';
    attemptsByTarget.set(key, [...(attemptsByTarget.get(key) ?? []), attempt]);
  }
  const candidates: Candidate[] = [];
  for (const event of events) {
    if (event.kind !== 'tapCreated' && event.kind !== 'tapDeleted') continue;
    if (!event.succeeded || !event.target.id) continue;
    for (const attempt of attemptsByTarget.get(lower(event.target.id) ?? '') ?? []) {
      if (!OUTCOMES_FOR[event.kind].includes(attempt.outcome)) continue;
      const found = candidate(event, attempt, window);
      if (found) candidates.push(found);
    }
  }
  candidates.sort(strongestFirst);
  const pairs = new Map<string, { attempt: Attempt; by: MatchedBy }>();
  const used = new Set<string>();
  for (const { event, attempt, by } of candidates) {
    if (pairs.has(event.id) || used.has(attempt.key)) continue;
    pairs.set(event.id, { attempt, by });
    used.add(attempt.key);
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

function flag(row: AuditRow, anomaly: Anomaly, finding?: string) {
  row.anomalies.push(anomaly);
  if (finding) row.findings = { ...row.findings, [anomaly]: finding };
}

/** UTC, to the minute: findings are read beside events from other time zones. */
const utc = (time: number | string | undefined) =>
  time === undefined || Number.isNaN(new Date(time).getTime())
    ? 'at an unknown time'
    : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function duration(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

function nameOf(person: { name?: string; upn?: string }): string {
  if (person.name && person.upn) return `${person.name} (${person.upn})`;
  return person.name ?? person.upn ?? 'an unknown author';
}

function actorName(actor: Actor): string {
  if (actor.userName || actor.userUpn) return nameOf({ name: actor.userName, upn: actor.userUpn });
  return actor.appName ? `the app ${actor.appName}, with no user` : 'no user';
}

/**
 * The opening item names its author as the issuer. TAP Desk writes the signed-in person, so any
 * other name was typed by someone. SharePoint gives the author's email, which need not be the
 * UPN: when the event proves (by object id) that the author acted, the actor's UPN counts too.
 */
function namesItsAuthor(attempt: Attempt, actor?: Actor): boolean {
  const claimed = lower(attempt.opening.IssuedByUpn);
  if (!claimed) return false;
  if (claimed === lower(attempt.author.upn)) return true;
  const authorActed =
    actor !== undefined &&
    Boolean(attempt.author.id && actor.userId) &&
    lower(attempt.author.id) === lower(actor.userId);
  return authorActed && claimed === lower(actor.userUpn);
}

function editFinding(record: VerificationRecord): string {
  const editor = nameOf({ name: record.lastModifiedByName, upn: record.lastModifiedByUpn });
  const version = (record.version ?? 1) > 1 ? `, now version ${record.version}` : '';
  return `Item ${record.itemId} was changed ${utc(record.lastModifiedDateTime)} by ${editor}${version}.`;
}

/** Checks on the record alone, for every row that shows one; `actor` when it is joined. */
function flagAttempt(row: AuditRow, attempt: Attempt, input: ReconcileInput, actor?: Actor) {
  if (!namesItsAuthor(attempt, actor)) {
    flag(
      row,
      'issuerNotAuthor',
      `It names ${attempt.opening.IssuedByUpn || 'no one'} as issuer; SharePoint says ${nameOf(attempt.author)} wrote it.`,
    );
  }
  if (attempt.edited.length > 0) {
    flag(row, 'recordEdited', attempt.edited.map(editFinding).join(' '));
  }
  if (isUnfinished(attempt, input.now, input.matchWindowMinutes * MINUTE)) {
    flag(
      row,
      'attemptUnfinished',
      `${nameOf(attempt.author)} started it ${utc(attempt.writtenAt)}; no item says how it ended.`,
    );
  }
  if (attempt.brokenChain) flag(row, 'brokenAttempt', attempt.brokenChain);
}

/** Checks of the record against the event it is joined with. */
function flagJoin(row: AuditRow, event: ClassifiedEvent, attempt: Attempt, input: ReconcileInput) {
  if (!isSamePerson(attempt.author, event.actor)) {
    flag(
      row,
      'authorNotActor',
      `SharePoint says ${nameOf(attempt.author)} wrote the record; the audit log says ${actorName(event.actor)} acted.`,
    );
  }
  const delay = attempt.writtenAt === undefined ? 0 : attempt.writtenAt - event.time;
  if (delay > input.matchWindowMinutes * MINUTE) {
    flag(row, 'writtenLate', `The record was written ${duration(delay)} after the event.`);
  }
}

interface History {
  creations: ClassifiedEvent[];
  deletions: ClassifiedEvent[];
  /** Passwordless follow-ups: Authenticator or passkey registrations. */
  registrations: ClassifiedEvent[];
}

function flagCreation(
  row: AuditRow,
  event: ClassifiedEvent,
  record: VerificationRecord | undefined,
  input: ReconcileInput,
  history: History,
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

  // The pass could lead to a registration until it expired, was replaced, or was deleted. The
  // record's lifetime is what its writer says: capped at the policy's maximum, so a claim cannot
  // hold the flag back longer than any pass can live.
  const start = record?.StartAt ? Date.parse(record.StartAt) : event.time;
  const lifetime = Math.min(
    record?.LifetimeMinutes ?? input.fallbackLifetimeMinutes,
    input.fallbackLifetimeMinutes,
  );
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

function eventRow(
  event: ClassifiedEvent,
  pair: { attempt: Attempt; by: MatchedBy } | undefined,
  input: ReconcileInput,
  histories: Record<keyof History, Map<string, ClassifiedEvent[]>>,
): AuditRow {
  const row: AuditRow = {
    id: event.id,
    kind: event.kind,
    at: event.at,
    actor: event.actor,
    target: event.target,
    what: event.what,
    succeeded: event.succeeded,
    verification: pair?.attempt.opening,
    attempt: pair?.attempt,
    matchedBy: pair?.by,
    anomalies: [],
  };
  if (event.kind === 'tapCreated' && event.succeeded) {
    const target = lower(event.target.id) ?? '';
    flagCreation(row, event, pair?.attempt.opening, input, {
      creations: histories.creations.get(target) ?? [],
      deletions: histories.deletions.get(target) ?? [],
      registrations: histories.registrations.get(target) ?? [],
    });
  }
  if (pair) {
    flagJoin(row, event, pair.attempt, input);
    flagAttempt(row, pair.attempt, input, event.actor);
  }
  return row;
}

const RECORD_WHAT: Record<VerificationOutcome, string> = {
  pending: 'TAP Desk recorded starting to issue a Temporary Access Pass',
  unknown: 'TAP Desk recorded an attempt whose result it could not read back',
  issued: 'TAP Desk recorded issuing a Temporary Access Pass',
  replaced: 'TAP Desk recorded replacing a Temporary Access Pass',
  revoked: 'TAP Desk recorded deleting a Temporary Access Pass',
  failed: 'TAP Desk recorded a failed attempt to issue a Temporary Access Pass',
};

/**
 * An attempt no event was joined with. It is placed at SharePoint's time for its opening item;
 * only when Graph gave none, at the time the record claims. Who acted is who wrote it.
 */
function attemptRow(attempt: Attempt, input: ReconcileInput, retentionStart: number): AuditRow {
  const { opening, author } = attempt;
  const time = attempt.writtenAt ?? Date.parse(opening.IssuedAt);
  const claimsCreation = attempt.outcome === 'issued' || attempt.outcome === 'replaced';
  const beyondRetention = time < retentionStart;
  const row: AuditRow = {
    id: `record:${opening.itemId}`,
    kind: 'recordOnly',
    at: new Date(time).toISOString(),
    actor: { userId: author.id, userName: author.name, userUpn: author.upn },
    target: {
      id: opening.TargetUserId,
      displayName: opening.TargetDisplayName,
      upn: opening.TargetUpn,
    },
    what: RECORD_WHAT[attempt.outcome],
    succeeded: attempt.outcome !== 'failed',
    verification: opening,
    attempt,
    anomalies: [],
    beyondRetention: claimsCreation && beyondRetention ? true : undefined,
  };
  if (claimsCreation && !beyondRetention) flag(row, 'recordWithoutEvent');
  flagAttempt(row, attempt, input);
  return row;
}

/** Reads each event once, keeping those about TAP creation, deletion, Authenticator or passkeys. */
function classifyAll(raw: readonly DirectoryAudit[]): ClassifiedEvent[] {
  const seen = new Set<string>();
  const events: ClassifiedEvent[] = [];
  for (const item of raw) {
    const event = classifyEvent(item);
    if (!event || seen.has(event.id)) continue;
    seen.add(event.id);
    events.push(event);
  }
  return events;
}

export function reconcile(input: ReconcileInput): ReconcileResult {
  const from = Date.parse(input.range.from);
  const to = Date.parse(input.range.to);
  const retentionStart = input.now - input.retentionDays * DAY;
  const inRange = (time: number) => time >= from && time <= to;

  const events = classifyAll(input.events);
  const attempts = groupAttempts(input.records);
  const pairs = pairAttempts(events, attempts, input.matchWindowMinutes);
  const succeeded = (...kinds: EventKind[]) =>
    groupByTarget(events.filter((event) => kinds.includes(event.kind) && event.succeeded));
  const histories = {
    creations: succeeded('tapCreated'),
    deletions: succeeded('tapDeleted'),
    // Either passwordless method is the follow-up a pass is for (decision 0011).
    registrations: succeeded('authenticatorRegistered', 'passkeyRegistered'),
  };

  const rows: AuditRow[] = events
    .filter((event) => inRange(event.time))
    .map((event) => eventRow(event, pairs.get(event.id), input, histories));
  const joined = new Set([...pairs.values()].map((pair) => pair.attempt.key));
  for (const attempt of attempts) {
    if (joined.has(attempt.key)) continue;
    const row = attemptRow(attempt, input, retentionStart);
    if (inRange(Date.parse(row.at))) rows.push(row);
  }

  rows.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.id.localeCompare(b.id));
  const counts = emptyCounts();
  for (const row of rows) for (const anomaly of row.anomalies) counts[anomaly]++;
  return { rows, counts, retentionStart };
}

export type ActivityFilter = 'all' | EventKind;

/** The rows the page shows for the chosen activity and anomaly. */
export function filterRows(
  rows: readonly AuditRow[],
  filter: { activity: ActivityFilter; anomaly?: Anomaly },
): AuditRow[] {
  return rows.filter((row) => {
    if (filter.anomaly && !row.anomalies.includes(filter.anomaly)) return false;
    if (filter.activity === 'all') return true;
    // A record-only row counts as the activity its outcome claims.
    if (row.kind === 'recordOnly') {
      const outcome = row.attempt?.outcome;
      return (
        (filter.activity === 'tapCreated' || filter.activity === 'tapDeleted') &&
        outcome !== undefined &&
        OUTCOMES_FOR[filter.activity].includes(outcome)
      );
    }
    return row.kind === filter.activity;
  });
}
