import { useEffect, useRef, useState } from 'react';

export interface SettleOptions {
  /** The shortest pause that ends a query: a fast typist's, and after a paste. */
  minMs?: number;
  /** The longest: nobody waits longer than this for an answer after the last key. */
  maxMs?: number;
  /** The pause after a first key, before the person's pace is known. */
  firstMs?: number;
  /** Milliseconds on a monotonic clock; injected by tests. */
  now?: () => number;
}

/** How many of the person's recent gaps between keys set their pace. */
const GAPS = 5;
/** A pause this many times their usual gap means they stopped typing, not that they slowed. */
const PAUSE_FACTOR = 2.5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * `text` once the person has stopped typing, so a search asks Graph once per query whatever their
 * typing speed. A fixed pause cannot do that: 300 ms ends a fast typist's query, but someone who
 * hunts for each key at 450 ms would send a search per letter. So the pause follows the person:
 * 2.5 times their recent gap between keys, within minMs and maxMs. A paste (several characters at
 * once) is a finished query and settles after minMs.
 */
export function useSettledText(text: string, options: SettleOptions = {}): string {
  const { minMs = 300, maxMs = 1_200, firstMs = 700, now = () => performance.now() } = options;
  const [settled, setSettled] = useState(text);
  const typing = useRef<{ last?: number; previous: string; gaps: number[] }>({
    previous: text,
    gaps: [],
  });

  useEffect(() => {
    const state = typing.current;
    const at = now();
    const added = text.length - state.previous.length;
    if (state.last !== undefined && at - state.last < maxMs && Math.abs(added) === 1) {
      state.gaps = [...state.gaps, at - state.last].slice(-GAPS);
    }
    state.last = at;
    state.previous = text;
    let pause: number;
    if (added > 1) pause = minMs;
    else if (state.gaps.length === 0) pause = firstMs;
    else pause = Math.min(maxMs, Math.max(minMs, PAUSE_FACTOR * median(state.gaps)));
    const timer = setTimeout(() => setSettled(text), pause);
    return () => clearTimeout(timer);
    // `now` is a clock, not an input: a new function each render must not restart the pause.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, minMs, maxMs, firstMs]);

  return settled;
}
