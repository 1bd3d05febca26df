import { useEffect, useState } from 'react';
import type { UiStore } from '../state/ui';

/** How often, at most, the zoom shown in per cent follows a zoom going on. */
export const ZOOM_LABEL_MS = 100;

const percentOf = (store: UiStore) => Math.round(store.getState().viewport.scale * 100);

/**
 * The view's zoom in whole per cent, as the zoom controls show it. A zoom that starts shows at
 * once; while it goes on, the number follows at most every ZOOM_LABEL_MS, and it ends on the
 * zoom reached. A label whose text changed in every frame of a zoom cost the page a layout and
 * a repaint in each: on a CPU four times slower, much of the zoom's frame rate
 * (docs/benchmarks.md).
 */
export function useZoomPercent(store: UiStore): number {
  const [percent, setPercent] = useState(() => percentOf(store));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let changed = false;
    const wait = () => {
      timer = setTimeout(() => {
        timer = undefined;
        if (!changed) return;
        changed = false;
        setPercent(percentOf(store));
        wait();
      }, ZOOM_LABEL_MS);
    };
    // The zoom may have changed between the first render and this effect.
    setPercent(percentOf(store));
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.viewport.scale === previous.viewport.scale) return;
      if (timer !== undefined) {
        changed = true;
        return;
      }
      setPercent(percentOf(store));
      wait();
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store]);
  return percent;
}
