import { useState, useSyncExternalStore } from 'react';
import { createLivePace, type LivePace } from '../../graph/live-pace';

/**
 * The live view's pace (graph/live-pace.ts) as React sees it: one per page, so the interval it
 * learned from 429s survives re-renders, and `sharedSeconds` re-renders the page when the shared
 * limit holds it back or lets go. TanStack asks for the interval on every render; only reads
 * and refusals move it.
 */
export function useLiveInterval(create: () => LivePace = createLivePace) {
  const [pace] = useState(create);
  const sharedSeconds = useSyncExternalStore(pace.subscribe, pace.sharedLimitSeconds);
  return {
    pace,
    observe: pace.observe,
    interval: (options?: { quick?: boolean }) => pace.nextDelay(options),
    sharedSeconds,
  };
}
