import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedFloorSeconds } from '../../src/graph/live-pace';
import { DEFAULT_SETTINGS } from '../settings';
import { percentile, simulateAgents, VirtualTime, type AgentResult } from './live-agents';
import { startTestEmulator, type TestEnv } from './support';

describe('twenty agents sharing the reports limit', () => {
  const time = new VirtualTime();
  let env: TestEnv;
  let results: AgentResult[];
  beforeAll(async () => {
    env = await startTestEmulator({ userCount: 1_000 }, undefined, { now: time.now });
    results = await simulateAgents(env, time, { agents: 20 });
  }, 120_000);
  afterAll(() => env.close());

  it('each see their caller’s phone action, and none sees an error', () => {
    expect(results.map((r) => r.error)).toEqual(results.map(() => null));
    for (const r of results) expect(r.detectedAfterMs, r.userPrincipalName).not.toBeNull();
  });

  it('backed off because of the limit, and said so, rather than failing', () => {
    expect(results.reduce((sum, r) => sum + r.throttled, 0)).toBeGreaterThan(0);
    expect(results.some((r) => r.longestSharedSeconds !== null)).toBe(true);
    const floor = sharedFloorSeconds(20, DEFAULT_SETTINGS.reportsLimit);
    const detected = results.map((r) => r.detectedAfterMs ?? NaN);
    console.info(
      `20 agents: detected in p50 ${percentile(detected, 50) / 1000} s, p95 ${percentile(detected, 95) / 1000} s; floor ${floor} s between one agent's reads`,
    );
  });
});
