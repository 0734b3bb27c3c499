import {
  AuthenticationHandler,
  Client,
  PageIterator,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
  type PageCollection,
} from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../seed/people';
import { startTestEmulator, tokensFor, type TestEnv } from './support';

let env: TestEnv;

beforeAll(async () => {
  // Every 4th Graph request is throttled, with Retry-After: 1.
  env = await startTestEmulator({ throttleRate: 0.25, retryAfterSeconds: 1 });
});
afterAll(() => env.close());

it('pages through every user with the official client, retrying 429s transparently', async () => {
  const { access_token } = await tokensFor(
    env,
    DEMO_ACCOUNTS[0]!.userPrincipalName,
    'openid User.Read.All',
  );
  // The library's own chain (auth, retry); only the final hop is ours, to trust the dev certificate.
  const send: Middleware = {
    execute: async (context: Context) => {
      context.response = await env.fetch(context.request, context.options);
    },
  };
  const client = Client.initWithMiddleware({
    middleware: [
      new AuthenticationHandler({ getAccessToken: async () => access_token }),
      new RetryHandler(new RetryHandlerOptions(1, 3)),
      send,
    ],
    baseUrl: `${env.origin}/graph/`,
    customHosts: new Set(['localhost']),
  });

  const first = (await client
    .api('/users')
    .select(['id', 'displayName'])
    .top(60)
    .get()) as PageCollection;
  const ids: string[] = [];
  await new PageIterator(client, first, (user: { id: string }) => {
    ids.push(user.id);
    return true;
  }).iterate();

  const expected = env.emulator.state.users.map((u) => u.id);
  expect(ids).toHaveLength(expected.length);
  expect(new Set(ids)).toEqual(new Set(expected));
  const log = (await (await env.call('/emulator/requests')).json()) as {
    value: { status: number }[];
  };
  const statuses = log.value.map((e) => e.status);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
  expect(statuses.filter((s) => s === 200)).toHaveLength(Math.ceil(expected.length / 60));
});
