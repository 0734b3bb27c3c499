import { loadPilot, PASS_READS_UNASKED, type PilotSnapshot } from './loader';
import {
  addPassesInFlight,
  GROUP,
  HOUR,
  NOW,
  PAGE,
  REPORT_AS_OF,
  ago,
  registered,
  setup,
  world,
} from '../../testing/fixtures/pilot-world';
import { funnel, toRow } from './stages';
import { wordsOf } from '../../testing/words';

async function collect(gen: AsyncGenerator<PilotSnapshot>) {
  const all: PilotSnapshot[] = [];
  for await (const snapshot of gen) all.push(snapshot);
  return all;
}

/** Every snapshot of one load of the test group, as the page would see them. */
function load(
  graph: Pick<ReturnType<typeof setup>, 'client' | 'budget'>,
  previous?: PilotSnapshot,
  passReadLimit?: number,
) {
  return collect(
    loadPilot({
      client: graph.client,
      budget: graph.budget,
      groupId: GROUP,
      maxPassLifetimeMinutes: 480,
      auditRetentionDays: 30,
      now: () => NOW,
      previous,
      passReadLimit,
    }),
  );
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
    const snapshots = await load({ client, budget });
    const last = snapshots.at(-1)!;
    expect(last.complete).toBe(true);
    expect(counts(last)).toEqual({
      member: 6,
      tapIssued: 5,
      tapUsed: 3,
      authenticatorRegistered: 2,
      phoneSignInEnabled: 1,
      passkeyRegistered: 0,
    });
    // Two one-time passes could still be live and nothing settles them: only those are read.
    expect(batchItems.sort()).toEqual([
      '/users/once-live/authentication/temporaryAccessPassMethods',
      '/users/once-used/authentication/temporaryAccessPassMethods',
    ]);
    expect(requests.filter((r) => r.includes('/users/'))).toEqual([]);
    // The report says phone sign-in, not since when; no audit wording for it is documented.
    const pwdless = last.members.find((m) => m.id === 'pwdless')!;
    expect(pwdless).toMatchObject({
      authenticator: 'passwordless',
      authenticatorRegisteredDateTime: ago(199),
    });
    expect(pwdless.phoneSignInEnabledDateTime).toBeUndefined();
    expect(last.freshness).toEqual({
      reportAsOf: REPORT_AS_OF,
      auditLogTo: ago(0),
      newerThanReport: 0,
    });
    const live = last.members.find((m) => m.id === 'once-live')!;
    expect(live.pass).toMatchObject({ usability: 'EnabledByPolicy', expiresDateTime: ago(0) });
  });

  it('shows partial results while pages arrive', async () => {
    const { client, budget } = setup(world());
    const snapshots = await load({ client, budget });
    const sizes = snapshots.map((s) => s.members.length);
    expect(sizes[0]).toBe(0);
    expect(sizes).toContain(PAGE);
    expect(snapshots.filter((s) => s.complete)).toHaveLength(1);
    expect(snapshots.at(-1)?.memberTotal).toBe(6);
  });

  it('merges again only the members a page touched: everyone else keeps their object', async () => {
    const { client, budget } = setup(world());
    const snapshots = await load({ client, budget });
    let kept = 0;
    snapshots.slice(1).forEach((snapshot, at) => {
      const before = new Map(snapshots[at]!.members.map((m) => [m.id, m]));
      for (const member of snapshot.members) {
        const earlier = before.get(member.id);
        if (!earlier) continue;
        // Same facts, same object: the page can keep the row it built for them.
        if (JSON.stringify(earlier) === JSON.stringify(member)) {
          expect(member).toBe(earlier);
          kept++;
        } else expect(member).not.toBe(earlier);
      }
    });
    expect(kept).toBeGreaterThan(0);
    expect(snapshots.at(-1)!.members.map((m) => m.id)).toEqual(world().members.map((m) => m.id));
  });

  it('gathers pages that arrive within the snapshot interval into one snapshot, and never waits at the end', async () => {
    const w = world();
    const paced = setup(w);
    const options = {
      client: paced.client,
      budget: paced.budget,
      groupId: GROUP,
      maxPassLifetimeMinutes: 480,
      auditRetentionDays: 30,
      now: () => NOW,
    };
    // An interval longer than the test's timeout: the load finishes only if the end wakes it.
    const throttled = await collect(loadPilot({ ...options, snapshotIntervalMs: 3_600_000 }));
    const every = await load(setup(w));
    // Pages: 3 of members, 5 of audit log, several of report; at most the first page and the
    // last are shown on their own, and whatever the pass reads report.
    const whilePaging = (list: PilotSnapshot[]) =>
      list.filter((s) => !s.progress.auditLog.done || !s.progress.members.done).length;
    expect(whilePaging(every)).toBeGreaterThan(5);
    expect(whilePaging(throttled)).toBeLessThanOrEqual(2);
    expect(counts(throttled.at(-1)!)).toEqual(counts(every.at(-1)!));
  });

  it('pays for every report page and every batch item from the reports budget', async () => {
    const { client, budget, requests, slots } = setup(world());
    await load({ client, budget });
    const reportsClass = requests.filter(
      (r) => r.includes('/auditLogs/') || r.includes('/reports/'),
    ).length;
    expect(slots()).toBe(reportsClass + 2);
  });

  it('reads no one-time pass when more could be live than it reads unasked, says how many, and reads them all when asked', async () => {
    const w = world();
    // With the world's own two ("once-used" and "once-live"), two more than it reads unasked.
    const usedInFlight = addPassesInFlight(w, PASS_READS_UNASKED);
    const unasked = setup(w);
    const last = (await load(unasked)).at(-1)!;
    expect(last.complete).toBe(true);
    expect(unasked.batchItems).toEqual([]);
    expect(last.passesUnchecked).toBe(PASS_READS_UNASKED + 2);
    // Unread, "once-used" counts as issued, as when pass reads are refused.
    expect(counts(last).tapUsed).toBe(2);

    const asked = setup(w);
    const all = (await load(asked, undefined, Infinity)).at(-1)!;
    expect(asked.batchItems).toHaveLength(PASS_READS_UNASKED + 2);
    expect(all.passesUnchecked).toBe(0);
    expect(counts(all).tapUsed).toBe(3 + usedInFlight);
  });

  it('still finishes when pass reads are refused, and says which stage is less precise', async () => {
    const w = { ...world(), refusePassReads: true };
    const { client, budget } = setup(w);
    const last = (await load({ client, budget })).at(-1)!;
    expect(last.complete).toBe(true);
    expect(last.notes).toEqual([
      expect.objectContaining({ source: 'passReads', affects: ['tapUsed'], members: 2 }),
    ]);
    expect(wordsOf(last.notes[0]!.needs)).toMatch(/Global Reader/);
    expect(counts(last).tapUsed).toBe(2);
  });

  it('on refresh asks only for newer audit events and does not re-read settled passes', async () => {
    const w = world();
    const first = setup(w);
    const previous = (await load(first)).at(-1)!;
    w.audits.push(
      registered(
        'a10',
        'multi',
        0.5,
        'User registered Authenticator App with Notification and Code',
      ),
    );
    // The report has caught up with it.
    w.report.push({
      id: 'multi',
      methodsRegistered: ['microsoftAuthenticatorPush'],
      lastUpdatedDateTime: ago(0.25),
    });
    const second = setup(w);
    const last = (await load(second, previous)).at(-1)!;
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

  it('splits the last stage: a passkey in Authenticator, even without Authenticator push', async () => {
    const w = world();
    // The one-time pass "once-live" was redeemed in Authenticator and a passkey created.
    w.audits.push(
      registered('a11', 'once-live', 0.5, 'User registered Fido2 Authentication Method'),
    );
    w.report.push({
      id: 'once-live',
      methodsRegistered: ['passKeyDeviceBoundAuthenticator'],
      lastUpdatedDateTime: ago(0.25),
    });
    const { client, budget, requests } = setup(w);
    const last = (await load({ client, budget })).at(-1)!;
    expect(counts(last)).toMatchObject({
      tapUsed: 4,
      authenticatorRegistered: 3,
      phoneSignInEnabled: 1,
      passkeyRegistered: 1,
    });
    const member = last.members.find((m) => m.id === 'once-live')!;
    expect(member).toMatchObject({
      passkeyInAuthenticator: true,
      passkeyRegisteredDateTime: ago(0.5),
    });
    expect(member.authenticatorRegisteredDateTime).toBeUndefined();
    // Three narrow report queries (phone sign-in, push, passkeys in Authenticator), some paged.
    expect(
      requests.filter((r) => r.includes('userRegistrationDetails')).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('pays again for throttled pass reads and waits as Graph asks', async () => {
    const { client, budget, batchItems, pauses, slots } = setup({ ...world(), throttleReads: 1 });
    const last = (await load({ client, budget })).at(-1)!;
    expect(pauses).toEqual([3]);
    expect(batchItems).toHaveLength(3);
    expect(last.progress.passReads).toEqual({ done: 2, total: 2 });
    expect(counts(last).tapUsed).toBe(3);
    expect(slots()).toBeGreaterThanOrEqual(batchItems.length);
  });
});
