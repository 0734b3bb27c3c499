import {
  funnel,
  hasReached,
  needsPassRead,
  stageOf,
  stalledReason,
  toRow,
  trend,
  type MemberFacts,
  type PilotClock,
} from './stages';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const HOUR = 3_600_000;
const clock: PilotClock = {
  now: NOW,
  pilotStart: NOW - 20 * 24 * HOUR,
  maxPassLifetimeMinutes: 480,
};
const rules = { stalledAfterHours: 48, noTapAfterDays: 7 };
const ago = (hours: number) => new Date(NOW - hours * HOUR).toISOString();
const member = (facts: Partial<MemberFacts> = {}): MemberFacts => ({
  id: 'u1',
  displayName: 'Ada',
  userPrincipalName: 'ada@contoso.com',
  department: 'Sales',
  ...facts,
});

describe('pilot stages', () => {
  it('takes the furthest stage Graph can show', () => {
    expect(stageOf(member())).toBe('member');
    expect(stageOf(member({ tapIssuedDateTime: ago(3) }))).toBe('tapIssued');
    expect(stageOf(member({ tapIssuedDateTime: ago(3), pass: { usability: 'OneTimeUsed' } }))).toBe(
      'tapUsed',
    );
    expect(stageOf(member({ tapIssuedDateTime: ago(3), registeredAfterTapDateTime: ago(2) }))).toBe(
      'tapUsed',
    );
    expect(stageOf(member({ authenticator: 'push' }))).toBe('authenticatorRegistered');
    // Registered before the pilot, without a pass: still counts as having passed the pass stages.
    expect(stageOf(member({ authenticator: 'passwordless' }))).toBe('phoneSignInEnabled');
    // A passkey in Authenticator is the phishing-resistant end state, whatever else is there.
    expect(stageOf(member({ authenticator: 'passwordless', passkeyInAuthenticator: true }))).toBe(
      'passkeyRegistered',
    );
    expect(stageOf(member({ passkeyInAuthenticator: true }))).toBe('passkeyRegistered');
  });

  it('counts a funnel step as everyone who reached it or went further', () => {
    const rows = [
      member({ id: 'a' }),
      member({ id: 'b', tapIssuedDateTime: ago(1) }),
      member({ id: 'c', authenticator: 'push' }),
      member({ id: 'd', authenticator: 'passwordless' }),
      member({ id: 'e', authenticator: 'push', passkeyInAuthenticator: true }),
    ].map((m) => toRow(m, clock, rules));
    // The last stage splits: phone sign-in or a passkey, each a share of all members.
    expect(funnel(rows).map((step) => [step.stage, step.count, step.percent])).toEqual([
      ['member', 5, 100],
      ['tapIssued', 4, 80],
      ['tapUsed', 3, 60],
      ['authenticatorRegistered', 3, 60],
      ['phoneSignInEnabled', 1, 20],
      ['passkeyRegistered', 1, 20],
    ]);
    expect(hasReached('tapUsed', 'tapIssued')).toBe(true);
    expect(hasReached('tapIssued', 'tapUsed')).toBe(false);
    expect(hasReached('passkeyRegistered', 'authenticatorRegistered')).toBe(true);
    expect(hasReached('passkeyRegistered', 'phoneSignInEnabled')).toBe(false);
    expect(hasReached('phoneSignInEnabled', 'passkeyRegistered')).toBe(false);
  });

  it('reads a pass only when it is one-time, possibly live and not settled by a registration', () => {
    const oneTime = { tapIssuedDateTime: ago(2), tapIsUsableOnce: true };
    expect(needsPassRead(member(oneTime), clock)).toBe(true);
    expect(needsPassRead(member({ ...oneTime, tapIsUsableOnce: false }), clock)).toBe(false);
    expect(needsPassRead(member({ ...oneTime, tapIssuedDateTime: ago(9) }), clock)).toBe(false);
    expect(needsPassRead(member({ ...oneTime, authenticator: 'push' }), clock)).toBe(false);
    expect(needsPassRead(member({ ...oneTime, registeredAfterTapDateTime: ago(1) }), clock)).toBe(
      false,
    );
  });

  it('flags who to chase, by the hours and days the manager set', () => {
    const stalled = (facts: Partial<MemberFacts>, r = rules, c = clock) =>
      stalledReason(member(facts), stageOf(member(facts)), c, r);
    expect(stalled({})).toBe('noPass');
    expect(stalled({}, rules, { ...clock, pilotStart: NOW - 2 * 24 * HOUR })).toBeNull();
    // A pass past the policy's longest lifetime has surely expired.
    expect(stalled({ tapIssuedDateTime: ago(9) })).toBe('passNotUsed');
    expect(stalled({ tapIssuedDateTime: ago(2) })).toBeNull();
    expect(stalled({ tapIssuedDateTime: ago(2) }, { ...rules, stalledAfterHours: 1 })).toBe(
      'passNotUsed',
    );
    expect(
      stalled({
        tapIssuedDateTime: ago(2),
        pass: { usability: 'Expired', expiresDateTime: ago(1) },
      }),
    ).toBe('passNotUsed');
    expect(stalled({ authenticator: 'push', authenticatorRegisteredDateTime: ago(50) })).toBe(
      'phoneSignInNotEnabled',
    );
    expect(stalled({ authenticator: 'push', authenticatorRegisteredDateTime: ago(5) })).toBeNull();
    expect(stalled({ authenticator: 'passwordless' })).toBeNull();
  });

  it('shows the exact expiry of a read pass and the latest possible one otherwise', () => {
    const unread = toRow(member({ tapIssuedDateTime: ago(2) }), clock, rules);
    expect(unread.tapExpiresDateTime).toBe(ago(2 - 8));
    expect(unread.tapExpiryIsExact).toBe(false);
    const read = toRow(
      member({
        tapIssuedDateTime: ago(2),
        pass: { usability: 'EnabledByPolicy', expiresDateTime: ago(1) },
      }),
      clock,
      rules,
    );
    expect(read.tapExpiresDateTime).toBe(ago(1));
    expect(read.tapExpiryIsExact).toBe(true);
  });

  it('counts registrations and completions per day with empty days filled', () => {
    const days = trend(
      [
        member({ authenticatorRegisteredDateTime: ago(30), phoneSignInEnabledDateTime: ago(29) }),
        member({ id: 'u2', authenticatorRegisteredDateTime: ago(1) }),
        member({ id: 'u3', passkeyRegisteredDateTime: ago(1) }),
      ],
      NOW - 3 * 24 * HOUR,
      NOW,
    );
    expect(days).toHaveLength(4);
    expect(days.reduce((n, d) => n + d.registrations, 0)).toBe(2);
    expect(days.reduce((n, d) => n + d.completions, 0)).toBe(1);
    expect(days.reduce((n, d) => n + d.passkeys, 0)).toBe(1);
    expect(days.at(-1)).toMatchObject({ day: '2026-11-26', registrations: 1 });
  });
});
