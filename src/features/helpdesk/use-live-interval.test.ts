import { renderHook } from '@testing-library/react';
import { useLiveInterval } from './use-live-interval';

const after = (dataUpdatedAt: number) => ({ state: { dataUpdatedAt } });

describe('useLiveInterval', () => {
  it('backs off once per read, not once per time it is asked', () => {
    const { result } = renderHook(() => useLiveInterval());
    result.current.observe('tapIssued', true);
    expect(result.current.interval(after(1))).toBe(5_000);
    for (let i = 0; i < 10; i++) expect(result.current.interval(after(1))).toBe(5_000);
    expect(result.current.interval(after(2))).toBe(7_500);
    expect(result.current.interval(after(2))).toBe(7_500);
  });

  it('snaps back when the stage moves, and stops when there is nothing to watch', () => {
    const { result } = renderHook(() => useLiveInterval());
    result.current.observe('tapIssued', true);
    for (let read = 1; read < 10; read++) result.current.interval(after(read));
    expect(result.current.interval(after(9))).toBe(30_000);
    result.current.observe('authenticatorRegistered', true);
    expect(result.current.interval(after(10))).toBe(5_000);
    result.current.observe('phoneSignInEnabled', false);
    expect(result.current.interval(after(11))).toBe(false);
  });
});
