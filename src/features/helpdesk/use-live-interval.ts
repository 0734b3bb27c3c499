import { useCallback, useRef } from 'react';

// Authentication-method reads share Graph's limit of 5 per 10 seconds per app and tenant, across
// every agent: one read every 5 s at most, and much less once nothing changes.
const FIRST_MS = 5_000;
const MAX_MS = 30_000;

/**
 * A polling interval that starts quick, backs off by half again on every poll that changes
 * nothing, and snaps back when the watched stage moves. Stops once there is nothing to watch.
 */
export function useLiveInterval() {
  const state = useRef({ stage: '', interval: FIRST_MS, active: true });
  const observe = useCallback((stage: string, active: boolean) => {
    if (state.current.stage !== stage) state.current.interval = FIRST_MS;
    state.current.stage = stage;
    state.current.active = active;
  }, []);
  const interval = useCallback((): number | false => {
    if (!state.current.active) return false;
    const current = state.current.interval;
    state.current.interval = Math.min(Math.round(current * 1.5), MAX_MS);
    return current;
  }, []);
  return { observe, interval };
}
