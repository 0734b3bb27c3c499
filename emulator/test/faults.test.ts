import { describe, expect, it } from 'vitest';
import { DEMO_APP_NAME } from '../constants';
import {
  helen,
  siobhan,
  jose,
  TAP_GLOB,
  TAPS,
  ITEMS,
  ITEM_GLOB,
  env,
  control,
  addFault,
  faults,
  requests,
  graphInit,
  createTap,
  postItem,
  passOf,
  itemCount,
  audits,
  expectGraphError,
  creates,
  waitFor,
  waits,
} from './faults-support';

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
    expect((await createTap()).status).toBe(201);
    expect(waits).toEqual([250]);
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
    expect((await postItem()).status).toBe(201);
    expect(waits).toEqual([150]);
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
