import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCE_SCOPES } from '../../src/auth/scopes';
import {
  createDirectoryLimiter,
  GRAPH_DIRECTORY_QUOTAS,
  isDirectoryPath,
  resourceUnitCost,
  resourceUnitQuota,
  type DirectoryQuotas,
} from '../graph/directory-limit';
import { DEMO_FIXTURES } from '../seed/people';
import { DEFAULT_SETTINGS } from '../settings';
import { graphGet, startTestEmulator, tokensFor, type TestEnv } from './support';

const USER = DEMO_FIXTURES.pilotValidTap.id;

describe('the cost of a directory request', () => {
  it('follows Microsoft’s table, unlisted paths costing 1', () => {
    expect(resourceUnitCost('GET', '/users')).toBe(2);
    expect(resourceUnitCost('GET', `/users/${USER}`)).toBe(1);
    expect(resourceUnitCost('GET', '/groups/g1/members')).toBe(3);
    expect(resourceUnitCost('GET', '/groups/g1/transitiveMembers/microsoft.graph.user')).toBe(5);
    expect(resourceUnitCost('GET', '/me/memberOf')).toBe(2);
    // What applies to me/ applies to users/{id}/.
    expect(resourceUnitCost('GET', `/users/${USER}/transitiveMemberOf`)).toBe(2);
    expect(resourceUnitCost('POST', '/directoryObjects/getByIds')).toBe(3);
    expect(resourceUnitCost('PATCH', `/users/${USER}`)).toBe(1);
  });

  it('is one less with $select or $top under 20, one more with $expand, never below 1', () => {
    expect(resourceUnitCost('GET', '/groups/g1/transitiveMembers?$select=id&$top=999')).toBe(4);
    expect(resourceUnitCost('GET', '/groups/g1/transitiveMembers?$select=id&$top=5')).toBe(3);
    expect(resourceUnitCost('GET', '/users?$expand=manager')).toBe(3);
    expect(resourceUnitCost('GET', `/users/${USER}?$select=id&$top=1`)).toBe(1);
  });

  it('applies to directory paths only, not to SharePoint, reports or audit logs', () => {
    expect(isDirectoryPath('/users/x/memberOf')).toBe(true);
    expect(isDirectoryPath('/Groups')).toBe(true);
    expect(isDirectoryPath('/sites/s/lists/l/items')).toBe(false);
    expect(isDirectoryPath('/auditLogs/directoryAudits')).toBe(false);
    expect(isDirectoryPath('/reports/authenticationMethods/userRegistrationDetails')).toBe(false);
  });

  it('has a quota by tenant size: under 50 users, 50 to 500, above 500', () => {
    const q = GRAPH_DIRECTORY_QUOTAS;
    expect([49, 50, 500, 501, 150_000].map((n) => resourceUnitQuota(q, n))).toEqual([
      3_500, 5_000, 5_000, 8_000, 8_000,
    ]);
  });
});

const SMALL: DirectoryQuotas = {
  ...GRAPH_DIRECTORY_QUOTAS,
  resourceUnits: { small: 4, medium: 6, large: 8 },
  writes: { ...GRAPH_DIRECTORY_QUOTAS.writes, tenant: { units: 3, windowSeconds: 300 } },
};

describe('the directory limiter', () => {
  const at = (
    now: number,
    appId = 'app-1',
    method = 'GET',
    path = '/users',
    tenantUsers = 300,
  ) => ({
    method,
    path,
    appId,
    now,
    settings: DEFAULT_SETTINGS,
    tenantUsers,
  });

  it('spends resource units per app in a 10-second window and says when enough leave', () => {
    const limiter = createDirectoryLimiter({ quotas: SMALL, tenantId: 't' });
    expect(limiter.check(at(0))).toBeUndefined(); // 2 RU
    expect(limiter.check(at(1_000))).toBeUndefined(); // 4
    expect(limiter.check(at(2_000, 'app-1', 'GET', '/users/u'))).toBeUndefined(); // 5
    const refused = limiter.check(at(3_000));
    // 2 more RU need the first request's 2 to leave, at 10 s.
    expect(refused).toMatchObject({
      retryAfterSeconds: 7,
      headers: {
        'x-ms-throttle-scope': 'Tenant_Application/Read/app-1/t',
        'x-ms-throttle-information': 'ResourceUnitLimitExceeded',
      },
    });
    expect(limiter.check(at(3_000, 'app-2'))).toBeUndefined();
    // The refusal spent nothing: at 10 s the first request's units are free again.
    expect(limiter.check(at(10_001))).toBeUndefined();
    limiter.reset();
    expect(limiter.check(at(10_002, 'app-1', 'GET', '/users', 10))).toBeUndefined();
    expect(limiter.check(at(10_003, 'app-1', 'GET', '/users', 10))).toBeUndefined();
    // A small tenant has the smaller quota.
    expect(limiter.check(at(10_004, 'app-1', 'GET', '/users/u', 10))).toBeDefined();
  });

  it('counts writes against the tenant for every app', () => {
    const limiter = createDirectoryLimiter({ quotas: SMALL, tenantId: 't' });
    for (const app of ['a', 'b', 'c']) {
      expect(limiter.check(at(0, app, 'PATCH', '/users/u'))).toBeUndefined();
    }
    expect(limiter.check(at(1, 'd', 'PATCH', '/users/u'))).toMatchObject({
      retryAfterSeconds: 300,
      headers: { 'x-ms-throttle-scope': 'Tenant/Write/d/t' },
    });
    expect(limiter.check(at(1, 'd', 'GET', '/users/u'))).toBeUndefined();
  });
});

describe('Graph under the directory limit', () => {
  let env: TestEnv;
  let helen: string;
  beforeAll(async () => {
    env = await startTestEmulator(undefined, undefined, { directoryQuotas: SMALL });
    helen = (
      await tokensFor(
        env,
        'helen.helpdesk@contoso.com',
        ['openid', ...AUDIENCE_SCOPES.helpdesk].join(' '),
      )
    ).access_token;
  });
  afterAll(() => env.close());

  it('answers 429 with Retry-After and Graph’s error body once the app’s units are spent', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await graphGet(env, '/users', helen)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await graphGet(env, '/users', helen);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('x-ms-throttle-information')).toBe('ResourceUnitLimitExceeded');
    expect(await refused.json()).toMatchObject({
      error: { code: 'TooManyRequests', innerError: { 'request-id': expect.any(String) } },
    });
    // A reset clears the windows with the tenant.
    env.emulator.reset();
    expect((await graphGet(env, `/users/${USER}`, helen)).status).toBe(200);
  });
});
