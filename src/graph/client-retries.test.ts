import { createGraphClient } from './client';
import { GraphError } from './errors';

const throttled = () =>
  new Response(JSON.stringify({ error: { code: 'TooManyRequests', message: 'slow down' } }), {
    status: 429,
    headers: { 'Content-Type': 'application/json', 'Retry-After': '3' },
  });
const ok = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });

function setup(answers: (() => Response)[]) {
  let calls = 0;
  const client = createGraphClient({
    baseUrl: 'https://graph.test/v1.0',
    getToken: async () => 'token',
    sleep: async () => {},
    fetch: async () => (answers[calls++] ?? throttled)(),
  });
  return { client, calls: () => calls };
}

describe('per-request retries, for callers that pace their own', () => {
  it('hands a throttled request straight back when the caller says no retries', async () => {
    const { client, calls } = setup([throttled, () => ok({})]);
    const error = await client.request({ path: '/x', maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 3 });
    expect(calls()).toBe(1);
  });

  it('hands throttled batch items back with their 429 instead of resending them', async () => {
    const { client, calls } = setup([
      () =>
        ok({
          responses: [
            { id: 'a', status: 200, body: {} },
            { id: 'b', status: 429, headers: { 'Retry-After': '4' }, body: {} },
          ],
        }),
    ]);
    const answers = await client.batch(
      [
        { id: 'a', method: 'GET', url: '/a' },
        { id: 'b', method: 'GET', url: '/b' },
      ],
      undefined,
      { maxRetries: 0 },
    );
    expect(answers.get('b')).toMatchObject({ status: 429, headers: { 'Retry-After': '4' } });
    expect(calls()).toBe(1);
  });
});

describe('writes are never sent twice blindly', () => {
  const status = (code: number) => () =>
    new Response(JSON.stringify({ error: { code: `http${code}`, message: 'x' } }), {
      status: code,
      headers: { 'Content-Type': 'application/json' },
    });

  it.each([503, 504])('hands a POST answered %i back after one request', async (code) => {
    const { client, calls } = setup([status(code), () => ok({ id: 'tap' })]);
    const error = await client
      .request({ method: 'POST', path: '/users/u/x', body: {} })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: code });
    expect(calls()).toBe(1);
  });

  it('hands back a DELETE whose connection dropped after one request', async () => {
    let calls = 0;
    const client = createGraphClient({
      baseUrl: 'https://graph.test/v1.0',
      getToken: async () => 'token',
      sleep: async () => {},
      fetch: async () => {
        calls++;
        throw new TypeError('Failed to fetch');
      },
    });
    const error = await client.request({ method: 'DELETE', path: '/x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'networkError' });
    expect(calls).toBe(1);
  });

  it('still retries a GET answered 503', async () => {
    const { client, calls } = setup([status(503), () => ok({ fine: true })]);
    await expect(client.request({ path: '/x' })).resolves.toEqual({ fine: true });
    expect(calls()).toBe(2);
  });

  it('retries a throttled POST after Retry-After, telling the caller how long it waits', async () => {
    const { client, calls } = setup([throttled, () => ok({ id: 'tap' })]);
    const waits: number[] = [];
    await expect(
      client.request({ method: 'POST', path: '/x', body: {}, onWait: (s) => waits.push(s) }),
    ).resolves.toEqual({ id: 'tap' });
    expect(waits).toEqual([3]);
    expect(calls()).toBe(2);
  });

  it('hands back a 429 whose Retry-After is longer than the caller will wait', async () => {
    const { client, calls } = setup([throttled, () => ok({})]);
    const error = await client
      .request({ method: 'POST', path: '/x', body: {}, maxWaitSeconds: 2 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 3 });
    expect(calls()).toBe(1);
  });
});
