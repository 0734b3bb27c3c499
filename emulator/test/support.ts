import { createHash, randomBytes } from 'node:crypto';
import { request as httpsRequest } from 'node:https';
import { decodeJwt } from 'jose';
import { ensureDevCertificate } from '../cert';
import { scopeNames } from '../../deploy/entra/manifest';
import { DEMO_APPS, DEMO_CLIENT_ID, DEMO_TENANT_ID, type DemoApp } from '../constants';
import { MANIFESTS } from '../seed/consent';
import { startEmulator, type RunningEmulator } from '../server';
import type { EmulatorOptions } from '../index';
import type { EmulatorSettings } from '../settings';

/**
 * fetch over node:https that trusts the dev certificate as a CA, so TLS stays verified (Node 20
 * has no public way to give the global fetch a CA, and NODE_EXTRA_CA_CERTS is read only at start).
 * Never follows redirects: the tests look at them.
 */
export function trustingFetch(ca: string): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    return new Promise<Response>((resolve, reject) => {
      const outgoing = httpsRequest(
        request.url,
        { method: request.method, headers, ca },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(incoming.headers)) {
              for (const item of Array.isArray(value)
                ? value
                : value === undefined
                  ? []
                  : [value]) {
                headers.append(name, item);
              }
            }
            const status = incoming.statusCode ?? 500;
            const empty = [204, 205, 304].includes(status);
            resolve(new Response(empty ? null : Buffer.concat(chunks), { status, headers }));
          });
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      request.signal.addEventListener('abort', () => outgoing.destroy(new Error('aborted')));
      outgoing.end(body);
    });
  };
}

export interface TestEnv extends RunningEmulator {
  fetch: typeof fetch;
  /** GET/POST… a path on the emulator's origin. */
  call(path: string, init?: RequestInit): Promise<Response>;
}

export async function startTestEmulator(
  settings?: Partial<EmulatorSettings>,
  appUrls?: readonly string[],
  options: Pick<EmulatorOptions, 'wait' | 'now' | 'directoryQuotas'> = {},
): Promise<TestEnv> {
  const running = await startEmulator({ port: 0, settings, appUrls, ...options });
  const fetch = trustingFetch((await ensureDevCertificate()).cert);
  return { ...running, fetch, call: (path, init) => fetch(`${running.origin}${path}`, init) };
}

export const REDIRECT_PATH = '/redirect.html';
export const AUTHORIZE_PATH = `/login/${DEMO_TENANT_ID}/oauth2/v2.0/authorize`;
export const TOKEN_PATH = `/login/${DEMO_TENANT_ID}/oauth2/v2.0/token`;

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(env: TestEnv, params: Record<string, string>): string {
  const query = new URLSearchParams({
    client_id: DEMO_CLIENT_ID,
    response_type: 'code',
    redirect_uri: `${env.origin}${REDIRECT_PATH}`,
    response_mode: 'query',
    scope: 'openid profile offline_access User.Read',
    state: 'state-1',
    nonce: 'nonce-1',
    ...params,
  });
  return `${env.origin}${AUTHORIZE_PATH}?${query}`;
}

/** The form action of the sign-in page, as a browser would resolve it. */
export function formAction(html: string, base: string): string {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
  return new URL(action.replaceAll('&amp;', '&'), base).toString();
}

/** Signs in interactively (page, then the account button) and returns the redirect. */
export async function signInInteractively(
  env: TestEnv,
  upn: string,
  params: Record<string, string> = {},
) {
  const { verifier, challenge } = pkcePair();
  const url = authorizeUrl(env, {
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...params,
  });
  const page = await env.fetch(url);
  const response = await env.fetch(formAction(await page.text(), url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: upn }),
  });
  const location = new URL(response.headers.get('location') ?? '', env.origin);
  const answer = new URLSearchParams(location.hash.slice(1) || location.search);
  return {
    response,
    location,
    code: answer.get('code') ?? '',
    verifier,
    cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
  };
}

export function tokenRequest(env: TestEnv, fields: Record<string, string>): Promise<Response> {
  return env.call(TOKEN_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: DEMO_CLIENT_ID, ...fields }),
  });
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  id_token: string;
  scope: string;
}

/**
 * The app TAP Desk would ask for these scopes (decision 0020): TAP Desk Reports when one of them
 * is only the Reports app's, else TAP Desk.
 */
export function appFor(scope: string): DemoApp {
  const main = scopeNames(MANIFESTS.main).map((s) => s.toLowerCase());
  const reports = scopeNames(MANIFESTS.reports).map((s) => s.toLowerCase());
  const reportsOnly = scope
    .split(/\s+/)
    .map((s) => s.toLowerCase())
    .some((s) => reports.includes(s) && !main.includes(s));
  return reportsOnly ? DEMO_APPS.reports : DEMO_APPS.main;
}

/** A full sign-in for `upn` with `scope`, to `app` (by default the one TAP Desk would use). */
export async function tokensFor(
  env: TestEnv,
  upn: string,
  scope: string,
  app: DemoApp = appFor(scope),
): Promise<Tokens> {
  const client_id = app.clientId;
  const { code, verifier } = await signInInteractively(env, upn, { scope, client_id });
  const response = await tokenRequest(env, {
    client_id,
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: `${env.origin}${REDIRECT_PATH}`,
  });
  if (response.status !== 200)
    throw new Error(`token: ${response.status} ${await response.text()}`);
  return (await response.json()) as Tokens;
}

export function claimsOf(token: string) {
  return decodeJwt(token);
}

export function graphGet(
  env: TestEnv,
  path: string,
  token: string,
  headers: Record<string, string> = {},
) {
  return env.call(`/graph/v1.0${path}`, {
    headers: { Authorization: `Bearer ${token}`, ...headers },
  });
}

interface ConsentGrant {
  id: string;
  consentType: 'AllPrincipals' | 'Principal';
  principalId: string | null;
  principalUserPrincipalName: string | null;
  clientAppId: string | null;
  scope: string;
}

/** The tenant's delegated permission grants for both apps (GET /emulator/consent-grants). */
export async function consentGrants(env: TestEnv): Promise<ConsentGrant[]> {
  const response = await env.call('/emulator/consent-grants');
  return ((await response.json()) as { value: ConsentGrant[] }).value;
}

/**
 * Adds `scopes` to the tenant-wide (AllPrincipals) grant: the admin guide's option B, where every
 * TAP Desk user's token may carry them. For tests of what Graph refuses whatever the token holds.
 */
export async function consentForEveryone(
  env: TestEnv,
  scopes: string,
  app: DemoApp = DEMO_APPS.main,
): Promise<void> {
  const grant = (await consentGrants(env)).find(
    (g) => g.consentType === 'AllPrincipals' && g.clientAppId === app.clientId,
  );
  const scope = [...new Set([...(grant?.scope ?? '').split(' '), ...scopes.split(/\s+/)])]
    .filter(Boolean)
    .join(' ');
  const response = await env.call(`/emulator/consent-grants/${grant?.id ?? 'none'}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scope }),
  });
  if (!response.ok) throw new Error(`consent: ${response.status} ${await response.text()}`);
}
