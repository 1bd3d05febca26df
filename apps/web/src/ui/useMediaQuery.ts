import { useCallback, useSyncExternalStore } from 'react';

/**
 * The page is laid out for a phone below this width: the secondary top-bar actions collapse
 * into "More" and the outline opens as a sheet over the board. Keep in step with styles.css.
 */
export const PHONE_QUERY = '(max-width: 719px)';

/** Below this width the Export menu's items move into "More" too. Keep in step with styles.css. */
export const NARROW_QUERY = '(max-width: 999px)';

/** Whether a CSS media query matches now; re-renders when it starts or stops matching. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
