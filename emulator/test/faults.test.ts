import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import {
  connect as connectHttp2,
  constants as http2,
  createSecureServer as createHttp2Server,
} from 'node:http2';
import type { AddressInfo, Server } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureDevCertificate } from '../cert';
import { DEMO_APP_NAME } from '../constants';
import type { RequestLogEntry } from '../graph/pipeline';
import { LIFTED_REPORTS_LIMIT } from '../graph/reports-limit';
import { VERIFICATION_LIST_ID, VERIFICATION_SITE_ID } from '../routes/lists';
import { DEMO_ACCOUNTS, DEMO_FIXTURES } from '../seed/people';
import { startTestEmulator, tokensFor, type TestEnv } from './support';

const byUpn = (upn: string) => DEMO_ACCOUNTS.find((a) => a.userPrincipalName === upn)!;
const helen = byUpn('helen.helpdesk@contoso.com');
const sam = byUpn('sam.senior@contoso.com');
const hugo = byUpn('hugo.helpdeskadmin@contoso.com');
const nadia = byUpn('nadia.norole@contoso.com');
const siobhan = DEMO_FIXTURES.pilotNothingYet;
const jose = DEMO_FIXTURES.pilotValidTap;
const kenji = DEMO_FIXTURES.adminWithTap;

const TAP_GLOB = '/users/*/authentication/temporaryAccessPassMethods';
const TAPS = `/users/${siobhan.id}/authentication/temporaryAccessPassMethods`;
const ITEMS = `/sites/${encodeURIComponent(VERIFICATION_SITE_ID)}/lists/${VERIFICATION_LIST_ID}/items`;
const ITEM_GLOB = '/sites/*/lists/*/items';

let env: TestEnv;
let bearer: string;

beforeAll(async () => {
  env = await startTestEmulator({ reportsLimit: LIFTED_REPORTS_LIMIT });
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
  expect((await control('POST', '/emulator/reset')).status).toBe(200);
});

function control(method: string, path: string, body?: unknown): Promise<Response> {
  return env.call(path, {
    method,
    headers: method === 'GET' ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

interface Fault {
  id: string;
  method: string | null;
  path: string;
  fault: string;
  times: number;
  ms?: number;
  retryAfterSeconds?: number;
}

async function addFault(spec: Record<string, unknown>): Promise<Fault> {
  const response = await control('POST', '/emulator/faults', spec);
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as Fault;
}

async function faults(): Promise<Fault[]> {
  return ((await (await control('GET', '/emulator/faults')).json()) as { value: Fault[] }).value;
}

async function requests(): Promise<RequestLogEntry[]> {
  const log = (await (await control('GET', '/emulator/requests')).json()) as {
    value: RequestLogEntry[];
  };
  return log.value;
}

const graphInit = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: {
    Authorization: `Bearer ${bearer}`,
    'client-request-id': 'test-client-request',
    ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
  },
  body: body === undefined ? undefined : JSON.stringify(body),
});

const createTap = (path = TAPS) => env.call(`/graph/v1.0${path}`, graphInit('POST', {}));

const record = () => ({
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
const postItem = () => env.call(`/graph/v1.0${ITEMS}`, graphInit('POST', record()));

const passOf = (id: string) => env.emulator.state.authMethods.get(id)?.temporaryAccessPass ?? null;
const itemCount = () => env.emulator.state.verificationRecords.length;
const audits = () => env.emulator.state.directoryAudits;

interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

async function expectGraphError(response: Response, status: number, code: string) {
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

const creates = async (path = TAPS) =>
  (await requests()).filter((r) => r.method === 'POST' && r.path === `/graph/v1.0${path}`);

async function waitFor(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('faults on the TAP create call', () => {
  it('throttle: 429 with Retry-After and Graph’s error body; no pass is made', async () => {
    await addFault({ method: 'POST', path: TAP_GLOB, fault: 'throttle' });
    const auditCount = audits().length;
    const throttled = await createTap();
    expect(throttled.headers.get('retry-after')).toBe('1');
    await expectGraphError(throttled, 429, 'TooManyRequests');
    expect(passOf(siobhan.id)).toBeNull();
    expect(audits()).toHaveLength(auditCount);

    await addFault({ path: TAP_GLOB, fault: 'throttle', retryAfterSeconds: 7 });
    expect((await createTap()).headers.get('retry-after')).toBe('7');
    expect(passOf(siobhan.id)).toBeNull();

    expect((await createTap()).status).toBe(201);
    expect(passOf(siobhan.id)).not.toBeNull();
    expect((await creates()).map((r) => [r.status, r.fault])).toEqual([
      [429, 'throttle'],
      [429, 'throttle'],
      [201, undefined],
    ]);
  });

  it('unavailable: 503 serviceNotAvailable, Retry-After only when asked for; no pass', async () => {
    await addFault({ method: 'POST', path: TAP_GLOB, fault: 'unavailable' });
    const unavailable = await createTap();
    expect(unavailable.headers.get('retry-after')).toBeNull();
    await expectGraphError(unavailable, 503, 'serviceNotAvailable');
    expect(passOf(siobhan.id)).toBeNull();

    await addFault({ path: TAP_GLOB, fault: 'unavailable', retryAfterSeconds: 3 });
    const withHeader = await createTap();
    expect(withHeader.status).toBe(503);
    expect(withHeader.headers.get('retry-after')).toBe('3');
    expect(passOf(siobhan.id)).toBeNull();
    expect((await creates()).map((r) => r.status)).toEqual([503, 503]);
  });

  it('timeout-after-commit: the pass and its audit event exist, the client sees 504', async () => {
    await addFault({ method: 'POST', path: TAP_GLOB, fault: 'timeout-after-commit' });
    const timedOut = await createTap();
    await expectGraphError(timedOut, 504, 'GatewayTimeout');
    expect(passOf(siobhan.id)).not.toBeNull();
    expect(audits()[0]).toMatchObject({
      activityDisplayName: 'Admin registered security info',
      initiatedBy: { user: { id: helen.id }, app: { displayName: DEMO_APP_NAME } },
    });
    expect(await creates()).toEqual([
      expect.objectContaining({ status: 504, routeStatus: 201, fault: 'timeout-after-commit' }),
    ]);
  });

  it('drop-after-commit: the pass exists, the client gets no answer (HTTP/1.1)', async () => {
    await addFault({ method: 'POST', path: TAP_GLOB, fault: 'drop-after-commit' });
    await expect(createTap()).rejects.toThrow();
    expect(passOf(siobhan.id)).not.toBeNull();
    expect(await creates()).toEqual([
      expect.objectContaining({
        status: 0,
        routeStatus: 201,
        dropped: true,
        fault: 'drop-after-commit',
      }),
    ]);
    // The next request is served normally (a new connection).
    expect((await env.call('/graph/v1.0/me', graphInit('GET'))).status).toBe(403);
  });

  it('slow: waits ms before processing, then answers as usual', async () => {
    await addFault({ method: 'POST', path: TAP_GLOB, fault: 'slow', ms: 250 });
    const started = Date.now();
    expect((await createTap()).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(await creates()).toEqual([expect.objectContaining({ status: 201, fault: 'slow' })]);
  });

  it('slow: a request whose client disconnects during the wait is still processed', async () => {
    await addFault({ method: 'POST', path: TAP_GLOB, fault: 'slow', ms: 400 });
    const abort = new AbortController();
    const pending = env.call(`/graph/v1.0${TAPS}`, {
      ...graphInit('POST', {}),
      signal: abort.signal,
    });
    setTimeout(() => abort.abort(), 100);
    await expect(pending).rejects.toThrow();
    // The browser tab is gone; the server received the POST and goes on with it.
    expect(passOf(siobhan.id)).toBeNull();
    await waitFor(() => passOf(siobhan.id) !== null);
    expect(audits()[0]).toMatchObject({ activityDisplayName: 'Admin registered security info' });
    await waitFor(async () => (await creates()).length === 1);
    expect((await creates())[0]).toMatchObject({ status: 201, fault: 'slow', aborted: true });
  });
});

describe('drop-after-commit for browser-like clients', () => {
  const servers: Server[] = [];
  afterAll(async () => {
    for (const server of servers) {
      await new Promise((resolve) => server.close(resolve));
    }
  });
  const serve = (req: IncomingMessage, res: ServerResponse) =>
    env.emulator.middleware(req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  const listen = async (server: Server) => {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
    return (server.address() as AddressInfo).port;
  };

  it('makes node’s own fetch fail, with the pass made', async () => {
    const port = await listen(createHttpServer(serve));
    await addFault({ method: 'POST', path: TAP_GLOB, fault: 'drop-after-commit' });
    await expect(
      fetch(`http://localhost:${port}/graph/v1.0${TAPS}`, graphInit('POST', {})),
    ).rejects.toThrow(TypeError);
    expect(passOf(siobhan.id)).not.toBeNull();
    // Without the fault the same client gets its answer.
    const listed = await fetch(`http://localhost:${port}/graph/v1.0${TAPS}`, graphInit('GET'));
    expect(listed.status).toBe(200);
  });

  it('resets the stream over HTTP/2, as Vite serves the demo, with the pass made', async () => {
    const { key, cert } = await ensureDevCertificate();
    const server = createHttp2Server({ key, cert, allowHTTP1: true }, (req, res) =>
      serve(req as unknown as IncomingMessage, res as unknown as ServerResponse),
    );
    const port = await listen(server as unknown as Server);
    const session = connectHttp2(`https://localhost:${port}`, { ca: cert });
    try {
      const send = () =>
        new Promise<{ status?: number; rstCode: number }>((resolve) => {
          const stream = session.request({
            ':method': 'POST',
            ':path': `/graph/v1.0${TAPS}`,
            authorization: `Bearer ${bearer}`,
            'content-type': 'application/json',
          });
          let status: number | undefined;
          stream.on('response', (headers) => (status = Number(headers[':status'])));
          stream.on('error', () => {});
          stream.resume();
          stream.on('close', () => resolve({ status, rstCode: stream.rstCode ?? -1 }));
          stream.end('{}');
        });
      await addFault({ method: 'POST', path: TAP_GLOB, fault: 'drop-after-commit' });
      const dropped = await send();
      expect(dropped).toEqual({ status: undefined, rstCode: http2.NGHTTP2_CANCEL });
      const first = passOf(siobhan.id);
      expect(first).not.toBeNull();
      // The session survives: only that request's stream was cut. A retry replaces the pass.
      const retried = await send();
      expect(retried.status).toBe(201);
      expect(passOf(siobhan.id)?.id).not.toBe(first?.id);
      expect((await creates()).map((r) => r.status)).toEqual([0, 201]);
    } finally {
      session.close();
    }
  });

  it('still processes a slow request whose HTTP/2 stream the browser cancelled', async () => {
    const { key, cert } = await ensureDevCertificate();
    const server = createHttp2Server({ key, cert, allowHTTP1: true }, (req, res) =>
      serve(req as unknown as IncomingMessage, res as unknown as ServerResponse),
    );
    const port = await listen(server as unknown as Server);
    const session = connectHttp2(`https://localhost:${port}`, { ca: cert });
    try {
      await addFault({ method: 'POST', path: TAP_GLOB, fault: 'slow', ms: 300 });
      const stream = session.request({
        ':method': 'POST',
        ':path': `/graph/v1.0${TAPS}`,
        authorization: `Bearer ${bearer}`,
        'content-type': 'application/json',
      });
      stream.on('error', () => {});
      stream.end('{}');
      await new Promise((resolve) => setTimeout(resolve, 80));
      stream.close(http2.NGHTTP2_CANCEL);
      expect(passOf(siobhan.id)).toBeNull();
      await waitFor(() => passOf(siobhan.id) !== null);
      await waitFor(async () => (await creates()).length === 1);
      expect((await creates())[0]).toMatchObject({ status: 201, fault: 'slow', aborted: true });
    } finally {
      session.close();
    }
  });
});

describe('faults on a verification list item POST', () => {
  it('throttle and unavailable add no item', async () => {
    const before = itemCount();
    await addFault({ method: 'POST', path: ITEM_GLOB, fault: 'throttle' });
    await expectGraphError(await postItem(), 429, 'TooManyRequests');
    await addFault({ method: 'POST', path: ITEM_GLOB, fault: 'unavailable' });
    await expectGraphError(await postItem(), 503, 'serviceNotAvailable');
    expect(itemCount()).toBe(before);
  });

  it('timeout-after-commit and drop-after-commit add the item all the same', async () => {
    const before = itemCount();
    await addFault({ method: 'POST', path: ITEM_GLOB, fault: 'timeout-after-commit' });
    await expectGraphError(await postItem(), 504, 'GatewayTimeout');
    expect(itemCount()).toBe(before + 1);
    await addFault({ method: 'POST', path: ITEM_GLOB, fault: 'drop-after-commit' });
    await expect(postItem()).rejects.toThrow();
    expect(itemCount()).toBe(before + 2);
    expect((await creates(ITEMS)).map((r) => [r.status, r.routeStatus])).toEqual([
      [504, 201],
      [0, 201],
    ]);
  });

  it('slow delays the item', async () => {
    const before = itemCount();
    await addFault({ path: ITEM_GLOB, method: 'POST', fault: 'slow', ms: 150 });
    const started = Date.now();
    expect((await postItem()).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(itemCount()).toBe(before + 1);
  });
});

describe('matching and consumption', () => {
  it('fires `times` times, one use per matching request, and shows what is left', async () => {
    const added = await addFault({ method: 'POST', path: TAP_GLOB, fault: 'throttle', times: 2 });
    expect(added).toEqual({
      id: expect.any(String),
      method: 'POST',
      path: TAP_GLOB,
      fault: 'throttle',
      times: 2,
    });
    expect((await createTap()).status).toBe(429);
    expect(await faults()).toEqual([{ ...added, times: 1 }]);
    // A request the fault does not match leaves it alone.
    expect((await env.call(`/graph/v1.0${TAPS}`, graphInit('GET'))).status).toBe(200);
    expect(await faults()).toEqual([{ ...added, times: 1 }]);
    expect((await createTap()).status).toBe(429);
    expect(await faults()).toEqual([]);
    expect((await createTap()).status).toBe(201);
  });

  it('fires the first matching fault, one per request', async () => {
    await addFault({ path: TAP_GLOB, fault: 'unavailable' });
    await addFault({ path: TAP_GLOB, fault: 'throttle' });
    expect((await createTap()).status).toBe(503);
    expect((await createTap()).status).toBe(429);
    expect((await createTap()).status).toBe(201);
  });

  it('matches paths case-insensitively, decoded, with * inside one segment only', async () => {
    const upnPath = `/users/${encodeURIComponent(siobhan.userPrincipalName)}/authentication/temporaryAccessPassMethods`;
    // Case and a literal UPN against a percent-encoded request path.
    await addFault({
      path: `/USERS/${siobhan.userPrincipalName}/Authentication/TemporaryAccessPassMethods`,
      fault: 'throttle',
    });
    expect((await createTap(upnPath)).status).toBe(429);
    // A * within a segment.
    await addFault({ path: '/users/*/authentication/temporary*', fault: 'throttle' });
    expect((await createTap()).status).toBe(429);
    // A * never spans a slash, and the segment count must agree.
    await addFault({ path: '/users/*', fault: 'throttle' });
    await addFault({ path: '/users/*/temporaryAccessPassMethods', fault: 'throttle' });
    expect((await createTap()).status).toBe(201);
    expect(await faults()).toHaveLength(2);
    // The query string plays no part; a trailing slash in the pattern neither.
    await control('DELETE', '/emulator/faults');
    await addFault({ path: `${TAP_GLOB}/`, fault: 'throttle' });
    expect((await env.call(`/graph/v1.0${TAPS}?x=1`, graphInit('GET'))).status).toBe(429);
  });

  it('matches the method when given, any method otherwise', async () => {
    await addFault({ method: 'get', path: TAP_GLOB, fault: 'throttle' });
    expect((await createTap()).status).toBe(201);
    expect((await env.call(`/graph/v1.0${TAPS}`, graphInit('GET'))).status).toBe(429);
    await addFault({ path: TAP_GLOB, fault: 'throttle' });
    expect((await createTap()).status).toBe(429);
  });

  it('applies to $batch items on their own, and a dropped item cuts the whole batch', async () => {
    const batch = (requests: unknown[]) =>
      env.call('/graph/v1.0/$batch', graphInit('POST', { requests }));
    await addFault({ method: 'GET', path: TAP_GLOB, fault: 'throttle', retryAfterSeconds: 4 });
    const answered = await batch([
      {
        id: '1',
        method: 'GET',
        url: `/users/${jose.id}/authentication/temporaryAccessPassMethods`,
      },
      { id: '2', method: 'GET', url: '/me' },
    ]);
    expect(answered.status).toBe(200);
    const { responses } = (await answered.json()) as {
      responses: { id: string; status: number; headers: Record<string, string> }[];
    };
    expect(responses.find((r) => r.id === '1')).toMatchObject({
      status: 429,
      headers: { 'Retry-After': '4' },
    });
    expect((await requests()).filter((r) => r.batch)).toEqual([
      expect.objectContaining({ status: 429, fault: 'throttle' }),
      expect.objectContaining({ path: '/graph/v1.0/me' }),
    ]);

    await addFault({ method: 'POST', path: TAP_GLOB, fault: 'drop-after-commit' });
    await expect(
      batch([
        {
          id: '1',
          method: 'POST',
          url: TAPS,
          body: {},
          headers: { 'Content-Type': 'application/json' },
        },
      ]),
    ).rejects.toThrow();
    expect(passOf(siobhan.id)).not.toBeNull();
    const log = await requests();
    expect(log.at(-2)).toMatchObject({ batch: true, status: 0, routeStatus: 201, dropped: true });
    expect(log.at(-1)).toMatchObject({ path: '/graph/v1.0/$batch', status: 0, dropped: true });
  });
});

describe('the faults control API', () => {
  it('lists, clears, and is cleared by a reset', async () => {
    const a = await addFault({ path: TAP_GLOB, fault: 'slow', ms: 10, times: 3 });
    const b = await addFault({ method: 'DELETE', path: '/users/*', fault: 'unavailable' });
    expect(a.ms).toBe(10);
    expect(b.method).toBe('DELETE');
    expect(a.id).not.toBe(b.id);
    expect(await faults()).toEqual([a, b]);
    const cleared = await control('DELETE', '/emulator/faults');
    expect(cleared.status).toBe(200);
    expect(await cleared.json()).toEqual({ value: [] });
    expect(await faults()).toEqual([]);
    await addFault({ path: TAP_GLOB, fault: 'throttle' });
    await control('POST', '/emulator/reset');
    expect(await faults()).toEqual([]);
    expect((await createTap()).status).toBe(201);
  });

  it.each([
    ['no body', undefined, /JSON object/],
    ['an array', [], /JSON object/],
    ['an unknown property', { path: TAP_GLOB, fault: 'throttle', count: 2 }, /'count'/],
    ['an unknown fault', { path: TAP_GLOB, fault: 'explode' }, /'fault' must be one of/],
    ['no fault', { path: TAP_GLOB }, /'fault'/],
    ['an unknown method', { method: 'FETCH', path: TAP_GLOB, fault: 'throttle' }, /'method'/],
    ['a method that is not text', { method: 1, path: TAP_GLOB, fault: 'throttle' }, /'method'/],
    ['no path', { fault: 'throttle' }, /'path'/],
    ['a relative path', { path: 'users/*', fault: 'throttle' }, /'path'/],
    ['a query string', { path: `${TAP_GLOB}?$top=1`, fault: 'throttle' }, /query string/],
    ['the version prefix', { path: `/v1.0${TAP_GLOB}`, fault: 'throttle' }, /relative/],
    ['the /graph prefix', { path: `/graph/v1.0${TAP_GLOB}`, fault: 'throttle' }, /relative/],
    ['an empty segment', { path: '/users//x', fault: 'throttle' }, /empty segment/],
    ['times 0', { path: TAP_GLOB, fault: 'throttle', times: 0 }, /'times'/],
    ['fractional times', { path: TAP_GLOB, fault: 'throttle', times: 1.5 }, /'times'/],
    ['times as text', { path: TAP_GLOB, fault: 'throttle', times: '2' }, /'times'/],
    ['slow without ms', { path: TAP_GLOB, fault: 'slow' }, /needs 'ms'/],
    ['slow with ms 0', { path: TAP_GLOB, fault: 'slow', ms: 0 }, /'ms'/],
    ['slow with ms too long', { path: TAP_GLOB, fault: 'slow', ms: 120_001 }, /'ms'/],
    ['ms on another kind', { path: TAP_GLOB, fault: 'throttle', ms: 5 }, /only to the 'slow'/],
    [
      'retryAfterSeconds on slow',
      { path: TAP_GLOB, fault: 'slow', ms: 5, retryAfterSeconds: 1 },
      /'retryAfterSeconds' applies only/,
    ],
    [
      'a negative retryAfterSeconds',
      { path: TAP_GLOB, fault: 'throttle', retryAfterSeconds: -1 },
      /'retryAfterSeconds' must be/,
    ],
  ])('refuses %s with 400 badFault', async (_, body, message) => {
    const response = await control('POST', '/emulator/faults', body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('badFault');
    expect(error.message).toMatch(message);
    expect(await faults()).toEqual([]);
  });
});

describe('POST /emulator/users/{upn}/tap: another agent in the Entra admin center', () => {
  const adminCenter = (upn: string, body: unknown) =>
    control('POST', `/emulator/users/${encodeURIComponent(upn)}/tap`, body);
  const expectRefusal = async (response: Response, status: number, code: string) => {
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(response.status).toBe(status);
    expect(error.code).toBe(code);
    return error.message;
  };

  it('creates a pass as that staff member, with its value, the audit event and no list item', async () => {
    const items = itemCount();
    const response = await adminCenter(siobhan.userPrincipalName, {
      action: 'create',
      by: helen.userPrincipalName,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      userId: string;
      by: string;
      temporaryAccessPass: Record<string, unknown>;
    };
    const stored = passOf(siobhan.id)!;
    expect(body).toEqual({
      userId: siobhan.id,
      by: helen.userPrincipalName,
      temporaryAccessPass: {
        id: stored.id,
        temporaryAccessPass: stored.secret,
        createdDateTime: stored.createdDateTime,
        startDateTime: stored.startDateTime,
        // The policy's default lifetime and one-time setting, as for a Graph POST.
        lifetimeInMinutes: env.emulator.state.tapPolicy.defaultLifetimeInMinutes,
        isUsableOnce: env.emulator.state.tapPolicy.isUsableOnce,
        isUsable: true,
        methodUsabilityReason: 'EnabledByPolicy',
      },
    });
    expect(audits()[0]).toMatchObject({
      activityDisplayName: 'Admin registered security info',
      result: 'success',
      initiatedBy: {
        user: { id: helen.id, userPrincipalName: helen.userPrincipalName },
        app: null,
      },
      targetResources: [{ id: siobhan.id }],
    });
    expect(itemCount()).toBe(items);
    // TAP Desk sees the pass through Graph, without its value.
    const listed = (await (await env.call(`/graph/v1.0${TAPS}`, graphInit('GET'))).json()) as {
      value: { id: string; temporaryAccessPass: string | null }[];
    };
    expect(listed.value).toEqual([
      expect.objectContaining({ id: stored.id, temporaryAccessPass: null }),
    ]);
  });

  it('replaces an existing pass and takes Graph’s optional properties', async () => {
    const old = passOf(jose.id)!;
    const response = await adminCenter(jose.userPrincipalName, {
      action: 'create',
      by: sam.userPrincipalName,
      lifetimeInMinutes: 120,
    });
    expect(response.status).toBe(200);
    const created = passOf(jose.id)!;
    expect(created.id).not.toBe(old.id);
    expect(created.lifetimeInMinutes).toBe(120);
    expect(audits().slice(0, 2)).toMatchObject([
      {
        activityDisplayName: 'Admin registered security info',
        initiatedBy: { user: { id: sam.id } },
      },
      { activityDisplayName: 'Admin deleted security info', initiatedBy: { user: { id: sam.id } } },
    ]);
    await expectRefusal(
      await adminCenter(jose.userPrincipalName, {
        action: 'create',
        by: sam.userPrincipalName,
        lifetimeInMinutes: 5,
      }),
      400,
      'badRequest',
    );
  });

  it('deletes the pass with the audit event, and says so when there is none', async () => {
    const items = itemCount();
    const pass = passOf(jose.id)!;
    const response = await adminCenter(jose.userPrincipalName, {
      action: 'delete',
      by: helen.userPrincipalName,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      userId: jose.id,
      by: helen.userPrincipalName,
      deletedMethodId: pass.id,
    });
    expect(passOf(jose.id)).toBeNull();
    expect(audits()[0]).toMatchObject({
      activityDisplayName: 'Admin deleted security info',
      operationType: 'Delete',
      initiatedBy: { user: { id: helen.id }, app: null },
      targetResources: [{ id: jose.id }],
    });
    expect(itemCount()).toBe(items);
    await expectRefusal(
      await adminCenter(jose.userPrincipalName, { action: 'delete', by: helen.userPrincipalName }),
      404,
      'noTemporaryAccessPass',
    );
  });

  it('refuses staff without the role, and acting on oneself, as Graph refuses them', async () => {
    const auditCount = audits().length;
    for (const by of [hugo, nadia]) {
      await expectRefusal(
        await adminCenter(siobhan.userPrincipalName, {
          action: 'create',
          by: by.userPrincipalName,
        }),
        403,
        'accessDenied',
      );
      await expectRefusal(
        await adminCenter(jose.userPrincipalName, { action: 'delete', by: by.userPrincipalName }),
        403,
        'accessDenied',
      );
    }
    expect(
      await expectRefusal(
        await adminCenter(helen.userPrincipalName, {
          action: 'create',
          by: helen.userPrincipalName,
        }),
        403,
        'accessDenied',
      ),
    ).toMatch(/your own account/);
    // An Authentication Administrator cannot reach another administrator; a Privileged one can.
    await expectRefusal(
      await adminCenter(kenji.userPrincipalName, { action: 'create', by: helen.userPrincipalName }),
      403,
      'accessDenied',
    );
    expect(passOf(siobhan.id)).toBeNull();
    expect(passOf(jose.id)).not.toBeNull();
    expect(audits()).toHaveLength(auditCount);
    const bySam = await adminCenter(kenji.userPrincipalName, {
      action: 'create',
      by: sam.userPrincipalName,
    });
    expect(bySam.status).toBe(200);
  });

  it('answers 404 for unknown users and 400 for a bad body', async () => {
    await expectRefusal(
      await adminCenter('nobody@contoso.com', { action: 'create', by: helen.userPrincipalName }),
      404,
      'userNotFound',
    );
    await expectRefusal(
      await adminCenter(siobhan.userPrincipalName, { action: 'create', by: 'nobody@contoso.com' }),
      404,
      'actorNotFound',
    );
    for (const body of [
      undefined,
      { action: 'update', by: helen.userPrincipalName },
      { action: 'create' },
      { action: 'delete', by: helen.userPrincipalName, lifetimeInMinutes: 60 },
    ]) {
      await expectRefusal(await adminCenter(siobhan.userPrincipalName, body), 400, 'badTapAction');
    }
    await expectRefusal(
      await adminCenter(siobhan.userPrincipalName, {
        action: 'create',
        by: helen.userPrincipalName,
        colour: 'red',
      }),
      400,
      'BadRequest',
    );
  });
});
