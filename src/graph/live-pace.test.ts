import { describe, expect, it, vi } from 'vitest';
import { GraphError } from './errors';
import { createLivePace, FIRST_MS, MAX_MS, QUIET_READS, readLive } from './live-pace';

const tooMany = (retryAfter?: number) =>
  new GraphError(429, 'TooManyRequests', 'Too many requests.', undefined, retryAfter);

describe('the live pace', () => {
  it('starts quick, backs off by half again per read that got through, snaps back when the stage moves', () => {
    const pace = createLivePace({ random: () => 0 });
    pace.observe('tapIssued', true);
    expect(pace.nextDelay()).toBe(FIRST_MS);
    pace.answered();
    // Asking again and again moves nothing; reads do.
    for (let i = 0; i < 10; i++) expect(pace.nextDelay()).toBe(5_000);
    pace.answered();
    expect(pace.nextDelay()).toBe(7_500);
    for (let i = 0; i < 10; i++) pace.answered();
    expect(pace.nextDelay()).toBe(MAX_MS);
    pace.observe('authenticatorRegistered', true);
    expect(pace.nextDelay()).toBe(FIRST_MS);
    pace.observe('phoneSignInEnabled', false);
    expect(pace.nextDelay()).toBe(false);
    expect(pace.sharedLimitSeconds()).toBeNull();
  });

  it('steps up the ladder on each 429, never below Retry-After, and says so', () => {
    const pace = createLivePace({ random: () => 0 });
    const heard = vi.fn();
    pace.subscribe(heard);
    pace.observe('tapIssued', true);
    pace.throttled(3);
    expect(pace.nextDelay()).toBe(10_000);
    expect(pace.sharedLimitSeconds()).toBe(10);
    pace.throttled(2);
    expect(pace.sharedLimitSeconds()).toBe(15);
    pace.throttled(40);
    expect(pace.nextDelay()).toBe(45_000);
    expect(heard).toHaveBeenCalledTimes(3);
    // Quick mode (an unfinished attempt) is held to the shared limit too.
    expect(pace.nextDelay({ quick: true })).toBe(45_000);
  });

  it('steps down after a few reads in a row get through, back to its own pace when quiet', () => {
    const pace = createLivePace({ random: () => 0 });
    pace.observe('tapIssued', true);
    pace.throttled(1);
    pace.throttled(1);
    expect(pace.sharedLimitSeconds()).toBe(15);
    for (let i = 0; i < QUIET_READS - 1; i++) pace.answered();
    expect(pace.sharedLimitSeconds()).toBe(15);
    pace.answered();
    expect(pace.sharedLimitSeconds()).toBe(10);
    // A refusal in between starts the count again.
    pace.answered();
    pace.throttled(1);
    expect(pace.sharedLimitSeconds()).toBe(15);
    for (let i = 0; i < 2 * QUIET_READS; i++) pace.answered();
    expect(pace.sharedLimitSeconds()).toBeNull();
    expect(pace.nextDelay()).toBe(MAX_MS);
  });

  it('does not blame the limit while its own pace is the slower one', () => {
    const pace = createLivePace({ random: () => 0 });
    pace.observe('tapIssued', true);
    for (let i = 0; i < 10; i++) pace.answered();
    pace.throttled(1);
    expect(pace.nextDelay()).toBe(MAX_MS);
    expect(pace.sharedLimitSeconds()).toBeNull();
  });

  it('spreads agents refused together by up to a tenth of the interval', () => {
    const pace = createLivePace({ random: () => 1 });
    pace.observe('tapIssued', true);
    pace.throttled(1);
    expect(pace.nextDelay()).toBe(11_000);
  });
});

describe('a live read', () => {
  it('never answers a 429 with what was shown before, as if it were new; it slows down and asks again', async () => {
    const pace = createLivePace({ random: () => 0 });
    pace.observe('tapIssued', true);
    const read = vi.fn().mockRejectedValueOnce(tooMany(4)).mockResolvedValueOnce('read after');
    const sleep = () => Promise.resolve();
    await expect(readLive(pace, read, undefined, sleep)).resolves.toBe('read after');
    expect(read).toHaveBeenCalledTimes(2);
    expect(pace.sharedLimitSeconds()).toBe(10);
  });

  it('with nothing shown yet, waits its turn and asks again instead of failing', async () => {
    const pace = createLivePace({ random: () => 0 });
    pace.observe('', true);
    const read = vi
      .fn()
      .mockRejectedValueOnce(tooMany(2))
      .mockRejectedValueOnce(tooMany())
      .mockResolvedValueOnce('methods');
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    };
    await expect(readLive(pace, read, undefined, sleep)).resolves.toBe('methods');
    expect(waits).toEqual([10_000, 15_000]);
  });

  it('lets a genuine failure through', async () => {
    const pace = createLivePace();
    const denied = new GraphError(403, 'accessDenied', 'No.');
    await expect(readLive(pace, () => Promise.reject(denied))).rejects.toBe(denied);
    const offline = new GraphError(0, 'networkError', 'Unreachable.');
    await expect(readLive(pace, () => Promise.reject(offline))).rejects.toBe(offline);
    expect(pace.sharedLimitSeconds()).toBeNull();
  });
});
