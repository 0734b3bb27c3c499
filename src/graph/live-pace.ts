import { isGraphError } from './errors';
import { sleep as abortableSleep } from '../lib/sleep';

/**
 * How often a live view reads a user's methods. Those reads share Graph's reports limit of 5 per
 * 10 s per app per tenant (docs/graph-facts.md §8) with every other agent of the tenant, on
 * other machines, so no tab can know its share: it learns it from the 429s. Each 429 moves the
 * interval one step up the ladder (never below Retry-After); a few reads in a row that get
 * through move it one step down, back to the normal pace once the tenant is quiet.
 *
 * The normal pace starts quick, backs off by half again on every read that leaves the stage
 * where it was, and snaps back when the stage moves.
 */
export interface LivePace {
  /** The stage the view shows now, and whether there is anything left to watch. */
  observe(stage: string, active: boolean): void;
  /** A read got through. */
  answered(): void;
  /** Graph answered 429 (Retry-After in seconds, when it said). */
  throttled(retryAfterSeconds?: number): void;
  /** Milliseconds until the next read, or false when there is nothing to watch. */
  nextDelay(options?: { quick?: boolean }): number | false;
  /**
   * The interval the shared limit holds the view to, in whole seconds; null while the view's own
   * pace (as of the last nextDelay) is the slower one.
   */
  sharedLimitSeconds(): number | null;
  /** Told whenever sharedLimitSeconds may have changed. */
  subscribe(listener: () => void): () => void;
}

export const FIRST_MS = 5_000;
export const MAX_MS = 30_000;
/** Seconds between reads while the limit holds the view back, one step per 429. */
export const SHARED_STEPS = [10, 15, 20, 30, 45, 60, 90, 120, 180, 300] as const;
/** Reads in a row that get through before the interval steps down again. */
export const QUIET_READS = 3;

export interface LivePaceOptions {
  /** 0 to 1; spreads agents that were refused together so they do not retry together. */
  random?: () => number;
}

export function createLivePace(options: LivePaceOptions = {}): LivePace {
  const random = options.random ?? Math.random;
  const listeners = new Set<() => void>();
  let stage: string | undefined;
  let active = true;
  let current = FIRST_MS;
  let reads = 0;
  let step = -1;
  let retryAfterMs = 0;
  let quiet = 0;
  let own = FIRST_MS;

  const limitMs = () => (step < 0 ? 0 : Math.max(SHARED_STEPS[step]! * 1000, retryAfterMs));
  const notify = () => listeners.forEach((listener) => listener());

  return {
    observe(next, isActive) {
      if (next !== stage) {
        current = FIRST_MS;
        reads = 0;
      }
      stage = next;
      active = isActive;
    },
    answered() {
      reads++;
      if (reads > 1) current = Math.min(Math.round(current * 1.5), MAX_MS);
      if (step < 0 || ++quiet < QUIET_READS) return;
      step--;
      quiet = 0;
      retryAfterMs = 0;
      notify();
    },
    throttled(retryAfterSeconds) {
      const wait = (retryAfterSeconds ?? 0) * 1000;
      let next = Math.min(step + 1, SHARED_STEPS.length - 1);
      while (next < SHARED_STEPS.length - 1 && SHARED_STEPS[next]! * 1000 < wait) next++;
      step = next;
      retryAfterMs = wait;
      quiet = 0;
      notify();
    },
    nextDelay(delayOptions) {
      if (!active) return false;
      own = delayOptions?.quick ? FIRST_MS : current;
      const limit = limitMs();
      return limit > own ? Math.round(limit * (1 + 0.1 * random())) : own;
    },
    sharedLimitSeconds() {
      const limit = limitMs();
      return limit > own ? Math.ceil(limit / 1000) : null;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * One live read. A 429 is not an error here: the pace slows down and the read waits its turn and
 * asks again, while the view keeps showing the last answer. It never answers with that last
 * answer as if it were new: a page comparing a read with what it just did (a pass issued a moment
 * ago) would conclude the pass is gone. Anything else (403, network) reaches the caller as before.
 */
export async function readLive<T>(
  pace: LivePace,
  read: () => Promise<T>,
  signal?: AbortSignal,
  sleep: (ms: number, signal?: AbortSignal) => Promise<void> = abortableSleep,
): Promise<T> {
  for (;;) {
    try {
      const value = await read();
      pace.answered();
      return value;
    } catch (error) {
      if (!isGraphError(error, 429)) throw error;
      pace.throttled(error.retryAfterSeconds);
      await sleep(pace.nextDelay({ quick: true }) || FIRST_MS, signal);
    }
  }
}

export interface LiveWatch<T> {
  pace: LivePace;
  read: (signal?: AbortSignal) => Promise<T>;
  stageOf: (value: T) => string;
  /** Stop once this holds for a read. */
  until: (value: T) => boolean;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
}

/**
 * The live view's loop without React: read with readLive, tell the pace the stage, wait
 * nextDelay, again. The user page runs the same pace and readLive through TanStack's
 * refetchInterval; simulations and benchmarks of many agents run this.
 */
export async function watchLive<T>(watch: LiveWatch<T>): Promise<T> {
  const sleep = watch.sleep ?? abortableSleep;
  for (;;) {
    const value = await readLive(watch.pace, () => watch.read(watch.signal), watch.signal, sleep);
    if (watch.until(value)) return value;
    watch.pace.observe(watch.stageOf(value), true);
    await sleep(watch.pace.nextDelay() || FIRST_MS, watch.signal);
  }
}

/** The fewest seconds between one agent's reads when `agents` share `requests` per `windowSeconds`. */
export function sharedFloorSeconds(
  agents: number,
  limit: { requests: number; windowSeconds: number },
): number {
  return (agents * limit.windowSeconds) / limit.requests;
}
