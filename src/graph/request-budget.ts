import type { GraphClient, GraphPage, GraphRequest } from './client';
import { isRetryableError } from './errors';
import { sleep as abortableSleep } from '../lib/sleep';

/**
 * A client-side request budget: a sliding window that hands out at most `requests` slots per
 * `windowSeconds`. Graph's reports class (directory audits, registration reports and the
 * authentication-method APIs) allows about 5 requests per 10 s per app per tenant (docs/graph-facts.md §8);
 * spending slots here before sending keeps the app under that limit instead of collecting 429s.
 * Each $batch sub-request costs one slot, because Graph throttles each item on its own.
 */
export interface RequestBudget {
  readonly requests: number;
  readonly windowSeconds: number;
  /**
   * Waits until at least one slot is free, then takes up to `max` of them. Settle the spend when
   * Graph has answered: Graph counted the requests somewhere between sending and answering, so
   * the slots count from the answer, and a slow response cannot make the next request early.
   */
  takeUpTo(max: number, signal?: AbortSignal): Promise<BudgetSpend>;
  /** Graph answered 429 anyway (another tab, another tool): hand out nothing for `seconds`. */
  pause(seconds: number): void;
  /** Seconds needed to spend `count` more slots from now, for an honest estimate on screen. */
  secondsFor(count: number): number;
}

export interface BudgetSpend {
  readonly count: number;
  settle(): void;
}

export interface RequestBudgetOptions {
  requests: number;
  windowSeconds: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Extra wait after a slot frees, for clocks and networks that are not quite exact. */
  marginMs?: number;
}

/** Graph's documented limit for reports and authentication-method reads. */
export const REPORTS_LIMIT = { requests: 5, windowSeconds: 10 } as const;

/** How long `requests` take at best when a limit of `limit.requests` per window holds them. */
export function secondsAtLimit(
  requests: number,
  limit: { requests: number; windowSeconds: number } = REPORTS_LIMIT,
): number {
  return (requests / limit.requests) * limit.windowSeconds;
}

export function createRequestBudget(options: RequestBudgetOptions): RequestBudget {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const windowMs = options.windowSeconds * 1000;
  const marginMs = options.marginMs ?? 100;
  /** When each slot in the window was answered; Infinity while its request is in flight. */
  const slots: { at: number }[] = [];
  let pausedUntil = 0;
  let settled = () => {};
  // Callers queue in order, so a large batch cannot be starved by a stream of small ones.
  let queue: Promise<unknown> = Promise.resolve();

  function prune(at: number) {
    slots.sort((a, b) => a.at - b.at);
    while (slots.length > 0 && slots[0]!.at <= at - windowMs) slots.shift();
  }

  async function take(max: number, signal?: AbortSignal): Promise<BudgetSpend> {
    for (;;) {
      signal?.throwIfAborted();
      const at = now();
      prune(at);
      const free = options.requests - slots.length;
      if (at >= pausedUntil && free > 0) {
        const taken = Array.from({ length: Math.min(max, free) }, () => ({ at: Infinity }));
        slots.push(...taken);
        return {
          count: taken.length,
          settle() {
            const answered = now();
            for (const slot of taken) slot.at = Math.min(slot.at, answered);
            settled();
          },
        };
      }
      const frees = free > 0 ? at : slots[0]!.at + windowMs;
      if (Number.isFinite(frees)) {
        await sleep(Math.max(pausedUntil, frees) - at + marginMs, signal);
      } else {
        // Every slot is in flight: wait for an answer rather than a clock.
        await new Promise<void>((resolve) => (settled = resolve));
      }
    }
  }

  return {
    requests: options.requests,
    windowSeconds: options.windowSeconds,
    takeUpTo(max, signal) {
      if (max < 1) return Promise.resolve({ count: 0, settle() {} });
      const turn = queue.then(() => take(max, signal));
      queue = turn.catch(() => undefined);
      return turn;
    },
    pause(seconds) {
      pausedUntil = Math.max(pausedUntil, now() + seconds * 1000);
    },
    secondsFor(count) {
      const at = now();
      prune(at);
      const free = Math.max(0, options.requests - slots.length);
      if (count <= free) return Math.max(0, (pausedUntil - at) / 1000);
      const windows = Math.ceil((count - free) / options.requests);
      return Math.max((pausedUntil - at) / 1000, windows * options.windowSeconds);
    },
  };
}

const MAX_ATTEMPTS = 6;

/**
 * Every page of a reports-class list, each request (retries too) paid for from `budget` before
 * it goes out. The client does not retry on its own here: a retry it sent behind the budget's
 * back would spend a slot the budget does not know about and set off more 429s.
 */
export async function* budgetedPages<T>(
  client: GraphClient,
  budget: RequestBudget,
  first: GraphRequest,
): AsyncGenerator<GraphPage<T>> {
  let next: GraphRequest | undefined = { ...first, maxRetries: 0 };
  while (next) {
    let page: GraphPage<T> | undefined;
    for (let attempt = 1; !page; attempt++) {
      const spend = await budget.takeUpTo(1, first.signal);
      try {
        page = await client.request<GraphPage<T>>(next);
      } catch (error) {
        if (!isRetryableError(error)) throw error;
        if (attempt >= MAX_ATTEMPTS) throw error;
        budget.pause(error.retryAfterSeconds ?? 2 ** attempt);
      } finally {
        spend.settle();
      }
    }
    yield page;
    const link = page['@odata.nextLink'];
    next = link ? { ...next, path: link, query: undefined } : undefined;
  }
}

/**
 * The app's one budget for the reports class: every feature that reads audit logs, reports or
 * other people's authentication methods should spend from it, since Graph counts them together.
 */
export const reportsBudget = createRequestBudget(REPORTS_LIMIT);
