import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import demoConfig from '../../demo/config.json';
import { AUDIENCE_SCOPES } from '../../src/auth/scopes';
import { DEMO_FIXTURES, DEMO_ACCOUNTS } from '../seed/people';
import { EXPAND_LIMIT } from '../routes/directory-roles';
import { VERIFICATION_LIST_ID, VERIFICATION_SITE_ID } from '../routes/lists';
import { graphGet, startTestEmulator, tokensFor, type TestEnv } from './support';
import { LIFTED_REPORTS_LIMIT } from '../graph/reports-limit';

interface Page<T = Record<string, unknown>> {
  '@odata.nextLink'?: string;
  value: T[];
}
interface Audit {
  id: string;
  activityDisplayName: string;
  activityDateTime: string;
  resultReason: string;
  targetResources: { id: string }[];
}
interface Item {
  id: string;
  fields?: Record<string, unknown>;
}

const account = (upn: string) => DEMO_ACCOUNTS.find((a) => a.userPrincipalName === upn)!;
const audrey = account('audrey.auditor@contoso.com');
const helen = account('helen.helpdesk@contoso.com');
const nadia = account('nadia.norole@contoso.com');
const ITEMS = `/sites/${encodeURIComponent(VERIFICATION_SITE_ID)}/lists/${VERIFICATION_LIST_ID}/items`;
const PREFER = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
const q = encodeURIComponent;

let env: TestEnv;
let auditor: string;

beforeAll(async () => {
  // These are contract tests, not tests of the reports limit (reports-limit.test.ts is).
  env = await startTestEmulator({ reportsLimit: LIFTED_REPORTS_LIMIT });
  auditor = (
    await tokensFor(env, audrey.userPrincipalName, ['openid', ...AUDIENCE_SCOPES.audit].join(' '))
  ).access_token;
});
afterAll(() => env.close());
beforeEach(() => env.emulator.reset());

const get = (path: string, token = auditor, headers: Record<string, string> = {}) =>
  graphGet(env, path, token, headers);
async function all<T>(path: string, token = auditor, headers: Record<string, string> = {}) {
  const items: T[] = [];
  for (let next: string | undefined = path; next;) {
    const response = await get(next.replace(`${env.origin}/graph/v1.0`, ''), token, headers);
    expect(response.status, await response.clone().text()).toBe(200);
    const page = (await response.json()) as Page<T>;
    items.push(...page.value);
    next = page['@odata.nextLink'];
  }
  return items;
}
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

describe('GET /auditLogs/directoryAudits', () => {
  it('answers newest first, filtered on the server by range, activity, service and target', async () => {
    const everything = await all<Audit>('/auditLogs/directoryAudits?$top=999');
    const times = everything.map((e) => Date.parse(e.activityDateTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const from = new Date(Date.now() - 5 * 86_400_000).toISOString();
    const filter = [
      `activityDateTime ge ${from}`,
      "activityDisplayName eq 'Admin registered security info'",
      "loggedByService eq 'Authentication Methods'",
    ].join(' and ');
    const created = await all<Audit>(`/auditLogs/directoryAudits?$filter=${q(filter)}`);
    expect(created.length).toBeGreaterThan(0);
    for (const event of created) {
      expect(event.activityDisplayName).toBe('Admin registered security info');
      expect(Date.parse(event.activityDateTime)).toBeGreaterThanOrEqual(Date.parse(from));
    }
    const liam = DEMO_FIXTURES.twoTapsIn24h.id;
    const forLiam = await all<Audit>(
      `/auditLogs/directoryAudits?$filter=${q(`targetResources/any(t:t/id eq '${liam}') and ${filter}`)}`,
    );
    expect(forLiam.map((e) => e.targetResources[0]?.id)).toEqual([liam, liam]);
  });

  it('pages with $top and $skiptoken, and refuses a page larger than 999', async () => {
    const whole = await all<Audit>('/auditLogs/directoryAudits?$top=999');
    const paged = await all<Audit>('/auditLogs/directoryAudits?$top=7');
    expect(paged.map((e) => e.id)).toEqual(whole.map((e) => e.id));
    expect((await get('/auditLogs/directoryAudits?$top=1000')).status).toBe(400);
  });

  it('keeps 30 days, as Entra ID P1/P2 does', async () => {
    const old = { ...env.emulator.state.directoryAudits[0]!, id: 'Directory_old' };
    old.activityDateTime = new Date(Date.now() - 31 * 86_400_000).toISOString();
    env.emulator.state.directoryAudits.push(old);
    const ids = (await all<Audit>('/auditLogs/directoryAudits?$top=999')).map((e) => e.id);
    expect(ids).not.toContain('Directory_old');
    expect((await get('/auditLogs/directoryAudits/Directory_old')).status).toBe(404);
  });

  it('refuses what Graph does not filter on, and unknown query options', async () => {
    const bad = await get(
      `/auditLogs/directoryAudits?$filter=${q("category eq 'UserManagement'")}`,
    );
    expect(bad.status).toBe(400);
    expect((await get('/auditLogs/directoryAudits?$select=id')).status).toBe(400);
  });

  it('needs a reports role as well as the scope', async () => {
    const token = (await tokensFor(env, helen.userPrincipalName, 'openid AuditLog.Read.All'))
      .access_token;
    const refused = await get('/auditLogs/directoryAudits', token);
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('Authorization_RequestDenied');
    const noScope = (await tokensFor(env, audrey.userPrincipalName, 'openid User.Read'))
      .access_token;
    expect((await get('/auditLogs/directoryAudits', noScope)).status).toBe(403);
  });

  it('needs AuditLog.Read.All and Directory.Read.All, as the v1.0 reference lists them', async () => {
    const scope = (scopes: string) => tokensFor(env, audrey.userPrincipalName, `openid ${scopes}`);
    const auditOnly = (await scope('AuditLog.Read.All')).access_token;
    expect((await get('/auditLogs/directoryAudits', auditOnly)).status).toBe(403);
    const directoryOnly = (await scope('Directory.Read.All')).access_token;
    expect((await get('/auditLogs/directoryAudits', directoryOnly)).status).toBe(403);
    const both = (await scope('AuditLog.Read.All Directory.Read.All')).access_token;
    expect((await get('/auditLogs/directoryAudits', both)).status).toBe(200);
  });
});

describe('the verification list', () => {
  it('lives at the site and list demo/config.json names', () => {
    expect(VERIFICATION_SITE_ID).toBe(demoConfig.verification.siteId);
    expect(VERIFICATION_LIST_ID).toBe(demoConfig.verification.listId);
  });

  it('gives an auditor the items with their fields, paged', async () => {
    const items = await all<Item>(`${ITEMS}?expand=fields&$top=5`);
    expect(items.length).toBe(env.emulator.state.verificationRecords.length);
    expect(items[0]?.fields).toMatchObject({
      Title: expect.any(String),
      Outcome: expect.any(String),
    });
    const selected = await all<Item>(`${ITEMS}?expand=${q('fields(select=Ticket,Outcome)')}`);
    expect(Object.keys(selected[0]!.fields!).sort()).toEqual(['@odata.etag', 'Outcome', 'Ticket']);
  });

  it('filters on a column only with the non-indexed opt-in, like SharePoint', async () => {
    const since = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const path = `${ITEMS}?expand=fields&$filter=${q(`fields/IssuedAt ge '${since}'`)}`;
    const refused = await get(path);
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).message).toMatch(
      /Prefer: HonorNonIndexedQueriesWarningMayFailRandomly/,
    );
    const items = await all<Item>(path, auditor, PREFER);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => Date.parse(String(i.fields?.IssuedAt)) >= Date.parse(since))).toBe(
      true,
    );
  });

  it('lets no-one without a site permission read it', async () => {
    const token = (await tokensFor(env, nadia.userPrincipalName, 'openid Sites.Selected'))
      .access_token;
    const refused = await get(`${ITEMS}?expand=fields`, token);
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('accessDenied');
  });

  it('takes a helpdesk record in the schema, and refuses unknown or missing columns', async () => {
    const token = (await tokensFor(env, helen.userPrincipalName, 'openid Sites.Selected'))
      .access_token;
    const post = (fields: Record<string, unknown>) =>
      env.call(`/graph/v1.0${ITEMS}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ fields }),
      });
    const record = {
      Title: 'INC0099999',
      TargetUserId: DEMO_FIXTURES.nonPilotUser.id,
      TargetUpn: DEMO_FIXTURES.nonPilotUser.userPrincipalName,
      IssuedByUpn: helen.userPrincipalName,
      IssuedAt: new Date().toISOString(),
      VerificationMethod: 'In person with photo ID',
      Outcome: 'issued',
    };
    const created = await post(record);
    expect(created.status).toBe(201);
    const item = (await created.json()) as Item & { createdBy: { user: { id: string } } };
    expect(item.fields).toMatchObject({ Title: 'INC0099999', Outcome: 'issued' });
    expect(item.createdBy.user.id).toBe(helen.id);
    expect((await post({ ...record, TapValue: 'abc' })).status).toBe(400);
    expect((await post({ ...record, Outcome: 'maybe' })).status).toBe(400);
    const missing: Partial<typeof record> = { ...record };
    delete missing.VerificationMethod;
    expect((await post(missing)).status).toBe(400);
    // Reason is multiple lines of text (the form allows 500 characters); other text stops at 255.
    expect((await post({ ...record, Reason: 'r'.repeat(500) })).status).toBe(201);
    expect((await post({ ...record, Ticket: 't'.repeat(256) })).status).toBe(400);
  });
});

describe('directory roles', () => {
  it('lists role holders for any signed-in member with RoleManagement.Read.Directory', async () => {
    const roles = await all<{ id: string; displayName: string }>('/directoryRoles');
    const global = roles.find((r) => r.displayName === 'Global Administrator')!;
    const members = await all<{ id: string }>(
      `/directoryRoles/${global.id}/members?$select=id,displayName`,
    );
    expect(members.map((m) => m.id)).toContain(DEMO_FIXTURES.globalAdmin.id);
    const token = (
      await tokensFor(env, nadia.userPrincipalName, 'openid RoleManagement.Read.Directory')
    ).access_token;
    expect((await get('/directoryRoles', token)).status).toBe(200);
    const noScope = (await tokensFor(env, nadia.userPrincipalName, 'openid User.Read'))
      .access_token;
    expect((await get('/directoryRoles', noScope)).status).toBe(403);
  });

  it(`caps $expand=members at ${EXPAND_LIMIT} with no next link, as Graph does`, async () => {
    const role = env.emulator.state.directoryRoles[0]!;
    role.memberIds = env.emulator.state.users.slice(0, EXPAND_LIMIT + 5).map((u) => u.id);
    const page = (await (await get('/directoryRoles?$expand=members')).json()) as Page<{
      id: string;
      members: unknown[];
    }>;
    expect(page.value.find((r) => r.id === role.id)?.members).toHaveLength(EXPAND_LIMIT);
    const full = await all<{ id: string }>(`/directoryRoles/${role.id}/members`);
    expect(full).toHaveLength(EXPAND_LIMIT + 5);
  });
});

describe('the reports limit', () => {
  it('throttles the audit log with reports and method reads: 5 per 10 s, then 429 with Retry-After', async () => {
    const limited = await startTestEmulator();
    try {
      const token = (
        await tokensFor(
          limited,
          audrey.userPrincipalName,
          ['openid', ...AUDIENCE_SCOPES.audit].join(' '),
        )
      ).access_token;
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 6; i++) {
        const response = await graphGet(limited, '/auditLogs/directoryAudits?$top=1', token);
        statuses.push(response.status);
        retryAfter = response.headers.get('Retry-After');
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
