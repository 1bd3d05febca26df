import { DART_ZONES, READABLE_ZOOM, type Rect } from '@dartboard/board';
import { describe, expect, it } from 'vitest';
import type { Viewport } from '../state/ui';
import { fitWithMargin, openingView } from './openingView';
import { boundsOf, visibleRect } from './viewport';

// Canvas sizes the board page leaves at common window sizes (top bar above, outline beside
// from 1000 px up).
const LAPTOP = { width: 1119, height: 847 }; // 1440x900
const SMALL_LAPTOP = { width: 959, height: 747 }; // 1280x800
const TABLET = { width: 703, height: 715 }; // 1024x768
const PHONE = { width: 390, height: 790 }; // 390x844

const zones: readonly Rect[] = DART_ZONES;
const note = (x: number, y: number): Rect => ({ x, y, width: 200, height: 160 });

function inView(viewport: Viewport, screen: { width: number; height: number }, rect: Rect) {
  const view = visibleRect(viewport, screen);
  return (
    rect.x >= view.x - 1e-6 &&
    rect.y >= view.y - 1e-6 &&
    rect.x + rect.width <= view.x + view.width + 1e-6 &&
    rect.y + rect.height <= view.y + view.height + 1e-6
  );
}

describe('openingView', () => {
  it('shows every zone at a readable zoom on a laptop screen', () => {
    for (const screen of [LAPTOP, SMALL_LAPTOP]) {
      const view = openingView(zones, [], screen);
      expect(view.scale).toBeGreaterThanOrEqual(READABLE_ZOOM);
      for (const zone of zones) expect(inView(view, screen, zone)).toBe(true);
    }
  });

  it('frames the zones, not a note dragged far away', () => {
    const stray = note(9_000, 7_000);
    const view = openingView(zones, [note(100, 200), stray], LAPTOP);
    expect(view).toEqual(openingView(zones, [], LAPTOP));
    expect(inView(view, LAPTOP, stray)).toBe(false);
  });

  it('frames notes just outside the zones with them', () => {
    const aside = note(1_900, 300);
    const view = openingView(zones, [aside], LAPTOP);
    expect(inView(view, LAPTOP, aside)).toBe(true);
    for (const zone of zones) expect(inView(view, LAPTOP, zone)).toBe(true);
  });

  it('stays readable where the zones do not fit, showing the first zone whole', () => {
    const view = openingView(zones, [], TABLET);
    expect(view.scale).toBe(READABLE_ZOOM);
    expect(inView(view, TABLET, zones[0] as Rect)).toBe(true);
  });

  it('opens a phone on the first zone across the width, at a readable zoom', () => {
    const view = openingView(zones, [], PHONE);
    expect(view.scale).toBeGreaterThanOrEqual(READABLE_ZOOM);
    const first = zones[0] as Rect;
    const left = first.x * view.scale + view.x;
    const right = (first.x + first.width) * view.scale + view.x;
    expect(left).toBeGreaterThanOrEqual(0);
    expect(left).toBeLessThan(20);
    expect(right).toBeGreaterThanOrEqual(PHONE.width - 20);
    expect(first.y * view.scale + view.y).toBeGreaterThanOrEqual(0);
  });

  it('opens a board without zones on its notes, and an empty one at 100 %', () => {
    const notes = [note(-500, -400), note(0, 0)];
    const view = openingView([], notes, LAPTOP);
    for (const each of notes) expect(inView(view, LAPTOP, each)).toBe(true);
    expect(openingView([], [], LAPTOP).scale).toBe(1);
  });
});

describe('fitWithMargin', () => {
  it('shows everything, even below the readable zoom, as "Zoom to fit" must', () => {
    const all = boundsOf([...zones, note(6_000, 5_000)]) as Rect;
    const view = fitWithMargin(all, LAPTOP);
    expect(view.scale).toBeLessThan(READABLE_ZOOM);
    expect(inView(view, LAPTOP, all)).toBe(true);
  });

  it('gives up margin before it gives up readable text', () => {
    const board = boundsOf(zones) as Rect;
    const view = fitWithMargin(board, SMALL_LAPTOP);
    expect(view.scale).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(inView(view, SMALL_LAPTOP, board)).toBe(true);
  });
});
