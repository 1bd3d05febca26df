import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000);
});
afterEach(() => {
  vi.useRealTimers();
});

function recorder() {
  const calls: { args: [number, number]; at: number }[] = [];
  const fn = (x: number, y: number) => calls.push({ args: [x, y], at: Date.now() });
  return { calls, fn };
}

describe('throttle', () => {
  it('runs the first call of a burst at once', () => {
    const { calls, fn } = recorder();
    const throttled = throttle(fn, 100);
    throttled(1, 1);
    expect(calls).toEqual([{ args: [1, 1], at: 1_000_000 }]);
  });

  it('runs the rest of a burst once, at the end of the interval, with the latest arguments', () => {
    const { calls, fn } = recorder();
    const throttled = throttle(fn, 100);
    throttled(1, 1);
    vi.advanceTimersByTime(10);
    throttled(2, 2);
    vi.advanceTimersByTime(30);
    throttled(3, 3);
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(59);
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(calls.map((c) => c.args)).toEqual([
      [1, 1],
      [3, 3],
    ]);
    expect(calls[1]?.at).toBe(1_000_100);
    vi.advanceTimersByTime(1_000);
    expect(calls).toHaveLength(2);
  });

  it('never runs more often than once per interval during a long drag', () => {
    const { calls, fn } = recorder();
    const throttled = throttle(fn, 33);
    for (let t = 0; t < 1_000; t += 4) {
      throttled(t, t);
      vi.advanceTimersByTime(4);
    }
    vi.advanceTimersByTime(100);
    const gaps = calls.slice(1).map((c, i) => c.at - (calls[i]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(33);
    expect(calls.length).toBeGreaterThanOrEqual(25);
    // The final position is never dropped.
    expect(calls[calls.length - 1]?.args).toEqual([996, 996]);
  });

  it('runs a call at once again after a quiet interval', () => {
    const { calls, fn } = recorder();
    const throttled = throttle(fn, 100);
    throttled(1, 1);
    vi.advanceTimersByTime(150);
    throttled(2, 2);
    expect(calls.map((c) => c.args)).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('keeps the interval when its timer fires late (busy main thread)', () => {
    const { calls, fn } = recorder();
    const throttled = throttle(fn, 100);
    throttled(1, 1);
    vi.advanceTimersByTime(10);
    throttled(2, 2);
    // The main thread is blocked past the timer's time: the next call runs the pending one.
    vi.setSystemTime(1_000_500);
    throttled(3, 3);
    expect(calls.map((c) => c.args[0])).toEqual([1, 3]);
    throttled(4, 4);
    // The stale timer must not fire and run 4 immediately after 3.
    vi.advanceTimersByTime(90);
    expect(calls.map((c) => c.args[0])).toEqual([1, 3]);
    vi.advanceTimersByTime(10);
    expect(calls.map((c) => c.args[0])).toEqual([1, 3, 4]);
    expect((calls[2]?.at ?? 0) - (calls[1]?.at ?? 0)).toBeGreaterThanOrEqual(100);
  });

  it('flush runs the pending call now, and only once', () => {
    const { calls, fn } = recorder();
    const throttled = throttle(fn, 100);
    throttled(1, 1);
    throttled(2, 2);
    vi.advanceTimersByTime(20);
    throttled.flush();
    expect(calls.map((c) => c.args)).toEqual([
      [1, 1],
      [2, 2],
    ]);
    vi.advanceTimersByTime(500);
    expect(calls).toHaveLength(2);
    // With nothing pending, flush does nothing.
    throttled.flush();
    expect(calls).toHaveLength(2);
  });

  it('cancel drops the pending call', () => {
    const { calls, fn } = recorder();
    const throttled = throttle(fn, 100);
    throttled(1, 1);
    throttled(2, 2);
    throttled.cancel();
    vi.advanceTimersByTime(500);
    throttled.flush();
    expect(calls.map((c) => c.args)).toEqual([[1, 1]]);
  });

  it('keeps working after cancel', () => {
    const { calls, fn } = recorder();
    const throttled = throttle(fn, 100);
    throttled(1, 1);
    throttled(2, 2);
    throttled.cancel();
    throttled(3, 3);
    vi.advanceTimersByTime(100);
    expect(calls.map((c) => c.args)).toEqual([
      [1, 1],
      [3, 3],
    ]);
  });
});
