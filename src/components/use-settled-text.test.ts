import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSettledText } from './use-settled-text';

/** What the hook settles on while `steps` happen: [ms to wait, then the text the box holds]. */
function settledOver(steps: [wait: number, text: string][], afterMs = 2_000): string[] {
  const settled: string[] = [];
  const { rerender } = renderHook(
    ({ text }) => {
      const result = useSettledText(text, { now: () => Date.now() });
      if (settled.at(-1) !== result) settled.push(result);
    },
    { initialProps: { text: '' } },
  );
  for (const [wait, text] of steps) {
    act(() => vi.advanceTimersByTime(wait));
    rerender({ text });
  }
  act(() => vi.advanceTimersByTime(afterMs));
  return settled.filter((text) => text !== '');
}

const typed = (text: string, gapMs: number): [number, string][] =>
  [...text].map((_, i) => [gapMs, text.slice(0, i + 1)]);

describe('useSettledText', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each([40, 120, 250, 450, 650])('settles once on a name typed a key every %i ms', (gapMs) => {
    expect(settledOver(typed('Björn Andersson', gapMs))).toEqual(['Björn Andersson']);
  });

  it('settles each query when the person stops between them', () => {
    expect(settledOver([...typed('Björn', 120), [1_500, 'Björn A']])).toEqual(['Björn', 'Björn A']);
  });

  it('settles a paste after the shortest pause', () => {
    const settled: string[] = [];
    const { rerender } = renderHook(
      ({ text }) => {
        const result = useSettledText(text, { now: () => Date.now(), minMs: 300 });
        if (settled.at(-1) !== result) settled.push(result);
      },
      { initialProps: { text: '' } },
    );
    rerender({ text: 'bjorn@contoso.com' });
    act(() => vi.advanceTimersByTime(299));
    expect(settled).toEqual(['']);
    act(() => vi.advanceTimersByTime(1));
    expect(settled).toEqual(['', 'bjorn@contoso.com']);
  });

  it('keeps a slow typist waiting no longer than the longest pause after the last key', () => {
    const settled: string[] = [];
    const { rerender } = renderHook(
      ({ text }) => {
        const result = useSettledText(text, { now: () => Date.now(), maxMs: 1_200 });
        if (settled.at(-1) !== result) settled.push(result);
      },
      { initialProps: { text: '' } },
    );
    for (const [wait, text] of typed('Björn', 600)) {
      act(() => vi.advanceTimersByTime(wait));
      rerender({ text });
    }
    act(() => vi.advanceTimersByTime(1_199));
    expect(settled.at(-1)).toBe('');
    act(() => vi.advanceTimersByTime(1));
    expect(settled.at(-1)).toBe('Björn');
  });
});
