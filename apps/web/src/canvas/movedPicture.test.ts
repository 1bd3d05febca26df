import { describe, expect, it } from 'vitest';
import type { Viewport } from '../state/ui';
import {
  FAST_REPAINT_MS,
  FRAMES_TO_MOVE,
  MARGIN,
  MAX_STRETCH,
  PictureMode,
  type Placement,
  placementCss,
  placePicture,
  REPAINTS_TO_STOP,
  SLOW_FRAME_MS,
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
