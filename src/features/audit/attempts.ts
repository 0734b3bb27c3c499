/**
 * The verification list read as helpdesk actions (decisions 0009 and 0010). TAP Desk writes each
 * issuance as an attempt: a `pending` item before it calls Graph, then a second item with the same
 * AttemptId whose RefersTo names the pending item and whose Outcome says what happened. A revoke
 * is one item; items without an AttemptId are older single records. Items are never edited.
 *
 * Who wrote an item, and when, are SharePoint's facts (createdBy, createdDateTime); everything in
 * the item's columns is what its writer chose to say. The attempt's author is therefore the
 * author of the item that opened it, not the IssuedByUpn it claims.
 */
import type { VerificationOutcome, VerificationRecord } from '../../graph/verification-records';
import { messageRef, type MessageRef, type MessageValue } from '../../i18n/catalog';
import { messages } from './findings.messages';

const chain = (
  key: keyof typeof messages.messages.en,
  values?: Record<string, MessageValue>,
): MessageRef => messageRef(messages, key, values);

/** A person as SharePoint or Entra named them. */
export interface Author {
  id?: string;
  upn?: string;
  name?: string;
}

export interface Attempt {
  /** Unique among attempts: the AttemptId, or the item id of a record without one. */
  key: string;
  /** The pending item, or the only item of a single-item action. Its author is the attempt's. */
  opening: VerificationRecord;
  /** The item that closed a pending attempt, when one did. */
  completion?: VerificationRecord;
  /** Every item of the attempt, in the order SharePoint stored them. */
  items: VerificationRecord[];
  /** What happened: the completion's outcome, `pending` while nothing completed it. */
  outcome: VerificationOutcome;
  /** Who wrote the opening item, as SharePoint recorded it. */
  author: Author;
  /** When SharePoint stored the opening item (ms); undefined when Graph did not say. */
  writtenAt?: number;
  /** The method id the attempt names (lower case): the completion's, else the opening item's. */
  methodId?: string;
  /** Why these items are not one attempt as TAP Desk writes it; undefined when they are. */
  brokenChain?: MessageRef;
  /** Items changed after they were written. */
  edited: VerificationRecord[];
}

const lower = (value: string | undefined) => value?.toLowerCase();
const instant = (value: string | undefined) => {
  const time = Date.parse(value ?? '');
  return Number.isNaN(time) ? undefined : time;
};

/**
 * SharePoint stamps Created and Modified from one clock when it stores an item, so any later
 * Modified means an edit; a second of slack keeps a rounding from looking like one.
 */
const EDIT_SLACK_MS = 1000;

/** Changed after it was written: a later modified date, or an etag version past the first. */
export function wasEdited(record: VerificationRecord): boolean {
  if ((record.version ?? 1) > 1) return true;
  const created = instant(record.createdDateTime);
  const modified = instant(record.lastModifiedDateTime);
  return created !== undefined && modified !== undefined && modified - created > EDIT_SLACK_MS;
}

/** Oldest first by SharePoint's clock; list item ids only grow, so they break ties. */
function byWritten(a: VerificationRecord, b: VerificationRecord): number {
  const time = (instant(a.createdDateTime) ?? 0) - (instant(b.createdDateTime) ?? 0);
  return time || Number(a.itemId) - Number(b.itemId) || a.itemId.localeCompare(b.itemId);
}

/**
 * What is wrong with the way these items hang together, in words for the auditor. TAP Desk
 * writes one pending item and at most one completion that refers to it and names the same
 * person, or a single item that refers to nothing. Anything else was written some other way, or
 * lost an item (a deletion), so what it claims cannot be read as one action.
 */
function chainProblem(
  opening: VerificationRecord,
  pendings: readonly VerificationRecord[],
  others: readonly VerificationRecord[],
): MessageRef | undefined {
  const ids = (items: readonly VerificationRecord[]) => items.map((item) => item.itemId).join(', ');
  if (pendings.length > 1) {
    return chain('chain.manyPendings', { count: pendings.length, items: ids(pendings) });
  }
  if (opening.Outcome === 'revoked') {
    // A deletion is recorded before Graph is asked; a refusal appends a failed item to it.
    const after = others.filter((item) => item !== opening);
    const stray = after.find(
      (item) => item.Outcome !== 'failed' || item.RefersTo !== opening.itemId,
    );
    if (opening.RefersTo) {
      return chain('chain.notPending', { item: opening.itemId, refersTo: opening.RefersTo });
    }
    return stray
      ? chain('chain.strayAfterDeletion', { item: stray.itemId, deletion: opening.itemId })
      : undefined;
  }
  if (opening.Outcome !== 'pending') {
    if (opening.RefersTo) {
      return chain('chain.notPending', { item: opening.itemId, refersTo: opening.RefersTo });
    }
    return others.length > 1
      ? chain('chain.manyRecords', { count: others.length, items: ids(others) })
      : undefined;
  }
  // Two tabs may settle the same attempt at once: identical completions are one completion.
  const distinct = new Set(
    others.map((o) => [o.Outcome, lower(o.TapMethodId) ?? '', o.RefersTo ?? ''].join('|')),
  );
  if (distinct.size > 1) {
    return chain('chain.completedDifferently', {
      count: others.length,
      pending: opening.itemId,
      items: ids(others),
    });
  }
  const completion = others[0];
  if (!completion) return undefined;
  if (completion.Outcome === 'revoked') {
    return chain('chain.deletionEnds', { item: completion.itemId, pending: opening.itemId });
  }
  if (completion.RefersTo !== opening.itemId) {
    return chain('chain.refersElsewhere', {
      item: completion.itemId,
      refersTo: completion.RefersTo ?? chain('chain.none'),
      pending: opening.itemId,
    });
  }
  if (lower(completion.TargetUserId) !== lower(opening.TargetUserId)) {
    return chain('chain.otherPerson', { item: completion.itemId, pending: opening.itemId });
  }
  return undefined;
}

/** The items of one attempt, oldest first, read as one action. */
function readAttempt(key: string, items: VerificationRecord[]): Attempt {
  const pendings = items.filter((item) => item.Outcome === 'pending');
  const others = items.filter((item) => item.Outcome !== 'pending');
  // Items are never empty here, so one of the two exists.
  const opening = (pendings[0] ?? others[0]) as VerificationRecord;
  const completion =
    opening.Outcome === 'pending'
      ? others[0]
      : opening.Outcome === 'revoked'
        ? others.find((item) => item !== opening && item.Outcome === 'failed')
        : undefined;
  return {
    key,
    opening,
    completion,
    items,
    outcome: completion?.Outcome ?? opening.Outcome,
    author: { id: opening.createdById, upn: opening.createdByUpn, name: opening.createdByName },
    writtenAt: instant(opening.createdDateTime),
    methodId: lower(completion?.TapMethodId ?? opening.TapMethodId),
    brokenChain: chainProblem(opening, pendings, others),
    edited: items.filter(wasEdited),
  };
}

/** Groups the items into attempts by AttemptId; an item without one is an attempt of its own. */
export function groupAttempts(records: readonly VerificationRecord[]): Attempt[] {
  const groups = new Map<string, VerificationRecord[]>();
  for (const record of records) {
    const key = record.AttemptId ? `attempt:${record.AttemptId}` : `item:${record.itemId}`;
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  return [...groups].map(([key, items]) => readAttempt(key, items.sort(byWritten)));
}

/**
 * Started, and nothing says how it ended, for longer than an issuance takes: the tab closed or
 * lost its connection between the create call and the second item, and nobody opened the person
 * since (TAP Desk completes such attempts when a helpdesk member does).
 */
export function isUnfinished(attempt: Attempt, now: number, windowMs: number): boolean {
  return (
    attempt.outcome === 'pending' &&
    (attempt.writtenAt === undefined || now - attempt.writtenAt > windowMs)
  );
}
