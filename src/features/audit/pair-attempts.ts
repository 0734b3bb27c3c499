/**
 * Joins TAP creations and deletions with the helpdesk's attempts on facts the servers set
 * (decision 0010): who acted and when, from Entra; who wrote the item and when, from SharePoint;
 * and the method id where both name one.
 */
import type { VerificationOutcome } from '../../graph/verification-records';
import type { Attempt, Author } from './attempts';
import { lower, type Actor, type ClassifiedEvent } from './classify-events';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * How an event found its attempt: the same method id; the same person within the match window of
 * SharePoint's time for the item; or, for a record its author wrote after the window, `late`.
 */
export type MatchedBy = 'methodId' | 'time' | 'late';

/**
 * The outcomes that can stand behind each kind of event. A pending or unknown attempt called
 * Graph and may have created the pass: its verification is on record even if its end is not.
 */
export const OUTCOMES_FOR: Record<'tapCreated' | 'tapDeleted', readonly VerificationOutcome[]> = {
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
