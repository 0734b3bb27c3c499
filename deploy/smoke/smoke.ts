/**
 * The smoke run: read-only checks of a tenant before the first pilot. With a Microsoft Graph
 * token of each app registration, TAP Desk and TAP Desk Reports (decision 0020), it checks the
 * sign-in, each audience's scopes and the GETs each TAP Desk section makes,
 * then the readiness checks the Readiness page shows (same rules, src/features/readiness). Every
 * request is a GET; the fetch it is given refuses anything else, so a bug cannot write.
 */
// src/config types import.meta.env (Vite's); the smoke run never calls what reads it.
/// <reference types="vite/client" />
import { decodeJwt } from 'jose';
import type { Capability } from '../../src/auth/capabilities';
import { AUDIENCE_APP, AUDIENCE_SCOPES, type AppRegistration } from '../../src/auth/scopes';
import type { RuntimeConfig } from '../../src/config/runtime-config';
import { createGraphClient, type GraphClient, type GraphRequest } from '../../src/graph/client';
import { describeErrorText } from '../../src/graph/describe-error';
import { messages as graphMessages } from '../../src/graph/messages';
import {
  evaluateReadiness,
  type CheckPhrase,
  type CheckStatus,
} from '../../src/features/readiness/checks';
import { messages as readinessMessages } from '../../src/features/readiness/messages';
import { formatMessageRef, intlFor } from '../../src/i18n/message-ref';
import { readReadinessInputs } from '../../src/features/readiness/reads';

export interface SmokeRow {
  /** `sign-in`, an audience (`helpdesk`, `pilot`, `audit`, `readiness`). */
  area: string;
  check: string;
  status: CheckStatus;
  detail: string;
}

export interface SmokeOptions {
  config: RuntimeConfig;
  token: string;
  /** A second token, for the app `token` is not from (usually TAP Desk Reports'). */
  reportsToken?: string;
  /** Node's fetch unless given (tests pass one that trusts the emulator's certificate). */
  fetch?: typeof fetch;
}

/** A fetch that lets only GET through: the smoke run reads, whatever its code asks for. */
export function readOnlyFetch(inner: typeof fetch): typeof fetch {
  return (input, init) => {
    const method = (
      init?.method ?? (input instanceof Request ? input.method : 'GET')
    ).toUpperCase();
    if (method !== 'GET') {
      return Promise.reject(new Error(`The smoke run only reads; it refused a ${method}.`));
    }
    return inner(input, init);
  };
}

function claims(token: string): Record<string, unknown> {
  try {
    return decodeJwt(token);
  } catch {
    return {};
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

const APP_NAMES: Record<AppRegistration, string> = {
  main: 'TAP Desk',
  reports: 'TAP Desk Reports',
};

function signInRows(
  config: RuntimeConfig,
  token: string,
): { rows: SmokeRow[]; app: AppRegistration | null; scopes: Set<string> } {
  const c = claims(token);
  const rows: SmokeRow[] = [];
  const tenant = text(c.tid);
  const authorityTenant = /\/([0-9a-f-]{36})(?:\/|$)/i.exec(config.auth.authority)?.[1];
  rows.push(
    !tenant
      ? {
          area: 'sign-in',
          check: 'Token',
          status: 'fail',
          detail: 'The token is not a Microsoft Entra access token (no tenant id).',
        }
      : authorityTenant && authorityTenant.toLowerCase() !== tenant.toLowerCase()
        ? {
            area: 'sign-in',
            check: 'Tenant',
            status: 'fail',
            detail: `The token is for tenant ${tenant}, config.json's auth.authority for ${authorityTenant}.`,
          }
        : {
            area: 'sign-in',
            check: 'Tenant',
            status: 'pass',
            detail: `Signed in to tenant ${tenant} as ${text(c.upn) || text(c.unique_name) || 'an unnamed account'}.`,
          },
  );
  const appId = (text(c.appid) || text(c.azp)).toLowerCase();
  const app = (['main', 'reports'] as const).find(
    (key) =>
      appId === (key === 'main' ? config.auth.clientId : config.auth.reportsClientId).toLowerCase(),
  );
  const scopes = new Set(
    text(c.scp)
      .split(' ')
      .filter(Boolean)
      .map((s) => s.toLowerCase()),
  );
  if (!app) {
    rows.push({
      area: 'sign-in',
      check: 'App',
      status: 'unknown',
      detail: `The token was issued to ${appId || 'another app'}, not TAP Desk (${config.auth.clientId}) nor TAP Desk Reports (${config.auth.reportsClientId}): the Graph calls below test the person and tenant, not TAP Desk's consent. For the scope checks, use tokens of TAP Desk and TAP Desk Reports.`,
    });
    return { rows, app: null, scopes };
  }
  rows.push({
    area: 'sign-in',
    check: 'App',
    status: 'pass',
    detail: `The token is ${APP_NAMES[app]}’s.`,
  });
  return { rows, app, scopes };
}

/** What each TAP Desk section reads, as one GET each (the app's own paths and options). */
function sectionReads(
  config: RuntimeConfig,
  oid: string,
): Record<Exclude<Capability, 'readiness'>, { check: string; request: GraphRequest }[]> {
  const list = {
    path: `/sites/${encodeURIComponent(config.verification.siteId)}/lists/${encodeURIComponent(config.verification.listId)}/items`,
    query: { $top: 1, expand: 'fields' },
  };
  const directoryAudits = { path: '/auditLogs/directoryAudits', query: { $top: 1 } };
  const firstPilot = config.pilot.groups[0];
  return {
    helpdesk: [
      {
        check: 'Find users',
        request: { path: '/users', query: { $top: 1, $select: 'id,displayName' } },
      },
      { check: 'Read a user’s methods', request: { path: `/users/${oid}/authentication/methods` } },
      { check: 'Verification list (read)', request: list },
    ],
    pilot: [
      ...(firstPilot
        ? [
            {
              check: `Members of “${firstPilot.displayName}”`,
              request: {
                path: `/groups/${firstPilot.id}/transitiveMembers`,
                query: { $top: 1, $select: 'id' },
              },
            },
          ]
        : []),
      {
        check: 'Registration report',
        request: {
          path: '/reports/authenticationMethods/userRegistrationDetails',
          query: { $top: 1 },
        },
      },
      { check: 'Directory audit log', request: directoryAudits },
    ],
    audit: [
      { check: 'Directory audit log', request: directoryAudits },
      {
        check: 'Directory roles',
        request: { path: '/directoryRoles', query: { $select: 'id,roleTemplateId' } },
      },
      { check: 'Verification list (read)', request: list },
    ],
  };
}

async function readRow(
  client: GraphClient,
  area: string,
  check: string,
  request: GraphRequest,
): Promise<SmokeRow> {
  try {
    await client.request<unknown>({ ...request, maxRetries: 2 });
    return { area, check, status: 'pass', detail: 'Microsoft Graph answered.' };
  } catch (error) {
    const description = describeErrorText(error, { doing: check.toLowerCase() });
    const english = intlFor('en', [graphMessages]);
    const [title, detail] = [description.title, description.detail].map((said) =>
      formatMessageRef(english, said),
    );
    return { area, check, status: 'fail', detail: `${title}: ${detail}` };
  }
}

export async function runSmoke(options: SmokeOptions): Promise<SmokeRow[]> {
  const { config, token } = options;
  const rows: SmokeRow[] = [];
  const given: Partial<Record<AppRegistration, { token: string; scopes: Set<string> }>> = {};
  for (const each of [token, options.reportsToken].filter((t): t is string => Boolean(t))) {
    const signIn = signInRows(config, each);
    rows.push(...signIn.rows);
    if (signIn.app) given[signIn.app] = { token: each, scopes: signIn.scopes };
  }
  if (rows.some((row) => row.status === 'fail')) return rows;
  const client = (app: AppRegistration) => {
    // Without a token of this app, the calls still test the person and the tenant.
    const bearer = given[app]?.token ?? token;
    return createGraphClient({
      baseUrl: config.graph.baseUrl,
      getToken: () => Promise.resolve(bearer),
      fetch: readOnlyFetch(options.fetch ?? fetch),
    });
  };
  const known = Object.keys(given).length > 0;
  for (const audience of Object.keys(AUDIENCE_SCOPES) as Capability[]) {
    if (!known) break;
    const app = AUDIENCE_APP[audience];
    const scopes = given[app]?.scopes;
    if (!scopes) {
      rows.push({
        area: audience,
        check: 'Scopes',
        status: 'unknown',
        detail: `${audience} takes its tokens from ${APP_NAMES[app]}: give a token of it too (--token and --reports-token) to check them.`,
      });
      continue;
    }
    const missing = AUDIENCE_SCOPES[audience].filter((scope) => !scopes.has(scope.toLowerCase()));
    rows.push({
      area: audience,
      check: 'Scopes',
      status: missing.length ? 'fail' : 'pass',
      detail: missing.length
        ? `The token lacks ${missing.join(', ')}: grant admin consent for it (admin guide step 1).`
        : `All of ${AUDIENCE_SCOPES[audience].join(', ')}.`,
    });
  }
  const oid = text(claims(token).oid);
  for (const [area, reads] of Object.entries(sectionReads(config, oid))) {
    const reader = client(AUDIENCE_APP[area as Capability]);
    for (const { check, request } of reads) rows.push(await readRow(reader, area, check, request));
  }
  const checks = evaluateReadiness(
    await readReadinessInputs(client(AUDIENCE_APP.readiness), config),
  );
  // The smoke test speaks English, like the admin guide it points to.
  const intl = intlFor('en', [readinessMessages]);
  const say = (found: CheckPhrase) => formatMessageRef(intl, found);
  for (const check of checks) {
    const detail = [
      say(check.summary),
      check.readableBy && `Who can read it: ${say(check.readableBy)}.`,
      check.fix && `To fix: ${say(check.fix)}`,
    ];
    rows.push({
      area: 'readiness',
      check: say(check.title),
      status: check.status,
      detail: detail.filter(Boolean).join(' '),
    });
  }
  return rows;
}

const LABEL: Record<CheckStatus, string> = {
  pass: 'PASS',
  warn: 'WARN',
  fail: 'FAIL',
  unknown: 'UNKNOWN',
};

/** A plain-text table: area, check, result, detail (wrapped to `width`). */
export function formatTable(rows: readonly SmokeRow[], width = 120): string {
  const head = ['Area', 'Check', 'Result'];
  const cols = [
    Math.max(head[0]!.length, ...rows.map((r) => r.area.length)),
    Math.max(head[1]!.length, ...rows.map((r) => r.check.length)),
    7,
  ];
  const indent = cols.reduce((sum, c) => sum + c + 2, 0);
  const wrap = (detail: string) => {
    const room = Math.max(30, width - indent);
    const lines: string[] = [];
    let line = '';
    for (const word of detail.split(' ')) {
      if (line && line.length + word.length + 1 > room) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
    return lines.join(`\n${' '.repeat(indent)}`);
  };
  const cells = (values: string[]) => values.map((v, i) => v.padEnd(cols[i]!)).join('  ');
  return [
    `${cells(head)}  Detail`,
    `${cells(cols.map((c) => '-'.repeat(c)))}  ------`,
    ...rows.map((r) => `${cells([r.area, r.check, LABEL[r.status]])}  ${wrap(r.detail)}`),
  ].join('\n');
}
