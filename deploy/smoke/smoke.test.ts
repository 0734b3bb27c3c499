/**
 * The smoke run against the demo tenant (the emulator, in process): every check passes with a
 * token of each app carrying its scopes, a missing scope is named, and nothing but GETs is sent.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  consentForEveryone,
  startTestEmulator,
  tokensFor,
  type TestEnv,
} from '../../emulator/test/support';
import { DEMO_FIXTURES } from '../../emulator/seed/people';
import { DEMO_APPS } from '../../emulator/constants';
import { AUDIENCE_APP, AUDIENCE_SCOPES, type AppRegistration } from '../../src/auth/scopes';
import { parseRuntimeConfig, type RuntimeConfig } from '../../src/config/runtime-config';
import { formatTable, readOnlyFetch, runSmoke, type SmokeRow } from './smoke';

const ALL_SCOPES = [...new Set(Object.values(AUDIENCE_SCOPES).flat())];
/** The scopes of the audiences one app serves. */
const scopesOf = (app: AppRegistration) =>
  (Object.keys(AUDIENCE_SCOPES) as (keyof typeof AUDIENCE_SCOPES)[])
    .filter((audience) => AUDIENCE_APP[audience] === app)
    .flatMap((audience) => AUDIENCE_SCOPES[audience]);
const OLGA = DEMO_FIXTURES.globalAdmin.userPrincipalName;

let env: TestEnv;
let config: RuntimeConfig;

beforeAll(async () => {
  env = await startTestEmulator();
  const raw: unknown = JSON.parse(
    readFileSync(new URL('../../demo/config.json', import.meta.url), 'utf8'),
  );
  config = parseRuntimeConfig(raw, `${env.origin}/`);
});
afterAll(() => env.close());
beforeEach(async () => {
  env.emulator.reset();
  // The write scope is consented per helpdesk person in the demo; the admin running the smoke
  // run holds every scope here, as an admin consenting for themselves before a check would.
  await consentForEveryone(env, 'UserAuthMethod-TAP.ReadWrite.All');
  await env.call('/emulator/requests', { method: 'DELETE' });
});

/** A smoke run with a token of each app, asking each for those of `scopes` it serves. */
async function smoke(scopes: readonly string[]): Promise<SmokeRow[]> {
  const token = async (app: AppRegistration) => {
    const asked = [...new Set(scopesOf(app))].filter((scope) => scopes.includes(scope));
    const demoApp = app === 'main' ? DEMO_APPS.main : DEMO_APPS.reports;
    return (await tokensFor(env, OLGA, `openid ${asked.join(' ')}`, demoApp)).access_token;
  };
  return runSmoke({
    config,
    token: await token('main'),
    reportsToken: await token('reports'),
    fetch: env.fetch,
  });
}

describe('npm run smoke against the demo tenant', () => {
  it('with one app’s token only, checks its audiences and says the others’ are unknown', async () => {
    const main = await tokensFor(env, OLGA, `openid ${scopesOf('main').join(' ')}`);
    const rows = await runSmoke({ config, token: main.access_token, fetch: env.fetch });
    const scopeRows = rows.filter((row) => row.check === 'Scopes');
    expect(scopeRows.map((row) => [row.area, row.status])).toEqual([
      ['helpdesk', 'pass'],
      ['pilot', 'unknown'],
      ['audit', 'unknown'],
      ['readiness', 'unknown'],
    ]);
    expect(scopeRows[1]?.detail).toContain('TAP Desk Reports');
  });

  it('passes every check', async () => {
    const rows = await smoke(ALL_SCOPES);
    const table = formatTable(rows);
    expect(
      rows.filter((row) => row.status !== 'pass').map((row) => row.check),
      table,
    ).toEqual([]);
    expect(table).toMatch(/readiness\s+Verification list writable by the helpdesk\s+PASS/);
    for (const area of ['sign-in', 'helpdesk', 'pilot', 'audit', 'readiness']) {
      expect(rows.some((row) => row.area === area)).toBe(true);
    }
    expect(table).toMatch(/^Area\s+Check\s+Result\s+Detail/);
    expect(table).toMatch(/readiness\s+Temporary Access Pass policy\s+PASS/);
  });

  it('names the scope the token lacks, and the calls that fail without it', async () => {
    const rows = await smoke(ALL_SCOPES.filter((s) => s !== 'Policy.Read.AuthenticationMethod'));
    const scopeRows = rows.filter((row) => row.check === 'Scopes' && row.status === 'fail');
    expect(scopeRows.map((row) => row.area)).toEqual(['helpdesk', 'readiness']);
    for (const row of scopeRows)
      expect(row.detail).toContain('lacks Policy.Read.AuthenticationMethod');
    const tap = rows.find((row) => row.check === 'Temporary Access Pass policy');
    expect(tap?.status).toBe('unknown');
  });

  it('sends nothing but GETs, and fails a sign-in for another tenant before calling Graph', async () => {
    await smoke(ALL_SCOPES);
    const log = (await (await env.call('/emulator/requests')).json()) as {
      value: { method: string }[];
    };
    expect(log.value.length).toBeGreaterThan(10);
    expect(new Set(log.value.map((entry) => entry.method))).toEqual(new Set(['GET']));
    await expect(
      readOnlyFetch(env.fetch)(`${env.origin}/graph/v1.0/users`, { method: 'POST' }),
    ).rejects.toThrow('only reads');

    const other = {
      ...config,
      auth: {
        ...config.auth,
        authority: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0',
      },
    };
    const { access_token } = await tokensFor(env, OLGA, `openid ${scopesOf('main').join(' ')}`);
    const rows = await runSmoke({ config: other, token: access_token, fetch: env.fetch });
    expect(rows.find((row) => row.check === 'Tenant')?.status).toBe('fail');
    expect(rows.every((row) => row.area === 'sign-in')).toBe(true);
  });
});
