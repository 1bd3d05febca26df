import type { BoardAction } from '@dartboard/board';
import type { BoardContextValue } from '../../ui/boardContext';

export type Point = { x: number; y: number };

/** Where the pointer is: on the canvas (CSS pixels from its corner) and on the board. */
export interface At {
  screen: Point;
  board: Point;
}

/** What a gesture may use of the page around it; the dispatcher (usePointerTools) makes it. */
export interface GestureEnv {
  ctx: BoardContextValue;
  /** Says politely why a drag does nothing, at most once in a while per kind of change. */
  explain(action: BoardAction): void;
  setCursor(cursor: string): void;
  /** The pointers down, in canvas pixels, by pointer id (two of them for a pinch). */
  pointers: ReadonlyMap<number, Point>;
}

/**
 * One gesture in progress, from pointer down to pointer up: a small state machine the
 * dispatcher feeds. A gesture changes only local UI state while it moves (a preview drawn every
 * frame); `write` puts that state into the document and is called at most every 33 ms and once
 * more at the end, so peers see ~30 updates a second.
 */
export interface Gesture {
  move(at: At): void;
  write?(): void;
  end(at: At): void;
  /** Ends only when every pointer is up (a pinch lifting one finger goes on). */
  multiTouch?: boolean;
}

/** Whether the pointer went far enough from where it started to be a drag, not a click. */
export function dragged(start: Point, p: Point): boolean {
  return Math.hypot(p.x - start.x, p.y - start.y) >= 3;
}
