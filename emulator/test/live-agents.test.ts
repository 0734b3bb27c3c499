import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_CAP_MS, SPREAD } from '../../src/graph/live-pace';
import { secondsAtLimit } from '../../src/graph/request-budget';
import { DEFAULT_SETTINGS } from '../settings';
import { percentile, simulateAgents, VirtualTime, type AgentResult } from './live-agents';
import { startTestEmulator, type TestEnv } from './support';

function report(agents: number, results: AgentResult[]) {
  // One agent's share: the limit divided among the agents.
  const floor = secondsAtLimit(agents, DEFAULT_SETTINGS.reportsLimit);
  const detected = results.map((r) => r.detectedAfterMs ?? NaN);
  const inSeconds = (p: number) => (percentile(detected, p) / 1000).toFixed(1);
  console.info(
    `${agents} agents, ${results.length} detections: p50 ${inSeconds(50)} s, p95 ${inSeconds(95)} s; floor ${floor} s between one agent's reads`,
  );
}

describe.each([
  // Twenty agents, each opening two callers' pages in turn (as the benchmark does), and fifty
  // agents each watching one caller: past thirty agents the cap is below an even share.
  { agents: 20, callersEach: 2 },
  { agents: 50, callersEach: 1 },
])('$agents agents sharing the reports limit', ({ agents, callersEach }) => {
  const time = new VirtualTime();
  let env: TestEnv;
  let results: AgentResult[];
  beforeAll(async () => {
    env = await startTestEmulator({ userCount: 2_000 }, undefined, { now: time.now });
    results = await simulateAgents(env, time, { agents, callersEach });
    report(agents, results);
  }, 120_000);
  afterAll(() => env.close());

  it('each see their caller’s phone action, and none sees an error', () => {
    expect(results).toHaveLength(agents * callersEach);
    expect(results.map((r) => r.error)).toEqual(results.map(() => null));
    for (const r of results) expect(r.detectedAfterMs, r.userPrincipalName).not.toBeNull();
  });

  it('backed off because of the limit, and said so, but never past the cap', () => {
    expect(results.reduce((sum, r) => sum + r.throttled, 0)).toBeGreaterThan(0);
    expect(results.some((r) => r.longestSharedSeconds !== null)).toBe(true);
    for (const r of results) {
      expect(r.longestSharedSeconds ?? 0).toBeLessThanOrEqual(SHARED_CAP_MS / 1000);
      // Retry-After here is at most the 10 s window, so no wait exceeds the spread cap.
      expect(Math.max(...r.delays)).toBeLessThanOrEqual(SHARED_CAP_MS * (1 + SPREAD));
    }
  });

  it('spreads the agents’ waits, so those refused together do not come back together', () => {
    const retries = results.flatMap((r) => r.firstRetries);
    expect(retries.length).toBeGreaterThan(agents);
    expect(new Set(retries).size).toBeGreaterThan(retries.length * 0.9);
  });
});
