import { TAP_SYMBOLS } from './constants';
import type { TapMethod, TapPolicy } from './model';
import type { Random } from './random';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const ALPHABET = [...(LETTERS + DIGITS + TAP_SYMBOLS)];

/** A pass like Entra's samples (`+drkzqAD`): mixed-case letters, digits and a few symbols. */
export function generateTapValue(random: Random, length: number): string {
  let value = '';
  for (let i = 0; i < length; i++) value += random.pick(ALPHABET);
  return value;
}

export type TapUsabilityReason =
  'EnabledByPolicy' | 'DisabledByPolicy' | 'Expired' | 'NotYetValid' | 'OneTimeUsed';

export function tapEnd(tap: TapMethod): number {
  return Date.parse(tap.startDateTime) + tap.lifetimeInMinutes * 60_000;
}

/** Graph's isUsable/methodUsabilityReason for a pass at a given moment. */
export function tapUsability(
  tap: TapMethod,
  policy: TapPolicy,
  now: number,
): { isUsable: boolean; methodUsabilityReason: TapUsabilityReason } {
  const reason: TapUsabilityReason =
    policy.state !== 'enabled'
      ? 'DisabledByPolicy'
      : tap.isUsableOnce && tap.usedDateTime !== null
        ? 'OneTimeUsed'
        : Date.parse(tap.startDateTime) > now
          ? 'NotYetValid'
          : tapEnd(tap) <= now
            ? 'Expired'
            : 'EnabledByPolicy';
  return { isUsable: reason === 'EnabledByPolicy', methodUsabilityReason: reason };
}
