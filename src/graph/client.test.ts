import { buildUrl, createGraphClient, FOREIGN_URL } from './client';
import { describeErrorText } from './describe-error';
import { wordsOf } from '../testing/words';
import { GraphError } from './errors';

type Handler = (url: string, init: RequestInit) => Response;

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function setup(handlers: Handler[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const waits: number[] = [];
  const tokens: boolean[] = [];
  const client = createGraphClient({
    baseUrl: 'https://graph.test/v1.0',
    getToken: async ({ forceRefresh }) => {
      tokens.push(forceRefresh);
      return forceRefresh ? 'fresh' : 'cached';
    },
    fetch: async (input, init) => {
      const handler = handlers[calls.length];
      calls.push({ url: String(input), init: init ?? {} });
      if (!handler) throw new Error(`unexpected request ${String(input)}`);
      return handler(String(input), init ?? {});
    },
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { client, calls, waits, tokens };
}

const graphError = (code: string, message = 'nope') => ({
  error: { code, message, innerError: { 'request-id': 'req-1', date: '2026-11-26T00:00:00' } },
});

describe('the Graph client', () => {
  it('percent-encodes query values so user input stays data', () => {
    expect(
      buildUrl('https://g/v1.0', '/users', {
        $filter: "startswith(displayName,'a'' or 1 eq 1')",
        $top: 5,
      }),
    ).toBe("https://g/v1.0/users?$filter=startswith(displayName%2C'a''%20or%201%20eq%201')&$top=5");
  });

  it('waits as long as Retry-After says, then retries a throttled request', async () => {
    const { client, calls, waits } = setup([
      () => json(429, graphError('TooManyRequests'), { 'Retry-After': '7' }),
      () => json(200, { id: 'me' }),
    ]);
    await expect(client.request({ path: '/me' })).resolves.toEqual({ id: 'me' });
    expect(calls).toHaveLength(2);
    expect(waits).toEqual([7000]);
  });

  it('gives up after its retries and throws the throttling error with the wait Graph asked for', async () => {
    const throttled = () => json(429, graphError('TooManyRequests'), { 'Retry-After': '3' });
    const { client } = setup([throttled, throttled, throttled, throttled, throttled]);
    const error = await client.request({ path: '/me' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({
      status: 429,
      code: 'TooManyRequests',
      retryAfterSeconds: 3,
      requestId: 'req-1',
    });
  });

  it('renews the token once on 401 and retries with the new one', async () => {
    const { client, calls, tokens } = setup([
      () => json(401, graphError('InvalidAuthenticationToken')),
      () => json(200, { ok: true }),
    ]);
    await client.request({ path: '/me' });
    expect(tokens).toEqual([false, true]);
    expect(new Headers(calls[1]?.init.headers).get('Authorization')).toBe('Bearer fresh');
  });

  it('does not retry a 403 and keeps Graph’s code', async () => {
    const { client, calls } = setup([() => json(403, graphError('Authorization_RequestDenied'))]);
    await expect(client.request({ path: '/users' })).rejects.toMatchObject({
      status: 403,
      code: 'Authorization_RequestDenied',
    });
    expect(calls).toHaveLength(1);
  });

  it('follows @odata.nextLink verbatim until the last page', async () => {
    const { client, calls } = setup([
      () =>
        json(200, {
          value: [1, 2],
          '@odata.nextLink': 'https://graph.test/v1.0/users?$skiptoken=abc',
        }),
      () => json(200, { value: [3] }),
    ]);
    await expect(client.all({ path: '/users', query: { $top: 2 } })).resolves.toEqual([1, 2, 3]);
    expect(calls[1]?.url).toBe('https://graph.test/v1.0/users?$skiptoken=abc');
  });

  it('refuses an @odata.nextLink to another origin and never sends the token there', async () => {
    for (const link of [
      'https://evil.example/v1.0/users?$skiptoken=abc',
      'https://graph.test.evil.example/v1.0/users',
      'http://graph.test/v1.0/users?$skiptoken=abc',
      'HTTPS://evil.example/v1.0/users',
    ]) {
      const { client, calls, tokens } = setup([
        () => json(200, { value: [1, 2], '@odata.nextLink': link }),
      ]);
      const pages = client.pages({ path: '/users' });
      await expect(pages.next()).resolves.toMatchObject({ value: { value: [1, 2] } });
      const error = await pages.next().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphError);
      expect(error).toMatchObject({
        code: FOREIGN_URL,
        message: expect.stringMatching(
          /^Graph's link to the next page leads to .+, outside Microsoft Graph at https:\/\/graph\.test;/,
        ),
      });
      expect(calls).toHaveLength(1);
      expect(tokens).toHaveLength(1);
      expect(wordsOf(describeErrorText(error).title)).toBe(
        'TAP Desk stopped a request to another site',
      );
    }
  });

  it('builds URLs on the Graph origin only, whatever the path', () => {
    expect(buildUrl('https://g/v1.0', 'https://g/v1.0/users?$skiptoken=x')).toBe(
      'https://g/v1.0/users?$skiptoken=x',
    );
    expect(() => buildUrl('https://g/v1.0', 'https://evil.example/users')).toThrow(
      /leads to https:\/\/evil\.example, outside Microsoft Graph at https:\/\/g/,
    );
    // A base without a path must not let "@host" turn into a user name before another host.
    expect(() => buildUrl('https://g', '@evil.example/users')).toThrow(GraphError);
  });

  it('batches by twenty and resends only the throttled items after their Retry-After', async () => {
    const items = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: 'GET' as const,
      url: `/users/${i}`,
    }));
    const { client, calls, waits } = setup([
      (_, init) => {
        const body = JSON.parse(String(init.body)) as { requests: { id: string }[] };
        expect(body.requests).toHaveLength(20);
        return json(200, {
          responses: body.requests.map((r) =>
            r.id === '3'
              ? {
                  id: r.id,
                  status: 429,
                  headers: { 'Retry-After': '2' },
                  body: graphError('TooManyRequests'),
                }
              : { id: r.id, status: 200, body: { id: r.id } },
          ),
        });
      },
      (_, init) => {
        const body = JSON.parse(String(init.body)) as { requests: { id: string }[] };
        expect(body.requests.map((r) => r.id)).toEqual(['20']);
        return json(200, { responses: [{ id: '20', status: 200, body: { id: '20' } }] });
      },
      (_, init) => {
        const body = JSON.parse(String(init.body)) as { requests: { id: string }[] };
        expect(body.requests.map((r) => r.id)).toEqual(['3']);
        return json(200, { responses: [{ id: '3', status: 200, body: { id: '3' } }] });
      },
    ]);
    const results = await client.batch(items);
    expect(results.size).toBe(21);
    expect(results.get('3')?.status).toBe(200);
    expect(calls).toHaveLength(3);
    expect(waits).toEqual([2000]);
  });
});
