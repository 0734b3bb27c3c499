import { describe, expect, it, vi } from 'vitest';
import { GraphError } from './errors';
import {
  createLivePace,
  FIRST_MS,
  MAX_MS,
  readLive,
  RETRY_JITTER_MS,
  SHARED_CAP_MS,
  SHARED_STEP_DOWN_MS,
  SPREAD,
} from './live-pace';

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

  it('stretches the interval by half on a 429, never below Retry-After, and says so', () => {
    const pace = createLivePace({ random: () => 0.5 });
    const heard = vi.fn();
    pace.subscribe(heard);
    pace.observe('tapIssued', true);
    expect(pace.nextDelay()).toBe(FIRST_MS);
    pace.throttled(3);
    pace.answered();
    expect(pace.nextDelay()).toBe(10_000);
    expect(pace.sharedLimitSeconds()).toBe(10);
    pace.throttled(2);
    pace.answered();
    expect(pace.sharedLimitSeconds()).toBe(15);
    pace.throttled(40);
    expect(pace.sharedLimitSeconds()).toBe(40);
    expect(heard).toHaveBeenCalledTimes(3);
    // Quick mode (an unfinished attempt) is held to the shared limit too.
    expect(pace.nextDelay({ quick: true })).toBe(40_000);
  });

  it('stretches once per refused read however often it is refused, and never past the cap', () => {
    const pace = createLivePace({ random: () => 0.5 });
    pace.observe('tapIssued', true);
    pace.nextDelay();
    for (let i = 0; i < 5; i++) pace.throttled(2);
    expect(pace.sharedLimitSeconds()).toBe(10);
    pace.answered();
    for (let read = 0; read < 20; read++) {
      pace.throttled(1);
      pace.answered();
      expect(pace.nextDelay()).toBeLessThanOrEqual(SHARED_CAP_MS);
    }
    expect(pace.sharedLimitSeconds()).toBe(SHARED_CAP_MS / 1000);
    // Graph may ask for longer than the cap: the retry honours it, the interval stays capped.
    pace.throttled(90);
    expect(pace.retryDelay()).toBeGreaterThanOrEqual(90_000);
    expect(pace.sharedLimitSeconds()).toBe(SHARED_CAP_MS / 1000);
  });

  it('without Retry-After, backs off further on every refusal', () => {
    const pace = createLivePace({ random: () => 0.5 });
    pace.observe('tapIssued', true);
    pace.nextDelay();
    pace.throttled();
    expect(pace.retryDelay()).toBe(10_000);
    pace.throttled();
    expect(pace.retryDelay()).toBe(15_000);
  });

  it('creeps back by a fixed step per read that got through at the first ask, to its own pace', () => {
    const pace = createLivePace({ random: () => 0.5 });
    pace.observe('tapIssued', true);
    pace.nextDelay();
    pace.throttled(1);
    pace.answered();
    pace.throttled(1);
    pace.answered();
    expect(pace.sharedLimitSeconds()).toBe(15);
    pace.answered();
    expect(pace.sharedLimitSeconds()).toBe(15 - SHARED_STEP_DOWN_MS / 1000);
    // A read that had to wait its turn is no sign of room: it does not shorten the interval.
    pace.throttled(1);
    pace.answered();
    expect(pace.sharedLimitSeconds()).toBe(20);
    for (let i = 0; i < 20; i++) pace.answered();
    expect(pace.sharedLimitSeconds()).toBeNull();
    expect(pace.nextDelay()).toBe(MAX_MS);
  });

  it('settles near an even share when agents take turns at a limit', () => {
    // Twenty agents share 5 reads per 10 s: an even share is one read each per 40 s, slower
    // than the view's own pace. A read is refused when the last 10 s already saw 5.
    const agents = Array.from({ length: 20 }, (_, i) => ({
      pace: createLivePace({ random: () => (i * 0.618_034) % 1 }),
      at: i * 300,
    }));
    const window: number[] = [];
    const gaps: number[] = [];
    for (const agent of agents) agent.pace.observe('tapIssued', true);
    for (let step = 0; step < 2_000; step++) {
      const agent = agents.reduce((a, b) => (b.at < a.at ? b : a));
      const now = agent.at;
      while (window.length > 0 && window[0]! <= now - 10_000) window.shift();
      if (window.length >= 5) {
        agent.pace.throttled(Math.ceil((window[0]! + 10_000 - now) / 1000));
        agent.at = now + agent.pace.retryDelay();
      } else {
        window.push(now);
        agent.pace.answered();
        const next = agent.pace.nextDelay();
        if (step > 1_000 && next !== false) gaps.push(next);
        agent.at = now + (next || FIRST_MS);
      }
    }
    const mean = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
    const median = [...gaps].sort((a, b) => a - b)[gaps.length >> 1]!;
    // Not faster than the share (that only earns 429s), nor stuck at the cap.
    expect(mean).toBeGreaterThan(40_000 * 0.9);
    expect(median).toBeLessThan(SHARED_CAP_MS * 0.9);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(SHARED_CAP_MS * (1 + SPREAD));
  });

  it('goes back to its own pace once the limit no longer holds it slower', () => {
    const pace = createLivePace({ random: () => 0.5 });
    pace.observe('tapIssued', true);
    for (let i = 0; i < 10; i++) pace.answered();
    pace.nextDelay();
    pace.throttled(1);
    pace.answered();
    expect(pace.sharedLimitSeconds()).toBe(45);
    for (let i = 0; i < 8; i++) pace.answered();
    expect(pace.nextDelay()).toBe(MAX_MS);
    expect(pace.sharedLimitSeconds()).toBeNull();
  });

  it('spreads agents refused together around the interval, and keeps each wait until the next read', () => {
    const low = createLivePace({ random: () => 0 });
    const high = createLivePace({ random: () => 0.999 });
    for (const pace of [low, high]) {
      pace.observe('tapIssued', true);
      pace.nextDelay();
      pace.throttled(1);
      pace.answered();
    }
    expect(low.nextDelay()).toBe(10_000 * (1 - SPREAD));
    expect(high.nextDelay()).toBeCloseTo(10_000 * (1 + SPREAD), -2);
    // TanStack asks on every render: asking again must not move the timer.
    const random = vi.fn(() => 0.3);
    const pace = createLivePace({ random });
    pace.observe('tapIssued', true);
    pace.nextDelay();
    pace.throttled(1);
    pace.answered();
    const calls = random.mock.calls.length;
    const first = pace.nextDelay();
    for (let i = 0; i < 5; i++) expect(pace.nextDelay()).toBe(first);
    expect(random).toHaveBeenCalledTimes(calls);
  });

  it('retries a refused read after Retry-After, sooner the longer it has waited', () => {
    const pace = createLivePace({ random: () => 0.999 });
    pace.observe('tapIssued', true);
    pace.nextDelay();
    pace.throttled(3);
    const first = pace.retryDelay();
    expect(first).toBeGreaterThan(3_000 + RETRY_JITTER_MS * 0.9);
    pace.throttled(3);
    const second = pace.retryDelay();
    expect(second).toBeGreaterThanOrEqual(3_000);
    expect(second).toBeLessThan(first);
    pace.throttled(3);
    expect(pace.retryDelay()).toBeLessThan(second);
    expect(pace.retryDelay()).toBeGreaterThanOrEqual(3_000);
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
    const pace = createLivePace({ random: () => 0.5 });
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
    // Retry-After and half the first jitter; then, not told how long, the stretched interval.
    expect(waits).toEqual([2_000 + RETRY_JITTER_MS / 2, 15_000]);
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
