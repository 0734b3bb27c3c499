import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUDIENCE_SCOPES } from '../../src/auth/scopes';
import { DEMO_APPS } from '../constants';
import { createReportsLimiter } from '../graph/reports-limit';
import { DEMO_FIXTURES } from '../seed/people';
import { DEFAULT_SETTINGS, parseSettingsPatch, SettingsError } from '../settings';
import { claimsOf, graphGet, startTestEmulator, tokensFor, type TestEnv } from './support';

const REPORT = '/reports/authenticationMethods/userRegistrationDetails?$top=1';
const AUDITS = '/auditLogs/directoryAudits?$top=1';
const tap = (id: string) => `/users/${id}/authentication/temporaryAccessPassMethods`;

describe('the reports limiter', () => {
  const settings = { ...DEFAULT_SETTINGS, reportsLimit: { requests: 2, windowSeconds: 10 } };
  const at = (now: number, appId = 'app-1') => ({
    method: 'GET',
    path: '/x',
    appId,
    now,
    settings,
  });

  it('lets `requests` through per window per app, then says when the oldest one leaves', () => {
    const limiter = createReportsLimiter();
    expect(limiter.check(at(0))).toBeUndefined();
    expect(limiter.check(at(1_000))).toBeUndefined();
    expect(limiter.check(at(2_500))).toMatchObject({ retryAfterSeconds: 8 });
    expect(limiter.check(at(2_500, 'app-2'))).toBeUndefined();
    // Refused requests do not count: the first slot frees at 10 s.
    expect(limiter.check(at(10_001))).toBeUndefined();
    expect(limiter.check(at(10_002))).toMatchObject({ retryAfterSeconds: 1 });
    limiter.reset();
    expect(limiter.check(at(10_003))).toBeUndefined();
  });

  it('is a setting with a default of 5 per 10 seconds', () => {
    expect(DEFAULT_SETTINGS.reportsLimit).toEqual({ requests: 5, windowSeconds: 10 });
    expect(parseSettingsPatch({ reportsLimit: { requests: 50, windowSeconds: 1 } })).toEqual({
      reportsLimit: { requests: 50, windowSeconds: 1 },
    });
    expect(() => parseSettingsPatch({ reportsLimit: { requests: 0, windowSeconds: 10 } })).toThrow(
      SettingsError,
    );
    expect(() => parseSettingsPatch({ reportsLimit: 5 })).toThrow(SettingsError);
  });
});

describe('Graph under the reports limit', () => {
  let env: TestEnv;
  let manager: string;
  beforeAll(async () => {
    env = await startTestEmulator();
    manager = (
      await tokensFor(
        env,
        'max.manager@contoso.com',
        ['openid', ...AUDIENCE_SCOPES.pilot].join(' '),
      )
    ).access_token;
  });
  afterAll(() => env.close());
  beforeEach(() => env.emulator.reset());
  const get = (path: string) => graphGet(env, path, manager);

  it('shares one window between the report, the audit log and authentication methods', async () => {
    for (const path of [REPORT, REPORT, AUDITS, AUDITS, tap(DEMO_FIXTURES.pilotValidTap.id)]) {
      expect((await get(path)).status, path).toBe(200);
    }
    for (const path of [REPORT, AUDITS, tap(DEMO_FIXTURES.pilotValidTap.id)]) {
      const refused = await get(path);
      expect(refused.status, path).toBe(429);
      const retryAfter = Number(refused.headers.get('Retry-After'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(10);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
        'TooManyRequests',
      );
    }
    // Directory reads are not in the class.
    expect((await get('/users?$top=1')).status).toBe(200);
  });

  it('gives TAP Desk and TAP Desk Reports a window each: a pilot load never spends the helpdesk’s', async () => {
    const helpdesk = (
      await tokensFor(
        env,
        'helen.helpdesk@contoso.com',
        ['openid', ...AUDIENCE_SCOPES.helpdesk].join(' '),
      )
    ).access_token;
    expect(claimsOf(manager).appid).toBe(DEMO_APPS.reports.clientId);
    expect(claimsOf(helpdesk).appid).toBe(DEMO_APPS.main.clientId);
    const pass = tap(DEMO_FIXTURES.pilotValidTap.id);
    for (let i = 0; i < 5; i++) expect((await get(REPORT)).status).toBe(200);
    expect((await get(REPORT)).status).toBe(429);
    // The same person-independent, per-app budget: Reports is spent, TAP Desk still has all five.
    for (let i = 0; i < 5; i++) expect((await graphGet(env, pass, helpdesk)).status).toBe(200);
    expect((await graphGet(env, pass, helpdesk)).status).toBe(429);
    expect((await get(pass)).status).toBe(429);
  });

  it('throttles $batch items one by one, each with its own Retry-After', async () => {
    const ids = Object.values(DEMO_FIXTURES)
      .slice(0, 7)
      .map((f) => f.id);
    const response = await env.call('/graph/v1.0/$batch', {
      method: 'POST',
      headers: { Authorization: `Bearer ${manager}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        requests: ids.map((id, i) => ({ id: String(i), method: 'GET', url: tap(id) })),
      }),
    });
    expect(response.status).toBe(200);
    const { responses } = (await response.json()) as {
      responses: { status: number; headers: Record<string, string> }[];
    };
    expect(responses.filter((r) => r.status === 200)).toHaveLength(5);
    const throttled = responses.filter((r) => r.status === 429);
    expect(throttled).toHaveLength(2);
    for (const item of throttled) expect(Number(item.headers['Retry-After'])).toBeGreaterThan(0);
  });

  it('follows the setting, and starts afresh on reset', async () => {
    await env.call('/emulator/settings', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reportsLimit: { requests: 1, windowSeconds: 60 } }),
    });
    expect((await get(REPORT)).status).toBe(200);
    const refused = await get(REPORT);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(50);
    env.emulator.reset();
    expect((await get(REPORT)).status).toBe(200);
  });
});
