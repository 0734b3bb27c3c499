import { describe, expect, it } from 'vitest';
import type { VerificationRecord } from '../../graph/verification-records';
import { groupAttempts, isUnfinished, wasEdited } from './attempts';
import { wordsOf } from '../../testing/words';

const T0 = Date.parse('2026-11-26T10:00:00Z');
const iso = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function item(
  itemId: string,
  seconds: number,
  extra: Partial<VerificationRecord> = {},
): VerificationRecord {
  return {
    itemId,
    Title: 'INC1',
    TargetUserId: 'jo',
    TargetUpn: 'jo@contoso.com',
    IssuedByUpn: 'helen@contoso.com',
    IssuedAt: iso(0),
    VerificationMethod: 'In person with photo ID',
    Outcome: 'issued',
    createdById: 'helen-id',
    createdByUpn: 'helen@contoso.com',
    createdByName: 'Helen Helpdesk',
    createdDateTime: iso(seconds),
    lastModifiedDateTime: iso(seconds),
    ...extra,
  };
}

describe('groupAttempts', () => {
  it('reads a pending item and its completion as one attempt, whoever completed it', () => {
    const pending = item('7', 0, { AttemptId: 'a1', Outcome: 'pending' });
    const completion = item('9', 600, {
      AttemptId: 'a1',
      RefersTo: '7',
      TapMethodId: 'ABC',
      createdById: 'sam-id',
      createdByUpn: 'sam@contoso.com',
    });
    // Listed in any order: SharePoint's time orders them.
    const [attempt, ...others] = groupAttempts([completion, pending]);
    expect(others).toEqual([]);
    expect(attempt).toMatchObject({
      key: 'attempt:a1',
      outcome: 'issued',
      author: { id: 'helen-id', upn: 'helen@contoso.com', name: 'Helen Helpdesk' },
      writtenAt: T0,
      methodId: 'abc',
      brokenChain: undefined,
      edited: [],
    });
    expect(attempt?.opening).toBe(pending);
    expect(attempt?.completion).toBe(completion);
  });

  it('keeps a record without an AttemptId as an attempt of its own', () => {
    const attempts = groupAttempts([item('1', 0), item('2', 5)]);
    expect(attempts.map((a) => a.key)).toEqual(['item:1', 'item:2']);
    expect(attempts.every((a) => a.brokenChain === undefined)).toBe(true);
  });

  it('names what is wrong when two items start one attempt', () => {
    const [attempt] = groupAttempts([
      item('1', 0, { AttemptId: 'a', Outcome: 'pending' }),
      item('2', 1, { AttemptId: 'a', Outcome: 'pending' }),
    ]);
    expect(wordsOf(attempt!.brokenChain!)).toBe(
      '2 items start this attempt (items 1, 2); TAP Desk writes one.',
    );
  });
});

describe('wasEdited', () => {
  it('sees an edit in a later modified date, past a second of slack, or in the version', () => {
    expect(wasEdited(item('1', 0))).toBe(false);
    expect(wasEdited(item('1', 0, { lastModifiedDateTime: iso(0.5) }))).toBe(false);
    expect(wasEdited(item('1', 0, { lastModifiedDateTime: iso(60) }))).toBe(true);
    expect(wasEdited(item('1', 0, { version: 2 }))).toBe(true);
  });
});

describe('isUnfinished', () => {
  it('is a pending attempt older than the window', () => {
    const [attempt] = groupAttempts([item('1', 0, { AttemptId: 'a', Outcome: 'pending' })]);
    expect(isUnfinished(attempt!, T0 + 5 * 60_000, 10 * 60_000)).toBe(false);
    expect(isUnfinished(attempt!, T0 + 11 * 60_000, 10 * 60_000)).toBe(true);
  });
});
