import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_APP_NAME,
  DEMO_CLIENT_ID,
  PASSWORD_METHOD_ID,
  ROLE_TEMPLATE_IDS,
  TAP_SYMBOLS,
} from '../constants';
import { rolesOf } from '../directory';
import { DEMO_ACCOUNTS, DEMO_FIXTURES } from '../seed/people';
import { maskPhoneNumber } from '../routes/all-methods';
import { consentForEveryone, startTestEmulator, tokensFor, type TestEnv } from './support';
import { LIFTED_REPORTS_LIMIT } from '../graph/reports-limit';

const byUpn = (upn: string) => DEMO_ACCOUNTS.find((a) => a.userPrincipalName === upn)!;
const helen = byUpn('helen.helpdesk@contoso.com');
const sam = byUpn('sam.senior@contoso.com');
const hugo = byUpn('hugo.helpdeskadmin@contoso.com');
const max = byUpn('max.manager@contoso.com');
const audrey = byUpn('audrey.auditor@contoso.com');
const nadia = byUpn('nadia.norole@contoso.com');
const olga = DEMO_FIXTURES.globalAdmin;
const siobhan = DEMO_FIXTURES.pilotNothingYet;
const jose = DEMO_FIXTURES.pilotValidTap;
const kenji = DEMO_FIXTURES.adminWithTap;

const TAP_WRITE = 'UserAuthMethod-TAP.ReadWrite.All';
const HELPDESK = `${TAP_WRITE} UserAuthenticationMethod.Read.All Policy.Read.AuthenticationMethod`;
const POLICY_PATH =
  '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/temporaryAccessPass';
const RANGE_60_480 = 'Invalid LifetimeInMinutes specified. The valid range between 60 and 480.';
const POLICY_REFUSAL =
  'Converged UserCredentialPolicy does not allow creating or updating this authentication method. AuthMethodType [TemporaryAccessPass].';
const PASS = new RegExp(`^[A-Za-z0-9${TAP_SYMBOLS.replace(/[-\\\]^]/g, '\\$&')}]{8}$`);

interface Tap {
  id: string;
  temporaryAccessPass: string | null;
  createdDateTime: string;
  startDateTime: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  isUsable: boolean;
  methodUsabilityReason: string;
}
interface Page<T = Record<string, unknown>> {
  '@odata.context': string;
  value: T[];
}

let env: TestEnv;
const tokens = new Map<string, string>();

beforeAll(async () => {
  // These are contract tests, not tests of the reports limit (reports-limit.test.ts is).
  env = await startTestEmulator({ reportsLimit: LIFTED_REPORTS_LIMIT });
});
afterAll(() => env.close());
// Tokens carry oid and wids, so they keep working across a reset of the (deterministic) tenant.
beforeEach(() => env.emulator.reset());

/**
 * These tests are about what Graph allows each role, so tokens come from a tenant that consented
 * every scope they ask for to everyone (the admin guide's option B): an auditor's token can then
 * carry the write scope, and Graph must still refuse. Consent itself is consent.test.ts's.
 */
async function token(upn: string, scopes: string): Promise<string> {
  const key = `${upn} ${scopes}`;
  let value = tokens.get(key);
  if (!value) {
    await consentForEveryone(env, scopes);
    value = (await tokensFor(env, upn, `openid profile ${scopes}`)).access_token;
    tokens.set(key, value);
  }
  return value;
}

function graph(bearer: string, method: string, path: string, body?: unknown) {
  return env.call(`/graph/v1.0${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${bearer}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const tapsPath = (user: string) =>
  `/users/${encodeURIComponent(user)}/authentication/temporaryAccessPassMethods`;

async function issue(bearer: string, user: string, body: unknown = {}) {
  return graph(bearer, 'POST', tapsPath(user), body);
}

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

async function expectError(response: Response, status: number, code: string, message?: string) {
  const body = await json<{ error: { code: string; message: string } }>(response, status);
  expect(body.error.code).toBe(code);
  if (message !== undefined) expect(body.error.message).toBe(message);
  return body.error;
}

function phone(upn: string, body: unknown) {
  return env.call(`/emulator/users/${encodeURIComponent(upn)}/phone`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function patchPolicy(body: unknown) {
  return env.call('/emulator/policies/temporary-access-pass', {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const audits = () => env.emulator.state.directoryAudits;

describe('POST /users/{id}/authentication/temporaryAccessPassMethods', () => {
  it('gives an Authentication Administrator the pass once; reads return it as null', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    const created = await json<Tap & Record<string, unknown>>(
      await issue(bearer, siobhan.userPrincipalName),
      201,
    );
    expect(created).toMatchObject({
      '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethod',
      lifetimeInMinutes: 60,
      isUsableOnce: false,
      isUsable: true,
      methodUsabilityReason: 'EnabledByPolicy',
    });
    expect(created['@odata.context']).toBe(
      `${env.origin}/graph/v1.0/$metadata#users('${siobhan.id}')/authentication/temporaryAccessPassMethods/$entity`,
    );
    expect(created.temporaryAccessPass).toMatch(PASS);
    expect(created.startDateTime).toBe(created.createdDateTime);

    const list = await json<Page<Tap>>(await graph(bearer, 'GET', tapsPath(siobhan.id)), 200);
    expect(list.value).toHaveLength(1);
    expect(list.value[0]).toEqual({
      ...created,
      temporaryAccessPass: null,
      '@odata.type': undefined,
      '@odata.context': undefined,
    });
    const one = await json<Tap>(
      await graph(bearer, 'GET', `${tapsPath(siobhan.id)}/${created.id}`),
      200,
    );
    expect(one.temporaryAccessPass).toBeNull();
    expect(JSON.stringify(list) + JSON.stringify(one)).not.toContain(created.temporaryAccessPass);
  });

  it('honours startDateTime, lifetime and one-time use from the body', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    const start = new Date(Date.now() + 3_600_000).toISOString();
    const created = await json<Tap>(
      await issue(bearer, siobhan.id, {
        startDateTime: start,
        lifetimeInMinutes: 120,
        isUsableOnce: true,
      }),
      201,
    );
    expect(created).toMatchObject({
      startDateTime: start,
      lifetimeInMinutes: 120,
      isUsableOnce: true,
      isUsable: false,
      methodUsabilityReason: 'NotYetValid',
    });
  });

  it('replaces the existing pass: one left, the old id gone, deletion and creation audited', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    const first = await json<Tap>(await issue(bearer, siobhan.id), 201);
    const second = await json<Tap>(await issue(bearer, siobhan.id, { isUsableOnce: true }), 201);
    expect(second.id).not.toBe(first.id);
    expect(second.temporaryAccessPass).not.toBe(first.temporaryAccessPass);
    const list = await json<Page<Tap>>(await graph(bearer, 'GET', tapsPath(siobhan.id)), 200);
    expect(list.value.map((t) => t.id)).toEqual([second.id]);
    await expectError(
      await graph(bearer, 'GET', `${tapsPath(siobhan.id)}/${first.id}`),
      404,
      'itemNotFound',
    );

    const [replacement, deletion, original] = audits();
    const target = {
      id: siobhan.id,
      type: 'User',
      userPrincipalName: siobhan.userPrincipalName,
    };
    const initiatedBy = {
      user: {
        id: helen.id,
        displayName: helen.displayName,
        userPrincipalName: helen.userPrincipalName,
      },
      app: { appId: DEMO_CLIENT_ID, displayName: DEMO_APP_NAME },
    };
    expect(original).toMatchObject({
      activityDisplayName: 'Admin registered security info',
      resultReason: 'Admin registered temporary access pass method for user',
      loggedByService: 'Authentication Methods',
      category: 'UserManagement',
      result: 'success',
      operationType: 'Add',
      initiatedBy,
      targetResources: [
        {
          ...target,
          modifiedProperties: [{ displayName: 'AccessPassUsage', newValue: 'Multiple' }],
        },
      ],
    });
    expect(deletion).toMatchObject({
      activityDisplayName: 'Admin deleted security info',
      resultReason: 'Admin deleted temporary access pass method for user',
      operationType: 'Delete',
      initiatedBy,
      targetResources: [{ ...target, modifiedProperties: [] }],
    });
    // A one-time pass carries no AccessPassUsage, like the seeded events.
    expect(replacement).toMatchObject({
      activityDisplayName: 'Admin registered security info',
      correlationId: deletion?.correlationId,
      targetResources: [{ ...target, modifiedProperties: [] }],
    });
    // Same keys as a seeded event, so the audit and pilot views read both alike.
    const seeded = audits().find(
      (a) =>
        a.initiatedBy.app === null && a.activityDisplayName === 'Admin registered security info',
    );
    expect(Object.keys(replacement ?? {}).sort()).toEqual(Object.keys(seeded ?? {}).sort());
  });

  it("refuses a lifetime outside the policy with the policy's range, and outside the API's", async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    await expectError(
      await issue(bearer, siobhan.id, { lifetimeInMinutes: 600 }),
      400,
      'badRequest',
      RANGE_60_480,
    );
    await expectError(
      await issue(bearer, siobhan.id, { lifetimeInMinutes: 30 }),
      400,
      'badRequest',
      RANGE_60_480,
    );
    await expectError(
      await issue(bearer, siobhan.id, { lifetimeInMinutes: 50_000 }),
      400,
      'badRequest',
      'Invalid LifetimeInMinutes specified. The valid range between 10 and 43200.',
    );
    expect(env.emulator.state.authMethods.get(siobhan.id)?.temporaryAccessPass).toBeNull();
  });

  it('refuses malformed bodies the way OData does', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    await expectError(await issue(bearer, siobhan.id, { lifetime: 60 }), 400, 'BadRequest');
    await expectError(
      await issue(bearer, siobhan.id, { lifetimeInMinutes: '60' }),
      400,
      'BadRequest',
    );
    await expectError(
      await issue(bearer, siobhan.id, { startDateTime: 'tomorrow' }),
      400,
      'BadRequest',
    );
    await expectError(await issue(bearer, siobhan.id, { isUsableOnce: 'yes' }), 400, 'BadRequest');
  });

  it('refuses external guests, but not internal ones', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    await expectError(
      await issue(bearer, DEMO_FIXTURES.externalGuest.id),
      400,
      'badRequest',
      'Temporary Access Pass cannot be added to an external guest user.',
    );
    await json(await issue(bearer, DEMO_FIXTURES.internalGuest.id), 201);
  });

  it('refuses users outside the policy targets, excluded users and everyone when disabled', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    await expectError(
      await issue(bearer, DEMO_FIXTURES.outsideTapTarget.id),
      400,
      'badRequest',
      POLICY_REFUSAL,
    );
    await json(
      await patchPolicy({
        excludeTargets: [{ targetType: 'user', id: DEMO_FIXTURES.pilotViaWave2.id }],
      }),
      200,
    );
    await expectError(
      await issue(bearer, DEMO_FIXTURES.pilotViaWave2.id),
      400,
      'badRequest',
      POLICY_REFUSAL,
    );
    await json(await patchPolicy({ excludeTargets: [], state: 'disabled' }), 200);
    await expectError(await issue(bearer, siobhan.id), 400, 'badRequest', POLICY_REFUSAL);
    // Existing passes stop working too.
    const list = await json<Page<Tap>>(await graph(bearer, 'GET', tapsPath(jose.id)), 200);
    expect(list.value[0]?.methodUsabilityReason).toBe('DisabledByPolicy');
  });

  it('keeps an Authentication Administrator to non-admins; a Privileged one reaches admins', async () => {
    const helenToken = await token(helen.userPrincipalName, HELPDESK);
    expect(rolesOf(env.emulator.state, kenji.id).map((r) => r.roleTemplateId)).toEqual([
      ROLE_TEMPLATE_IDS.userAdministrator,
    ]);
    await expectError(await issue(helenToken, kenji.id), 403, 'accessDenied');
    await expectError(await issue(helenToken, sam.id), 403, 'accessDenied');
    // Reports Reader is among the roles an Authentication Administrator still manages; Global
    // Reader (Max holds both, to read passes for the pilot dashboard) is not.
    await expectError(await issue(helenToken, max.id), 403, 'accessDenied');
    const reportsReaders = env.emulator.state.directoryRoles.find(
      (role) => role.roleTemplateId === ROLE_TEMPLATE_IDS.reportsReader,
    );
    reportsReaders?.memberIds.push(nadia.id);
    await json(await issue(helenToken, nadia.id), 201);
    const samToken = await token(sam.userPrincipalName, HELPDESK);
    await json(await issue(samToken, kenji.id), 201);
    await json(await issue(samToken, helen.id), 201);
  });

  it('refuses a pass for yourself, whatever the role', async () => {
    const bearer = await token(sam.userPrincipalName, HELPDESK);
    await expectError(await issue(bearer, sam.id), 403, 'accessDenied');
    await expectError(
      await graph(bearer, 'POST', '/me/authentication/temporaryAccessPassMethods', {}),
      403,
      'accessDenied',
    );
    expect(env.emulator.state.authMethods.get(sam.id)?.temporaryAccessPass).toBeNull();
  });

  it('refuses Helpdesk Administrator, managers and auditors even with the write scope', async () => {
    const taps = () => env.emulator.state.authMethods.get(jose.id)?.temporaryAccessPass;
    const seeded = taps();
    expect(seeded).not.toBeNull();
    for (const account of [hugo, max, audrey, nadia]) {
      const bearer = await token(account.userPrincipalName, TAP_WRITE);
      await expectError(await issue(bearer, siobhan.id), 403, 'accessDenied');
      await expectError(
        await graph(bearer, 'DELETE', `${tapsPath(jose.id)}/${seeded?.id ?? ''}`),
        403,
        'accessDenied',
      );
    }
    expect(taps()).toBe(seeded);
    expect(env.emulator.state.authMethods.get(siobhan.id)?.temporaryAccessPass).toBeNull();
  });

  it('needs a write scope: a read-only token is refused by Graph before any role check', async () => {
    const bearer = await token(helen.userPrincipalName, 'UserAuthMethod-TAP.Read.All');
    await expectError(await issue(bearer, siobhan.id), 403, 'accessDenied');
  });
});

describe('reading passes', () => {
  it('lets the read roles see anyone, and users see their own', async () => {
    const helenToken = await token(helen.userPrincipalName, 'UserAuthMethod-TAP.Read.All');
    const kenjiTaps = await json<Page<Tap>>(
      await graph(helenToken, 'GET', tapsPath(kenji.id)),
      200,
    );
    expect(kenjiTaps.value).toHaveLength(1);
    expect(kenjiTaps.value[0]).toMatchObject({
      isUsableOnce: true,
      isUsable: false,
      methodUsabilityReason: 'OneTimeUsed',
      temporaryAccessPass: null,
    });
    const nadiaToken = await token(nadia.userPrincipalName, 'UserAuthMethod-TAP.Read.All');
    await expectError(await graph(nadiaToken, 'GET', tapsPath(jose.id)), 403, 'accessDenied');
    const own = await json<Page<Tap>>(
      await graph(nadiaToken, 'GET', '/me/authentication/temporaryAccessPassMethods'),
      200,
    );
    expect(own).toEqual({
      '@odata.context': `${env.origin}/graph/v1.0/$metadata#users('${nadia.id}')/authentication/temporaryAccessPassMethods`,
      value: [],
    });
    const audreyToken = await token(audrey.userPrincipalName, 'UserAuthMethod-TAP.Read.All');
    await expectError(await graph(audreyToken, 'GET', tapsPath(jose.id)), 403, 'accessDenied');
  });

  it('answers 404 for unknown users and passes, and refuses query options', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    await expectError(
      await graph(bearer, 'GET', tapsPath('nobody@contoso.com')),
      404,
      'Request_ResourceNotFound',
    );
    await expectError(
      await graph(bearer, 'GET', `${tapsPath(jose.id)}/00000000-0000-4000-8000-000000000000`),
      404,
      'itemNotFound',
    );
    await expectError(
      await graph(bearer, 'GET', `${tapsPath(jose.id)}?$top=1`),
      400,
      'Request_BadRequest',
    );
  });

  it('lets a Global Reader read passes but not issue them', async () => {
    env.emulator.state.directoryRoles
      .find((r) => r.roleTemplateId === ROLE_TEMPLATE_IDS.globalReader)
      ?.memberIds.push(nadia.id);
    const bearer = await token(
      nadia.userPrincipalName,
      `${TAP_WRITE} Policy.Read.AuthenticationMethod`,
    );
    const list = await json<Page<Tap>>(await graph(bearer, 'GET', tapsPath(jose.id)), 200);
    expect(list.value).toHaveLength(1);
    await expectError(await issue(bearer, siobhan.id), 403, 'accessDenied');
    await json(await graph(bearer, 'GET', POLICY_PATH), 200);
  });
});

describe('DELETE …/temporaryAccessPassMethods/{id}', () => {
  it('deletes with 204 and audits it; a second delete is 404', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    const tapId = env.emulator.state.authMethods.get(jose.id)?.temporaryAccessPass?.id ?? '';
    const response = await graph(bearer, 'DELETE', `${tapsPath(jose.userPrincipalName)}/${tapId}`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const list = await json<Page<Tap>>(await graph(bearer, 'GET', tapsPath(jose.id)), 200);
    expect(list.value).toEqual([]);
    expect(audits()[0]).toMatchObject({
      activityDisplayName: 'Admin deleted security info',
      resultReason: 'Admin deleted temporary access pass method for user',
      loggedByService: 'Authentication Methods',
      category: 'UserManagement',
      initiatedBy: { user: { id: helen.id }, app: { appId: DEMO_CLIENT_ID } },
      targetResources: [{ id: jose.id, userPrincipalName: jose.userPrincipalName, type: 'User' }],
    });
    await expectError(
      await graph(bearer, 'DELETE', `${tapsPath(jose.id)}/${tapId}`),
      404,
      'itemNotFound',
    );
  });

  it("keeps an Authentication Administrator from deleting an admin's pass", async () => {
    const tapId = env.emulator.state.authMethods.get(kenji.id)?.temporaryAccessPass?.id ?? '';
    const helenToken = await token(helen.userPrincipalName, HELPDESK);
    await expectError(
      await graph(helenToken, 'DELETE', `${tapsPath(kenji.id)}/${tapId}`),
      403,
      'accessDenied',
    );
    const samToken = await token(sam.userPrincipalName, HELPDESK);
    expect((await graph(samToken, 'DELETE', `${tapsPath(kenji.id)}/${tapId}`)).status).toBe(204);
  });
});

describe('the phone actions and Graph share one state', () => {
  it('shows passwordless Authenticator only after redeem, register and enable', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    const authenticators = async (query = '') =>
      (
        await json<Page>(
          await graph(
            bearer,
            'GET',
            `/users/${siobhan.id}/authentication/microsoftAuthenticatorMethods${query}`,
          ),
          200,
        )
      ).value;
    const created = await json<Tap>(await issue(bearer, siobhan.id), 201);
    expect(await authenticators()).toEqual([]);

    const wrong = await phone(siobhan.userPrincipalName, {
      action: 'redeem-tap',
      tap: 'notThePass',
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { code: 'tapIncorrect' } });
    const early = await phone(siobhan.userPrincipalName, { action: 'register-authenticator' });
    expect(early.status).toBe(400);

    expect(
      (
        await phone(siobhan.userPrincipalName, {
          action: 'redeem-tap',
          tap: created.temporaryAccessPass,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await phone(siobhan.userPrincipalName, {
          action: 'register-authenticator',
          deviceName: 'Pixel 9',
        })
      ).status,
    ).toBe(200);
    const [push] = await authenticators();
    expect(push).toEqual({
      '@odata.type': '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod',
      id: expect.any(String),
      displayName: 'Pixel 9',
      deviceTag: 'SoftwareTokenActivated',
      phoneAppVersion: expect.any(String),
      createdDateTime: null,
    });
    expect((await authenticators('?$expand=device'))[0]).toMatchObject({ device: null });

    expect(
      (await phone(siobhan.userPrincipalName, { action: 'enable-phone-sign-in' })).status,
    ).toBe(200);
    const [passwordless] = await authenticators();
    expect(passwordless?.createdDateTime).toEqual(expect.any(String));
    expect(passwordless).not.toHaveProperty('device');
    const expanded = (await authenticators('?$expand=device'))[0];
    expect(expanded?.device).toEqual({ id: expect.any(String), displayName: 'Pixel 9' });
    const one = await json<Record<string, unknown>>(
      await graph(
        bearer,
        'GET',
        `/users/${siobhan.id}/authentication/microsoftAuthenticatorMethods/${String(passwordless?.id)}?$expand=device`,
      ),
      200,
    );
    expect(one).toMatchObject({ id: passwordless?.id, device: expanded?.device });
  });

  it('marks a redeemed one-time pass OneTimeUsed', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    const created = await json<Tap>(await issue(bearer, siobhan.id, { isUsableOnce: true }), 201);
    expect(
      (
        await phone(siobhan.userPrincipalName, {
          action: 'redeem-tap',
          tap: created.temporaryAccessPass,
        })
      ).status,
    ).toBe(200);
    const list = await json<Page<Tap>>(await graph(bearer, 'GET', tapsPath(siobhan.id)), 200);
    expect(list.value[0]).toMatchObject({
      id: created.id,
      isUsable: false,
      methodUsabilityReason: 'OneTimeUsed',
    });
    const again = await phone(siobhan.userPrincipalName, {
      action: 'redeem-tap',
      tap: created.temporaryAccessPass,
    });
    expect(await again.json()).toMatchObject({ error: { code: 'tapAlreadyUsed' } });
  });

  it('needs a write scope to delete an Authenticator registration', async () => {
    const bearer = await token(helen.userPrincipalName, 'UserAuthenticationMethod.Read.All');
    const method = env.emulator.state.authMethods.get(DEMO_FIXTURES.pilotPushOnly.id)
      ?.microsoftAuthenticator[0];
    const path = `/users/${DEMO_FIXTURES.pilotPushOnly.id}/authentication/microsoftAuthenticatorMethods/${method?.id ?? ''}`;
    // Reading is enough for a GET, not for a DELETE.
    await json(await graph(bearer, 'GET', path), 200);
    await expectError(await graph(bearer, 'DELETE', path), 403, 'accessDenied');
  });
});

describe('GET /users/{id}/authentication/methods', () => {
  const withPhone = () =>
    env.emulator.state.users.find(
      (u) =>
        (env.emulator.state.authMethods.get(u.id)?.phone.length ?? 0) > 0 &&
        rolesOf(env.emulator.state, u.id).length === 0,
    )!;

  it('lists every method with its type; the pass without its value', async () => {
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    const page = await json<Page>(
      await graph(bearer, 'GET', `/users/${jose.id}/authentication/methods`),
      200,
    );
    const types = page.value.map((m) => m['@odata.type']);
    expect(types[0]).toBe('#microsoft.graph.passwordAuthenticationMethod');
    expect(types).toContain('#microsoft.graph.temporaryAccessPassAuthenticationMethod');
    const tap = page.value.find(
      (m) => m['@odata.type'] === '#microsoft.graph.temporaryAccessPassAuthenticationMethod',
    );
    expect(tap).toMatchObject({ temporaryAccessPass: null, isUsable: true });
    const password = await json<Record<string, unknown>>(
      await graph(bearer, 'GET', `/users/${jose.id}/authentication/methods/${PASSWORD_METHOD_ID}`),
      200,
    );
    expect(password).toMatchObject({ id: PASSWORD_METHOD_ID, password: null });
  });

  it('masks phone numbers for an Authentication Administrator, not for a Privileged one', async () => {
    const user = withPhone();
    const number = env.emulator.state.authMethods.get(user.id)!.phone[0]!.phoneNumber;
    const phoneOf = async (upn: string) => {
      const bearer = await token(upn, HELPDESK);
      const page = await json<Page>(
        await graph(bearer, 'GET', `/users/${user.id}/authentication/methods`),
        200,
      );
      return page.value.find(
        (m) => m['@odata.type'] === '#microsoft.graph.phoneAuthenticationMethod',
      )?.phoneNumber;
    };
    expect(await phoneOf(helen.userPrincipalName)).toBe(maskPhoneNumber(number));
    expect(maskPhoneNumber(number)).toMatch(/^\+1 X{8}\d\d$/);
    expect(await phoneOf(sam.userPrincipalName)).toBe(number);
  });

  it('is not granted by the per-method scopes', async () => {
    const bearer = await token(
      helen.userPrincipalName,
      'UserAuthMethod-TAP.ReadWrite.All UserAuthMethod-MicrosoftAuthApp.Read.All',
    );
    await expectError(
      await graph(bearer, 'GET', `/users/${jose.id}/authentication/methods`),
      403,
      'accessDenied',
    );
  });
});

describe('the Temporary Access Pass policy', () => {
  it('is refused to an Authentication Administrator and read by a Global Administrator', async () => {
    const helenToken = await token(helen.userPrincipalName, HELPDESK);
    await expectError(
      await graph(helenToken, 'GET', POLICY_PATH),
      403,
      'Authorization_RequestDenied',
    );
    const olgaToken = await token(olga.userPrincipalName, 'Policy.Read.AuthenticationMethod');
    const policy = await json<Record<string, unknown>>(
      await graph(olgaToken, 'GET', POLICY_PATH),
      200,
    );
    expect(policy).toMatchObject({
      '@odata.context': `${env.origin}/graph/v1.0/$metadata#authenticationMethodConfigurations/$entity`,
      '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration',
      id: 'TemporaryAccessPass',
      state: 'enabled',
      defaultLifetimeInMinutes: 60,
      defaultLength: 8,
      minimumLifetimeInMinutes: 60,
      maximumLifetimeInMinutes: 480,
      isUsableOnce: false,
      includeTargets: [
        { targetType: 'group', id: expect.any(String), isRegistrationRequired: false },
      ],
      excludeTargets: [],
    });
    const whole = await json<{ authenticationMethodConfigurations: { id: string }[] }>(
      await graph(olgaToken, 'GET', '/policies/authenticationMethodsPolicy'),
      200,
    );
    expect(whole.authenticationMethodConfigurations.map((c) => c.id).sort()).toEqual([
      'Fido2',
      'MicrosoftAuthenticator',
      'TemporaryAccessPass',
    ]);
    const authenticator = await json<Record<string, unknown>>(
      await graph(
        olgaToken,
        'GET',
        '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/microsoftAuthenticator',
      ),
      200,
    );
    expect(authenticator).toMatchObject({
      id: 'MicrosoftAuthenticator',
      includeTargets: [{ id: 'all_users', authenticationMode: 'any' }],
    });
  });

  it('refuses a change without Policy.ReadWrite.AuthenticationMethod', async () => {
    const olgaToken = await token(olga.userPrincipalName, 'Policy.Read.AuthenticationMethod');
    await expectError(
      await graph(olgaToken, 'PATCH', POLICY_PATH, { maximumLifetimeInMinutes: 120 }),
      403,
      'Authorization_RequestDenied',
    );
  });

  it('can be changed through the control API, and the routes follow it until a reset', async () => {
    const changed = await json<Record<string, unknown>>(
      await patchPolicy({ maximumLifetimeInMinutes: 120 }),
      200,
    );
    expect(changed).toMatchObject({ minimumLifetimeInMinutes: 60, maximumLifetimeInMinutes: 120 });
    const olgaToken = await token(olga.userPrincipalName, 'Policy.Read.AuthenticationMethod');
    expect(await json(await graph(olgaToken, 'GET', POLICY_PATH), 200)).toMatchObject({
      maximumLifetimeInMinutes: 120,
    });
    const bearer = await token(helen.userPrincipalName, HELPDESK);
    await expectError(
      await issue(bearer, siobhan.id, { lifetimeInMinutes: 240 }),
      400,
      'badRequest',
      'Invalid LifetimeInMinutes specified. The valid range between 60 and 120.',
    );

    await json(await patchPolicy({ isUsableOnce: true, defaultLength: 12 }), 200);
    await expectError(await issue(bearer, siobhan.id, { isUsableOnce: false }), 400, 'badRequest');
    const created = await json<Tap>(await issue(bearer, siobhan.id), 201);
    expect(created.isUsableOnce).toBe(true);
    expect(created.temporaryAccessPass).toHaveLength(12);

    await env.call('/emulator/reset', { method: 'POST' });
    expect(
      await json(await env.call('/emulator/policies/temporary-access-pass'), 200),
    ).toMatchObject({
      maximumLifetimeInMinutes: 480,
      isUsableOnce: false,
    });
  });

  it('refuses an inconsistent or unknown change and keeps the policy', async () => {
    for (const body of [
      { minimumLifetimeInMinutes: 600 },
      { maximumLifetimeInMinutes: 5 },
      { defaultLength: 4 },
      { state: 'off' },
      { includeTargets: [{ targetType: 'group' }] },
      { colour: 'red' },
      [],
    ]) {
      const response = await patchPolicy(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'badPolicy' } });
    }
    expect(env.emulator.state.tapPolicy).toMatchObject({
      minimumLifetimeInMinutes: 60,
      maximumLifetimeInMinutes: 480,
      defaultLength: 8,
      state: 'enabled',
    });
  });
});
