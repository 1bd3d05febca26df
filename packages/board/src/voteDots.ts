// Where the dots of a vote sit on a card, for drawing them (the page's VoteDots.tsx, the board
// picture) and for finding the dot a click lands on (the page's gestures/vote.ts): one geometry.
import type { Rect } from './geometry.js';

/** A dot's radius on screen at least (CSS px), and on the board at least (board units). */
const DOT_MIN_SCREEN = 7;
const DOT_MIN_BOARD = 16;
const DOT_GAP = 5;
const DOT_INSET = 12;
/** A click this close to a dot (board units, beyond its edge) still counts as on it. */
const DOT_SLOP = 4;

export interface Circle {
  x: number;
  y: number;
  r: number;
}

export function dotRadius(scale: number): number {
  return Math.max(DOT_MIN_BOARD, DOT_MIN_SCREEN / scale);
}

/**
 * A person's `count` dots on a card: in rows along its top edge (the first row centred on the
 * edge, so the text below stays readable), filled from the right.
 */
export function dotSpots(card: Rect, count: number, scale: number): Circle[] {
  const r = dotRadius(scale);
  const step = 2 * r + DOT_GAP;
  const perRow = Math.max(1, Math.floor((card.width - 2 * DOT_INSET + DOT_GAP) / step));
  const spots: Circle[] = [];
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / perRow);
    const column = i % perRow;
    spots.push({
      x: card.x + card.width - DOT_INSET - r - column * step,
      y: card.y + row * step,
      r,
    });
  }
  return spots;
}

/** Whether a board point is on one of the `count` dots of a card. */
export function onDot(
  card: Rect,
  count: number,
  scale: number,
  point: { x: number; y: number },
): boolean {
  return dotSpots(card, count, scale).some(
    (dot) => Math.hypot(point.x - dot.x, point.y - dot.y) <= dot.r + DOT_SLOP,
  );
}

/** The badge with a card's count once the votes are revealed: over its top right corner. */
export function badgeSpot(card: Rect, scale: number): Circle {
  const r = Math.max(20, 11 / scale);
  return { x: card.x + card.width - r * 0.4, y: card.y + r * 0.4, r };
}
