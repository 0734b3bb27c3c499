import { describe, expect, it } from 'vitest';
import type { DirectoryAudit } from '../../graph/audit-logs';
import type { VerificationRecord } from '../../graph/verification-records';
import { groupAttempts } from './attempts';
import { classifyEvent, type ClassifiedEvent } from './classify-events';
import { pairAttempts } from './pair-attempts';
import { at, event, HOUR, JO, KIM, MINUTE, NOW, record } from '../../testing/fixtures/audit-log';

describe('pairAttempts', () => {
  const classify = (raw: DirectoryAudit) => classifyEvent(raw) as ClassifiedEvent;
  const pairRecords = (
    events: ClassifiedEvent[],
    records: VerificationRecord[],
    matchWindowMinutes: number,
  ) => {
    const pairs = pairAttempts(events, groupAttempts(records), matchWindowMinutes);
    return new Map(
      [...pairs].map(([id, pair]) => [id, { record: pair.attempt.opening, by: pair.by }]),
    );
  };

  it('pairs by method id even when the times are far apart', () => {
    const created = classify(
      event('created', JO, at(5), {
        additionalDetails: [{ key: 'MethodId', value: '0b6e2d41-3c11-4d4e-9f0a-7e2c5b8d9a10' }],
      }),
    );
    const far = record(JO, at(4), { TapMethodId: '0B6E2D41-3C11-4D4E-9F0A-7E2C5B8D9A10' });
    expect(pairRecords([created], [far], 10).get(created.id)).toEqual({
      record: far,
      by: 'methodId',
    });
  });

  it('pairs by target and time within the window, closest first, one to one', () => {
    const first = classify(event('created', JO, at(2)));
    const second = classify(
      event('created', JO, new Date(NOW - 2 * HOUR + 8 * MINUTE).toISOString()),
    );
    const near = record(JO, new Date(NOW - 2 * HOUR + 7 * MINUTE).toISOString());
    const pairs = pairRecords([first, second], [near], 10);
    expect(pairs.get(second.id)?.record).toBe(near);
    expect(pairs.has(first.id)).toBe(false);
  });

  it('never pairs across users, outside the window, or with the wrong outcome', () => {
    const created = classify(event('created', JO, at(2)));
    expect(pairRecords([created], [record(KIM, at(2))], 10).size).toBe(0);
    expect(pairRecords([created], [record(JO, at(2.5))], 10).size).toBe(0);
    expect(pairRecords([created], [record(JO, at(2), { Outcome: 'failed' })], 10).size).toBe(0);
    expect(pairRecords([created], [record(JO, at(2), { Outcome: 'revoked' })], 10).size).toBe(0);
  });

  it('refuses a time match when both sides name different methods', () => {
    const created = classify(
      event('created', JO, at(2), {
        additionalDetails: [{ key: 'MethodId', value: '0b6e2d41-3c11-4d4e-9f0a-7e2c5b8d9a10' }],
      }),
    );
    const other = record(JO, at(2), { TapMethodId: '99999999-3c11-4d4e-9f0a-7e2c5b8d9a10' });
    expect(pairRecords([created], [other], 10).size).toBe(0);
  });

  it('pairs a deletion with a revoked record', () => {
    const deleted = classify(event('deleted', JO, at(2)));
    const revoked = record(JO, at(2), { Outcome: 'revoked' });
    expect(pairRecords([deleted], [revoked], 10).get(deleted.id)?.record).toBe(revoked);
  });
});
