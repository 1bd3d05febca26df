/** A finger held this long without moving is a long press. */
export const LONG_PRESS_MS = 500;
/** A second tap within this long of the first is a double tap. */
export const DOUBLE_TAP_MS = 300;
/** How far a finger may wander and still be pressing or tapping in place (CSS px). */
export const TOUCH_SLOP = 10;
/** How far apart the two taps of a double tap may land (CSS px). */
export const DOUBLE_TAP_SLOP = 30;

export interface Point {
  x: number;
  y: number;
}

interface Press {
  id: number;
  start: Point;
  /** The finger moved, a second finger came, or the press became a long press. */
  over: boolean;
}

const apart = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * Tells a finger's taps, double taps and long presses apart from drags and pinches, from the
 * pointer events alone; the caller owns the long-press timer and the clock. Drags and pinches
 * themselves are usePointerTools' business: this only notices that they were not taps.
 */
export class TouchGestures {
  private readonly down = new Set<number>();
  private press: Press | undefined;
  private lastTap: { at: number; point: Point } | undefined;

  pointerDown(id: number, point: Point): void {
    this.down.add(id);
    if (this.down.size > 1) {
      // A second finger: a pinch, not a press or a tap.
      if (this.press) this.press.over = true;
      this.lastTap = undefined;
      return;
    }
    this.press = { id, start: point, over: false };
  }

  pointerMove(id: number, point: Point): void {
    const press = this.press;
    if (press?.id === id && apart(press.start, point) > TOUCH_SLOP) press.over = true;
  }

  /** Called when the finger has been down LONG_PRESS_MS: where the long press is, if it is one. */
  longPress(): Point | undefined {
    const press = this.press;
    if (!press || press.over) return undefined;
    press.over = true;
    this.lastTap = undefined;
    return press.start;
  }

  /** The finger is lifted at time `at` (ms): a tap, the second tap of a double tap, or neither. */
  pointerUp(id: number, point: Point, at: number): 'tap' | 'double-tap' | undefined {
    this.down.delete(id);
    const press = this.press;
    if (press?.id !== id) return undefined;
    this.press = undefined;
    if (press.over || apart(press.start, point) > TOUCH_SLOP) {
      this.lastTap = undefined;
      return undefined;
    }
    const last = this.lastTap;
    if (last && at - last.at <= DOUBLE_TAP_MS && apart(last.point, point) <= DOUBLE_TAP_SLOP) {
      this.lastTap = undefined;
      return 'double-tap';
    }
    this.lastTap = { at, point };
    return 'tap';
  }

  /** The browser took the pointer away (a scroll, a system gesture): nothing of it counts. */
  pointerCancel(id: number): void {
    this.down.delete(id);
    if (this.press?.id === id) this.press = undefined;
    this.lastTap = undefined;
  }
}
