/**
 * The auditor's reasoning, without React or Graph, put together: classify directory audit events
 * (classify-events.ts), join TAP creations and deletions with the helpdesk's attempts
 * (pair-attempts.ts), flag what an auditor must look at (anomalies.ts), and make the rows of the
 * audit page. The page only displays the result.
 *
 * What a record says about itself (IssuedByUpn, IssuedAt) never decides a match (decision 0010):
 * it is checked against the facts the servers set, and a record that disagrees with them is flagged.
 */
import { finding, flag, flagAttempt, flagCreation, flagJoin, type History } from './anomalies';
import { groupAttempts, type Attempt } from './attempts';
import { emptyCounts, type AuditRow, type ReconcileInput, type ReconcileResult } from './audit-row';
import { classifyAll, lower, type ClassifiedEvent, type EventKind } from './classify-events';
import { pairAttempts, type MatchedBy } from './pair-attempts';

const DAY = 24 * 3_600_000;

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
    what: finding(`record.${attempt.outcome}`),
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
