import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import type { PilotSnapshot } from './loader';
import {
  HOUR,
  NOW,
  REPORT_AS_OF,
  ago,
  loadToEnd,
  registered,
  world,
  type World,
} from '../../testing/fixtures/pilot-world';
import { funnel, toRow } from './stages';

/** The last snapshot of one load of the test group. */
const load = loadToEnd;

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

/** The same issuance event for 'multi', worded another way. */
function reworded(change: (event: MicrosoftGraph.DirectoryAudit) => void): World {
  const w = world();
  const event = w.audits.find((e) => e.id === 'a1')!;
  change(event);
  return w;
}

describe('the pilot loader counts a pass issued from the event, however Graph words it', () => {
  const cases: [string, (event: MicrosoftGraph.DirectoryAudit) => void][] = [
    ['the reason as seen', () => {}],
    [
      'the reason differently cased',
      (e) => (e.resultReason = 'ADMIN REGISTERED Temporary Access Pass METHOD FOR USER'),
    ],
    [
      'an empty reason, the method in additionalDetails',
      (e) => {
        e.resultReason = '';
        e.additionalDetails = [{ key: 'Method', value: 'TemporaryAccessPass' }];
      },
    ],
    [
      'no reason, the method in a modified property',
      (e) => {
        e.resultReason = null;
        e.targetResources![0]!.modifiedProperties = [
          {
            displayName: 'StrongAuthenticationMethod',
            oldValue: null,
            newValue: '"Temporary Access Pass"',
          },
        ];
      },
    ],
    [
      'no reason, only the multi-use marker',
      (e) => {
        e.resultReason = '';
      },
    ],
  ];
  it.each(cases)('%s', async (_, change) => {
    const { last } = await load(reworded(change));
    expect(counts(last).tapIssued).toBe(5);
    expect(last.members.find((m) => m.id === 'multi')?.tapIssuedDateTime).toBe(ago(2));
  });

  it('not when nothing in the event names a pass', async () => {
    const { last } = await load(
      reworded((e) => {
        e.resultReason = 'Admin registered Mobile Phone SMS';
        e.targetResources![0]!.modifiedProperties = [];
      }),
    );
    expect(counts(last).tapIssued).toBe(4);
  });
});

describe('the pilot loader and a registration report that lags', () => {
  /** 'once-live' redeemed the pass 20 minutes ago and turned on phone sign-in: the report lags. */
  function registeredSinceRefresh(): World {
    const w = world();
    w.audits.push(
      registered(
        'a20',
        'once-live',
        0.4,
        'User registered Authenticator App with Notification and Code',
      ),
      registered('a21', 'once-live', 0.3, ''),
    );
    w.methods = {
      'once-live': {
        authenticator: [
          { id: 'm1', displayName: 'Pixel', createdDateTime: ago(0.3), device: { id: 'd1' } },
        ],
      },
    };
    return w;
  }

  it('reads the live methods of people who registered after its refresh, and says how fresh it is', async () => {
    const { last, batchItems } = await load(registeredSinceRefresh());
    expect(last.members.find((m) => m.id === 'once-live')).toMatchObject({
      authenticator: 'passwordless',
      phoneSignInEnabledDateTime: ago(0.3),
    });
    expect(counts(last)).toMatchObject({
      tapUsed: 4,
      authenticatorRegistered: 3,
      phoneSignInEnabled: 2,
    });
    expect(batchItems.sort()).toEqual([
      '/users/once-live/authentication/fido2Methods',
      '/users/once-live/authentication/microsoftAuthenticatorMethods',
      '/users/once-used/authentication/temporaryAccessPassMethods',
    ]);
    expect(last.freshness).toEqual({
      reportAsOf: REPORT_AS_OF,
      auditLogTo: ago(0),
      newerThanReport: 1,
    });
    expect(last.progress.methodReads).toEqual({ done: 2, total: 2 });
  });

  it('falls back to the audit log when those reads are refused, and names the stage', async () => {
    const { last } = await load({ ...registeredSinceRefresh(), refuseMethodReads: true });
    expect(last.complete).toBe(true);
    // The audit log cannot tell phone sign-in from push: it says the lesser.
    expect(last.members.find((m) => m.id === 'once-live')?.authenticator).toBe('push');
    expect(counts(last)).toMatchObject({ authenticatorRegistered: 3, phoneSignInEnabled: 1 });
    expect(last.notes).toEqual([
      expect.objectContaining({
        source: 'methodReads',
        affects: ['phoneSignInEnabled', 'passkeyRegistered'],
        members: 1,
      }),
    ]);
  });
});

describe('the pilot loader when a source is refused', () => {
  it('asks the report again without $top when Graph refuses the option', async () => {
    const { last, requests } = await load({ ...world(), refuseReportTop: true });
    expect(last.notes).toEqual([]);
    expect(counts(last)).toMatchObject({ authenticatorRegistered: 2, phoneSignInEnabled: 1 });
    expect(requests.filter((r) => r.includes('userRegistrationDetails')).length).toBeGreaterThan(3);
  });

  it.each([
    [403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant'],
    [500, 'UnknownError'],
    [400, 'BadRequest'],
  ])(
    'degrades on a %i %s from the report and names the stages it affects',
    async (status, code) => {
      const { last } = await load({ ...world(), reportError: { status, code } });
      expect(last.complete).toBe(true);
      expect(last.notes).toEqual([
        expect.objectContaining({
          source: 'registrationReport',
          affects: ['authenticatorRegistered', 'phoneSignInEnabled', 'passkeyRegistered'],
        }),
      ]);
      expect(last.freshness.reportAsOf).toBeUndefined();
      // The audit log stands in: Authenticator registrations count, as push.
      expect(counts(last)).toMatchObject({
        tapIssued: 5,
        authenticatorRegistered: 2,
        phoneSignInEnabled: 0,
      });
    },
  );
});
