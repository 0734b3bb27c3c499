import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { createGraphClient } from '../../graph/client';
import type { RequestBudget } from '../../graph/request-budget';
import { loadPilot, TAP_ISSUED_REASON, type PilotSnapshot } from './loader';
import { funnel, toRow } from './stages';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(NOW - hours * HOUR).toISOString();
const GROUP = 'g-1';
const PAGE = 2;

interface World {
  members: MicrosoftGraph.User[];
  audits: MicrosoftGraph.DirectoryAudit[];
  report: MicrosoftGraph.UserRegistrationDetails[];
  passes: Record<string, MicrosoftGraph.TemporaryAccessPassAuthenticationMethod[]>;
  refusePassReads?: boolean;
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
const registered = (id: string, userId: string, hours: number, reason: string) => ({
  id,
  activityDisplayName: 'User registered security info',
  resultReason: reason,
  result: 'success' as const,
  loggedByService: 'Authentication Methods',
  activityDateTime: ago(hours),
  targetResources: [{ id: userId, type: 'User', modifiedProperties: [] }],
});

function world(): World {
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

function page<T>(url: URL, items: T[]) {
  const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
  const next = new URL(url);
  next.searchParams.set('$skiptoken', String(skip + PAGE));
  return {
    '@odata.count': skip === 0 ? items.length : undefined,
    value: items.slice(skip, skip + PAGE),
    '@odata.nextLink': skip + PAGE < items.length ? next.toString() : undefined,
  };
}

function passesAnswer(w: World, path: string) {
  const userId = /^\/users\/([^/]+)\/authentication\/temporaryAccessPassMethods$/.exec(path)?.[1];
  if (!userId) return { status: 400, body: { error: { code: 'BadRequest' } } };
  if (w.refusePassReads) {
    return { status: 403, body: { error: { code: 'accessDenied', message: 'Denied.' } } };
  }
  return { status: 200, body: { value: w.passes[decodeURIComponent(userId)] ?? [] } };
}

function setup(w: World) {
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
        return json(200, page(url, w.members));
      }
      if (path === '/auditLogs/directoryAudits') {
        const from = /activityDateTime ge (\S+)/.exec(url.searchParams.get('$filter') ?? '')?.[1];
        return json(
          200,
          page(
            url,
            w.audits.filter((e) => !from || (e.activityDateTime ?? '') >= from),
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
  const budget: RequestBudget = {
    requests: 5,
    windowSeconds: 10,
    takeUpTo: async (max) => {
      slots += max;
      return max;
    },
    pause: () => {},
    secondsFor: () => 0,
  };
  return { client, budget, requests, batchItems, slots: () => slots };
}

async function collect(gen: AsyncGenerator<PilotSnapshot>) {
  const all: PilotSnapshot[] = [];
  for await (const snapshot of gen) all.push(snapshot);
  return all;
}

const counts = (snapshot: PilotSnapshot) =>
  Object.fromEntries(
    funnel(
      snapshot.members.map((m) =>
        toRow(
          m,
          { now: NOW, pilotStart: NOW - 60 * 24 * HOUR, maxPassLifetimeMinutes: 480 },
          { stalledAfterHours: 48, noTapAfterDays: 7 },
        ),
      ),
    ).map((step) => [step.stage, step.count]),
  );

describe('the pilot loader', () => {
  it('settles the funnel from members, audit log and report, reading only live one-time passes', async () => {
    const w = world();
    const { client, budget, requests, batchItems } = setup(w);
    const snapshots = await collect(
      loadPilot({
        client,
        budget,
        groupId: GROUP,
        maxPassLifetimeMinutes: 480,
        auditRetentionDays: 30,
        now: () => NOW,
      }),
    );
    const last = snapshots.at(-1)!;
    expect(last.complete).toBe(true);
    expect(counts(last)).toEqual({
      member: 6,
      tapIssued: 5,
      tapUsed: 3,
      authenticatorRegistered: 2,
      phoneSignInEnabled: 1,
    });
    // Two one-time passes could still be live and nothing settles them: only those are read.
    expect(batchItems.sort()).toEqual([
      '/users/once-live/authentication/temporaryAccessPassMethods',
      '/users/once-used/authentication/temporaryAccessPassMethods',
    ]);
    expect(requests.filter((r) => r.includes('/users/'))).toEqual([]);
    const pwdless = last.members.find((m) => m.id === 'pwdless')!;
    expect(pwdless.phoneSignInEnabledDateTime).toBe(ago(198));
    const live = last.members.find((m) => m.id === 'once-live')!;
    expect(live.pass).toMatchObject({ usability: 'EnabledByPolicy', expiresDateTime: ago(0) });
  });

  it('shows partial results while pages arrive', async () => {
    const { client, budget } = setup(world());
    const snapshots = await collect(
      loadPilot({
        client,
        budget,
        groupId: GROUP,
        maxPassLifetimeMinutes: 480,
        auditRetentionDays: 30,
        now: () => NOW,
      }),
    );
    const sizes = snapshots.map((s) => s.members.length);
    expect(sizes[0]).toBe(0);
    expect(sizes).toContain(PAGE);
    expect(snapshots.filter((s) => s.complete)).toHaveLength(1);
    expect(snapshots.at(-1)?.memberTotal).toBe(6);
  });

  it('pays for every report page and every batch item from the reports budget', async () => {
    const { client, budget, requests, slots } = setup(world());
    await collect(
      loadPilot({
        client,
        budget,
        groupId: GROUP,
        maxPassLifetimeMinutes: 480,
        auditRetentionDays: 30,
        now: () => NOW,
      }),
    );
    const reportsClass = requests.filter(
      (r) => r.includes('/auditLogs/') || r.includes('/reports/'),
    ).length;
    expect(slots()).toBe(reportsClass + 2);
  });

  it('still finishes when pass reads are refused, and says which stage is less precise', async () => {
    const w = { ...world(), refusePassReads: true };
    const { client, budget } = setup(w);
    const last = (
      await collect(
        loadPilot({
          client,
          budget,
          groupId: GROUP,
          maxPassLifetimeMinutes: 480,
          auditRetentionDays: 30,
          now: () => NOW,
        }),
      )
    ).at(-1)!;
    expect(last.complete).toBe(true);
    expect(last.notes).toEqual([
      expect.objectContaining({ source: 'passReads', affects: ['tapUsed'], members: 2 }),
    ]);
    expect(last.notes[0]?.needs).toMatch(/Global Reader/);
    expect(counts(last).tapUsed).toBe(2);
  });

  it('on refresh asks only for newer audit events and does not re-read settled passes', async () => {
    const w = world();
    const first = setup(w);
    const previous = (
      await collect(
        loadPilot({
          client: first.client,
          budget: first.budget,
          groupId: GROUP,
          maxPassLifetimeMinutes: 480,
          auditRetentionDays: 30,
          now: () => NOW,
        }),
      )
    ).at(-1)!;
    w.audits.push(
      registered(
        'a10',
        'multi',
        0.5,
        'User registered Authenticator App with Notification and Code',
      ),
    );
    w.report.push({ id: 'multi', methodsRegistered: ['microsoftAuthenticatorPush'] });
    const second = setup(w);
    const last = (
      await collect(
        loadPilot({
          client: second.client,
          budget: second.budget,
          groupId: GROUP,
          maxPassLifetimeMinutes: 480,
          auditRetentionDays: 30,
          now: () => NOW,
          previous,
        }),
      )
    ).at(-1)!;
    expect(counts(last).authenticatorRegistered).toBe(3);
    const auditPages = (requests: string[]) =>
      requests.filter((r) => r.includes('directoryAudits')).length;
    expect(auditPages(first.requests)).toBe(5);
    // From the newest event it already had: two events at that instant plus the new one.
    expect(auditPages(second.requests)).toBe(2);
    // The used one-time pass is settled; only the live one is read again.
    expect(second.batchItems).toEqual([
      '/users/once-live/authentication/temporaryAccessPassMethods',
    ]);
  });
});
