import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURES } from '../seed/people';
import { startTestEmulator, type TestEnv } from './support';

let env: TestEnv;

beforeAll(async () => {
  env = await startTestEmulator();
});
afterAll(() => env.close());

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
});
const phone = (upn: string, body: unknown) =>
  env.call(`/emulator/users/${encodeURIComponent(upn)}/phone`, json('POST', body));
const expectError = async (response: Response, status: number, code: string) => {
  expect(response.status).toBe(status);
  expect(await response.json()).toMatchObject({ error: { code, message: expect.any(String) } });
};

describe('settings and reset', () => {
  it('reads, validates and patches settings; a new size rebuilds the tenant', async () => {
    expect(await (await env.call('/emulator/settings')).json()).toEqual({
      userCount: 300,
      pilotSize: null,
      latencyMs: 0,
      throttleRate: 0,
      retryAfterSeconds: 1,
      accessTokenLifetimeSeconds: 3600,
      reportsLimit: { requests: 5, windowSeconds: 10 },
      reportLagMinutes: 0,
      verificationSiteGrant: 'write',
    });
    await expectError(
      await env.call('/emulator/settings', json('PATCH', { throttleRate: 2 })),
      400,
      'badSettings',
    );
    await expectError(
      await env.call('/emulator/settings', json('PATCH', { userCount: '5' })),
      400,
      'badSettings',
    );
    await expectError(
      await env.call('/emulator/settings', json('PATCH', { colour: 'red' })),
      400,
      'badSettings',
    );
    await expectError(
      await env.call('/emulator/settings', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: '{',
      }),
      400,
      'badJson',
    );
    const patched = await env.call(
      '/emulator/settings',
      json('PATCH', { userCount: 320, latencyMs: 5 }),
    );
    expect(await patched.json()).toMatchObject({ userCount: 320, latencyMs: 5 });
    expect(env.emulator.state.users).toHaveLength(320);
  });

  it('resets to the initial settings plus overrides, deterministically', async () => {
    const first = await env.call('/emulator/reset', json('POST', {}));
    expect(await first.json()).toMatchObject({ userCount: 300, latencyMs: 0 });
    const users = () =>
      env.emulator.state.users.map((u) => [u.id, u.userPrincipalName, u.displayName]);
    const before = users();
    await env.call('/emulator/reset', { method: 'POST' });
    expect(users()).toEqual(before);
    const bigger = await env.call('/emulator/reset', json('POST', { userCount: 310 }));
    expect(await bigger.json()).toMatchObject({ userCount: 310 });
    expect(env.emulator.state.users).toHaveLength(310);
    await env.call('/emulator/reset', { method: 'POST' });
  });

  it('lists the fixtures with ids and their seeded passes', async () => {
    const fixtures = (await (await env.call('/emulator/fixtures')).json()) as Record<
      string,
      { id: string; temporaryAccessPass: string | null }
    >;
    expect(fixtures.pilotValidTap).toMatchObject({
      id: DEMO_FIXTURES.pilotValidTap.id,
      displayName: 'José Núñez',
    });
    expect(fixtures.pilotValidTap?.temporaryAccessPass).toHaveLength(8);
    expect(fixtures.pilotNothingYet?.temporaryAccessPass).toBeNull();
  });

  it('answers unknown control paths with 404 and CORS preflights from its own origin', async () => {
    await expectError(await env.call('/emulator/nope'), 404, 'notFound');
    const preflight = await env.call('/emulator/reset', {
      method: 'OPTIONS',
      headers: { Origin: env.origin, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(env.origin);
  });
});

describe('a page on another site', () => {
  const EVIL = 'https://evil.example';

  it('cannot read the fixtures (live passes) or get a preflight through', async () => {
    const read = await env.call('/emulator/fixtures', { headers: { Origin: EVIL } });
    await expectError(read, 403, 'originNotAllowed');
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await env.call('/emulator/reset', {
      method: 'OPTIONS',
      headers: {
        Origin: EVIL,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    // Its own pages still may.
    const own = await env.call('/emulator/fixtures', { headers: { Origin: env.origin } });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBe(env.origin);
  });

  it('cannot drive the tenant with a request that needs no preflight', async () => {
    const before = await (await env.call('/emulator/settings')).json();
    // What a cross-site form or a no-cors fetch can send: with its Origin, and without.
    const simple: Record<string, string>[] = [
      { 'Content-Type': 'application/x-www-form-urlencoded', Origin: EVIL },
      { 'Content-Type': 'text/plain', Origin: EVIL },
      { 'Content-Type': 'text/plain' },
      { 'Content-Type': 'multipart/form-data; boundary=x' },
    ];
    for (const headers of simple) {
      const response = await env.call('/emulator/settings', {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ latencyMs: 900 }),
      });
      expect(response.status).toBe(headers.Origin ? 403 : 415);
      const revoke = await env.call('/emulator/sessions/revoke', { method: 'POST', headers });
      expect(revoke.status).toBe(headers.Origin ? 403 : 415);
    }
    expect(await (await env.call('/emulator/settings')).json()).toEqual(before);
    await expectError(
      await env.call('/emulator/reset', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: '{}',
      }),
      415,
      'unsupportedMediaType',
    );
    // A body-less call from a terminal (no Origin, no body) is still a control.
    expect((await env.call('/emulator/tokens/expire', { method: 'POST' })).status).toBe(200);
  });
});

describe('POST /emulator/users/{upn}/phone', () => {
  const pass = (id: string) => env.emulator.state.authMethods.get(id)?.temporaryAccessPass;

  it('walks José from TAP to passwordless phone sign-in', async () => {
    const jose = DEMO_FIXTURES.pilotValidTap;
    await expectError(
      await phone(jose.userPrincipalName, { action: 'register-authenticator' }),
      400,
      'tapSignInRequired',
    );
    await expectError(
      await phone(jose.userPrincipalName, { action: 'redeem-tap', tap: 'wrong' }),
      400,
      'tapIncorrect',
    );
    const redeemed = await phone(jose.userPrincipalName, {
      action: 'redeem-tap',
      tap: pass(jose.id)?.secret,
    });
    expect(redeemed.status).toBe(200);
    expect(await redeemed.json()).toMatchObject({
      temporaryAccessPass: { isUsable: true, methodUsabilityReason: 'EnabledByPolicy' },
    });
    expect(pass(jose.id)?.usedDateTime).not.toBeNull();
    await expectError(
      await phone(jose.userPrincipalName, { action: 'enable-phone-sign-in' }),
      400,
      'authenticatorRequired',
    );

    const registered = await phone(jose.userPrincipalName, {
      action: 'register-authenticator',
      deviceName: 'Pixel 8',
    });
    expect(await registered.json()).toMatchObject({
      method: {
        displayName: 'Pixel 8',
        createdDateTime: null,
        device: null,
        deviceTag: 'SoftwareTokenActivated',
      },
    });
    expect(env.emulator.state.directoryAudits[0]).toMatchObject({
      activityDisplayName: 'User registered security info',
      resultReason: 'User registered Authenticator App with Notification and Code',
      initiatedBy: { user: { id: jose.id } },
    });

    const enabled = await phone(jose.userPrincipalName, { action: 'enable-phone-sign-in' });
    const { method } = (await enabled.json()) as {
      method: { createdDateTime: string; device: { displayName: string } };
    };
    expect(Date.parse(method.createdDateTime)).not.toBeNaN();
    expect(method.device.displayName).toBe('Pixel 8');
    expect(
      env.emulator.state.authMethods.get(jose.id)?.microsoftAuthenticator[0]?.device,
    ).not.toBeNull();
  });

  it('lets Ada, who already signed in with her pass, register Authenticator (the README example)', async () => {
    const ada = DEMO_FIXTURES.pilotTapUsed;
    expect(ada.userPrincipalName).toBe('ada.lovelace@contoso.com');
    const response = await phone(ada.userPrincipalName, { action: 'register-authenticator' });
    expect(response.status).toBe(200);
  });

  it('refuses expired, not-yet-valid and used one-time passes as Entra does', async () => {
    const refuse = async (fixture: { id: string; userPrincipalName: string }, code: string) =>
      expectError(
        await phone(fixture.userPrincipalName, {
          action: 'redeem-tap',
          tap: pass(fixture.id)?.secret,
        }),
        400,
        code,
      );
    await refuse(DEMO_FIXTURES.pilotExpiredTap, 'tapExpired');
    await refuse(DEMO_FIXTURES.pilotTapNotYetValid, 'tapNotYetValid');
    await refuse(DEMO_FIXTURES.adminWithTap, 'tapAlreadyUsed');
    await refuse(DEMO_FIXTURES.pilotNothingYet, 'tapIncorrect');
  });

  it('burns a one-time pass on first use', async () => {
    const state = env.emulator.state;
    const liam = DEMO_FIXTURES.twoTapsIn24h;
    const tap = pass(liam.id)!;
    tap.isUsableOnce = true;
    expect(
      (await phone(liam.userPrincipalName, { action: 'redeem-tap', tap: tap.secret })).status,
    ).toBe(200);
    await expectError(
      await phone(liam.userPrincipalName, { action: 'redeem-tap', tap: tap.secret }),
      400,
      'tapAlreadyUsed',
    );
    expect(state.signIns.filter((s) => s.userId === liam.id)).toHaveLength(1);
  });

  it('answers 404 for an unknown user and 400 for a bad action', async () => {
    await expectError(
      await phone('nobody@contoso.com', { action: 'redeem-tap' }),
      404,
      'userNotFound',
    );
    await expectError(
      await phone(DEMO_FIXTURES.pilotValidTap.userPrincipalName, { action: 'dance' }),
      400,
      'badAction',
    );
  });
});
