import { useCallback, useRef } from 'react';

// Authentication-method reads share Graph's limit of 5 per 10 seconds per app and tenant, across
// every agent: one read every 5 s at most, and much less once nothing changes.
const FIRST_MS = 5_000;
const MAX_MS = 30_000;

/**
 * A polling interval that starts quick, backs off by half again on every poll that changes
 * nothing, and snaps back when the watched stage moves. Stops once there is nothing to watch.
 * The interval grows once per completed read, however often TanStack asks for it: it asks on
 * every render, and a page that re-renders each second must not back off each second.
 */
export function useLiveInterval() {
  const state = useRef({ stage: '', current: FIRST_MS, lastRead: -1, active: true });
  const observe = useCallback((stage: string, active: boolean) => {
    if (state.current.stage !== stage) {
      state.current.current = FIRST_MS;
      state.current.lastRead = -1;
    }
    state.current.stage = stage;
    state.current.active = active;
  }, []);
  const interval = useCallback((query: { state: { dataUpdatedAt: number } }): number | false => {
    const s = state.current;
    if (!s.active) return false;
    const read = query.state.dataUpdatedAt;
    if (s.lastRead === -1) s.lastRead = read;
    else if (read !== s.lastRead) {
      s.lastRead = read;
      s.current = Math.min(Math.round(s.current * 1.5), MAX_MS);
    }
    return s.current;
  }, []);
  return { observe, interval };
}
