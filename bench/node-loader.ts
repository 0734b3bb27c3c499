/**
 * The `pilot` part: the dashboard's loader run in Node against the emulator with 50 ms injected
 * latency, beside a naive loader that reads each member's methods one request at a time
 * (measured on a sample with the limit lifted, the rest extrapolated).
 */
import { PILOT_GROUP_ID } from '../emulator/constants';
import { LIFTED_REPORTS_LIMIT, type ReportsLimit } from '../emulator/graph/reports-limit';
import { startTestEmulator, tokensFor, type TestEnv } from '../emulator/test/support';
import { AUDIENCE_SCOPES } from '../src/auth/scopes';
import { loadPilot, type PilotSnapshot } from '../src/features/pilot/loader';
import { createGraphClient, type GraphClient, type GraphPage } from '../src/graph/client';
import { pageTransitiveMemberUsers } from '../src/graph/groups';
import { createRequestBudget, REPORTS_LIMIT, secondsAtLimit } from '../src/graph/request-budget';
import { markdownTable } from './bundle';
import { count, seconds } from './figures';

const LATENCY_MS = 50;
const SIZES = [1_000, 10_000];
/** Members the naive loader reads for real; the rest is extrapolated from their average. */
const NAIVE_SAMPLE = 150;
const MANAGER = 'max.manager@contoso.com';

interface LogEntry {
  method: string;
  path: string;
  status: number;
  batch?: boolean;
}

export interface Row {
  pilot: string;
  loader: string;
  requests: string;
  batchItems: string;
  throttled: string;
  time: string;
  note: string;
}

async function requestLog(env: TestEnv): Promise<LogEntry[]> {
  const body = (await (await env.call('/emulator/requests')).json()) as { value: LogEntry[] };
  return body.value.filter((entry) => entry.path.startsWith('/graph/'));
}

async function clearLog(env: TestEnv) {
  await env.call('/emulator/requests', { method: 'DELETE' });
}

async function setReportsLimit(env: TestEnv, reportsLimit: ReportsLimit) {
  const response = await env.call('/emulator/settings', {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ reportsLimit }),
  });
  if (!response.ok) throw new Error(`settings: ${response.status} ${await response.text()}`);
}

async function clientFor(env: TestEnv, scopes: readonly string[]): Promise<GraphClient> {
  const scope = ['openid', 'profile', 'offline_access', ...scopes].join(' ');
  const { access_token: token } = await tokensFor(env, MANAGER, scope);
  return createGraphClient({
    baseUrl: `${env.origin}/graph/v1.0`,
    getToken: async () => token,
    fetch: env.fetch,
  });
}

async function tapDeskLoader(env: TestEnv, client: GraphClient, size: number): Promise<Row> {
  await clearLog(env);
  const started = performance.now();
  let last: PilotSnapshot | undefined;
  for await (const snapshot of loadPilot({
    client,
    budget: createRequestBudget(REPORTS_LIMIT),
    groupId: PILOT_GROUP_ID,
    maxPassLifetimeMinutes: 480,
    auditRetentionDays: 30,
  })) {
    last = snapshot;
  }
  const elapsed = performance.now() - started;
  const log = await requestLog(env);
  const top = log.filter((entry) => !entry.batch);
  return {
    pilot: count(size),
    loader: 'TAP Desk',
    requests: count(top.length),
    batchItems: count(log.length - top.length),
    throttled: count(log.filter((entry) => entry.status === 429).length),
    time: seconds(elapsed),
    note: `${count(last?.members.length ?? 0)} members; Graph's 5 per 10 s limit on`,
  };
}

/** Lists the members, then one authentication-method read per member, one at a time. */
async function naiveLoader(env: TestEnv, client: GraphClient, size: number): Promise<Row> {
  // At Graph's real limit this would take hours; lift it so the sample measures latency only.
  await setReportsLimit(env, LIFTED_REPORTS_LIMIT);
  await clearLog(env);
  const started = performance.now();
  const ids: string[] = [];
  for await (const page of pageTransitiveMemberUsers(client, PILOT_GROUP_ID)) {
    for (const user of page.value) if (user.id) ids.push(user.id);
  }
  const listed = performance.now();
  const sample = ids.slice(0, NAIVE_SAMPLE);
  for (const id of sample) {
    await client.request<GraphPage<unknown>>({
      path: `/users/${encodeURIComponent(id)}/authentication/methods`,
    });
  }
  const perMember = (performance.now() - listed) / sample.length;
  const log = await requestLog(env);
  const listing = log.length - sample.length;
  const estimated = listed - started + perMember * ids.length;
  const atLimit = secondsAtLimit(ids.length) * 1000;
  await setReportsLimit(env, REPORTS_LIMIT);
  return {
    pilot: count(size),
    loader: 'Naive, one read per member',
    requests: count(listing + ids.length),
    batchItems: '0',
    throttled: '0',
    time: seconds(estimated),
    note: `limit lifted; ${sample.length} reads measured (${perMember.toFixed(0)} ms each), rest extrapolated; at Graph's limit ${seconds(atLimit)}`,
  };
}

export function nodeLoaderTable(rows: Row[]): string[] {
  const columns: [keyof Row, string][] = [
    ['pilot', 'Pilot'],
    ['loader', 'Loader'],
    ['requests', 'Graph requests'],
    ['batchItems', 'in $batch'],
    ['throttled', '429s'],
    ['time', 'Full table'],
    ['note', 'Notes'],
  ];
  const lines = markdownTable(
    columns.map(([, title]) => title),
    rows.map((row) => columns.map(([key]) => row[key])),
  );
  return [
    ...lines,
    "Requests are top-level HTTP requests to Graph; 'in $batch' counts the sub-requests they carried.",
  ];
}

export async function nodeLoaderFigures() {
  const rows: Row[] = [];
  for (const size of SIZES) {
    console.error(`Pilot of ${count(size)} members, ${LATENCY_MS} ms latency…`);
    const env = await startTestEmulator({ pilotSize: size, latencyMs: LATENCY_MS });
    try {
      rows.push(await tapDeskLoader(env, await clientFor(env, AUDIENCE_SCOPES.pilot), size));
      // Reading all of someone's methods in one request needs the broader classic scope.
      const naive = await clientFor(env, [
        ...AUDIENCE_SCOPES.pilot,
        'UserAuthenticationMethod.Read.All',
      ]);
      rows.push(await naiveLoader(env, naive, size));
    } finally {
      await env.close();
    }
  }
  return rows;
}
