import { get as httpsGet } from 'node:https';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDevCertificate } from '../cert';
import { APP_ROLES, DEMO_CLIENT_ID, DEMO_TENANT_ID, ROLE_TEMPLATE_IDS } from '../constants';
import { DEMO_ACCOUNTS, DEMO_FIXTURES } from '../seed/people';
import {
  REDIRECT_PATH,
  authorizeUrl,
  claimsOf,
  formAction,
  graphGet,
  pkcePair,
  signInInteractively,
  tokenRequest,
  tokensFor,
  startTestEmulator,
  type TestEnv,
} from './support';

const helen = DEMO_ACCOUNTS[0]!;
let env: TestEnv;

beforeAll(async () => {
  env = await startTestEmulator();
});
afterAll(() => env.close());

/**
 * A GET over node:https with headers fetch may not set (Host), trusting the dev certificate:
 * status, body and Location.
 */
async function rawGet(url: string, headers: Record<string, string> = {}) {
  const { cert } = await ensureDevCertificate();
  return new Promise<{ status: number; body: string; location?: string }>((resolve, reject) => {
    // TLS still checks the certificate for the URL's host, whatever Host says.
    const options = { ca: cert, headers, servername: new URL(url).hostname };
    const request = httpsGet(url, options, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body, location: response.headers.location }),
      );
    });
    request.on('error', reject);
  });
}

/** A prompt=none authorize with this SSO cookie must answer login_required. */
async function expectSilentSignInRefused(cookie: string) {
  const { challenge } = pkcePair();
  const silent = await env.fetch(
    authorizeUrl(env, { code_challenge: challenge, code_challenge_method: 'S256', prompt: 'none' }),
    { headers: { Cookie: cookie } },
  );
  expect(new URL(silent.headers.get('location') ?? '').searchParams.get('error')).toBe(
    'login_required',
  );
}

describe('openid-client v6 against the emulator', () => {
  it('discovers, signs in with code + PKCE, gets verifiable tokens and calls Graph', async () => {
    const issuer = `${env.origin}/login/${DEMO_TENANT_ID}/v2.0`;
    const customFetch: client.CustomFetch = (url, options) =>
      env.fetch(url, options as RequestInit);
    const config = await client.discovery(
      new URL(issuer),
      DEMO_CLIENT_ID,
      undefined,
      client.None(),
      {
        [client.customFetch]: customFetch,
      },
    );
    expect(config.serverMetadata().issuer).toBe(issuer);

    const verifier = client.randomPKCECodeVerifier();
    const nonce = client.randomNonce();
    const state = client.randomState();
    const authorize = client.buildAuthorizationUrl(config, {
      redirect_uri: `${env.origin}${REDIRECT_PATH}`,
      scope: 'openid profile offline_access User.Read',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      nonce,
      state,
    });
    const page = await env.fetch(authorize);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<title>Sign in to Contoso (TAP Desk demo)</title>');

    const signIn = await env.fetch(formAction(html, authorize.href), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: helen.userPrincipalName }),
    });
    expect(signIn.status).toBe(302);
    const callback = new URL(signIn.headers.get('location') ?? '');
    expect(callback.pathname).toBe(REDIRECT_PATH);

    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedNonce: nonce,
      expectedState: state,
    });
    const claims = tokens.claims();
    expect(claims).toMatchObject({
      iss: issuer,
      aud: DEMO_CLIENT_ID,
      tid: DEMO_TENANT_ID,
      oid: helen.id,
      nonce,
      ver: '2.0',
      preferred_username: helen.userPrincipalName,
      name: 'Helen Helpdesk',
      roles: [APP_ROLES.helpdesk],
      wids: [ROLE_TEMPLATE_IDS.authenticationAdministrator],
    });

    const jwks = (await (
      await env.fetch(config.serverMetadata().jwks_uri ?? '')
    ).json()) as JSONWebKeySet;
    const keys = createLocalJWKSet(jwks);
    await expect(
      jwtVerify(tokens.id_token ?? '', keys, { issuer, audience: DEMO_CLIENT_ID }),
    ).resolves.toBeTruthy();
    const access = await jwtVerify(tokens.access_token, keys, {
      issuer: `https://sts.windows.net/${DEMO_TENANT_ID}/`,
      audience: 'https://graph.microsoft.com',
    });
    expect(access.payload).toMatchObject({
      scp: 'User.Read',
      appid: DEMO_CLIENT_ID,
      upn: helen.userPrincipalName,
    });

    const me = await graphGet(env, '/me', tokens.access_token);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      id: helen.id,
      userPrincipalName: helen.userPrincipalName,
    });

    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token ?? '', {
      scope: 'https://graph.microsoft.com/User.Read.All openid',
    });
    expect(claimsOf(refreshed.access_token).scp).toBe('User.Read.All');
  });
});

describe('authorize', () => {
  it('omits roles and wids for a user without any', async () => {
    const tokens = await tokensFor(env, 'nadia.norole@contoso.com', 'openid profile User.Read');
    const claims = claimsOf(tokens.id_token);
    expect(claims.roles).toBeUndefined();
    expect(claims.wids).toBeUndefined();
    expect(tokens.refresh_token).toBeUndefined();
  });

  it('refuses PKCE plain or a missing challenge with an error redirect', async () => {
    const cases: Record<string, string>[] = [
      { code_challenge: 'abc', code_challenge_method: 'plain' },
      {},
    ];
    for (const params of cases) {
      const response = await env.fetch(authorizeUrl(env, params));
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get('location') ?? '');
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('state')).toBe('state-1');
    }
  });

  it('shows an error page, not a redirect, for a foreign redirect URI or unknown client', async () => {
    const { challenge } = pkcePair();
    const foreign = await env.fetch(
      authorizeUrl(env, {
        code_challenge: challenge,
        code_challenge_method: 'S256',
        redirect_uri: 'https://evil.example/cb',
      }),
    );
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain('AADSTS50011');
    const client = await env.fetch(
      authorizeUrl(env, {
        code_challenge: challenge,
        code_challenge_method: 'S256',
        client_id: 'nope',
      }),
    );
    expect(client.status).toBe(400);
  });

  it('answers in the requested response mode with code and state', async () => {
    const fragment = await signInInteractively(env, helen.userPrincipalName, {
      response_mode: 'fragment',
    });
    expect(fragment.location.hash).toMatch(/code=.+&state=state-1/);
    const formPost = await signInInteractively(env, helen.userPrincipalName, {
      response_mode: 'form_post',
    });
    const html = await formPost.response.text();
    expect(formPost.response.status).toBe(200);
    expect(html).toContain(`action="${env.origin}${REDIRECT_PATH}"`);
    expect(html).toMatch(/name="code" value="[^"]+"/);
  });

  it('shows the page again with an error for an unknown username', async () => {
    const { challenge } = pkcePair();
    const url = authorizeUrl(env, { code_challenge: challenge, code_challenge_method: 'S256' });
    const response = await env.fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'nobody@contoso.com' }),
    });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('role="alert"');
    expect(html).toContain('value="nobody@contoso.com"');
  });

  it('lists the staff accounts with what they are for, and labels the username box', async () => {
    const { challenge } = pkcePair();
    const html = await (
      await env.fetch(
        authorizeUrl(env, { code_challenge: challenge, code_challenge_method: 'S256' }),
      )
    ).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<label for="username">');
    const names = [...html.matchAll(/<span class="name">([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(names).toEqual(DEMO_ACCOUNTS.map((a) => a.displayName));
    expect(html).toContain('Helpdesk, Authentication Administrator');
  });

  it('prompt=none issues a code with a live SSO session and login_required without one', async () => {
    const first = await signInInteractively(env, helen.userPrincipalName);
    expect(first.cookie).toMatch(/^emu_sso=/);
    expect(first.response.headers.get('set-cookie')).toMatch(
      /HttpOnly; Secure; SameSite=None; Path=\/login/,
    );
    const { challenge } = pkcePair();
    const silent = authorizeUrl(env, {
      code_challenge: challenge,
      code_challenge_method: 'S256',
      prompt: 'none',
      response_mode: 'fragment',
    });
    const withSession = await env.fetch(silent, { headers: { Cookie: first.cookie } });
    expect(new URL(withSession.headers.get('location') ?? '').hash).toMatch(/^#code=/);
    const without = await env.fetch(silent);
    const hash = new URLSearchParams(new URL(without.headers.get('location') ?? '').hash.slice(1));
    expect(hash.get('error')).toBe('login_required');
    expect(hash.get('error_description')).toMatch(/^AADSTS50058: /);
  });

  it('logout ends the SSO session and returns to a same-origin page', async () => {
    const { cookie } = await signInInteractively(env, helen.userPrincipalName);
    const target = `${env.origin}/`;
    const logout = await env.call(
      `/login/${DEMO_TENANT_ID}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(target)}`,
      { headers: { Cookie: cookie } },
    );
    expect(logout.status).toBe(302);
    expect(logout.headers.get('location')).toBe(target);
    await expectSilentSignInRefused(cookie);
    const elsewhere = await env.call(
      `/login/${DEMO_TENANT_ID}/oauth2/v2.0/logout?post_logout_redirect_uri=https://evil.example/`,
    );
    expect(elsewhere.status).toBe(200);
    expect(await elsewhere.text()).toContain('You have signed out');
  });

  it('answers CORS preflights on the token endpoint', async () => {
    const preflight = await env.call(`/login/${DEMO_TENANT_ID}/oauth2/v2.0/token`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://localhost:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
  });
});

describe('token endpoint', () => {
  const redirectUri = () => `${env.origin}${REDIRECT_PATH}`;
  const expectAadError = async (response: Response, error: string, code: number) => {
    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error, error_codes: [code] });
    expect(body.error_description).toMatch(new RegExp(`^AADSTS${code}: `));
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['timestamp', 'trace_id', 'correlation_id']),
    );
    return body;
  };

  it('redeems a code once only', async () => {
    const { code, verifier } = await signInInteractively(env, helen.userPrincipalName);
    const fields = {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: redirectUri(),
    };
    const first = await tokenRequest(env, fields);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      ext_expires_in: 3600,
    });
    await expectAadError(await tokenRequest(env, fields), 'invalid_grant', 54005);
  });

  it('refuses a wrong PKCE verifier and a different redirect URI', async () => {
    const { code } = await signInInteractively(env, helen.userPrincipalName);
    const wrong = await tokenRequest(env, {
      grant_type: 'authorization_code',
      code,
      code_verifier: pkcePair().verifier,
      redirect_uri: redirectUri(),
    });
    await expectAadError(wrong, 'invalid_grant', 501481);
    const other = await signInInteractively(env, helen.userPrincipalName);
    const moved = await tokenRequest(env, {
      grant_type: 'authorization_code',
      code: other.code,
      code_verifier: other.verifier,
      redirect_uri: `${env.origin}/elsewhere.html`,
    });
    await expectAadError(moved, 'invalid_grant', 50011);
  });

  it('refreshes for another consented subset and rotates the refresh token', async () => {
    const tokens = await tokensFor(
      env,
      helen.userPrincipalName,
      'openid profile offline_access User.Read',
    );
    const response = await tokenRequest(env, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      scope: 'UserAuthMethod-TAP.ReadWrite.All User.Read.All openid profile offline_access',
    });
    expect(response.status).toBe(200);
    const refreshed = (await response.json()) as {
      access_token: string;
      refresh_token: string;
      scope: string;
    };
    expect(claimsOf(refreshed.access_token).scp).toBe(
      'UserAuthMethod-TAP.ReadWrite.All User.Read.All',
    );
    expect(refreshed.scope).toContain('UserAuthMethod-TAP.ReadWrite.All');
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
  });

  it('refuses an unconsented Graph scope with AADSTS65001 consent_required', async () => {
    // Sign-in stops at "Need admin approval" for it (consent.test.ts); a refresh is refused.
    const tokens = await tokensFor(env, helen.userPrincipalName, 'openid offline_access User.Read');
    const response = await tokenRequest(env, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      scope: 'openid https://graph.microsoft.com/UserAuthenticationMethod.ReadWrite.All',
    });
    const body = await expectAadError(response, 'invalid_grant', 65001);
    expect(body.suberror).toBe('consent_required');
  });

  it('refuses refresh tokens and SSO sessions after /emulator/sessions/revoke', async () => {
    const tokens = await tokensFor(
      env,
      DEMO_FIXTURES.pilotValidTap.userPrincipalName,
      'openid offline_access User.Read',
    );
    const { cookie } = await signInInteractively(env, helen.userPrincipalName);
    expect((await env.call('/emulator/sessions/revoke', { method: 'POST' })).status).toBe(200);
    const refresh = await tokenRequest(env, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    await expectAadError(refresh, 'invalid_grant', 50173);
    await expectSilentSignInRefused(cookie);
    const again = await tokensFor(env, helen.userPrincipalName, 'openid offline_access User.Read');
    expect(again.access_token).toBeTruthy();
  });

  it('refuses an unknown grant type and unknown client', async () => {
    await expectAadError(
      await tokenRequest(env, { grant_type: 'password' }),
      'unsupported_grant_type',
      70003,
    );
    await expectAadError(
      await tokenRequest(env, { client_id: 'x', grant_type: 'refresh_token' }),
      'unauthorized_client',
      700016,
    );
  });
});

describe('redirect URIs: the registration, matched exactly', () => {
  const APP = 'https://tapdesk.example:8443';
  let hosted: TestEnv;
  beforeAll(async () => {
    hosted = await startTestEmulator(undefined, [`${APP}/tapdesk/`]);
  });
  afterAll(() => hosted.close());

  async function authorizeWith(target: TestEnv, redirectUri: string, headers = {}) {
    const { challenge } = pkcePair();
    const url = authorizeUrl(target, {
      code_challenge: challenge,
      code_challenge_method: 'S256',
      redirect_uri: redirectUri,
    });
    return rawGet(url, headers);
  }

  it('accepts exactly what register-app registers for each site, and nothing else', async () => {
    for (const uri of [`${APP}/tapdesk/redirect.html`, `${hosted.origin}/redirect.html`]) {
      const accepted = await authorizeWith(hosted, uri);
      expect(accepted.status, uri).toBe(200);
      expect(accepted.body, uri).not.toContain('AADSTS50011');
    }
    for (const uri of [
      'https://tapdesk.example:9443/tapdesk/redirect.html', // another port
      `${APP}/redirect.html`, // the registered origin, another path
      `${APP}/tapdesk/evil.html`,
      `${APP}/tapdesk/redirect.html?next=https://evil.example`,
      `${hosted.origin}/evil.html`, // the emulator's own origin, another path
      `${hosted.origin}/redirect.html/..%2Fevil.html`,
    ]) {
      const refused = await authorizeWith(hosted, uri);
      expect(refused.status, uri).toBe(400);
      expect(refused.body, uri).toContain('AADSTS50011');
    }
  });

  it('takes nothing from the Host header: a request naming another host registers nothing', async () => {
    const refused = await authorizeWith(hosted, 'https://evil.example/redirect.html', {
      Host: 'evil.example',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('AADSTS50011');
  });

  it('returns after sign-out only to a registered URI', async () => {
    const logout = (target: string) =>
      rawGet(
        `${hosted.origin}/login/${DEMO_TENANT_ID}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(target)}`,
        { Host: 'evil.example' },
      );
    const home = await logout(`${APP}/tapdesk/`);
    expect(home.status).toBe(302);
    expect(home.location).toBe(`${APP}/tapdesk/`);
    for (const target of [`${APP}/elsewhere`, 'https://evil.example/']) {
      const page = await logout(target);
      expect(page.status, target).toBe(200);
      expect(page.body).toContain('You have signed out');
    }
  });
});
