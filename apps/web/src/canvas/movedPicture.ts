import type { Viewport } from '../state/ui';
import type { Size } from './viewport';

// Where repainting the whole board on every frame of a pan or zoom cannot keep up (a slow phone;
// docs/benchmarks.md), the board is painted with a margin around the screen and the frames in
// between move and scale that picture on the compositor, as online maps do: a frame then costs
// a transform, not a repaint. The picture is repainted when the view is about to leave it, when
// it would be stretched too far, and once the view rests. Where repainting keeps up, every frame
// is repainted exactly, as before: the picture mode is chosen from measured frames.

/** CSS pixels painted beyond each edge of the screen while the picture is moved. */
export const MARGIN = 256;
/** How far a moved picture may be enlarged or shrunk before it is repainted. */
export const MAX_STRETCH = 2;
/**
 * Repainted frames of a moving view that take the main thread longer than this on average turn
 * moving on: with the compositor's and the input's share, such frames miss 60 fps.
 */
export const SLOW_FRAME_MS = 14;
/** Repaints of the larger picture quicker than this on average turn moving off again. */
export const FAST_REPAINT_MS = 12;
/** Repainted frames averaged before turning moving on; repaints before turning it off. */
export const FRAMES_TO_MOVE = 30;
export const REPAINTS_TO_STOP = 8;
/** How long the view stays put before a moved picture is repainted where it is. */
export const REST_MS = 150;

/** A CSS transform (origin at the top-left corner): scale, then translate by (x, y). */
export interface Placement {
  scale: number;
  x: number;
  y: number;
}

/**
 * How to place a picture painted at `painted`, with `margin` CSS pixels beyond each edge of
 * `screen` (its element sits at -margin, -margin), so that it shows `current`: undefined when
 * part of the screen would be left unpainted or the picture stretched beyond MAX_STRETCH. An
 * unscaled picture is placed at whole device pixels, as the board paints its notes.
 */
export function placePicture(
  painted: Viewport,
  current: Viewport,
  screen: Size,
  margin: number,
  pixelRatio = 1,
): Placement | undefined {
  const scale = current.scale / painted.scale;
  if (scale > MAX_STRETCH || scale < 1 / MAX_STRETCH) return undefined;
  // A board point b is painted at b·s0 + x0 + margin in the element and must show at b·s1 + x1
  // on the screen: scale · (b·s0 + x0 + margin) + x − margin = b·s1 + x1.
  const offset = (shown: number, from: number) => {
    const exact = shown + margin - scale * (from + margin);
    return scale === 1 ? Math.round(exact * pixelRatio) / pixelRatio : exact;
  };
  const x = offset(current.x, painted.x);
  const y = offset(current.y, painted.y);
  const covers = (start: number, length: number) =>
    start - margin <= 0 && start - margin + scale * (length + 2 * margin) >= length;
  if (!covers(x, screen.width) || !covers(y, screen.height)) return undefined;
  return { scale, x, y };
}

/**
 * How much further than the current zoom a moved picture is painted while the view zooms: in
 * (painted larger, first shown shrunk) or out (painted smaller, first shown enlarged). The zoom
 * then goes on for longer before the picture runs out: zooming out, the margin runs out after a
 * shrink of about 0.73 at 1,400 px wide, so a picture painted at the current zoom lasts a third
 * as long as one zooming in (up to MAX_STRETCH).
 */
export const ZOOM_AHEAD = 1.35;

/**
 * How far ahead of a pan a moved picture is painted, as a share of the margin: most of the
 * margin lies where the view is going, so the pan goes on for 1.75 margins before a repaint
 * rather than one.
 */
export const PAN_AHEAD = 0.75;

/**
 * Where to repaint a moved picture for `current`, reached from `previous`: on ahead along a
 * zoom, about the point that stays put on the screen (the pointer), or of a pan, in its
 * direction, if the picture painted there still shows `current`; else at `current` itself.
 */
export function paintAhead(
  previous: Viewport,
  current: Viewport,
  screen: Size,
  margin: number,
): Viewport {
  if (margin === 0) return current;
  const change = current.scale - previous.scale;
  const candidates =
    change === 0 ? [panAhead(previous, current, margin)] : zoomAhead(previous, current, change);
  for (const painted of candidates) {
    if (placePicture(painted, current, screen, margin)) return painted;
  }
  return current;
}

function panAhead(previous: Viewport, current: Viewport, margin: number): Viewport {
  const dx = current.x - previous.x;
  const dy = current.y - previous.y;
  const most = Math.max(Math.abs(dx), Math.abs(dy));
  if (most === 0) return current;
  // Whole pixels, as a pan moves the picture.
  const lead = (PAN_AHEAD * margin) / most;
  return { ...current, x: current.x + Math.round(dx * lead), y: current.y + Math.round(dy * lead) };
}

/** `change`: the scale's change from `previous` to `current`, not 0. */
function zoomAhead(previous: Viewport, current: Viewport, change: number): Viewport[] {
  const ahead = change > 0 ? ZOOM_AHEAD : 1 / ZOOM_AHEAD;
  // The screen point where both views show the same board point: x + scale · b alike.
  const fixed = (from: number, to: number) => to + (current.scale * (from - to)) / change;
  const fx = fixed(previous.x, current.x);
  const fy = fixed(previous.y, current.y);
  return [ahead, Math.sqrt(ahead)].map((factor) => ({
    scale: current.scale * factor,
    x: fx - (fx - current.x) * factor,
    y: fy - (fy - current.y) * factor,
  }));
}

export function placementCss({ scale, x, y }: Placement): string {
  return `matrix(${scale}, 0, 0, ${scale}, ${x}, ${y})`;
}

/**
 * Chooses between repainting every frame and moving a painted picture, from the frames of a
 * moving view that were repainted: their average length while repainting every frame, or that
 * of the larger picture's repaints while moving it.
 */
export class PictureMode {
  moved = false;
  private frames: number[] = [];

  /** Records a repainted frame of a moving view; true when the mode changed. */
  record(ms: number): boolean {
    const count = this.moved ? REPAINTS_TO_STOP : FRAMES_TO_MOVE;
    this.frames.push(ms);
    if (this.frames.length > count) this.frames.shift();
    if (this.frames.length < count) return false;
    const mean = this.frames.reduce((sum, frame) => sum + frame, 0) / count;
    const change = this.moved ? mean < FAST_REPAINT_MS : mean > SLOW_FRAME_MS;
    if (!change) return false;
    this.moved = !this.moved;
    this.frames = [];
    return true;
  }
}
