import { describe, expect, it } from 'vitest';
import { PASSWORD_METHOD_ID } from '../constants';
import { rolesOf } from '../directory';
import { DEMO_FIXTURES } from '../seed/people';
import { maskPhoneNumber } from '../routes/all-methods';
import {
  helen,
  sam,
  siobhan,
  jose,
  HELPDESK,
  type Tap,
  type Page,
  env,
  token,
  graph,
  tapsPath,
  issue,
  json,
  expectError,
  phone,
} from './auth-methods-support';

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
