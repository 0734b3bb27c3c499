import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUDIENCE_SCOPES } from '../../src/auth/scopes';
import { PILOT_GROUP_ID, PILOT_WAVE2_GROUP_ID } from '../constants';
import { transitiveUserIds } from '../directory';
import { LIFTED_REPORTS_LIMIT } from '../graph/reports-limit';
import { PILOT_STAGES, type PilotTruth } from '../pilot-truth';
import { DEMO_ACCOUNTS, DEMO_FIXTURES } from '../seed/people';
import { graphGet, startTestEmulator, tokensFor, type TestEnv } from './support';

interface Page<T = Record<string, unknown>> {
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: T[];
}

const account = (upn: string) => DEMO_ACCOUNTS.find((a) => a.userPrincipalName === upn)!;
const max = account('max.manager@contoso.com');
const helen = account('helen.helpdesk@contoso.com');
const nadia = account('nadia.norole@contoso.com');
const EVENTUAL = { ConsistencyLevel: 'eventual' };
const PILOT_SCOPE = ['openid', ...AUDIENCE_SCOPES.pilot].join(' ');
const q = encodeURIComponent;

let env: TestEnv;
let manager: string;

beforeAll(async () => {
  // Contract tests; the limit itself is tested in reports-limit.test.ts.
  env = await startTestEmulator({ reportsLimit: LIFTED_REPORTS_LIMIT });
  manager = (await tokensFor(env, max.userPrincipalName, PILOT_SCOPE)).access_token;
});
afterAll(() => env.close());
beforeEach(() => env.emulator.reset());

const get = (path: string, token = manager, headers: Record<string, string> = {}) =>
  graphGet(env, path, token, headers);
async function page<T = Record<string, unknown>>(
  path: string,
  token = manager,
  headers: Record<string, string> = {},
) {
  const response = await get(path, token, headers);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Page<T>;
}
async function all<T = Record<string, unknown>>(
  path: string,
  token = manager,
  headers: Record<string, string> = {},
) {
  const items: T[] = [];
  let count: number | undefined;
  for (let next: string | undefined = path; next;) {
    const body: Page<T> = await page<T>(
      next.replace(`${env.origin}/graph/v1.0`, ''),
      token,
      headers,
    );
    count ??= body['@odata.count'];
    items.push(...body.value);
    next = body['@odata.nextLink'];
  }
  return { items, count };
}
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;
const post = (path: string, body: unknown, token = manager) =>
  env.call(`/graph/v1.0${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('groups and transitive members', () => {
  const members = `/groups/${PILOT_GROUP_ID}/transitiveMembers/microsoft.graph.user`;

  it('lists every user of the pilot, nested groups flattened, in pages of up to 999', async () => {
    const { items, count } = await all<{ id: string; department: string | null }>(
      `${members}?$count=true&$top=50&$select=id,displayName,userPrincipalName,department`,
      manager,
      EVENTUAL,
    );
    const expected = transitiveUserIds(env.emulator.state, PILOT_GROUP_ID);
    expect(count).toBe(expected.size);
    expect(new Set(items.map((u) => u.id))).toEqual(expected);
    expect(items).toHaveLength(expected.size);
    expect(items.map((u) => u.id)).toContain(DEMO_FIXTURES.pilotViaWave2.id);
    expect(items.some((u) => u.department)).toBe(true);
    const direct = await all<{ id: string }>(`/groups/${PILOT_GROUP_ID}/members`);
    expect(direct.items.map((m) => m.id)).toContain(PILOT_WAVE2_GROUP_ID);
    expect(direct.items.map((m) => m.id)).not.toContain(DEMO_FIXTURES.pilotViaWave2.id);
  });

  it('needs advanced query mode for the cast, and refuses a page over 999', async () => {
    expect(await errorOf(await get(members))).toMatchObject({ code: 'Request_UnsupportedQuery' });
    const tooBig = await get(`${members}?$count=true&$top=1000`, manager, EVENTUAL);
    expect(tooBig.status).toBe(400);
  });

  it('shows member users only as far as the caller may read users', async () => {
    const groupOnly = (await tokensFor(env, max.userPrincipalName, 'openid GroupMember.Read.All'))
      .access_token;
    const limited = await page<Record<string, unknown>>(
      `${members}?$count=true&$select=id,displayName,department`,
      groupOnly,
      EVENTUAL,
    );
    expect(limited.value[0]).toMatchObject({ displayName: null, department: null });
    expect(limited.value[0]?.id).toEqual(expect.any(String));
  });

  it('finds groups by name, reads one, and answers 404 for an unknown id', async () => {
    const found = await page<{ id: string }>(
      `/groups?$search=${q('"displayName:pilot"')}&$filter=${q('securityEnabled eq true')}&$count=true`,
      manager,
      EVENTUAL,
    );
    expect(found.value.map((g) => g.id)).toEqual(
      expect.arrayContaining([PILOT_GROUP_ID, PILOT_WAVE2_GROUP_ID]),
    );
    const group = (await (
      await get(`/groups/${PILOT_GROUP_ID}?$select=id,displayName,createdDateTime`)
    ).json()) as Record<string, unknown>;
    expect(group).toMatchObject({ id: PILOT_GROUP_ID, displayName: 'Passwordless Pilot' });
    const missing = await get('/groups/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
  });

  it('refuses a token without a group permission', async () => {
    const usersOnly = (await tokensFor(env, max.userPrincipalName, 'openid User.Read.All'))
      .access_token;
    const response = await get(`/groups/${PILOT_GROUP_ID}`, usersOnly);
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('Authorization_RequestDenied');
  });
});

describe('the registration details report', () => {
  const report = '/reports/authenticationMethods/userRegistrationDetails';

  it('filters on methodsRegistered, keeps the filter in the next link, and matches the methods', async () => {
    const filter = q("methodsRegistered/any(m:m eq 'microsoftAuthenticatorPasswordless')");
    const { items } = await all<{ id: string; methodsRegistered: string[] }>(
      `${report}?$filter=${filter}&$top=7`,
    );
    const expected = [...env.emulator.state.authMethods]
      .filter(([, m]) => m.microsoftAuthenticator.some((a) => a.device !== null))
      .map(([id]) => id);
    expect(items.map((r) => r.id).sort()).toEqual(expected.sort());
    expect(items.every((r) => r.methodsRegistered.includes('microsoftAuthenticatorPush'))).toBe(
      true,
    );
    const row = (await (await get(`${report}/${DEMO_FIXTURES.pilotPushOnly.id}`)).json()) as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({
      userPrincipalName: DEMO_FIXTURES.pilotPushOnly.userPrincipalName,
      isPasswordlessCapable: false,
      methodsRegistered: expect.arrayContaining(['microsoftAuthenticatorPush']),
    });
  });

  it('needs a reports role: Reports Reader and Global Reader yes, Authentication Administrator no', async () => {
    const scope = 'openid AuditLog.Read.All';
    const audrey = (await tokensFor(env, 'audrey.auditor@contoso.com', scope)).access_token;
    expect((await get(report, audrey)).status).toBe(200);
    const helenToken = (await tokensFor(env, helen.userPrincipalName, scope)).access_token;
    expect((await get(report, helenToken)).status).toBe(403);
    const nadiaToken = (await tokensFor(env, nadia.userPrincipalName, scope)).access_token;
    expect((await get(report, nadiaToken)).status).toBe(403);
  });

  it('lags: shows each user as of the last refresh, stamped with it, until the lag has passed', async () => {
    const settings = await env.call('/emulator/settings', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reportLagMinutes: 240 }),
    });
    expect(settings.status).toBe(200);
    const person = DEMO_FIXTURES.pilotPushOnly;
    const rowOf = async () =>
      (await (await get(`${report}/${person.id}`)).json()) as {
        methodsRegistered: string[];
        lastUpdatedDateTime: string;
      };
    const refreshed = new Date(env.emulator.state.generatedAt).toISOString();
    const phone = await env.call(`/emulator/users/${person.userPrincipalName}/phone`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'enable-phone-sign-in' }),
    });
    expect(phone.status, await phone.clone().text()).toBe(200);
    const stale = await rowOf();
    expect(stale.methodsRegistered).not.toContain('microsoftAuthenticatorPasswordless');
    expect(stale.lastUpdatedDateTime).toBe(refreshed);
    const filter = q("methodsRegistered/any(m:m eq 'microsoftAuthenticatorPasswordless')");
    const { items } = await all<{ id: string; lastUpdatedDateTime: string }>(
      `${report}?$filter=${filter}`,
    );
    expect(items.map((r) => r.id)).not.toContain(person.id);
    expect(new Set(items.map((r) => r.lastUpdatedDateTime))).toEqual(new Set([refreshed]));

    // Only the clock moves on: the next read after the lag refreshes the report.
    const later = env.emulator.state.generatedAt + 241 * 60_000;
    vi.useFakeTimers({ toFake: ['Date'], now: later });
    try {
      const fresh = (await tokensFor(env, max.userPrincipalName, PILOT_SCOPE)).access_token;
      const row = (await (await get(`${report}/${person.id}`, fresh)).json()) as Record<
        string,
        unknown
      >;
      expect(row.methodsRegistered).toContain('microsoftAuthenticatorPasswordless');
      expect(row.lastUpdatedDateTime).toBe(new Date(later).toISOString());
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers each method filter for that method, one read after the other', async () => {
    const holding = async (method: string) =>
      (
        await all<{ methodsRegistered: string[] }>(
          `${report}?$filter=${q(`methodsRegistered/any(m:m eq '${method}')`)}`,
        )
      ).items;
    const passwordless = await holding('microsoftAuthenticatorPasswordless');
    const push = await holding('microsoftAuthenticatorPush');
    expect(push.length).toBeGreaterThan(passwordless.length);
    expect(push.every((row) => row.methodsRegistered.includes('microsoftAuthenticatorPush'))).toBe(
      true,
    );
  });

  it('pages one result while nothing changes, and a registration shows on the next first page', async () => {
    const filter = q("methodsRegistered/any(m:m eq 'microsoftAuthenticatorPasswordless')");
    const person = DEMO_FIXTURES.pilotPushOnly;
    const ids = async () =>
      (await all<{ id: string }>(`${report}?$filter=${filter}&$top=5`)).items.map((r) => r.id);
    const before = await ids();
    expect(before).not.toContain(person.id);
    expect(new Set(before).size).toBe(before.length);
    const phone = await env.call(`/emulator/users/${person.userPrincipalName}/phone`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'enable-phone-sign-in' }),
    });
    expect(phone.status, await phone.clone().text()).toBe(200);
    expect(await ids()).toContain(person.id);
  });

  it('refuses filters it cannot evaluate', async () => {
    const bad = await get(`${report}?$filter=${q("methodsRegistered/all(m:m eq 'fido2')")}`);
    expect(bad.status).toBe(400);
    expect((await get(`${report}?$search=${q('"x"')}`)).status).toBe(400);
  });
});

describe('$batch', () => {
  const tap = (id: string) => `/users/${id}/authentication/temporaryAccessPassMethods`;
  const read = (id: string, url = tap(id)) => ({ id, method: 'GET', url });
  interface Answer {
    id: string;
    status: number;
    headers: Record<string, string>;
    body?: { value?: unknown[]; error?: { code: string } };
  }
  const batch = async (requests: unknown[], token = manager) => {
    const response = await post('/$batch', { requests }, token);
    return { status: response.status, body: (await response.json()) as { responses: Answer[] } };
  };

  it('answers each item with its own status, in an order of its own, and logs the items', async () => {
    const ids = [DEMO_FIXTURES.pilotValidTap.id, DEMO_FIXTURES.pilotNothingYet.id];
    await env.call('/emulator/requests', { method: 'DELETE' });
    const { status, body } = await batch([
      read('1', tap(ids[0]!)),
      read('2', tap(ids[1]!)),
      read('3', '/groups/00000000-0000-4000-8000-000000000000'),
    ]);
    expect(status).toBe(200);
    expect(body.responses.map((r) => r.id)).not.toEqual(['1', '2', '3']);
    const byId = new Map(body.responses.map((r) => [r.id, r]));
    expect(byId.get('1')).toMatchObject({ status: 200, body: { value: [expect.anything()] } });
    expect(byId.get('2')).toMatchObject({ status: 200, body: { value: [] } });
    expect(byId.get('3')?.status).toBe(404);
    const log = (await (await env.call('/emulator/requests')).json()) as {
      value: { path: string; batch?: boolean }[];
    };
    expect(log.value.filter((e) => e.batch).map((e) => e.path)).toEqual(
      expect.arrayContaining([`/graph/v1.0${tap(ids[0]!)}`, `/graph/v1.0${tap(ids[1]!)}`]),
    );
    expect(log.value.filter((e) => !e.batch).map((e) => e.path)).toEqual(['/graph/v1.0/$batch']);
  });

  it('passes each item its own headers', async () => {
    const cast = `/groups/${PILOT_GROUP_ID}/transitiveMembers/microsoft.graph.user?$count=true&$top=1`;
    const { body } = await batch([
      { id: 'plain', method: 'GET', url: cast },
      { id: 'eventual', method: 'GET', url: cast, headers: { ConsistencyLevel: 'eventual' } },
    ]);
    const byId = new Map(body.responses.map((r) => [r.id, r]));
    expect(byId.get('plain')?.status).toBe(400);
    expect(byId.get('eventual')).toMatchObject({
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: { value: [expect.anything()] },
    });
  });

  it('authorises each item on its own', async () => {
    const reportsOnly = (
      await tokensFor(env, 'audrey.auditor@contoso.com', 'openid UserAuthMethod-TAP.Read.All')
    ).access_token;
    const { body } = await batch([read('a', tap(DEMO_FIXTURES.pilotValidTap.id))], reportsOnly);
    // Reports Reader and Security Reader do not read other people's methods.
    expect(body.responses[0]).toMatchObject({
      status: 403,
      body: { error: { code: 'accessDenied' } },
    });
  });

  it('gives dependents of a failed request 424, and runs the rest', async () => {
    const { body } = await batch([
      { ...read('first', '/groups/00000000-0000-4000-8000-000000000000') },
      { ...read('second', tap(DEMO_FIXTURES.pilotValidTap.id)), dependsOn: ['first'] },
      { ...read('third', tap(DEMO_FIXTURES.pilotValidTap.id)) },
    ]);
    const byId = new Map(body.responses.map((r) => [r.id, r.status]));
    expect(Object.fromEntries(byId)).toEqual({ first: 404, second: 424, third: 200 });
  });

  it('refuses a malformed batch as a whole', async () => {
    const one = read('x', tap(DEMO_FIXTURES.pilotValidTap.id));
    const tooMany = Array.from({ length: 21 }, (_, i) => ({ ...one, id: String(i) }));
    expect((await batch(tooMany)).status).toBe(400);
    expect((await batch([one, one])).status).toBe(400);
    expect((await batch([{ ...one, dependsOn: ['nope'] }])).status).toBe(400);
    expect((await batch([{ ...one, method: 'POST', body: {} }])).status).toBe(400);
    expect((await batch([{ ...one, url: `${env.origin}/graph/v1.0${one.url}` }])).status).toBe(400);
    const nested = await batch([
      {
        id: 'n',
        method: 'POST',
        url: '/$batch',
        body: {},
        headers: { 'Content-Type': 'application/json' },
      },
    ]);
    expect(nested.body.responses[0]?.status).toBe(400);
  });
});

describe('GET /emulator/pilot/{groupId}/truth', () => {
  it('counts every stage as the members who reached it, and lists them', async () => {
    const truth = (await (
      await env.call(`/emulator/pilot/${PILOT_GROUP_ID}/truth`)
    ).json()) as PilotTruth;
    expect(truth.counts.member).toBe(transitiveUserIds(env.emulator.state, PILOT_GROUP_ID).size);
    const counts = PILOT_STAGES.map((stage) => truth.counts[stage]);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    for (const stage of PILOT_STAGES)
      expect(truth.members[stage]).toHaveLength(truth.counts[stage]);
    const reached = (stage: keyof PilotTruth['members']) =>
      truth.members[stage].map((m) => m.userPrincipalName);
    expect(reached('member')).toContain(DEMO_FIXTURES.pilotNothingYet.userPrincipalName);
    expect(reached('tapIssued')).not.toContain(DEMO_FIXTURES.pilotNothingYet.userPrincipalName);
    expect(reached('tapIssued')).toContain(DEMO_FIXTURES.pilotValidTap.userPrincipalName);
    expect(reached('authenticatorRegistered')).toContain(
      DEMO_FIXTURES.pilotPushOnly.userPrincipalName,
    );
    expect(reached('phoneSignInEnabled')).not.toContain(
      DEMO_FIXTURES.pilotPushOnly.userPrincipalName,
    );
    expect(reached('phoneSignInEnabled')).toContain(
      DEMO_FIXTURES.pilotPasswordless.userPrincipalName,
    );
    // A pass issued without an audit event does not show up: the dashboard could not see it.
    expect(reached('tapIssued')).not.toContain(
      DEMO_FIXTURES.listItemWithoutAudit.userPrincipalName,
    );
    expect((await env.call('/emulator/pilot/nope/truth')).status).toBe(404);
  });
});
