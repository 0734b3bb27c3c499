import type { RequestBudget } from '../graph/request-budget';

export interface InstantBudget extends RequestBudget {
  /** Slots taken so far. */
  readonly taken: number;
  /** Each pause Graph's 429 asked for, in seconds. */
  readonly pauses: readonly number[];
}

/**
 * A reports budget that never waits, so tests do not sit out Graph's 10-second window, and
 * counts what was spent, so they can check every request was paid for.
 */
export function createInstantBudget(): InstantBudget {
  let taken = 0;
  const pauses: number[] = [];
  return {
    requests: 5,
    windowSeconds: 10,
    get taken() {
      return taken;
    },
    pauses,
    takeUpTo: async (max) => {
      taken += max;
      return { count: max, settle: () => {} };
    },
    pause: (seconds) => void pauses.push(seconds),
    secondsFor: () => 0,
  };
}
