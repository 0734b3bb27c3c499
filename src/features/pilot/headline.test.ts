import { intlFor } from '../../i18n/message-ref';
import { headline, headlineText } from './headline';
import { messages } from './messages';
import { toRow, type MemberFacts, type PilotClock } from './stages';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const DAY = 86_400_000;
const clock: PilotClock = { now: NOW, pilotStart: NOW - 40 * DAY, maxPassLifetimeMinutes: 480 };
const rules = { stalledAfterHours: 48, noTapAfterDays: 7 };
const ago = (days: number) => new Date(NOW - days * DAY).toISOString();
let next = 0;
const row = (facts: Partial<MemberFacts> = {}) =>
  toRow(
    {
      id: `u${++next}`,
      displayName: 'Ada',
      userPrincipalName: `ada${next}@contoso.com`,
      department: null,
      ...facts,
    },
    clock,
    rules,
  );

describe('the pilot headline', () => {
  it('counts both end states, and only dated arrivals within the last seven days', () => {
    const rows = [
      row({ authenticator: 'passwordless', phoneSignInEnabledDateTime: ago(2) }),
      row({ passkeyInAuthenticator: true, passkeyRegisteredDateTime: ago(6.5) }),
      // Passwordless for weeks, then a passkey this week: arrived before the week.
      row({
        authenticator: 'passwordless',
        phoneSignInEnabledDateTime: ago(20),
        passkeyInAuthenticator: true,
        passkeyRegisteredDateTime: ago(1),
      }),
      // From the report alone: passwordless, but with no date to count in a week.
      row({ authenticator: 'passwordless' }),
      row({ authenticator: 'push', authenticatorRegisteredDateTime: ago(1) }),
      row(),
      row(),
      row(),
    ];
    const value = headline(rows, NOW);
    expect(value).toMatchObject({ members: 8, passwordless: 4, lastWeek: 2 });
    // Four left at two a week: two more weeks.
    expect(value.projectedDone).toBe(NOW + 14 * DAY);
    expect(headlineText(value, intlFor('en', [messages], 'en-GB'))).toBe(
      '50% passwordless (4 of 8), +2 this week. At this pace, everyone by 10 Dec 2026.',
    );
  });

  it('promises no date without a pace, and says when everyone is done', () => {
    const stalled = headline([row({ authenticator: 'passwordless' }), row()], NOW);
    expect(stalled.projectedDone).toBeUndefined();
    expect(headlineText(stalled, intlFor('en', [messages], 'en-US'))).toBe(
      '50% passwordless (1 of 2), 0 this week',
    );
    const done = headline([row({ passkeyInAuthenticator: true })], NOW);
    expect(headlineText(done, intlFor('en', [messages], 'en-US'))).toBe(
      '100% passwordless (1 of 1), 0 this week. Everyone is passwordless.',
    );
  });

  it("follows the person's locale for numbers and dates", () => {
    const value = { members: 120, passwordless: 33, lastWeek: 6, projectedDone: NOW };
    expect(headlineText(value, intlFor('en', [messages], 'de-DE'))).toBe(
      '27,5\u00a0% passwordless (33 of 120), +6 this week. At this pace, everyone by 26.11.2026.',
    );
  });

  it('speaks German, with German plurals, numbers and dates', () => {
    const value = { members: 1200, passwordless: 330, lastWeek: 14, projectedDone: NOW };
    expect(headlineText(value, intlFor('de', [messages], 'de-DE'))).toBe(
      '27,5\u00a0% kennwortlos (330 von 1.200), +14 diese Woche. Bei diesem Tempo sind alle bis 26.11.2026 umgestellt.',
    );
    const done = { members: 1, passwordless: 1, lastWeek: 0 };
    expect(headlineText(done, intlFor('de', [messages], 'de-DE'))).toBe(
      '100\u00a0% kennwortlos (1 von 1), 0 diese Woche. Alle sind kennwortlos.',
    );
  });
});
