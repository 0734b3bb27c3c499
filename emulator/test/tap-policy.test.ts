import { describe, expect, it } from 'vitest';
import {
  helen,
  olga,
  siobhan,
  HELPDESK,
  POLICY_PATH,
  type Tap,
  env,
  token,
  graph,
  issue,
  json,
  expectError,
  patchPolicy,
} from './auth-methods-support';

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
