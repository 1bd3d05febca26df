/**
 * Calls `fn` at most once per `intervalMs` with the latest arguments; the last call of a burst
 * always runs (trailing edge), so the final cursor position or drag offset is never dropped.
 * `flush` runs a pending call now; `cancel` drops it.
 */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, intervalMs: number) {
  let last = Number.NEGATIVE_INFINITY;
  let pending: A | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = () => {
    timer = undefined;
    if (!pending) return;
    const args = pending;
    pending = undefined;
    last = Date.now();
    fn(...args);
  };

  const throttled = (...args: A) => {
    pending = args;
    const wait = last + intervalMs - Date.now();
    if (wait <= 0) {
      // A timer that is late (busy main thread, background tab) would run the next call early.
      if (timer) clearTimeout(timer);
      run();
    } else timer ??= setTimeout(run, wait);
  };
  throttled.flush = () => {
    if (timer) clearTimeout(timer);
    run();
  };
  throttled.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  return throttled;
}
