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
