import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { RequestLogEntry } from '../graph/pipeline';
import { LIFTED_REPORTS_LIMIT } from '../graph/reports-limit';
import { VERIFICATION_LIST_ID, VERIFICATION_SITE_ID } from '../routes/lists';
import { DEMO_ACCOUNTS, DEMO_FIXTURES } from '../seed/people';
import { startTestEmulator, tokensFor, type TestEnv } from './support';

/**
 * Shared by the fault-injection tests (faults, faults-browser, admin-center-tap): importing it
 * starts an emulator for the test file, signs Helen in and resets the emulator before each test.
 */
export const byUpn = (upn: string) => DEMO_ACCOUNTS.find((a) => a.userPrincipalName === upn)!;
export const helen = byUpn('helen.helpdesk@contoso.com');
export const sam = byUpn('sam.senior@contoso.com');
export const hugo = byUpn('hugo.helpdeskadmin@contoso.com');
export const nadia = byUpn('nadia.norole@contoso.com');
export const siobhan = DEMO_FIXTURES.pilotNothingYet;
export const jose = DEMO_FIXTURES.pilotValidTap;
export const kenji = DEMO_FIXTURES.adminWithTap;

export const TAP_GLOB = '/users/*/authentication/temporaryAccessPassMethods';
export const TAPS = `/users/${siobhan.id}/authentication/temporaryAccessPassMethods`;
export const ITEMS = `/sites/${encodeURIComponent(VERIFICATION_SITE_ID)}/lists/${VERIFICATION_LIST_ID}/items`;
export const ITEM_GLOB = '/sites/*/lists/*/items';

export let env: TestEnv;
export let bearer: string;

/** Every wait the emulator was asked for (slow faults); the waits are real, for the disconnect tests. */
export const waits: number[] = [];

beforeAll(async () => {
  const wait = (ms: number) => {
    waits.push(ms);
    return new Promise<void>((resolve) => setTimeout(resolve, ms));
  };
  env = await startTestEmulator({ reportsLimit: LIFTED_REPORTS_LIMIT }, undefined, { wait });
  bearer = (
    await tokensFor(
      env,
      helen.userPrincipalName,
      'openid profile UserAuthMethod-TAP.ReadWrite.All Sites.Selected',
    )
  ).access_token;
});
afterAll(() => env.close());
beforeEach(async () => {
  waits.length = 0;
  expect((await control('POST', '/emulator/reset')).status).toBe(200);
});

export function control(method: string, path: string, body?: unknown): Promise<Response> {
  return env.call(path, {
    method,
    headers: method === 'GET' ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export interface Fault {
  id: string;
  method: string | null;
  path: string;
  fault: string;
  times: number;
  ms?: number;
  retryAfterSeconds?: number;
}

export async function addFault(spec: Record<string, unknown>): Promise<Fault> {
  const response = await control('POST', '/emulator/faults', spec);
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as Fault;
}

export async function faults(): Promise<Fault[]> {
  return ((await (await control('GET', '/emulator/faults')).json()) as { value: Fault[] }).value;
}

export async function requests(): Promise<RequestLogEntry[]> {
  const log = (await (await control('GET', '/emulator/requests')).json()) as {
    value: RequestLogEntry[];
  };
  return log.value;
}

export const graphInit = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: {
    Authorization: `Bearer ${bearer}`,
    'client-request-id': 'test-client-request',
    ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
  },
  body: body === undefined ? undefined : JSON.stringify(body),
});

export const createTap = (path = TAPS) => env.call(`/graph/v1.0${path}`, graphInit('POST', {}));

export const record = () => ({
  fields: {
    Title: 'INC0012345',
    TargetUserId: siobhan.id,
    TargetUpn: siobhan.userPrincipalName,
    IssuedByUpn: helen.userPrincipalName,
    IssuedAt: new Date().toISOString(),
    VerificationMethod: 'In person with photo ID',
    Outcome: 'issued',
  },
});
export const postItem = () => env.call(`/graph/v1.0${ITEMS}`, graphInit('POST', record()));

export const passOf = (id: string) =>
  env.emulator.state.authMethods.get(id)?.temporaryAccessPass ?? null;
export const itemCount = () => env.emulator.state.verificationRecords.length;
export const audits = () => env.emulator.state.directoryAudits;

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

export async function expectGraphError(response: Response, status: number, code: string) {
  const body = (await response.json()) as GraphErrorBody;
  expect(response.status).toBe(status);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  expect(body.error.innerError).toEqual({
    date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
    'request-id': response.headers.get('request-id'),
    'client-request-id': 'test-client-request',
  });
}

export const creates = async (path = TAPS) =>
  (await requests()).filter((r) => r.method === 'POST' && r.path === `/graph/v1.0${path}`);

export async function waitFor(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
