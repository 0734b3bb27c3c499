/** A small Graph for the pilot's tests: the endpoints the loader calls, over an in-memory world. */
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { createGraphClient } from '../../graph/client';
import type { RequestBudget } from '../../graph/request-budget';
import { TAP_ISSUED_REASON } from './loader';

export const NOW = Date.parse('2026-11-26T12:00:00Z');
export const HOUR = 3_600_000;
export const ago = (hours: number) => new Date(NOW - hours * HOUR).toISOString();
export const GROUP = 'g-1';
export const PAGE = 2;

export interface World {
  members: MicrosoftGraph.User[];
  audits: MicrosoftGraph.DirectoryAudit[];
  report: MicrosoftGraph.UserRegistrationDetails[];
  passes: Record<string, MicrosoftGraph.TemporaryAccessPassAuthenticationMethod[]>;
  refusePassReads?: boolean;
  /** Answer this many pass reads 429 first, as Graph throttles batch items one by one. */
  throttleReads?: number;
  /** Answer the member list with this status instead (e.g. 403). */
  membersStatus?: number;
}

const issued = (id: string, userId: string, hours: number, oneTime: boolean) => ({
  id,
  activityDisplayName: 'Admin registered security info',
  resultReason: TAP_ISSUED_REASON,
  result: 'success' as const,
  loggedByService: 'Authentication Methods',
  activityDateTime: ago(hours),
  targetResources: [
    {
      id: userId,
      type: 'User',
      modifiedProperties: oneTime
        ? []
        : [{ displayName: 'AccessPassUsage', oldValue: null, newValue: 'Multiple' }],
    },
  ],
});
export const registered = (id: string, userId: string, hours: number, reason: string) => ({
  id,
  activityDisplayName: 'User registered security info',
  resultReason: reason,
  result: 'success' as const,
  loggedByService: 'Authentication Methods',
  activityDateTime: ago(hours),
  targetResources: [{ id: userId, type: 'User', modifiedProperties: [] }],
});

export function world(): World {
  const user = (id: string) => ({
    id,
    displayName: `User ${id}`,
    userPrincipalName: `${id}@contoso.com`,
    department: 'Sales',
  });
  return {
    members: ['none', 'multi', 'once-used', 'once-live', 'push', 'pwdless'].map(user),
    audits: [
      issued('a1', 'multi', 2, false),
      issued('a2', 'once-used', 3, true),
      issued('a3', 'once-live', 1, true),
      issued('a4', 'push', 100, false),
      registered('a5', 'push', 99, 'User registered Authenticator App with Notification and Code'),
      issued('a6', 'pwdless', 200, true),
      registered(
        'a7',
        'pwdless',
        199,
        'User registered Authenticator App with Notification and Code',
      ),
      registered(
        'a8',
        'pwdless',
        198,
        'User registered Authenticator App for passwordless phone sign-in',
      ),
      issued('a9', 'outsider', 1, true),
    ],
    report: [
      { id: 'push', methodsRegistered: ['microsoftAuthenticatorPush'] },
      {
        id: 'pwdless',
        methodsRegistered: ['microsoftAuthenticatorPush', 'microsoftAuthenticatorPasswordless'],
      },
      { id: 'outsider-2', methodsRegistered: ['microsoftAuthenticatorPush'] },
    ],
    passes: {
      'once-used': [
        {
          id: 't1',
          isUsableOnce: true,
          startDateTime: ago(3),
          lifetimeInMinutes: 480,
          methodUsabilityReason: 'OneTimeUsed',
        },
      ],
      'once-live': [
        {
          id: 't2',
          isUsableOnce: true,
          startDateTime: ago(1),
          lifetimeInMinutes: 60,
          methodUsabilityReason: 'EnabledByPolicy',
        },
      ],
    },
  };
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function page<T>(url: URL, items: T[], size = PAGE) {
  const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
  const next = new URL(url);
  next.searchParams.set('$skiptoken', String(skip + size));
  return {
    '@odata.count': skip === 0 ? items.length : undefined,
    value: items.slice(skip, skip + size),
    '@odata.nextLink': skip + size < items.length ? next.toString() : undefined,
  };
}

function passesAnswer(w: World, path: string) {
  const userId = /^\/users\/([^/]+)\/authentication\/temporaryAccessPassMethods$/.exec(path)?.[1];
  if (!userId) return { status: 400, body: { error: { code: 'BadRequest' } } };
  if (w.throttleReads) {
    w.throttleReads--;
    return {
      status: 429,
      headers: { 'Retry-After': '3' },
      body: { error: { code: 'TooManyRequests', message: 'Wait.' } },
    };
  }
  if (w.refusePassReads) {
    return { status: 403, body: { error: { code: 'accessDenied', message: 'Denied.' } } };
  }
  return { status: 200, body: { value: w.passes[decodeURIComponent(userId)] ?? [] } };
}

export function setup(w: World, pageSize = PAGE) {
  const requests: string[] = [];
  const batchItems: string[] = [];
  const client = createGraphClient({
    baseUrl: 'https://graph.test/v1.0',
    getToken: async () => 'token',
    sleep: async () => {},
    fetch: async (input, init) => {
      const url = new URL(String(input));
      const path = url.pathname.replace('/v1.0', '');
      requests.push(`${init?.method ?? 'GET'} ${path}`);
      if (path === `/groups/${GROUP}`) {
        return json(200, { id: GROUP, displayName: 'Pilot', createdDateTime: ago(24 * 60) });
      }
      if (path === `/groups/${GROUP}/transitiveMembers/microsoft.graph.user`) {
        if (w.membersStatus) {
          return json(w.membersStatus, {
            error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges.' },
          });
        }
        return json(200, page(url, w.members, pageSize));
      }
      if (path === '/auditLogs/directoryAudits') {
        const from = /activityDateTime ge (\S+)/.exec(url.searchParams.get('$filter') ?? '')?.[1];
        return json(
          200,
          page(
            url,
            w.audits.filter((e) => !from || (e.activityDateTime ?? '') >= from),
            pageSize,
          ),
        );
      }
      if (path === '/reports/authenticationMethods/userRegistrationDetails') {
        const method = /m eq '(\w+)'/.exec(url.searchParams.get('$filter') ?? '')?.[1] ?? '';
        return json(
          200,
          page(
            url,
            w.report.filter((r) => r.methodsRegistered?.includes(method)),
            pageSize,
          ),
        );
      }
      if (path === '/$batch') {
        const { requests: items } = JSON.parse(String(init?.body)) as {
          requests: { id: string; url: string }[];
        };
        batchItems.push(...items.map((item) => item.url));
        return json(200, {
          responses: items.map((item) => ({ id: item.id, ...passesAnswer(w, item.url) })),
        });
      }
      return json(404, { error: { code: 'NotFound', message: path } });
    },
  });
  let slots = 0;
  const pauses: number[] = [];
  const budget: RequestBudget = {
    requests: 5,
    windowSeconds: 10,
    takeUpTo: async (max) => {
      slots += max;
      return { count: max, settle: () => {} };
    },
    pause: (seconds) => pauses.push(seconds),
    secondsFor: () => 0,
  };
  return { client, budget, requests, batchItems, pauses, slots: () => slots };
}
