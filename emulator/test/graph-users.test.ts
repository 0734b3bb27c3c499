import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_CLIENT_ID,
  DEMO_TENANT_ID,
  PILOT_GROUP_ID,
  PILOT_WAVE2_GROUP_ID,
  ROLE_TEMPLATE_IDS,
} from '../constants';
import { DEMO_ACCOUNTS, DEMO_FIXTURES } from '../seed/people';
import { claimsOf, graphGet, startTestEmulator, tokensFor, type TestEnv } from './support';

interface Page {
  '@odata.context': string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: Record<string, unknown>[];
}

const helen = DEMO_ACCOUNTS[0]!;
const EVENTUAL = { ConsistencyLevel: 'eventual' };
let env: TestEnv;
let token: string;
/** Every wait the emulator was asked for (settings.latencyMs), answered at once. */
const waits: number[] = [];

beforeAll(async () => {
  env = await startTestEmulator(undefined, undefined, {
    wait: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });
  token = (
    await tokensFor(env, helen.userPrincipalName, 'openid User.Read.All GroupMember.Read.All')
  ).access_token;
});
afterAll(() => env.close());

const get = (path: string, headers: Record<string, string> = {}, bearer = token) =>
  graphGet(env, path, bearer, headers);
const page = async (path: string, headers: Record<string, string> = {}) => {
  const response = await get(path, headers);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Page;
};
const expectGraphError = async (
  response: Response,
  status: number,
  code: string,
  message?: string | RegExp,
) => {
  expect(response.status).toBe(status);
  const body = (await response.json()) as {
    error: { code: string; message: string; innerError: Record<string, string> };
  };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error)).toEqual(['code', 'message', 'innerError']);
  expect(Object.keys(body.error.innerError)).toEqual(['date', 'request-id', 'client-request-id']);
  expect(body.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  expect(body.error.innerError['request-id']).toBe(response.headers.get('request-id'));
  expect(body.error.code).toBe(code);
  if (message) expect(body.error.message).toMatch(message);
  return body.error;
};
const q = (text: string) => encodeURIComponent(text);

describe('GET /users', () => {
  it('pages with $top and nextLink through every user exactly once, counting on page 1 only', async () => {
    const seen: string[] = [];
    let url: string | undefined =
      `${env.origin}/graph/v1.0/users?$top=37&$select=id,displayName&$count=true`;
    let pages = 0;
    while (url) {
      const response = await env.fetch(url, {
        headers: { Authorization: `Bearer ${token}`, ...EVENTUAL },
      });
      const body = (await response.json()) as Page;
      if (pages === 0) expect(body['@odata.count']).toBe(env.emulator.state.users.length);
      else expect(body['@odata.count']).toBeUndefined();
      expect(body.value.length).toBeLessThanOrEqual(37);
      expect(Object.keys(body.value[0] ?? {})).toEqual(['id', 'displayName']);
      seen.push(...body.value.map((u) => u.id as string));
      url = body['@odata.nextLink'];
      if (url) {
        expect(url.startsWith(`${env.origin}/graph/v1.0/users?`)).toBe(true);
        expect(url).toContain('$top=37');
        expect(url).toContain('$skiptoken=');
      }
      pages++;
    }
    expect(pages).toBe(Math.ceil(env.emulator.state.users.length / 37));
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(env.emulator.state.users.map((u) => u.id)));
  });

  it('returns 100 users by default with the default properties and an @odata.context', async () => {
    const body = await page('/users');
    expect(body.value).toHaveLength(100);
    expect(body['@odata.context']).toBe(`${env.origin}/graph/v1.0/$metadata#users`);
    expect(Object.keys(body.value[0] ?? {}).sort()).toEqual(
      [
        'businessPhones',
        'displayName',
        'givenName',
        'jobTitle',
        'mail',
        'mobilePhone',
        'officeLocation',
        'preferredLanguage',
        'surname',
        'userPrincipalName',
        'id',
      ].sort(),
    );
    expect(body['@odata.count']).toBeUndefined();
  });

  it('ignores $count without ConsistencyLevel, as Graph does', async () => {
    expect((await page('/users?$count=true&$top=1'))['@odata.count']).toBeUndefined();
  });

  it('refuses $top outside 1..999', async () => {
    await expectGraphError(
      await get('/users?$top=1000'),
      400,
      'Request_BadRequest',
      "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.",
    );
    await expectGraphError(await get('/users?$top=0'), 400, 'Request_BadRequest');
  });

  it('refuses an unknown $select property', async () => {
    await expectGraphError(await get('/users?$select=id,shoeSize'), 400, 'BadRequest', /shoeSize/);
  });

  it('refuses $search without ConsistencyLevel: eventual with Graph’s code and message', async () => {
    await expectGraphError(
      await get(`/users?$search=${q('"displayName:jos"')}`),
      400,
      'Request_UnsupportedQuery',
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    );
  });

  it('finds José by a prefix of a display-name token and by surname', async () => {
    const byToken = await page(
      `/users?$search=${q('"displayName:jos"')}&$select=id,displayName`,
      EVENTUAL,
    );
    expect(byToken.value.map((u) => u.displayName)).toContain('José Núñez');
    expect(
      byToken.value.every((u) =>
        /(^|\s)jos/i.test((u.displayName as string).normalize('NFD').replace(/\p{M}/gu, '')),
      ),
    ).toBe(true);
    const bySurname = await page(
      `/users?$search=${q('"surname:Núñ" OR "displayName:núñez"')}&$select=id`,
      EVENTUAL,
    );
    expect(bySurname.value.map((u) => u.id)).toContain(DEMO_FIXTURES.pilotValidTap.id);
    const mail = await page(`/users?$search=${q('"mail:zoe.chen"')}&$select=id`, EVENTUAL);
    expect(mail.value.map((u) => u.id)).toEqual([DEMO_FIXTURES.pilotExpiredTap.id]);
  });

  it('combines $search clauses with AND/OR and counts, sorts with $orderby', async () => {
    const body = await page(
      `/users?$search=${q('"displayName:helen" AND "displayName:helpdesk" OR "mail:sam.senior"')}&$count=true&$orderby=displayName&$select=displayName`,
      EVENTUAL,
    );
    expect(body.value.map((u) => u.displayName)).toEqual(['Helen Helpdesk', 'Sam Senior Helpdesk']);
    expect(body['@odata.count']).toBe(2);
  });

  it('refuses a malformed $search', async () => {
    for (const bad of [
      'displayName:jo',
      '"displayName:jo',
      '"displayName:jo" "mail:jo"',
      '"displayName:jo" and "mail:jo"',
    ]) {
      await expectGraphError(
        await get(`/users?$search=${q(bad)}`, EVENTUAL),
        400,
        'Request_UnsupportedQuery',
        /^Syntax error/,
      );
    }
  });

  it('keeps a quote or "\') or true" in a startswith literal as data', async () => {
    const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
    const injected = await page(
      `/users?$filter=${q(`startswith(displayName,${literal("x') or true or ('")})`)}`,
    );
    expect(injected.value).toEqual([]);
    const apostrophe = await page(
      `/users?$filter=${q(`startswith(displayName,${literal("Siobhán O'B")})`)}&$select=id`,
    );
    expect(apostrophe.value.map((u) => u.id)).toEqual([DEMO_FIXTURES.pilotNothingYet.id]);
    await expectGraphError(
      await get(`/users?$filter=${q("startswith(displayName,'a') or true")}`),
      400,
      'Request_UnsupportedQuery',
    );
  });

  it('filters with eq, and/or and refuses what it does not support', async () => {
    const guests = await page(
      `/users?$filter=${q("userType eq 'Guest' and accountEnabled eq true")}&$select=userPrincipalName`,
    );
    expect(guests.value.map((u) => u.userPrincipalName).sort()).toEqual(
      [
        DEMO_FIXTURES.externalGuest.userPrincipalName,
        DEMO_FIXTURES.internalGuest.userPrincipalName,
      ].sort(),
    );
    const disabled = await page(`/users?$filter=${q('accountEnabled eq false')}&$select=id`);
    expect(disabled.value).toHaveLength(2);
    const either = await page(
      `/users?$filter=${q(`id eq '${helen.id}' or userPrincipalName eq 'SAM.SENIOR@contoso.com'`)}&$select=id`,
    );
    expect(either.value).toHaveLength(2);
    await expectGraphError(
      await get(`/users?$filter=${q("jobTitle eq 'Buyer'")}`),
      400,
      'Request_UnsupportedQuery',
      'Unsupported Query.',
    );
    await expectGraphError(
      await get(`/users?$filter=${q("contains(displayName,'a')")}`),
      400,
      'Request_UnsupportedQuery',
    );
    await expectGraphError(
      await get(`/users?$filter=${q("startswith(displayName,'a')")}&$orderby=displayName`),
      400,
      'Request_UnsupportedQuery',
    );
  });

  it('returns only basic properties with User.ReadBasic.All', async () => {
    const basic = (await tokensFor(env, helen.userPrincipalName, 'openid User.ReadBasic.All'))
      .access_token;
    const response = await get('/users?$select=id,displayName,department&$top=3', {}, basic);
    const body = (await response.json()) as Page;
    expect(Object.keys(body.value[0] ?? {})).toEqual(['id', 'displayName']);
  });

  it('answers 403 Authorization_RequestDenied when the token lacks the scope', async () => {
    const meOnly = (await tokensFor(env, helen.userPrincipalName, 'openid User.Read')).access_token;
    await expectGraphError(
      await get('/users', {}, meOnly),
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    );
    expect((await get('/me', {}, meOnly)).status).toBe(200);
  });
});

describe('GET /users/{id}', () => {
  it('finds a user by id or UPN and answers 404 otherwise', async () => {
    const byUpn = await get(`/users/${q(helen.userPrincipalName)}?$select=id,department`);
    expect(await byUpn.json()).toEqual({
      '@odata.context': `${env.origin}/graph/v1.0/$metadata#users(id,department)/$entity`,
      id: helen.id,
      department: 'IT Service Desk',
    });
    const guest = await get(
      `/users/${q(DEMO_FIXTURES.externalGuest.userPrincipalName)}?$select=externalUserState`,
    );
    expect(await guest.json()).toMatchObject({ externalUserState: 'Accepted' });
    const missing = '00000000-0000-4000-8000-000000000000';
    await expectGraphError(
      await get(`/users/${missing}`),
      404,
      'Request_ResourceNotFound',
      `Resource '${missing}' does not exist or one of its queried reference-property objects are not present.`,
    );
  });
});

describe('memberOf and transitiveMemberOf', () => {
  it('includes nested group membership only transitively', async () => {
    const id = DEMO_FIXTURES.pilotViaWave2.id;
    const direct = await page(`/users/${id}/memberOf`);
    const ids = (p: Page) => p.value.map((o) => o.id);
    expect(ids(direct)).toContain(PILOT_WAVE2_GROUP_ID);
    expect(ids(direct)).not.toContain(PILOT_GROUP_ID);
    const transitive = await page(`/users/${id}/transitiveMemberOf`);
    expect(ids(transitive)).toEqual(expect.arrayContaining([PILOT_WAVE2_GROUP_ID, PILOT_GROUP_ID]));
    expect(transitive.value.find((o) => o.id === PILOT_GROUP_ID)).toMatchObject({
      '@odata.type': '#microsoft.graph.group',
      displayName: 'Passwordless Pilot',
      securityEnabled: true,
      mailEnabled: false,
      groupTypes: [],
    });
  });

  it('returns directory roles, and casts only in advanced queries', async () => {
    const roles = await page(
      '/me/transitiveMemberOf/microsoft.graph.directoryRole?$count=true',
      EVENTUAL,
    );
    expect(roles.value).toEqual([
      expect.objectContaining({
        roleTemplateId: ROLE_TEMPLATE_IDS.authenticationAdministrator,
        displayName: 'Authentication Administrator',
      }),
    ]);
    expect(roles['@odata.count']).toBe(1);
    const groups = await page(
      `/users/${helen.id}/memberOf/microsoft.graph.group?$count=true&$select=displayName`,
      EVENTUAL,
    );
    expect(groups['@odata.context']).toContain('#groups(displayName)');
    expect(groups.value.every((g) => Object.keys(g).join() === 'displayName')).toBe(true);
    await expectGraphError(
      await get('/me/memberOf/microsoft.graph.group'),
      400,
      'Request_UnsupportedQuery',
      /ConsistencyLevel/,
    );
  });

  it('lets /me use User.Read but needs more for other users', async () => {
    const meOnly = (await tokensFor(env, helen.userPrincipalName, 'openid User.Read')).access_token;
    expect((await get('/me/transitiveMemberOf', {}, meOnly)).status).toBe(200);
    await expectGraphError(
      await get(`/users/${DEMO_FIXTURES.pilotNothingYet.id}/memberOf`, {}, meOnly),
      403,
      'Authorization_RequestDenied',
    );
  });
});

describe('bearer validation', () => {
  it('answers 401 for a missing token', async () => {
    const response = await env.call('/graph/v1.0/me');
    await expectGraphError(response, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
  });

  it('answers 401 for garbage and for a token signed with another key', async () => {
    await expectGraphError(await get('/me', {}, 'garbage'), 401, 'InvalidAuthenticationToken');
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ ...claimsOf(token) })
      .setProtectedHeader({ alg: 'RS256', kid: 'x' })
      .sign(privateKey);
    await expectGraphError(
      await get('/me', {}, forged),
      401,
      'InvalidAuthenticationToken',
      /^IDX10511: Signature validation failed/,
    );
  });

  it('answers 401 for the wrong audience', async () => {
    const idToken = (await tokensFor(env, helen.userPrincipalName, 'openid User.Read')).id_token;
    expect(claimsOf(idToken).aud).toBe(DEMO_CLIENT_ID);
    await expectGraphError(
      await get('/me', {}, idToken),
      401,
      'InvalidAuthenticationToken',
      /Invalid (audience|issuer)/,
    );
  });

  it('answers 401 for tokens issued before /emulator/tokens/expire, while new ones work', async () => {
    const old = (await tokensFor(env, helen.userPrincipalName, 'openid offline_access User.Read'))
      .access_token;
    expect((await get('/me', {}, old)).status).toBe(200);
    expect((await env.call('/emulator/tokens/expire', { method: 'POST' })).status).toBe(200);
    await expectGraphError(
      await get('/me', {}, old),
      401,
      'InvalidAuthenticationToken',
      'Lifetime validation failed, the token is expired.',
    );
    token = (
      await tokensFor(env, helen.userPrincipalName, 'openid User.Read.All GroupMember.Read.All')
    ).access_token;
    expect((await get('/me')).status).toBe(200);
  });
});

describe('Graph plumbing', () => {
  it('sends CORS headers, answers preflights without auth and echoes client-request-id', async () => {
    const preflight = await env.call('/graph/v1.0/users', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://localhost:5173',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization,consistencylevel',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('ConsistencyLevel');
    const response = await get('/me', {
      Origin: 'https://localhost:5173',
      'client-request-id': 'abc-123',
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://localhost:5173');
    expect(response.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect(response.headers.get('client-request-id')).toBe('abc-123');
    expect(response.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('content-type')).toMatch(
      /^application\/json;odata\.metadata=minimal/,
    );
  });

  it('throttles deterministically with 429, Retry-After and the request log', async () => {
    await env.call('/emulator/requests', { method: 'DELETE' });
    const patch = await env.call('/emulator/settings', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ throttleRate: 0.25, retryAfterSeconds: 7 }),
    });
    expect(patch.status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await get('/me');
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('retry-after')).toBe('7');
        await expectGraphError(response, 429, 'TooManyRequests', /^Too many requests/);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429, 200, 200, 200, 429]);
    const log = (await (await env.call('/emulator/requests')).json()) as {
      value: { method: string; path: string; status: number; time: string; durationMs: number }[];
    };
    expect(log.value.map((e) => e.status)).toEqual(statuses);
    expect(log.value[0]).toMatchObject({ method: 'GET', path: '/graph/v1.0/me' });
    expect(Date.parse(log.value[0]?.time ?? '')).not.toBeNaN();
    await env.call('/emulator/settings', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ throttleRate: 0, retryAfterSeconds: 1 }),
    });
  });

  it('adds settings.latencyMs to every Graph request', async () => {
    const patch = (latencyMs: number) =>
      env.call('/emulator/settings', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ latencyMs }),
      });
    waits.length = 0;
    await patch(150);
    expect((await get('/me')).status).toBe(200);
    expect((await get('/users?$top=1')).status).toBe(200);
    expect(waits).toEqual([150, 150]);
    await patch(0);
    expect((await get('/me')).status).toBe(200);
    expect(waits).toEqual([150, 150]);
  });

  it('answers an unknown segment with 400 and checks the tenant in the token', async () => {
    await expectGraphError(
      await get('/nonsense'),
      400,
      'BadRequest',
      "Resource not found for the segment 'nonsense'.",
    );
    expect(claimsOf(token).tid).toBe(DEMO_TENANT_ID);
  });
});
