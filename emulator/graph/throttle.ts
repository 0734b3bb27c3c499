import type { EmulatorSettings } from '../settings';

export interface ThrottleRequest {
  method: string;
  /** Path relative to /graph/v1.0, with its query string. */
  path: string;
  /** The calling app (`appid`), once the token is known; undefined before authentication. */
  appId?: string;
  now: number;
  /** Current settings, for limits that are configurable. */
  settings: EmulatorSettings;
  /** Users in the tenant, for limits that depend on its size. */
  tenantUsers?: number;
}

export interface ThrottleDecision {
  retryAfterSeconds: number;
  message?: string;
  /** Extra response headers, such as Graph's x-ms-throttle-scope. */
  headers?: Record<string, string>;
}

/**
 * A throttling rule: returns a decision to answer 429, or undefined to let the request through.
 * The pipeline checks the global one before authentication and a route's own (RouteAccess.throttle)
 * after it, so a per-app limiter for a resource class plugs in as one more Throttle. Every one is
 * reset with the tenant (POST /emulator/reset).
 */
export interface Throttle {
  check(request: ThrottleRequest): ThrottleDecision | undefined;
  reset(): void;
}

export const TOO_MANY_REQUESTS =
  'Too many requests. Wait for the interval in the Retry-After header, then retry.';

/**
 * settings.throttleRate as an exact, deterministic share: the request whose running count crosses
 * a multiple of 1/rate is throttled (0.1 = every 10th, 0.5 = every 2nd, 1 = all).
 */
export function createRateThrottle(): Throttle {
  let count = 0;
  return {
    check({ settings }) {
      const { throttleRate: rate, retryAfterSeconds } = settings;
      count++;
      if (rate <= 0) return undefined;
      const crossed = Math.floor(count * rate + 1e-9) > Math.floor((count - 1) * rate + 1e-9);
      return crossed ? { retryAfterSeconds } : undefined;
    },
    reset() {
      count = 0;
    },
  };
}
