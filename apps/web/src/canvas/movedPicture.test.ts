import { describe, expect, it } from 'vitest';
import type { Viewport } from '../state/ui';
import {
  FAST_REPAINT_MS,
  FRAMES_TO_MOVE,
  MARGIN,
  MAX_STRETCH,
  PAN_AHEAD,
  PictureMode,
  type Placement,
  paintAhead,
  placementCss,
  placePicture,
  REPAINTS_TO_STOP,
  SLOW_FRAME_MS,
  ZOOM_AHEAD,
} from './movedPicture';
import { zoomAt } from './viewport';

const screen = { width: 1400, height: 850 };

/** Where the moved picture shows board point (bx, by) on the screen. */
function shownAt(painted: Viewport, placement: Placement, bx: number, by: number) {
  // In the picture's element (placed at -MARGIN, -MARGIN), then through its transform.
  const ex = bx * painted.scale + painted.x + MARGIN;
  const ey = by * painted.scale + painted.y + MARGIN;
  return {
    x: placement.scale * ex + placement.x - MARGIN,
    y: placement.scale * ey + placement.y - MARGIN,
  };
}

/** The screen rectangle the picture covers. */
function covered(placement: Placement) {
  const left = placement.x - MARGIN;
  const top = placement.y - MARGIN;
  return {
    left,
    top,
    right: left + placement.scale * (screen.width + 2 * MARGIN),
    bottom: top + placement.scale * (screen.height + 2 * MARGIN),
  };
}

describe('placePicture', () => {
  const painted: Viewport = { x: -1234.5, y: 321.25, scale: 0.35 };

  it('shows every board point where the current view has it, after a pan', () => {
    const current = { ...painted, x: painted.x - 100.4, y: painted.y + 60.7 };
    const placement = placePicture(painted, current, screen, MARGIN, 2);
    expect(placement).toBeDefined();
    if (!placement) return;
    expect(placement.scale).toBe(1);
    for (const [bx, by] of [
      [0, 0],
      [5000, -300],
      [3600, 2400],
    ] as const) {
      const shown = shownAt(painted, placement, bx, by);
      // Unscaled pictures sit at whole device pixels (2 per CSS pixel here): off by at most half.
      expect(Math.abs(shown.x - (bx * current.scale + current.x))).toBeLessThanOrEqual(0.25);
      expect(Math.abs(shown.y - (by * current.scale + current.y))).toBeLessThanOrEqual(0.25);
      // Moved by whole device pixels, so the picture's pixels are copied, not filtered.
      expect(Number.isInteger(placement.x * 2) && Number.isInteger(placement.y * 2)).toBe(true);
    }
  });

  it('shows every board point where the current view has it, after a zoom', () => {
    for (const factor of [1.2, 0.85]) {
      const current = zoomAt(painted, 700, 425, painted.scale * factor);
      const placement = placePicture(painted, current, screen, MARGIN);
      expect(placement?.scale).toBeCloseTo(factor, 9);
      if (!placement) return;
      for (const [bx, by] of [
        [2000, 0],
        [3600, 2400],
      ] as const) {
        const shown = shownAt(painted, placement, bx, by);
        expect(shown.x).toBeCloseTo(bx * current.scale + current.x, 6);
        expect(shown.y).toBeCloseTo(by * current.scale + current.y, 6);
      }
    }
  });

  it('covers the whole screen whenever it places the picture', () => {
    const moves: Viewport[] = [];
    for (let dx = -400; dx <= 400; dx += 50) {
      for (let dy = -400; dy <= 400; dy += 50) {
        moves.push({ ...painted, x: painted.x + dx, y: painted.y + dy });
      }
    }
    for (let step = 0.5; step <= 2.2; step += 0.05) {
      moves.push(zoomAt(painted, 100, 800, painted.scale * step));
      moves.push(zoomAt(painted, 700, 425, painted.scale * step));
    }
    let placed = 0;
    for (const current of moves) {
      const placement = placePicture(painted, current, screen, MARGIN);
      if (!placement) continue;
      placed++;
      const area = covered(placement);
      expect(area.left).toBeLessThanOrEqual(0);
      expect(area.top).toBeLessThanOrEqual(0);
      expect(area.right).toBeGreaterThanOrEqual(screen.width);
      expect(area.bottom).toBeGreaterThanOrEqual(screen.height);
    }
    // Moves within the margin are placed, the rest are left to a repaint.
    expect(placed).toBeGreaterThan(100);
    expect(placed).toBeLessThan(moves.length);
  });

  it('asks for a repaint when the view leaves the painted margin', () => {
    expect(
      placePicture(painted, { ...painted, x: painted.x - MARGIN }, screen, MARGIN),
    ).toBeDefined();
    expect(
      placePicture(painted, { ...painted, x: painted.x - MARGIN - 1 }, screen, MARGIN),
    ).toBeUndefined();
    expect(
      placePicture(painted, { ...painted, y: painted.y + MARGIN + 1 }, screen, MARGIN),
    ).toBeUndefined();
  });

  it('asks for a repaint when the picture would be stretched too far or shrunk past its margin', () => {
    const enlarged = zoomAt(painted, 700, 425, painted.scale * MAX_STRETCH * 1.01);
    expect(placePicture(painted, enlarged, screen, MARGIN)).toBeUndefined();
    // Shrunk about the middle, the picture's margin runs out across the screen's width first.
    const limit = screen.width / (screen.width + 2 * MARGIN);
    expect(
      placePicture(
        painted,
        zoomAt(painted, 700, 425, painted.scale * (limit + 0.01)),
        screen,
        MARGIN,
      ),
    ).toBeDefined();
    expect(
      placePicture(
        painted,
        zoomAt(painted, 700, 425, painted.scale * (limit - 0.01)),
        screen,
        MARGIN,
      ),
    ).toBeUndefined();
  });

  it('has nothing to move without a margin', () => {
    const current = { ...painted, x: painted.x + 1 };
    expect(placePicture(painted, current, screen, 0)).toBeUndefined();
    expect(placePicture(painted, painted, screen, 0)).toEqual({ scale: 1, x: 0, y: 0 });
  });

  it('writes the placement as a CSS matrix', () => {
    expect(placementCss({ scale: 1.5, x: -12, y: 7.5 })).toBe('matrix(1.5, 0, 0, 1.5, -12, 7.5)');
  });
});

/** How many more steps of `step` a picture painted at `painted` shows before a repaint. */
function stepsShown(painted: Viewport, from: Viewport, step: (view: Viewport) => Viewport) {
  let view = from;
  for (let steps = 0; steps < 1000; steps++) {
    view = step(view);
    if (!placePicture(painted, view, screen, MARGIN)) return steps;
  }
  return Number.POSITIVE_INFINITY;
}

describe('paintAhead', () => {
  const start: Viewport = { x: -400, y: -150, scale: 1 };
  const pan = (dx: number, dy: number) => (view: Viewport) => ({
    ...view,
    x: view.x + dx,
    y: view.y + dy,
  });
  const zoom =
    (factor: number, x = 700, y = 425) =>
    (view: Viewport) =>
      zoomAt(view, x, y, view.scale * factor);

  it('paints a pan ahead in its direction, so that it goes on for longer before a repaint', () => {
    for (const [dx, dy] of [
      [-24, 0],
      [0, 24],
      [17, -17],
      [-24, 6],
    ] as const) {
      const step = pan(dx, dy);
      const current = step(start);
      const painted = paintAhead(start, current, screen, MARGIN);
      // The current view is shown by the picture from the start, at whole pixels.
      expect(placePicture(painted, current, screen, MARGIN)?.scale).toBe(1);
      expect(
        Number.isInteger(painted.x - current.x) && Number.isInteger(painted.y - current.y),
      ).toBe(true);
      const plain = stepsShown(current, current, step);
      expect(stepsShown(painted, current, step)).toBeGreaterThanOrEqual(
        Math.floor(plain * (1 + PAN_AHEAD)) - 1,
      );
    }
  });

  it('paints a zoom ahead about the point that stays put, in or out', () => {
    for (const [factor, x, y] of [
      [1.03, 700, 425],
      [1 / 1.03, 700, 425],
      [1.03, 400, 300],
      [1 / 1.03, 1000, 600],
    ] as const) {
      const step = zoom(factor, x, y);
      const current = step(start);
      const painted = paintAhead(start, current, screen, MARGIN);
      // As far as ZOOM_AHEAD, or half as far (in scale) where that would leave part of the
      // screen unpainted: a picture painted larger shows less beyond the side the pointer is on.
      const ahead = factor > 1 ? ZOOM_AHEAD : 1 / ZOOM_AHEAD;
      const ratio = painted.scale / current.scale;
      const centred = x === screen.width / 2 && y === screen.height / 2;
      if (centred) expect(ratio).toBeCloseTo(ahead, 9);
      else expect([ahead, Math.sqrt(ahead)].some((r) => Math.abs(r - ratio) < 1e-9)).toBe(true);
      // The board point under the pointer is under it in the painted view as well.
      const board = (view: Viewport) => ({
        x: (x - view.x) / view.scale,
        y: (y - view.y) / view.scale,
      });
      expect(board(painted).x).toBeCloseTo(board(current).x, 6);
      expect(board(painted).y).toBeCloseTo(board(current).y, 6);
      expect(placePicture(painted, current, screen, MARGIN)).toBeDefined();
      // Zooming out, the margin runs out after a third of the steps a zoom in gets.
      const plain = stepsShown(current, current, step);
      expect(stepsShown(painted, current, step)).toBeGreaterThan(plain * (centred ? 1.4 : 1.1));
    }
  });

  it('paints a zoom about a point near the edge less far ahead, or where the view is', () => {
    const step = zoom(1 / 1.03, 5, 5);
    const current = step(start);
    const painted = paintAhead(start, current, screen, MARGIN);
    expect(placePicture(painted, current, screen, MARGIN)).toBeDefined();
    expect(painted.scale).toBeLessThanOrEqual(current.scale);
  });

  it('paints where the view is when it has not moved, or without a margin', () => {
    expect(paintAhead(start, start, screen, MARGIN)).toBe(start);
    const current = pan(-24, 0)(start);
    expect(paintAhead(start, current, screen, 0)).toBe(current);
  });
});

describe('PictureMode', () => {
  it('moves the picture once repainting every frame averages slower than 60 fps', () => {
    const mode = new PictureMode();
    for (let i = 0; i < FRAMES_TO_MOVE * 3; i++) expect(mode.record(SLOW_FRAME_MS - 2)).toBe(false);
    expect(mode.moved).toBe(false);
    let changed = false;
    for (let i = 0; i < FRAMES_TO_MOVE && !changed; i++) changed = mode.record(SLOW_FRAME_MS + 10);
    expect(changed).toBe(true);
    expect(mode.moved).toBe(true);
  });

  it('is not moved by a few slow frames among fast ones', () => {
    const mode = new PictureMode();
    for (let i = 0; i < FRAMES_TO_MOVE * 4; i++) mode.record(i % 10 === 0 ? 60 : 6);
    expect(mode.moved).toBe(false);
  });

  it('goes back to repainting every frame when the larger repaints are fast', () => {
    const mode = new PictureMode();
    for (let i = 0; i < FRAMES_TO_MOVE; i++) mode.record(40);
    expect(mode.moved).toBe(true);
    for (let i = 0; i < REPAINTS_TO_STOP * 3; i++) mode.record(FAST_REPAINT_MS + 5);
    expect(mode.moved).toBe(true);
    let changed = false;
    for (let i = 0; i < REPAINTS_TO_STOP && !changed; i++)
      changed = mode.record(FAST_REPAINT_MS - 4);
    expect(changed).toBe(true);
    expect(mode.moved).toBe(false);
  });
});
