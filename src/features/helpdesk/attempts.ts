/**
 * Issuance attempts as the verification list tells them (decision 0009): a `pending` item written
 * before Graph is called, and a second item with the same AttemptId that completes it. Pure
 * functions over records and the user's passes, so the rules are tested without a browser.
 */
import type { TemporaryAccessPass } from '../../graph/authentication-methods';
import type { VerificationFields, VerificationRecord } from '../../graph/verification-records';

/**
 * How long a pending attempt may still be in flight in someone's tab: the create call waits out
 * at most a few throttled minutes. Past this, an attempt with no pass is settled as not issued.
 */
export const SETTLE_MS = 5 * 60_000;
/** Graph's clock and ours may disagree a little: a pass this much older still counts. */
const CLOCK_SKEW_MS = 60_000;

export interface Attempt {
  id: string;
  pending: VerificationRecord;
  completion: VerificationRecord | undefined;
}

/** Who wrote the pending item: SharePoint's author when Graph gave it, else what the item says. */
export function attemptAuthor(attempt: Attempt): string {
  return (attempt.pending.createdByUpn ?? attempt.pending.IssuedByUpn).toLowerCase();
}

export function groupAttempts(records: readonly VerificationRecord[]): Attempt[] {
  const byId = new Map<string, Attempt>();
  for (const record of records) {
    if (record.AttemptId && record.Outcome === 'pending') {
      const known = byId.get(record.AttemptId);
      byId.set(record.AttemptId, {
        id: record.AttemptId,
        pending: record,
        completion: known?.completion,
      });
    }
  }
  for (const record of records) {
    if (!record.AttemptId || record.Outcome === 'pending' || record.Outcome === 'revoked') continue;
    const attempt = byId.get(record.AttemptId);
    if (attempt && !attempt.completion) {
      attempt.completion = record;
    }
  }
  return [...byId.values()];
}

export function openAttempts(records: readonly VerificationRecord[]): Attempt[] {
  return groupAttempts(records).filter((attempt) => !attempt.completion);
}

export interface OtherAgentAttempt {
  attemptId: string;
  name: string;
  secondsAgo: number;
}

/** Someone else started issuing a pass for this user recently and has not finished. */
export function othersIssuing(
  records: readonly VerificationRecord[],
  me: string,
  now: number,
): OtherAgentAttempt[] {
  return openAttempts(records)
    .filter((attempt) => attemptAuthor(attempt) !== me.toLowerCase())
    .map((attempt) => ({
      attemptId: attempt.id,
      name: attempt.pending.IssuedByName ?? attempt.pending.IssuedByUpn,
      secondsAgo: Math.max(0, Math.round((now - Date.parse(attempt.pending.IssuedAt)) / 1000)),
    }))
    .filter((other) => other.secondsAgo * 1000 < SETTLE_MS);
}

/** The pass an attempt made, if any: created after the attempt began and claimed by no record. */
export function passFromAttempt(
  attempt: Pick<VerificationFields, 'IssuedAt'>,
  taps: readonly TemporaryAccessPass[],
  claimed: ReadonlySet<string> = new Set(),
): TemporaryAccessPass | undefined {
  const began = Date.parse(attempt.IssuedAt) - CLOCK_SKEW_MS;
  return taps.find(
    (tap) =>
      tap.id &&
      !claimed.has(tap.id) &&
      tap.createdDateTime &&
      Date.parse(tap.createdDateTime) >= began,
  );
}

export interface Resolution {
  attempt: Attempt;
  outcome: 'issued' | 'failed';
  tap: TemporaryAccessPass | undefined;
  errorCode: 'valueNotShown' | 'notIssued';
}

/**
 * What a pending attempt that nobody completed turned out to be, once it can be told: a pass made
 * after it began means it issued one whose value nobody saw; no pass past SETTLE_MS means nothing
 * was issued. Attempts still in flight in this tab, or too young to judge, are left alone.
 */
export function resolveOpenAttempts(input: {
  records: readonly VerificationRecord[];
  taps: readonly TemporaryAccessPass[];
  now: number;
  inFlight: ReadonlySet<string>;
}): Resolution[] {
  const claimed = new Set(
    input.records.map((record) => record.TapMethodId).filter((id): id is string => Boolean(id)),
  );
  const resolutions: Resolution[] = [];
  for (const attempt of openAttempts(input.records)) {
    if (input.inFlight.has(attempt.id)) continue;
    const tap = passFromAttempt(attempt.pending, input.taps, claimed);
    if (tap?.id) {
      claimed.add(tap.id);
      resolutions.push({ attempt, outcome: 'issued', tap, errorCode: 'valueNotShown' });
    } else if (input.now - Date.parse(attempt.pending.IssuedAt) > SETTLE_MS) {
      resolutions.push({ attempt, outcome: 'failed', tap: undefined, errorCode: 'notIssued' });
    }
  }
  return resolutions;
}

/** The completing item: the pending item's description, with what happened. */
export function completionFields(
  pending: VerificationRecord,
  outcome: Exclude<VerificationFields['Outcome'], 'pending' | 'revoked'>,
  extra: { tapId?: string | null; errorCode?: string },
): VerificationFields {
  const fields: VerificationFields = {
    Title: pending.Title,
    TargetUserId: pending.TargetUserId,
    TargetUpn: pending.TargetUpn,
    IssuedByUpn: pending.IssuedByUpn,
    IssuedAt: pending.IssuedAt,
    VerificationMethod: pending.VerificationMethod,
    Outcome: outcome,
    AttemptId: pending.AttemptId,
    RefersTo: pending.itemId,
  };
  const optional = {
    TargetDisplayName: pending.TargetDisplayName,
    IssuedByName: pending.IssuedByName,
    LifetimeMinutes: pending.LifetimeMinutes,
    IsUsableOnce: pending.IsUsableOnce,
    StartAt: pending.StartAt,
    Ticket: pending.Ticket,
    Reason: pending.Reason,
    TapMethodId: extra.tapId ?? undefined,
    ErrorCode: extra.errorCode,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(fields, { [key]: value });
  }
  return fields;
}

/** A pass issued through TAP Desk whose value nobody saw (answer lost, or cancelled too late). */
export function unseenPass(
  records: readonly VerificationRecord[],
  taps: readonly TemporaryAccessPass[],
): { tap: TemporaryAccessPass; record: VerificationRecord } | undefined {
  for (const record of records) {
    if (record.ErrorCode !== 'valueNotShown' || !record.TapMethodId) continue;
    const tap = taps.find((candidate) => candidate.id === record.TapMethodId);
    if (tap && (tap.isUsable === true || tap.methodUsabilityReason === 'NotYetValid')) {
      return { tap, record };
    }
  }
  return undefined;
}
