import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUTHENTICATOR_AAGUIDS, PILOT_GROUP_ID, ROLE_TEMPLATE_IDS } from '../constants';
import { LIFTED_REPORTS_LIMIT } from '../graph/reports-limit';
import type { PilotTruth } from '../pilot-truth';
import { createGraphRouter } from '../routes';
import { DEMO_ACCOUNTS, DEMO_FIXTURES } from '../seed/people';
import { consentForEveryone, startTestEmulator, tokensFor, type TestEnv } from './support';

/*
 * Passkeys in Microsoft Authenticator (issue 12): the phone action that creates one, the
 * fido2AuthenticationMethod Graph serves for it, the audit event, the registration report and
 * the passkey (FIDO2) policy.
 */

const helen = DEMO_ACCOUNTS.find((a) => a.userPrincipalName === 'helen.helpdesk@contoso.com')!;
const olga = DEMO_FIXTURES.globalAdmin;
const jose = DEMO_FIXTURES.pilotValidTap;
const siobhan = DEMO_FIXTURES.pilotNothingYet;
const FIDO2_POLICY =
  '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/fido2';
const READ_METHODS = 'UserAuthenticationMethod.Read.All';

let env: TestEnv;
const tokens = new Map<string, string>();

beforeAll(async () => {
  env = await startTestEmulator({ reportsLimit: LIFTED_REPORTS_LIMIT });
});
afterAll(() => env.close());
beforeEach(() => env.emulator.reset());

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

async function get<T>(bearer: string, path: string, status = 200): Promise<T> {
  const response = await env.call(`/graph/v1.0${path}`, {
    headers: { Authorization: `Bearer ${bearer}` },
  });
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

const phone = (upn: string, body: unknown) =>
  env.call(`/emulator/users/${encodeURIComponent(upn)}/phone`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

async function expectRefusal(response: Response, code: string) {
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ error: { code, message: expect.any(String) } });
}

const secretOf = (id: string) =>
  env.emulator.state.authMethods.get(id)?.temporaryAccessPass?.secret;

describe('register-passkey', () => {
  it('needs a TAP sign-in or Authenticator first, as Entra asks for a recent MFA', async () => {
    await expectRefusal(
      await phone(jose.userPrincipalName, { action: 'register-passkey' }),
      'mfaRequired',
    );
    await expectRefusal(
      await phone(siobhan.userPrincipalName, { action: 'register-passkey' }),
      'mfaRequired',
    );
  });

  it('creates an iOS passkey in Authenticator by default, with its audit event and report value', async () => {
    const redeemed = await phone(jose.userPrincipalName, {
      action: 'redeem-tap',
      tap: secretOf(jose.id),
    });
    expect(redeemed.status).toBe(200);
    const created = await phone(jose.userPrincipalName, { action: 'register-passkey' });
    expect(created.status).toBe(200);
    const { method } = (await created.json()) as { method: { id: string; aaGuid: string } };
    expect(method.aaGuid).toBe(AUTHENTICATOR_AAGUIDS.ios);

    const bearer = await token(helen.userPrincipalName, READ_METHODS);
    const list = await get<{ '@odata.context': string; value: Record<string, unknown>[] }>(
      bearer,
      `/users/${jose.id}/authentication/fido2Methods`,
    );
    expect(list['@odata.context']).toContain(`users('${jose.id}')/authentication/fido2Methods`);
    expect(list.value).toEqual([
      {
        '@odata.type': '#microsoft.graph.fido2AuthenticationMethod',
        id: method.id,
        displayName: 'Microsoft Authenticator - iOS',
        createdDateTime: expect.any(String),
        aaGuid: AUTHENTICATOR_AAGUIDS.ios,
        model: 'Microsoft Authenticator - iOS',
        attestationCertificates: [],
        attestationLevel: 'attested',
      },
    ]);
    const one = await get<Record<string, unknown>>(
      bearer,
      `/users/${jose.id}/authentication/fido2Methods/${method.id}`,
    );
    expect(one).toMatchObject({ id: method.id, aaGuid: AUTHENTICATOR_AAGUIDS.ios });
    const all = await get<{ value: Record<string, unknown>[] }>(
      bearer,
      `/users/${jose.id}/authentication/methods`,
    );
    expect(all.value).toContainEqual(list.value[0]);

    expect(env.emulator.state.directoryAudits[0]).toMatchObject({
      activityDisplayName: 'User registered security info',
      resultReason: 'User registered Fido2 Authentication Method',
      loggedByService: 'Authentication Methods',
      initiatedBy: { user: { id: jose.id } },
      targetResources: [{ id: jose.id, userPrincipalName: jose.userPrincipalName }],
    });

    const reportsToken = await token(olga.userPrincipalName, 'AuditLog.Read.All');
    const report = await get<{ methodsRegistered: string[]; isPasswordlessCapable: boolean }>(
      reportsToken,
      `/reports/authenticationMethods/userRegistrationDetails/${jose.id}`,
    );
    expect(report.methodsRegistered).toContain('passKeyDeviceBoundAuthenticator');
    expect(report.methodsRegistered).not.toContain('fido2');
    expect(report.isPasswordlessCapable).toBe(true);
  });

  it("selects Android's AAGUID and works after Authenticator was registered", async () => {
    await phone(jose.userPrincipalName, { action: 'redeem-tap', tap: secretOf(jose.id) });
    await phone(jose.userPrincipalName, { action: 'register-authenticator' });
    // The pass is gone; Authenticator gives the recent MFA from now on.
    env.emulator.state.authMethods.get(jose.id)!.temporaryAccessPass = null;
    const created = await phone(jose.userPrincipalName, {
      action: 'register-passkey',
      platform: 'android',
    });
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({
      method: { aaGuid: AUTHENTICATOR_AAGUIDS.android, model: 'Microsoft Authenticator - Android' },
    });
    await expectRefusal(
      await phone(jose.userPrincipalName, { action: 'register-passkey', platform: 'windows' }),
      'badPlatform',
    );
  });

  it('is refused outside the passkey policy and when key restrictions leave Authenticator out', async () => {
    await phone(jose.userPrincipalName, { action: 'redeem-tap', tap: secretOf(jose.id) });
    const policy = env.emulator.state.fido2Policy;
    policy.keyRestrictions.aaGuids = [AUTHENTICATOR_AAGUIDS.android];
    await expectRefusal(
      await phone(jose.userPrincipalName, { action: 'register-passkey' }),
      'passkeyKeyRestricted',
    );
    policy.includeTargets = [];
    await expectRefusal(
      await phone(jose.userPrincipalName, { action: 'register-passkey' }),
      'passkeyBlockedByPolicy',
    );
    expect(env.emulator.state.authMethods.get(jose.id)?.fido2).toEqual([]);
  });
});

describe('delete-passkey', () => {
  it("removes the person's own passkey and logs it as their deletion, not an admin's", async () => {
    await expectRefusal(
      await phone(jose.userPrincipalName, { action: 'delete-passkey' }),
      'passkeyRequired',
    );
    await phone(jose.userPrincipalName, { action: 'redeem-tap', tap: secretOf(jose.id) });
    await phone(jose.userPrincipalName, { action: 'register-passkey' });
    const deleted = await phone(jose.userPrincipalName, { action: 'delete-passkey' });
    expect(deleted.status).toBe(200);
    expect(env.emulator.state.authMethods.get(jose.id)?.fido2).toEqual([]);
    expect(env.emulator.state.directoryAudits[0]).toMatchObject({
      activityDisplayName: 'User deleted security info',
      operationType: 'Delete',
      initiatedBy: { user: { id: jose.id } },
      targetResources: [expect.objectContaining({ id: jose.id })],
    });
  });
});

describe('DELETE fido2Methods/{id}', () => {
  const router = createGraphRouter();
  const WRITE_OTHERS = ['UserAuthenticationMethod.ReadWrite.All'];
  const R = ROLE_TEMPLATE_IDS;

  /*
   * The emulator signs in with the scopes TAP Desk is consented for, and none of them writes
   * passkeys; so the successful calls run the route's handler with the caller a token holding
   * the write scope would give. The refusal TAP Desk's own token meets goes over HTTP.
   */
  async function remove(
    caller: { oid: string; upn: string; scopes: string[]; wids: string[] },
    path: string,
  ): Promise<number> {
    const { found } = router.match('DELETE', path);
    expect(found, path).toBeDefined();
    try {
      const result = await found!.route.handler({
        caller,
        path,
        params: found!.params,
        query: new URLSearchParams(),
        sentQuery: new URLSearchParams(),
        headers: {},
        body: undefined,
        state: env.emulator.state,
        settings: env.emulator.settings,
        origin: 'https://localhost',
        now: Date.now(),
        runBatchItem: () => Promise.reject(new Error('no batch')),
      });
      return result.status;
    } catch (error) {
      return (error as { status: number }).status;
    }
  }
  const as = (
    account: { id: string; userPrincipalName: string },
    wids: string[],
    scopes = WRITE_OTHERS,
  ) => ({
    oid: account.id,
    upn: account.userPrincipalName,
    scopes,
    wids,
  });

  async function josePasskey(): Promise<string> {
    await phone(jose.userPrincipalName, { action: 'redeem-tap', tap: secretOf(jose.id) });
    const created = await phone(jose.userPrincipalName, { action: 'register-passkey' });
    expect(created.status).toBe(200);
    return ((await created.json()) as { method: { id: string } }).method.id;
  }

  it("deletes someone's passkey with 204 and writes the admin's audit event; then 404", async () => {
    const id = await josePasskey();
    const path = `/users/${jose.id}/authentication/fido2Methods/${id}`;
    const helenCaller = as(helen, [R.authenticationAdministrator]);
    expect(await remove(helenCaller, path)).toBe(204);
    expect(env.emulator.state.authMethods.get(jose.id)?.fido2).toEqual([]);
    expect(env.emulator.state.directoryAudits[0]).toMatchObject({
      activityDisplayName: 'Admin deleted security info',
      resultReason: 'Admin deleted Fido2 Authentication Method for user',
      operationType: 'Delete',
      loggedByService: 'Authentication Methods',
      initiatedBy: { user: { id: helen.id } },
      targetResources: [{ id: jose.id, userPrincipalName: jose.userPrincipalName }],
    });
    expect(await remove(helenCaller, path)).toBe(404);
  });

  it("refuses TAP Desk's read token, roles that cannot write methods and admins out of reach", async () => {
    const id = await josePasskey();
    const path = `/users/${jose.id}/authentication/fido2Methods/${id}`;
    const response = await env.call(`/graph/v1.0${path}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${await token(helen.userPrincipalName, READ_METHODS)}` },
    });
    expect(response.status).toBe(403);
    expect(await remove(as(helen, [R.authenticationAdministrator], [READ_METHODS]), path)).toBe(
      403,
    );
    expect(await remove(as(siobhan, []), path)).toBe(403);
    expect(env.emulator.state.authMethods.get(jose.id)?.fido2).toHaveLength(1);

    const [method] = env.emulator.state.authMethods.get(jose.id)!.fido2;
    env.emulator.state.authMethods.get(olga.id)!.fido2.push({ ...method! });
    const olgaPath = `/users/${olga.id}/authentication/fido2Methods/${id}`;
    expect(await remove(as(helen, [R.authenticationAdministrator]), olgaPath)).toBe(403);
    expect(env.emulator.state.authMethods.get(olga.id)?.fido2).toHaveLength(1);
    expect(await remove(as(olga, [R.privilegedAuthenticationAdministrator]), olgaPath)).toBe(204);
  });

  it('answers 404 for an unknown id, and lets a user delete their own passkey', async () => {
    const id = await josePasskey();
    const unknown = `/users/${jose.id}/authentication/fido2Methods/00000000-0000-0000-0000-000000000000`;
    expect(await remove(as(helen, [R.authenticationAdministrator]), unknown)).toBe(404);
    const own = as(jose, [], ['UserAuthMethod-Passkey.ReadWrite']);
    expect(await remove(own, `/me/authentication/fido2Methods/${id}`)).toBe(204);
    expect(env.emulator.state.authMethods.get(jose.id)?.fido2).toEqual([]);
    expect(env.emulator.state.directoryAudits[0]).toMatchObject({
      activityDisplayName: 'User deleted security info',
      resultReason: 'User deleted Fido2 Authentication Method',
    });
  });
});

describe('the passkey (FIDO2) policy', () => {
  it('is served with targets, attestation and key restrictions, under the TAP policy rules', async () => {
    const helenToken = await token(helen.userPrincipalName, 'Policy.Read.AuthenticationMethod');
    await get(helenToken, FIDO2_POLICY, 403);
    const olgaToken = await token(olga.userPrincipalName, 'Policy.Read.AuthenticationMethod');
    const policy = await get<Record<string, unknown>>(olgaToken, FIDO2_POLICY);
    expect(policy).toMatchObject({
      '@odata.type': '#microsoft.graph.fido2AuthenticationMethodConfiguration',
      id: 'Fido2',
      state: 'enabled',
      isSelfServiceRegistrationAllowed: true,
      isAttestationEnforced: true,
      keyRestrictions: {
        isEnforced: true,
        enforcementType: 'allow',
        aaGuids: [AUTHENTICATOR_AAGUIDS.ios, AUTHENTICATOR_AAGUIDS.android],
      },
      excludeTargets: [],
    });
    expect(policy.includeTargets).toContainEqual({
      targetType: 'group',
      id: PILOT_GROUP_ID,
      isRegistrationRequired: false,
    });
  });
});

describe('the pilot ground truth', () => {
  it('splits the last stage: a passkey in Authenticator reaches every stage but phone sign-in', async () => {
    const truth = async () =>
      (await (await env.call(`/emulator/pilot/${PILOT_GROUP_ID}/truth`)).json()) as PilotTruth;
    const before = await truth();
    // The seed has pilot members who finished with a passkey, and more with phone sign-in.
    expect(before.counts.passkeyRegistered).toBeGreaterThan(0);
    expect(before.counts.passkeyRegistered).toBeLessThan(before.counts.phoneSignInEnabled);
    await phone(jose.userPrincipalName, { action: 'redeem-tap', tap: secretOf(jose.id) });
    expect((await phone(jose.userPrincipalName, { action: 'register-passkey' })).status).toBe(200);
    const after = await truth();
    const upns = (stage: keyof PilotTruth['members']) =>
      after.members[stage].map((m) => m.userPrincipalName);
    expect(after.counts.passkeyRegistered).toBe(before.counts.passkeyRegistered + 1);
    expect(upns('passkeyRegistered')).toContain(jose.userPrincipalName);
    expect(upns('authenticatorRegistered')).toContain(jose.userPrincipalName);
    expect(upns('phoneSignInEnabled')).not.toContain(jose.userPrincipalName);
    expect(after.counts.authenticatorRegistered).toBe(before.counts.authenticatorRegistered + 1);
    expect(after.counts.phoneSignInEnabled).toBe(before.counts.phoneSignInEnabled);
  });
});
