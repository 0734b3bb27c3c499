import type { IntlShape } from 'react-intl';
import { messageId } from '../../i18n/catalog';
import { messages } from './messages';
import { isEndStage, type MemberRow } from './stages';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

export interface Headline {
  members: number;
  passwordless: number;
  /** Members whose first passwordless method is dated within the last seven days. */
  lastWeek: number;
  /** When everyone would be passwordless if last week's pace held; absent without a pace. */
  projectedDone?: number;
}

/** When a member first reached a passwordless end state, if the audit log dates it. */
function reachedAt(row: MemberRow): number | undefined {
  const times = [row.phoneSignInEnabledDateTime, row.passkeyRegisteredDateTime]
    .map((value) => (value ? Date.parse(value) : Number.NaN))
    .filter((time) => !Number.isNaN(time));
  return times.length ? Math.min(...times) : undefined;
}

/**
 * The manager's one line: how many members are passwordless, how many got there this week, and,
 * if that pace held, when the last one would. A member counted passwordless from the report alone
 * has no date, so the week's figure never guesses one.
 */
export function headline(rows: readonly MemberRow[], now: number): Headline {
  const done = rows.filter((row) => isEndStage(row.stage));
  const lastWeek = done.filter((row) => {
    const at = reachedAt(row);
    return at !== undefined && at > now - WEEK && at <= now;
  }).length;
  const remaining = rows.length - done.length;
  const result: Headline = { members: rows.length, passwordless: done.length, lastWeek };
  if (remaining > 0 && lastWeek > 0) {
    result.projectedDone = now + Math.ceil((remaining / lastWeek) * 7) * DAY;
  }
  return result;
}

/** "27.5% passwordless (33 of 120), +6 this week…", in the person's language and locale. */
export function headlineText(value: Headline, intl: IntlShape): string {
  const everyone = value.members > 0 && value.passwordless === value.members;
  return intl.formatMessage(
    { id: messageId(messages, 'headline') },
    {
      share: value.members ? value.passwordless / value.members : 0,
      passwordless: value.passwordless,
      members: value.members,
      lastWeek: value.lastWeek,
      ending: everyone ? 'done' : value.projectedDone !== undefined ? 'projected' : 'none',
      date:
        value.projectedDone === undefined
          ? ''
          : intl.formatDate(value.projectedDone, { dateStyle: 'medium' }),
    },
  );
}
