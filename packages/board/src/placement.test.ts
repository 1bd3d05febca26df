import { describe, expect, it } from 'vitest';
import { type Rect, rectContainsRect, rectsIntersect } from './geometry.js';
import { zoneOfNote } from './membership.js';
import {
  freeSpotInZone,
  freeSpotOutside,
  NOTE_GAP,
  placeAtPoint,
  placeInZone,
  ZONE_HEADER_HEIGHT,
  zoneBody,
} from './placement.js';
import { DART_ZONES } from './templates.js';
import type { Zone } from './zone.js';

const zone: Zone = {
  locked: false,
  id: 'z',
  kind: 'dialogue',
  title: 'Dialogue',
  prompt: '',
  x: 100,
  y: 100,
  width: 700,
  height: 560,
};
const size = { width: 200, height: 160 };
const dart: Zone[] = DART_ZONES.map((z, i) => ({
  ...z,
  id: `z${i}`,
  prompt: z.prompt ?? '',
  locked: false,
}));

/** A note of the default size at a spot. */
const at = (spot: { x: number; y: number }): Rect => ({ ...spot, ...size });

/** No two of the rectangles overlap or come closer than the gap. */
function apart(rects: readonly Rect[]): boolean {
  return rects.every((a, i) =>
    rects.every(
      (b, j) =>
        i === j ||
        !rectsIntersect(
          {
            x: a.x - NOTE_GAP + 1,
            y: a.y - NOTE_GAP + 1,
            width: a.width + 2 * NOTE_GAP - 2,
            height: a.height + 2 * NOTE_GAP - 2,
          },
          b,
        ),
    ),
  );
}

/** Wholly inside one zone's body, or clear of every zone. */
function onOneSide(note: Rect, zones: readonly Zone[]): boolean {
  const inside = zones.filter((z) => rectsIntersect(z, note));
  if (inside.length === 0) return true;
  return inside.length === 1 && rectContainsRect(zoneBody(inside[0] as Zone), note);
}

describe('freeSpotInZone', () => {
  it('puts the first note below the header, inside the zone', () => {
    const spot = freeSpotInZone(zone, { zones: [zone], notes: [], size });
    expect(spot?.y).toBeGreaterThanOrEqual(zone.y + ZONE_HEADER_HEIGHT);
    expect(zoneOfNote([zone], at(spot ?? { x: 0, y: 0 }))?.id).toBe('z');
  });

  it('fills a zone in reading order without overlaps until it is full', () => {
    const notes: Rect[] = [];
    for (;;) {
      const spot = freeSpotInZone(zone, { zones: [zone], notes, size });
      if (!spot) break;
      notes.push(at(spot));
    }
    // 700 x 560 with its header: three columns, two rows of 200 x 160 notes.
    expect(notes).toHaveLength(6);
    expect(notes[1]?.y).toBe(notes[0]?.y);
    expect(notes[2]?.y).toBe(notes[0]?.y);
    expect(notes[3]?.y).toBeGreaterThan(notes[0]?.y ?? 0);
    expect(apart(notes)).toBe(true);
    for (const note of notes) expect(rectContainsRect(zoneBody(zone), note)).toBe(true);
  });

  it('finds the free space beside a note that sits off the grid', () => {
    const notes = [{ x: 180, y: 200, width: 200, height: 160 }];
    // Not the first grid slot (the note covers it) but the space right beside the note.
    const spot = freeSpotInZone(zone, { zones: [zone], notes, size });
    expect(spot).toBeDefined();
    expect(spot?.x).toBe(396);
    expect(apart([...notes, at(spot ?? { x: 0, y: 0 })])).toBe(true);
    expect(rectContainsRect(zoneBody(zone), at(spot ?? { x: 0, y: 0 }))).toBe(true);
  });

  it('takes exactly the spot wanted when it is free (a double-click)', () => {
    const input = { zones: [zone], notes: [], size, exact: true };
    expect(freeSpotInZone(zone, input, { x: 300, y: 250 })).toEqual({ x: 300, y: 250 });
    // Wanted across the border: pulled inside, as near as it can be.
    expect(freeSpotInZone(zone, input, { x: 700, y: 130 })).toEqual({ x: 584, y: 216 });
  });

  it('otherwise keeps to the grid slot that covers the point wanted (the pointer)', () => {
    // Wanted centre (400, 330): inside the slot at (332, 216).
    const spot = freeSpotInZone(zone, { zones: [zone], notes: [], size }, { x: 300, y: 250 });
    expect(spot).toEqual({ x: 332, y: 216 });
    expect(placeAtPoint({ x: 400, y: 330 }, { zones: [zone], notes: [], size }).spot).toEqual(spot);
  });

  it('keeps zones drawn inside the zone clear', () => {
    const inner: Zone = { ...zone, id: 'inner', x: 116, y: 172, width: 240, height: 200 };
    const spot = freeSpotInZone(zone, { zones: [zone, inner], notes: [], size });
    expect(rectsIntersect(inner, at(spot ?? { x: 0, y: 0 }))).toBe(false);
  });
});

describe('placeInZone', () => {
  it('puts a note beside a full zone, outside every zone, and says so', () => {
    const full = [{ x: zone.x, y: zone.y, width: zone.width, height: zone.height }];
    const placed = placeInZone(zone, { zones: [zone], notes: full, size });
    expect(placed.inZone).toBe(false);
    expect(onOneSide(at(placed.spot), [zone])).toBe(true);
    expect(apart([...full, at(placed.spot)])).toBe(true);
  });
});

describe('placeAtPoint', () => {
  it('centres the note on the point when that spot is free', () => {
    const { spot, zone: target } = placeAtPoint(
      { x: 300, y: 300 },
      { zones: dart, notes: [], size, exact: true },
    );
    expect(spot).toEqual({ x: 200, y: 220 });
    expect(target?.id).toBe('z0');
  });

  it('never lands on the corner where the four DART zones meet, however often it is asked', () => {
    // The centre of the 2 x 2 grid: the gaps between the zones cross there.
    const [first, , , last] = dart as [Zone, Zone, Zone, Zone];
    const corner = {
      x: (first.x + first.width + last.x) / 2,
      y: (first.y + first.height + last.y) / 2,
    };
    const notes: Rect[] = [];
    for (let i = 0; i < 12; i++) {
      const { spot } = placeAtPoint(corner, { zones: dart, notes, size });
      notes.push(at(spot));
    }
    expect(apart(notes)).toBe(true);
    for (const note of notes) expect(onOneSide(note, dart)).toBe(true);
    // In the gap between zones, a note goes into the nearest zone, not off the board.
    for (const note of notes) expect(zoneOfNote(dart, note)).toBeDefined();
  });

  it('places ten notes pressed at one point inside a zone apart, all in that zone', () => {
    const notes: Rect[] = [];
    for (let i = 0; i < 10; i++) {
      notes.push(at(placeAtPoint({ x: 1400, y: 300 }, { zones: dart, notes, size }).spot));
    }
    expect(apart(notes)).toBe(true);
    for (const note of notes) expect(zoneOfNote(dart, note)?.id).toBe('z1');
    for (const note of notes) expect(onOneSide(note, dart)).toBe(true);
  });

  it('outside the zones, stays outside and clear of them', () => {
    const spot = freeSpotOutside({ zones: dart, notes: [], size }, { x: 1800, y: 600 });
    expect(onOneSide(at(spot), dart)).toBe(true);
    expect(zoneOfNote(dart, at(spot))).toBeUndefined();
  });
});

describe('sizes given as whole notes', () => {
  it('take only the width and height from them, never their position', () => {
    const note = { x: 5000, y: 5000, width: 200, height: 160, id: 'n' };
    const spot = freeSpotInZone(zone, { zones: [zone], notes: [], size: note });
    expect(spot).toEqual({ x: 116, y: 216 });
  });
});
