import { READABLE_ZOOM, type Rect, rectsIntersect } from '@dartboard/board';
import type { Viewport } from '../state/ui';
import { boundsOf, fitRect, type Size } from './viewport';

/** Room around framed content, in CSS pixels; it narrows to TIGHT_MARGIN before text shrinks. */
const MARGIN = 48;
const TIGHT_MARGIN = 12;
/** Screens narrower than this (phones held upright) open on the first zone, not the board. */
export const NARROW_SCREEN = 600;
/** Notes this close to the zones (board units) are framed with them; farther ones are strays. */
const NEAR_ZONES = 400;

/**
 * The view a board opens at. With zones: the zones and the notes near them, so one note
 * dragged far away does not shrink the whole board to a speck; never below READABLE_ZOOM,
 * where every text is at least its minimum size on screen (legibility.ts in packages/board). On a narrow screen:
 * the first zone (top left) across the width. Without zones: the notes. Empty: 100 %.
 */
export function openingView(
  zones: readonly Rect[],
  notes: readonly Rect[],
  screen: Size,
): Viewport {
  const zoneBounds = boundsOf(zones);
  if (!zoneBounds) {
    const noteBounds = boundsOf(notes);
    return noteBounds
      ? readableFit(noteBounds, screen)
      : { x: screen.width / 2, y: screen.height / 2, scale: 1 };
  }
  if (screen.width < NARROW_SCREEN) return acrossTheWidth(firstZone(zones), screen);
  const near = {
    x: zoneBounds.x - NEAR_ZONES,
    y: zoneBounds.y - NEAR_ZONES,
    width: zoneBounds.width + NEAR_ZONES * 2,
    height: zoneBounds.height + NEAR_ZONES * 2,
  };
  const focus = boundsOf([zoneBounds, ...notes.filter((note) => rectsIntersect(note, near))]);
  return readableFit(focus ?? zoneBounds, screen);
}

/**
 * `rect` whole and centred, as large as fits up to 100 %, with a margin that narrows (down to
 * TIGHT_MARGIN) while that keeps the zoom from dropping below READABLE_ZOOM. The zoom may still
 * end up below it: this is what "Zoom to fit" shows.
 */
export function fitWithMargin(rect: Rect, screen: Size): Viewport {
  const margin = Math.min(
    MARGIN,
    (screen.width - rect.width * READABLE_ZOOM) / 2,
    (screen.height - rect.height * READABLE_ZOOM) / 2,
  );
  return fitRect(rect, screen, Math.max(TIGHT_MARGIN, Math.floor(margin)));
}

/**
 * As fitWithMargin, but never below READABLE_ZOOM: when `rect` does not fit at that zoom, its
 * top-left corner is in view, and it is centred along the side where it does fit.
 */
export function readableFit(rect: Rect, screen: Size): Viewport {
  const fitted = fitWithMargin(rect, screen);
  if (fitted.scale >= READABLE_ZOOM) return fitted;
  const scale = READABLE_ZOOM;
  const place = (start: number, length: number, room: number) =>
    length * scale <= room - TIGHT_MARGIN * 2
      ? (room - length * scale) / 2 - start * scale
      : TIGHT_MARGIN - start * scale;
  return {
    scale,
    x: place(rect.x, rect.width, screen.width),
    y: place(rect.y, rect.height, screen.height),
  };
}

/** `zone` from its top-left corner, as wide as the screen (or wider, to stay readable). */
function acrossTheWidth(zone: Rect, screen: Size): Viewport {
  const scale = Math.min(
    1,
    Math.max(READABLE_ZOOM, (screen.width - TIGHT_MARGIN * 2) / zone.width),
  );
  return { scale, x: TIGHT_MARGIN - zone.x * scale, y: TIGHT_MARGIN - zone.y * scale };
}

/** The zone read first: the top one, leftmost among those level with it. */
function firstZone(zones: readonly Rect[]): Rect {
  const top = Math.min(...zones.map((zone) => zone.y));
  const level = zones.filter((zone) => zone.y < top + 1);
  return level.reduce((first, zone) => (zone.x < first.x ? zone : first));
}
