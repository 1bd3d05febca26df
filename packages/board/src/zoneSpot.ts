// Where a zone the facilitator adds goes: a free spot, never over another zone (nor over notes,
// which would suddenly count for it), as near as can be to where the facilitator is looking.
import type * as Y from 'yjs';
import { keepClear, type Rect, rectsIntersect } from './geometry.js';
import { listNotes } from './note.js';
import { paletteEntry } from './palette.js';
import { ZONE_GAP } from './templates.js';
import { addZone, listZones, type ZoneKind } from './zone.js';

type Point = { x: number; y: number };
type Size = { width: number; height: number };

/**
 * The top-left corner of a free spot for a zone of `size`: its centre at `near` when that is
 * free, else the free spot beside another zone or note (right of it or below it, level with
 * its edge) nearest to `near`. Without `near`, the board's top-left corner is what is near. A
 * spot right of everything is always free, so there always is one.
 */
export function freeZoneSpot(obstacles: readonly Rect[], size: Size, near?: Point): Point {
  const want = near
    ? { x: Math.round(near.x - size.width / 2), y: Math.round(near.y - size.height / 2) }
    : { x: 0, y: 0 };
  if (obstacles.length === 0) return want;
  const left = Math.min(...obstacles.map((o) => o.x));
  const top = Math.min(...obstacles.map((o) => o.y));
  const right = Math.max(...obstacles.map((o) => o.x + o.width));
  const bottom = Math.max(...obstacles.map((o) => o.y + o.height));
  const spots: Point[] = [want, { x: right + ZONE_GAP, y: top }, { x: left, y: bottom + ZONE_GAP }];
  for (const o of obstacles) {
    spots.push({ x: o.x + o.width + ZONE_GAP, y: o.y }, { x: o.x, y: o.y + o.height + ZONE_GAP });
  }
  const blocked = keepClear(obstacles, ZONE_GAP);
  const anchor = near ? want : { x: left, y: top };
  let best = spots[1] as Point;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const spot of spots) {
    const rect = { x: Math.round(spot.x), y: Math.round(spot.y), ...size };
    const distance = Math.hypot(rect.x - anchor.x, rect.y - anchor.y);
    if (distance >= bestDistance) continue;
    if (blocked.some((o) => rectsIntersect(o, rect))) continue;
    best = { x: rect.x, y: rect.y };
    bestDistance = distance;
  }
  return best;
}

/**
 * Adds a zone of `kind` with the palette's title, prompt and size on a free spot (see
 * freeZoneSpot), centred at `near` when that is free. Returns the new zone's id.
 */
export function addZoneOfKind(doc: Y.Doc, kind: ZoneKind, near?: Point): string {
  const { title, prompt, width, height } = paletteEntry(kind);
  const obstacles = [...listZones(doc), ...listNotes(doc)];
  const spot = freeZoneSpot(obstacles, { width, height }, near);
  return addZone(doc, { kind, title, prompt, width, height, ...spot });
}
