import { isGraphError } from './errors';
import { sleep as abortableSleep } from '../lib/sleep';

/**
 * How often a live view reads a user's methods. Those reads share Graph's reports limit of 5 per
 * 10 s per app per tenant (docs/graph-facts.md §8) with every other agent of the tenant, on
 * other machines, so no tab can know its share: it learns it from the 429s, like TCP learns a
 * link. A read Graph refused stretches the interval by half, once however often it is refused;
 * a read that got through at the first ask shortens it by SHARED_STEP_DOWN_MS. Agents that all
 * do this settle near an even share instead of overshooting it, and SHARED_CAP_MS bounds what
 * one unlucky streak can do. A refused read asks again once Retry-After has passed (the window
 * then has room), with a jitter that narrows the longer the read has waited, so the oldest reads
 * come back first and no agent starves.
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
  /** Milliseconds until a read Graph just refused asks again. */
  retryDelay(): number;
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
/** The least interval the first 429 sets (more if the view was already slower). */
export const SHARED_FIRST_MS = 10_000;
/**
 * The longest interval 429s can teach (a longer Retry-After is still honoured). An even share of
 * 5 per 10 s is 2 s per agent, so this is above the share of up to 30 agents; past that the
 * agents queue for the limit through their retries (README, Benchmark).
 */
export const SHARED_CAP_MS = 60_000;
/** How much a read that got through at the first ask shortens the interval. */
export const SHARED_STEP_DOWN_MS = 2_000;
/** Each wait is the interval times 1 ± this (drawn once per read), so agents part ways. */
export const SPREAD = 0.25;
/** A refused read's first retry comes up to this long after Retry-After; later ones sooner. */
export const RETRY_JITTER_MS = 4_000;

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
  let own = FIRST_MS;
  // 0 while the tenant is quiet; else the interval the shared limit holds the view to.
  let shared = 0;
  let retryAfterMs = 0;
  let refusals = 0;
  // Drawn per read, not per nextDelay: TanStack asks on every render and restarts its timer
  // whenever the answer changes.
  const draw = () => 1 - SPREAD + 2 * SPREAD * random();
  let spread = draw();

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
      const firstAsk = refusals === 0;
      retryAfterMs = 0;
      refusals = 0;
      spread = draw();
      if (shared === 0 || !firstAsk) return;
      shared -= SHARED_STEP_DOWN_MS;
      if (shared <= FIRST_MS) shared = 0;
      notify();
    },
    throttled(retryAfterSeconds) {
      refusals++;
      retryAfterMs = (retryAfterSeconds ?? 0) * 1000;
      spread = draw();
      // Without Retry-After every refusal stretches: Graph asks for exponential back-off then.
      if (refusals > 1 && retryAfterMs > 0) return;
      const stretched = Math.round(Math.max(shared, own, SHARED_FIRST_MS / 1.5) * 1.5);
      shared = Math.min(Math.max(stretched, retryAfterMs), SHARED_CAP_MS);
      notify();
    },
    nextDelay(delayOptions) {
      if (!active) return false;
      own = delayOptions?.quick ? FIRST_MS : current;
      const limited = shared > own ? Math.round(shared * spread) : own;
      return Math.max(limited, retryAfterMs);
    },
    retryDelay() {
      if (retryAfterMs === 0) return Math.round(shared * spread);
      return Math.round(retryAfterMs + (RETRY_JITTER_MS * random()) / refusals ** 2);
    },
    sharedLimitSeconds() {
      return shared > own ? Math.ceil(shared / 1000) : null;
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
      await sleep(pace.retryDelay(), signal);
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
