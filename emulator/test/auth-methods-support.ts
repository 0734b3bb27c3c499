import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { TAP_SYMBOLS } from '../constants';
import { DEMO_ACCOUNTS, DEMO_FIXTURES } from '../seed/people';
import { consentForEveryone, startTestEmulator, tokensFor, type TestEnv } from './support';
import { LIFTED_REPORTS_LIMIT } from '../graph/reports-limit';

/**
 * Shared by the authentication-method contract tests (tap-issue, tap-read-delete, tap-policy,
 * authentication-methods): importing it starts an emulator for the test file and resets it before
 * each test.
 */
export const byUpn = (upn: string) => DEMO_ACCOUNTS.find((a) => a.userPrincipalName === upn)!;
export const helen = byUpn('helen.helpdesk@contoso.com');
export const sam = byUpn('sam.senior@contoso.com');
export const hugo = byUpn('hugo.helpdeskadmin@contoso.com');
export const max = byUpn('max.manager@contoso.com');
export const audrey = byUpn('audrey.auditor@contoso.com');
export const nadia = byUpn('nadia.norole@contoso.com');
export const olga = DEMO_FIXTURES.globalAdmin;
export const siobhan = DEMO_FIXTURES.pilotNothingYet;
export const jose = DEMO_FIXTURES.pilotValidTap;
export const kenji = DEMO_FIXTURES.adminWithTap;

export const TAP_WRITE = 'UserAuthMethod-TAP.ReadWrite.All';
export const HELPDESK = `${TAP_WRITE} UserAuthenticationMethod.Read.All Policy.Read.AuthenticationMethod`;
export const POLICY_PATH =
  '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/temporaryAccessPass';
export const RANGE_60_480 =
  'Invalid LifetimeInMinutes specified. The valid range between 60 and 480.';
export const POLICY_REFUSAL =
  'Converged UserCredentialPolicy does not allow creating or updating this authentication method. AuthMethodType [TemporaryAccessPass].';
export const PASS = new RegExp(`^[A-Za-z0-9${TAP_SYMBOLS.replace(/[-\\\]^]/g, '\\$&')}]{8}$`);

export interface Tap {
  id: string;
  temporaryAccessPass: string | null;
  createdDateTime: string;
  startDateTime: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  isUsable: boolean;
  methodUsabilityReason: string;
}
export interface Page<T = Record<string, unknown>> {
  '@odata.context': string;
  value: T[];
}

export let env: TestEnv;
export const tokens = new Map<string, string>();

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
export async function token(upn: string, scopes: string): Promise<string> {
  const key = `${upn} ${scopes}`;
  let value = tokens.get(key);
  if (!value) {
    await consentForEveryone(env, scopes);
    value = (await tokensFor(env, upn, `openid profile ${scopes}`)).access_token;
    tokens.set(key, value);
  }
  return value;
}

export function graph(bearer: string, method: string, path: string, body?: unknown) {
  return env.call(`/graph/v1.0${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${bearer}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export const tapsPath = (user: string) =>
  `/users/${encodeURIComponent(user)}/authentication/temporaryAccessPassMethods`;

export async function issue(bearer: string, user: string, body: unknown = {}) {
  return graph(bearer, 'POST', tapsPath(user), body);
}

export async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

export async function expectError(
  response: Response,
  status: number,
  code: string,
  message?: string,
) {
  const body = await json<{ error: { code: string; message: string } }>(response, status);
  expect(body.error.code).toBe(code);
  if (message !== undefined) expect(body.error.message).toBe(message);
  return body.error;
}

export function phone(upn: string, body: unknown) {
  return env.call(`/emulator/users/${encodeURIComponent(upn)}/phone`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export function patchPolicy(body: unknown) {
  return env.call('/emulator/policies/temporary-access-pass', {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export const audits = () => env.emulator.state.directoryAudits;
