import type { TemporaryAccessPass } from '../../graph/authentication-methods';
import type { VerificationRecord } from '../../graph/verification-records';
import {
  completionFields,
  groupAttempts,
  othersIssuing,
  resolveOpenAttempts,
  SETTLE_MS,
  unseenPass,
} from './attempts';

const T0 = Date.parse('2030-03-01T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function pending(attemptId: string, over: Partial<VerificationRecord> = {}): VerificationRecord {
  return {
    itemId: `p-${attemptId}`,
    Title: 'INC1',
    Ticket: 'INC1',
    TargetUserId: 'u1',
    TargetUpn: 'ada@contoso.com',
    IssuedByUpn: 'helen@contoso.com',
    IssuedByName: 'Helen Helpdesk',
    IssuedAt: iso(T0),
    VerificationMethod: 'Video call',
    Reason: 'New phone',
    Outcome: 'pending',
    AttemptId: attemptId,
    createdByUpn: 'helen@contoso.com',
    ...over,
  };
}
const tap = (id: string, createdMs: number): TemporaryAccessPass => ({
  id,
  createdDateTime: iso(createdMs),
  isUsable: true,
  methodUsabilityReason: 'EnabledByPolicy',
});

describe('issuance attempts in the verification list', () => {
  it('pairs a pending item with the item that completes it', () => {
    const first = pending('a');
    const done = { ...completionFields(first, 'issued', { tapId: 't1' }), itemId: 'c-a' };
    const [attempt] = groupAttempts([first, done]);
    expect(attempt?.completion?.itemId).toBe('c-a');
    expect(done).toMatchObject({
      RefersTo: 'p-a',
      AttemptId: 'a',
      TapMethodId: 't1',
      Ticket: 'INC1',
    });
  });

  it("names another agent's unfinished attempt, but not one's own or a settled one", () => {
    const records = [
      pending('mine'),
      pending('sam', {
        IssuedByUpn: 'sam@contoso.com',
        IssuedByName: 'Sam Senior',
        createdByUpn: 'sam@contoso.com',
      }),
      pending('old', { createdByUpn: 'sam@contoso.com', IssuedAt: iso(T0 - SETTLE_MS - 1000) }),
    ];
    expect(othersIssuing(records, 'HELEN@contoso.com', T0 + 40_000)).toEqual([
      { attemptId: 'sam', name: 'Sam Senior', secondsAgo: 40 },
    ]);
  });

  it('judges the author by who wrote the item, not by what it says', () => {
    const forged = pending('x', {
      IssuedByUpn: 'helen@contoso.com',
      createdByUpn: 'sam@contoso.com',
    });
    expect(othersIssuing([forged], 'helen@contoso.com', T0)).toHaveLength(1);
  });

  it('settles an attempt left pending: a pass made after it began was issued unseen', () => {
    const [resolution] = resolveOpenAttempts({
      records: [pending('a')],
      taps: [tap('t-new', T0 + 2_000)],
      now: T0 + 10_000,
      inFlight: new Set(),
    });
    expect(resolution).toMatchObject({ outcome: 'issued', errorCode: 'valueNotShown' });
    expect(resolution?.tap?.id).toBe('t-new');
  });

  it('waits while an attempt may still be in flight, then settles it as not issued', () => {
    const input = {
      records: [pending('a')],
      taps: [tap('t-old', T0 - 3_600_000)],
      inFlight: new Set<string>(),
    };
    expect(resolveOpenAttempts({ ...input, now: T0 + 60_000 })).toEqual([]);
    expect(resolveOpenAttempts({ ...input, now: T0 + SETTLE_MS + 1 })).toMatchObject([
      { outcome: 'failed', errorCode: 'notIssued' },
    ]);
  });

  it('leaves alone attempts this tab is running, and passes another record already claims', () => {
    const claimed: VerificationRecord = {
      ...pending('b'),
      Outcome: 'issued',
      TapMethodId: 't-new',
    };
    expect(
      resolveOpenAttempts({
        records: [pending('a'), claimed],
        taps: [tap('t-new', T0 + 2_000)],
        now: T0 + 10_000,
        inFlight: new Set(),
      }),
    ).toEqual([]);
    expect(
      resolveOpenAttempts({
        records: [pending('a')],
        taps: [tap('t-new', T0 + 2_000)],
        now: T0 + SETTLE_MS * 2,
        inFlight: new Set(['a']),
      }),
    ).toEqual([]);
  });

  it('points at a live pass whose value nobody saw', () => {
    const record: VerificationRecord = {
      ...pending('a'),
      Outcome: 'issued',
      TapMethodId: 't1',
      ErrorCode: 'valueNotShown',
    };
    expect(unseenPass([record], [tap('t1', T0)])?.tap.id).toBe('t1');
    expect(
      unseenPass(
        [record],
        [{ ...tap('t1', T0), isUsable: false, methodUsabilityReason: 'Expired' }],
      ),
    ).toBeUndefined();
  });
});
