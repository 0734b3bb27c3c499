/**
 * Consent per principal and per app (decisions 0004 and 0020): the seeded tenant consents TAP
 * Desk's read scopes for all users and its write scope to each helpdesk person alone, and TAP
 * Desk Reports' read scopes for all users; Entra's sign-in and token endpoints refuse anything
 * else the way Entra refuses it when users may not consent for themselves.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isReadOnlyScope, scopeNames } from '../../deploy/entra/manifest';
import { readManifests } from '../../deploy/entra/manifests';
import { AUDIENCE_SCOPES } from '../../src/auth/scopes';
import { APP_ROLES, DEMO_APPS, type DemoApp } from '../constants';
import { DEMO_ACCOUNTS } from '../seed/people';
import {
  REDIRECT_PATH,
  authorizeUrl,
  claimsOf,
  consentGrants,
  formAction,
  pkcePair,
  signInInteractively,
  tokenRequest,
  tokensFor,
  startTestEmulator,
  type TestEnv,
} from './support';

const manifests = readManifests();
const manifest = manifests.main;
const account = (upn: string) => DEMO_ACCOUNTS.find((a) => a.userPrincipalName === upn)!;
const helen = account('helen.helpdesk@contoso.com');
const max = account('max.manager@contoso.com');
const audrey = account('audrey.auditor@contoso.com');

const WRITE = 'UserAuthMethod-TAP.ReadWrite.All';
const notConsented = (app: DemoApp) =>
  `AADSTS65001: The user or administrator has not consented to use the application with ID '${app.clientId}' named '${app.displayName}'. Send an interactive authorization request for this user and resource.`;
const NOT_CONSENTED = notConsented(DEMO_APPS.main);
const signInScope = (...scopes: readonly string[]) =>
  ['openid', 'profile', 'offline_access', ...scopes].join(' ');

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEmulator();
});
afterAll(() => env.close());
beforeEach(() => env.emulator.reset());

/** The account picker, then the account's button: the answer to that POST. */
async function pickAccount(upn: string, params: Record<string, string>) {
  const { challenge } = pkcePair();
  const url = authorizeUrl(env, {
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...params,
  });
  const page = await env.fetch(url);
  return env.fetch(formAction(await page.text(), url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: upn }),
  });
}

/** The "Return to the application without granting consent" link of the approval page. */
function returnLink(html: string): URL {
  const href = /<a href="([^"]+)">Return to the application without granting consent<\/a>/.exec(
    html,
  )?.[1];
  expect(href).toBeDefined();
  return new URL((href ?? '').replaceAll('&amp;', '&'));
}

async function refresh(refreshToken: string, scope: string, app: DemoApp = DEMO_APPS.main) {
  return tokenRequest(env, {
    client_id: app.clientId,
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    scope,
  });
}

/** Entra's token-endpoint refusal of an unconsented scope, field by field. */
async function expectNotConsented(response: Response, app: DemoApp = DEMO_APPS.main) {
  expect(response.status).toBe(400);
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({
    error: 'invalid_grant',
    error_codes: [65001],
    suberror: 'consent_required',
  });
  expect(String(body.error_description)).toMatch(
    new RegExp(`^${notConsented(app).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} Trace ID: `),
  );
  expect(Object.keys(body)).toEqual(
    expect.arrayContaining(['timestamp', 'trace_id', 'correlation_id']),
  );
}

describe('the seeded consent', () => {
  it('is the read scopes for all users and the write scope per helpdesk person, from the manifest', async () => {
    const grants = await consentGrants(env);
    const tenantWide = grants.filter((g) => g.consentType === 'AllPrincipals');
    expect(tenantWide.map((g) => g.clientAppId).sort()).toEqual(
      [DEMO_APPS.main.clientId, DEMO_APPS.reports.clientId].sort(),
    );
    const everyone = (app: DemoApp) =>
      tenantWide.find((g) => g.clientAppId === app.clientId)!.scope.split(' ');
    const main = everyone(DEMO_APPS.main);
    expect(main).toEqual(expect.arrayContaining(scopeNames(manifest).filter(isReadOnlyScope)));
    expect(main.filter((scope) => !isReadOnlyScope(scope))).toEqual([]);
    // TAP Desk holds none of the reports' scopes: a helpdesk token cannot spend their budget.
    expect(main).not.toContain('AuditLog.Read.All');
    expect(main).not.toContain('GroupMember.Read.All');
    const reports = everyone(DEMO_APPS.reports);
    expect(reports).toEqual(expect.arrayContaining(scopeNames(manifests.reports)));
    expect(reports.filter((scope) => !isReadOnlyScope(scope))).toEqual([]);

    const perPerson = grants.filter((g) => g.consentType === 'Principal');
    const helpdesk = DEMO_ACCOUNTS.filter((a) => a.appRoles?.includes(APP_ROLES.helpdesk));
    expect(perPerson.map((g) => g.principalUserPrincipalName).sort()).toEqual(
      helpdesk.map((a) => a.userPrincipalName).sort(),
    );
    const writes = manifest.graph.audiences.helpdesk!.filter((s) => !isReadOnlyScope(s));
    expect(writes).toEqual([WRITE]);
    for (const grant of perPerson) expect(grant.scope).toBe(WRITE);
    // Every scope TAP Desk asks for is consented to someone: the manifest and the seed agree.
    const consented = new Set(grants.flatMap((g) => g.scope.split(' ')));
    expect(scopeNames(manifest).filter((s) => !consented.has(s))).toEqual([]);
    for (const grant of perPerson) expect(grant.clientAppId).toBe(DEMO_APPS.main.clientId);
  });
});

describe('helpdesk staff', () => {
  it('get a token carrying the write scope, at sign-in and on refresh', async () => {
    const tokens = await tokensFor(
      env,
      helen.userPrincipalName,
      signInScope(...AUDIENCE_SCOPES.helpdesk),
    );
    expect(String(claimsOf(tokens.access_token).scp).split(' ')).toContain(WRITE);
    const again = await refresh(tokens.refresh_token, signInScope(WRITE));
    expect(again.status).toBe(200);
    const body = (await again.json()) as { access_token: string };
    expect(claimsOf(body.access_token).scp).toBe(WRITE);
  });
});

describe.each([
  ['an auditor', audrey],
  ['a pilot manager', max],
])('%s', (_who, person) => {
  it("signs in for the write scope only to Entra's Need admin approval page, and back without a code", async () => {
    const response = await pickAccount(person.userPrincipalName, {
      scope: signInScope(WRITE),
      response_mode: 'query',
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1>Need admin approval</h1>');
    expect(html).toContain(
      'TAP Desk needs permission to access resources in your organization that only an admin can grant.',
    );
    expect(html).toContain('AADSTS90094');
    expect(html).not.toMatch(/[?&#]code=/);
    const back = returnLink(html);
    expect(`${back.origin}${back.pathname}`).toBe(`${env.origin}${REDIRECT_PATH}`);
    expect(Object.fromEntries(back.searchParams)).toEqual({
      error: 'access_denied',
      error_description: 'AADSTS65004: User declined to consent to access the app.',
      error_uri: 'https://login.microsoftonline.com/error?code=65004',
      state: 'state-1',
    });
  });

  it('is refused the write scope on refresh: 400 invalid_grant, AADSTS65001, consent_required', async () => {
    const reports = DEMO_APPS.reports;
    const tokens = await tokensFor(
      env,
      person.userPrincipalName,
      signInScope(...(person === audrey ? AUDIENCE_SCOPES.audit : AUDIENCE_SCOPES.pilot)),
    );
    expect(claimsOf(tokens.access_token).appid).toBe(reports.clientId);
    expect(String(claimsOf(tokens.access_token).scp)).not.toMatch(/ReadWrite/);
    await expectNotConsented(
      await refresh(tokens.refresh_token, signInScope(WRITE), reports),
      reports,
    );
    await expectNotConsented(
      await refresh(tokens.refresh_token, `openid https://graph.microsoft.com/${WRITE}`, reports),
      reports,
    );
    // .default stands for what is consented for this person and app: never the write scope.
    const all = await refresh(
      tokens.refresh_token,
      'openid https://graph.microsoft.com/.default',
      reports,
    );
    expect(all.status).toBe(200);
    const scp = String(claimsOf(((await all.json()) as { access_token: string }).access_token).scp);
    expect(scp.split(' ')).toContain('AuditLog.Read.All');
    expect(scp).not.toMatch(/ReadWrite/);
  });

  it('is refused it by a silent sign-in (prompt=none): consent_required, AADSTS65001', async () => {
    const { cookie } = await signInInteractively(env, person.userPrincipalName);
    const silent = (scope: string, app: DemoApp = DEMO_APPS.main) =>
      env.fetch(
        authorizeUrl(env, {
          client_id: app.clientId,
          code_challenge: pkcePair().challenge,
          code_challenge_method: 'S256',
          prompt: 'none',
          response_mode: 'fragment',
          scope,
        }),
        { headers: { Cookie: cookie } },
      );
    const refused = await silent(signInScope(WRITE));
    expect(refused.status).toBe(302);
    const location = new URL(refused.headers.get('location') ?? '');
    expect(Object.fromEntries(new URLSearchParams(location.hash.slice(1)))).toEqual({
      error: 'consent_required',
      error_description: NOT_CONSENTED,
      error_uri: 'https://login.microsoftonline.com/error?code=65001',
      state: 'state-1',
    });
    // TAP Desk has no consent for the reports' scopes; TAP Desk Reports, in the same session, has.
    const elsewhere = await silent(signInScope('AuditLog.Read.All'));
    expect(
      new URLSearchParams(new URL(elsewhere.headers.get('location') ?? '').hash.slice(1)).get(
        'error',
      ),
    ).toBe('consent_required');
    const allowed = await silent(signInScope('AuditLog.Read.All'), DEMO_APPS.reports);
    expect(
      new URLSearchParams(new URL(allowed.headers.get('location') ?? '').hash.slice(1)).get('code'),
    ).toBeTruthy();
  });
});

describe('two app registrations', () => {
  it('never honour each other’s codes or refresh tokens', async () => {
    const tokens = await tokensFor(env, helen.userPrincipalName, signInScope('User.Read.All'));
    expect(claimsOf(tokens.access_token).appid).toBe(DEMO_APPS.main.clientId);
    const crossed = await refresh(
      tokens.refresh_token,
      signInScope('User.Read.All'),
      DEMO_APPS.reports,
    );
    expect(crossed.status).toBe(400);
    expect(await crossed.json()).toMatchObject({ error: 'invalid_grant' });

    const pending = await signInInteractively(env, max.userPrincipalName, {
      client_id: DEMO_APPS.reports.clientId,
      scope: signInScope(...AUDIENCE_SCOPES.pilot),
    });
    const stolen = await tokenRequest(env, {
      grant_type: 'authorization_code',
      code: pending.code,
      code_verifier: pending.verifier,
      redirect_uri: `${env.origin}${REDIRECT_PATH}`,
    });
    expect(stolen.status).toBe(400);
  });

  it('TAP Desk Reports signs in for the reports, but never for the write scope, even for helpdesk staff', async () => {
    const reports = await tokensFor(
      env,
      helen.userPrincipalName,
      signInScope(...AUDIENCE_SCOPES.readiness),
      DEMO_APPS.reports,
    );
    expect(claimsOf(reports.id_token).aud).toBe(DEMO_APPS.reports.clientId);
    expect(claimsOf(reports.access_token).app_displayname).toBe('TAP Desk Reports');
    await expectNotConsented(
      await refresh(reports.refresh_token, signInScope(WRITE), DEMO_APPS.reports),
      DEMO_APPS.reports,
    );
  });
});

describe('a grant taken away', () => {
  it('refuses the next refresh and the next code, and a new grant restores them', async () => {
    const tokens = await tokensFor(env, helen.userPrincipalName, signInScope(WRITE));
    const helens = (await consentGrants(env)).find(
      (g) => g.principalUserPrincipalName === helen.userPrincipalName,
    )!;
    // A code issued while consent held is refused once it is gone: Entra checks at every token.
    const pending = await signInInteractively(env, helen.userPrincipalName, {
      scope: signInScope(WRITE),
    });
    expect(pending.code).toBeTruthy();
    const removed = await env.call(`/emulator/consent-grants/${helens.id}`, { method: 'DELETE' });
    expect(removed.status).toBe(200);

    await expectNotConsented(await refresh(tokens.refresh_token, signInScope(WRITE)));
    await expectNotConsented(
      await tokenRequest(env, {
        grant_type: 'authorization_code',
        code: pending.code,
        code_verifier: pending.verifier,
        redirect_uri: `${env.origin}${REDIRECT_PATH}`,
      }),
    );
    // The read scopes stay consented for her, as for everyone.
    expect((await refresh(tokens.refresh_token, signInScope('User.Read.All'))).status).toBe(200);

    const granted = await env.call('/emulator/consent-grants', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        consentType: 'Principal',
        principalId: helen.userPrincipalName,
        scope: WRITE,
      }),
    });
    expect(await granted.json()).toMatchObject({ principalId: helen.id, scope: WRITE });
    expect((await refresh(tokens.refresh_token, signInScope(WRITE))).status).toBe(200);
  });

  it('takes sign-in itself away when the tenant-wide grant goes, and a reset restores it', async () => {
    const everyone = (await consentGrants(env)).find((g) => g.consentType === 'AllPrincipals')!;
    await env.call(`/emulator/consent-grants/${everyone.id}`, { method: 'DELETE' });
    const response = await pickAccount(helen.userPrincipalName, { response_mode: 'form_post' });
    const html = await response.text();
    expect(html).toContain('<h1>Need admin approval</h1>');
    // form_post: the way back posts the error to the redirect URI.
    expect(html).toContain(`<form method="post" action="${env.origin}${REDIRECT_PATH}">`);
    expect(html).toContain('<input type="hidden" name="error" value="access_denied">');

    env.emulator.reset();
    expect((await signInInteractively(env, helen.userPrincipalName)).code).toBeTruthy();
  });
});

describe('the consent control API', () => {
  const post = (body: unknown) =>
    env.call('/emulator/consent-grants', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('refuses a duplicate, an unknown person, a bad consent type and an unknown grant', async () => {
    const duplicate = await post({ consentType: 'AllPrincipals', scope: 'User.Read' });
    expect(duplicate.status).toBe(409);
    const nobody = await post({
      consentType: 'Principal',
      principalId: 'x@contoso.com',
      scope: WRITE,
    });
    expect(nobody.status).toBe(404);
    expect((await post({ consentType: 'Everyone', scope: WRITE })).status).toBe(400);
    expect((await post({ consentType: 'Principal', scope: WRITE })).status).toBe(400);
    const missing = await env.call('/emulator/consent-grants/nope', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scope: WRITE }),
    });
    expect(missing.status).toBe(404);
  });
});
