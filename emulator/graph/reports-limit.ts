import type { GraphRouter } from './router';
import type { Throttle } from './throttle';

export interface ReportsLimit {
  requests: number;
  windowSeconds: number;
}

export const DEFAULT_REPORTS_LIMIT: ReportsLimit = { requests: 5, windowSeconds: 10 };

/**
 * Graph's reports-class limit (docs/graph-facts.md §8): about 5 requests per 10 s per app per tenant, shared
 * by directory audits, registration reports and the authentication-method APIs; settings
 * `reportsLimit` changes it. A refusal says how long until the oldest request leaves the window.
 * Each $batch item passes through it on its own, as Graph throttles items one by one.
 */
export function createReportsLimiter(): Throttle {
  const windows = new Map<string, number[]>();
  return {
    check({ appId, now, settings }) {
      const { requests, windowSeconds } = settings.reportsLimit;
      const windowMs = windowSeconds * 1000;
      const key = appId ?? '';
      const recent = (windows.get(key) ?? []).filter((at) => at > now - windowMs);
      windows.set(key, recent);
      if (recent.length >= requests) {
        const oldest = recent[0] ?? now;
        return {
          retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)),
          message: `Too many requests to reports and authentication methods: this app may make ${requests} every ${windowSeconds} seconds.`,
        };
      }
      recent.push(now);
      return undefined;
    },
    reset() {
      windows.clear();
    },
  };
}

const limiters = new WeakMap<GraphRouter, Throttle>();

/**
 * The one reports limiter of a router: every route module of the class registers with it
 * (`throttle: reportsLimiterFor(router)`), so they spend from the same window.
 */
export function reportsLimiterFor(router: GraphRouter): Throttle {
  let limiter = limiters.get(router);
  if (!limiter) {
    limiter = createReportsLimiter();
    limiters.set(router, limiter);
  }
  return limiter;
}

/** For tests and benchmarks that are not about the limit: `startTestEmulator({ reportsLimit })`. */
export const LIFTED_REPORTS_LIMIT: ReportsLimit = { requests: 1_000_000, windowSeconds: 10 };
