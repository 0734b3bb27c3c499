import { act, renderHook } from '@testing-library/react';
import { createLivePace } from '../../graph/live-pace';
import { useLiveInterval } from './use-live-interval';

describe('useLiveInterval', () => {
  it('keeps one pace across renders, and re-renders when the shared limit holds it back', () => {
    const { result, rerender } = renderHook(() =>
      useLiveInterval(() => createLivePace({ random: () => 0.5 })),
    );
    const pace = result.current.pace;
    result.current.observe('tapIssued', true);
    expect(result.current.interval()).toBe(5_000);
    rerender();
    expect(result.current.pace).toBe(pace);
    expect(result.current.sharedSeconds).toBeNull();
    act(() => pace.throttled(5));
    expect(result.current.sharedSeconds).toBe(10);
    expect(result.current.interval({ quick: true })).toBe(10_000);
  });
});
