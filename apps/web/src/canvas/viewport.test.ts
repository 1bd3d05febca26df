import type { Rect } from '@dartboard/board';
import { describe, expect, it } from 'vitest';
import type { Viewport } from '../state/ui';
import {
  boardToScreen,
  boundsOf,
  fitRect,
  followRect,
  MAX_SCALE,
  MIN_SCALE,
  rectFromPoints,
  screenToBoard,
  visibleRect,
  zoomAt,
} from './viewport';

function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

describe('screen and board coordinates', () => {
  it('convert back and forth', () => {
    const viewport: Viewport = { x: -250, y: 120, scale: 0.4 };
    const board = screenToBoard(viewport, 300, 200);
    expect(board).toEqual({ x: 1_375, y: 200 });
    expect(boardToScreen(viewport, board.x, board.y)).toEqual({ x: 300, y: 200 });
  });

  it('the visible rect is the screen seen through the viewport', () => {
    const viewport: Viewport = { x: -200, y: -100, scale: 2 };
    expect(visibleRect(viewport, { width: 800, height: 600 })).toEqual({
      x: 100,
      y: 50,
      width: 400,
      height: 300,
    });
  });
});

describe('zoomAt', () => {
  it('keeps the board point under the cursor where it is', () => {
    const cases: [Viewport, number, number, number][] = [
      [{ x: 0, y: 0, scale: 1 }, 400, 300, 2],
      [{ x: -1_234, y: 567, scale: 0.37 }, 12, 780, 0.5],
      [{ x: 90, y: -40, scale: 3 }, 640, 10, 1.1],
    ];
    for (const [from, sx, sy, scale] of cases) {
      const before = screenToBoard(from, sx, sy);
      const next = zoomAt(from, sx, sy, scale);
      expect(next.scale).toBe(scale);
      const after = screenToBoard(next, sx, sy);
      expect(after.x).toBeCloseTo(before.x, 9);
      expect(after.y).toBeCloseTo(before.y, 9);
    }
  });

  it('clamps to the zoom limits and still keeps the point fixed', () => {
    const from: Viewport = { x: 30, y: 40, scale: 1 };
    const anchor = screenToBoard(from, 500, 250);
    for (const [wanted, clamped] of [
      [100, MAX_SCALE],
      [0.0001, MIN_SCALE],
      [0, MIN_SCALE],
    ] as const) {
      const next = zoomAt(from, 500, 250, wanted);
      expect(next.scale).toBe(clamped);
      const after = screenToBoard(next, 500, 250);
      expect(after.x).toBeCloseTo(anchor.x, 9);
      expect(after.y).toBeCloseTo(anchor.y, 9);
    }
  });
});

describe('fitRect', () => {
  const screen = { width: 1_200, height: 800 };

  it('shows the whole rect, centred, within the margin', () => {
    const rect = { x: 0, y: 0, width: 1_860, height: 1_300 };
    const viewport = fitRect(rect, screen, 48);
    const seen = visibleRect(viewport, screen);
    expect(containsRect(seen, rect)).toBe(true);
    const topLeft = boardToScreen(viewport, rect.x, rect.y);
    const bottomRight = boardToScreen(viewport, rect.x + rect.width, rect.y + rect.height);
    // The limiting side touches the margin...
    expect(Math.min(topLeft.x, topLeft.y)).toBeCloseTo(48, 6);
    // ...and the rect is centred both ways.
    expect(topLeft.x + bottomRight.x).toBeCloseTo(screen.width, 6);
    expect(topLeft.y + bottomRight.y).toBeCloseTo(screen.height, 6);
  });

  it('never zooms in above 100% to fit a small rect', () => {
    const viewport = fitRect({ x: 500, y: 500, width: 100, height: 50 }, screen);
    expect(viewport.scale).toBe(1);
    const centre = boardToScreen(viewport, 550, 525);
    expect(centre).toEqual({ x: 600, y: 400 });
  });

  it('stops at the minimum zoom for a huge rect, still centred', () => {
    const rect = { x: -50_000, y: -50_000, width: 100_000, height: 100_000 };
    const viewport = fitRect(rect, screen);
    expect(viewport.scale).toBe(MIN_SCALE);
    expect(boardToScreen(viewport, 0, 0)).toEqual({ x: 600, y: 400 });
  });

  it('copes with a screen smaller than the margins: smallest zoom, still centred', () => {
    const viewport = fitRect({ x: 0, y: 0, width: 200, height: 200 }, { width: 50, height: 50 });
    expect(viewport.scale).toBe(MIN_SCALE);
    const centre = boardToScreen(viewport, 100, 100);
    expect(centre.x).toBeCloseTo(25, 9);
    expect(centre.y).toBeCloseTo(25, 9);
  });
});

describe('followRect', () => {
  it('keeps the centre of the followed view and shows all of it', () => {
    const rect = { x: 100, y: 200, width: 1600, height: 900 };
    const screen = { width: 800, height: 600 };
    const viewport = followRect(rect, screen);
    expect(viewport.scale).toBeCloseTo(0.5);
    const shown = visibleRect(viewport, screen);
    expect(containsRect(shown, rect)).toBe(true);
    expect(shown.x + shown.width / 2).toBeCloseTo(900);
    expect(shown.y + shown.height / 2).toBeCloseTo(650);
  });

  it('zooms in past 100% when the followed view is small, within the zoom limits', () => {
    const screen = { width: 1000, height: 1000 };
    expect(followRect({ x: 0, y: 0, width: 500, height: 400 }, screen).scale).toBeCloseTo(2);
    expect(followRect({ x: 0, y: 0, width: 1, height: 1 }, screen).scale).toBe(MAX_SCALE);
    expect(followRect({ x: 0, y: 0, width: 1e7, height: 1e7 }, screen).scale).toBe(MIN_SCALE);
  });
});

describe('boundsOf', () => {
  it('is the smallest rect around all the rects, negative coordinates included', () => {
    expect(
      boundsOf([
        { x: 10, y: 10, width: 100, height: 50 },
        { x: -40, y: 30, width: 20, height: 200 },
        { x: 300, y: -5, width: 10, height: 10 },
      ]),
    ).toEqual({ x: -40, y: -5, width: 350, height: 235 });
  });

  it('is the rect itself for one rect, and undefined for none', () => {
    const rect = { x: 3, y: 4, width: 5, height: 6 };
    expect(boundsOf([rect])).toEqual(rect);
    expect(boundsOf([])).toBeUndefined();
  });
});

describe('rectFromPoints', () => {
  it('gives the same rect whichever way the marquee is dragged', () => {
    const expected = { x: 10, y: 20, width: 90, height: 180 };
    expect(rectFromPoints({ x: 10, y: 20 }, { x: 100, y: 200 })).toEqual(expected);
    expect(rectFromPoints({ x: 100, y: 200 }, { x: 10, y: 20 })).toEqual(expected);
    expect(rectFromPoints({ x: 10, y: 200 }, { x: 100, y: 20 })).toEqual(expected);
  });
});
