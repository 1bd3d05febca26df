import { boundsOf, type Rect } from '@dartboard/board';
import type Konva from 'konva';
import type { Viewport } from '../state/ui';

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 4;
/** Below this zoom, notes are drawn as plain coloured blocks: text would be unreadable anyway. */
export const DETAIL_SCALE = 0.3;

export interface Size {
  width: number;
  height: number;
}

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

export function screenToBoard(viewport: Viewport, x: number, y: number): { x: number; y: number } {
  return { x: (x - viewport.x) / viewport.scale, y: (y - viewport.y) / viewport.scale };
}

export function boardToScreen(viewport: Viewport, x: number, y: number): { x: number; y: number } {
  return { x: x * viewport.scale + viewport.x, y: y * viewport.scale + viewport.y };
}

/** The board area visible on a screen of the given size. */
export function visibleRect(viewport: Viewport, screen: Size): Rect {
  return {
    x: -viewport.x / viewport.scale,
    y: -viewport.y / viewport.scale,
    width: screen.width / viewport.scale,
    height: screen.height / viewport.scale,
  };
}

/** What a Konva stage shows at this moment (its zoom and board area): for shapes that cull as they draw. */
export function stageView(stage: Konva.Stage): { scale: number; view: Rect } {
  const scale = stage.scaleX();
  const screen = { width: stage.width(), height: stage.height() };
  return { scale, view: visibleRect({ x: stage.x(), y: stage.y(), scale }, screen) };
}

/** Zooms to `scale` keeping the board point under screen point (x, y) where it is. */
export function zoomAt(viewport: Viewport, x: number, y: number, scale: number): Viewport {
  const next = clampScale(scale);
  const anchor = screenToBoard(viewport, x, y);
  return { scale: next, x: x - anchor.x * next, y: y - anchor.y * next };
}

/** The viewport that shows `rect` whole and centred, with a margin, never above 100%. */
export function fitRect(rect: Rect, screen: Size, margin = 48): Viewport {
  const width = Math.max(1, screen.width - margin * 2);
  const height = Math.max(1, screen.height - margin * 2);
  const scale = clampScale(Math.min(1, width / rect.width, height / rect.height));
  return {
    scale,
    x: (screen.width - rect.width * scale) / 2 - rect.x * scale,
    y: (screen.height - rect.height * scale) / 2 - rect.y * scale,
  };
}

/**
 * The viewport that brings `rect` into view with the least change: undefined when nearly all of
 * it shows already; else centred at the current zoom when it fits there, or fitted (fitRect).
 */
export function revealRect(rect: Rect, viewport: Viewport, screen: Size): Viewport | undefined {
  const shown = visibleRect(viewport, screen);
  const overlapX = Math.min(rect.x + rect.width, shown.x + shown.width) - Math.max(rect.x, shown.x);
  const overlapY =
    Math.min(rect.y + rect.height, shown.y + shown.height) - Math.max(rect.y, shown.y);
  const area = Math.max(0, overlapX) * Math.max(0, overlapY);
  if (area >= 0.9 * rect.width * rect.height) return undefined;
  const { scale } = viewport;
  const fits = rect.width * scale <= screen.width - 48 && rect.height * scale <= screen.height - 48;
  if (!fits) return fitRect(rect, screen);
  return {
    scale,
    x: (screen.width - rect.width * scale) / 2 - rect.x * scale,
    y: (screen.height - rect.height * scale) / 2 - rect.y * scale,
  };
}

/**
 * The viewport a follower takes to show someone else's view: the same centre, zoomed so that
 * the whole of their view fits this screen (screens differ in shape, so a little more shows).
 */
export function followRect(rect: Rect, screen: Size): Viewport {
  const scale = clampScale(Math.min(screen.width / rect.width, screen.height / rect.height));
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  return { scale, x: screen.width / 2 - cx * scale, y: screen.height / 2 - cy * scale };
}

/** The smallest rectangle holding all of `rects` (packages/board geometry). */
export { boundsOf };

/** A rectangle from two corner points in any order. */
export function rectFromPoints(a: { x: number; y: number }, b: { x: number; y: number }): Rect {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  };
}
