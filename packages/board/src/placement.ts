import {
  growRect,
  keepClear,
  type Rect,
  rectContainsPoint,
  rectContainsRect,
  rectsIntersect,
} from './geometry.js';
import { zoneAtPoint } from './membership.js';
import { NOTE_DEFAULT_HEIGHT, NOTE_DEFAULT_WIDTH } from './note.js';
import type { Zone } from './zone.js';

// Where a new note goes. A note lands on a free spot: it overlaps no other note (nor comes
// closer than NOTE_GAP), and it lies wholly inside one zone's body or wholly outside every zone,
// never across a border, so which zone it counts for is never an accident.

/**
 * Space kept clear at the top of a zone for its title and a prompt of up to two lines, set
 * large enough to read through a shared screen (apps/web canvas/zoneLabel.ts).
 */
export const ZONE_HEADER_HEIGHT = 116;
/** The clear space kept between notes, and between a note and a zone's border. */
export const NOTE_GAP = 16;
/** Beyond this many notes nearby, only grid slots are tried (a pathological board stays fast). */
const MAX_NEIGHBOURS = 400;

type Point = { x: number; y: number };
type Size = { width: number; height: number };

const DEFAULT_SIZE: Size = { width: NOTE_DEFAULT_WIDTH, height: NOTE_DEFAULT_HEIGHT };

/** The part of a zone that holds notes: below its header, inside a margin. */
export function zoneBody(zone: Rect): Rect {
  return {
    x: zone.x + NOTE_GAP,
    y: zone.y + ZONE_HEADER_HEIGHT,
    width: zone.width - NOTE_GAP * 2,
    height: zone.height - ZONE_HEADER_HEIGHT - NOTE_GAP,
  };
}

/**
 * Spots worth trying for a note of `size`: a grid over `area`, the places right beside each
 * obstacle (level with it, or with the wanted corner) where the free space next to existing
 * notes is, and with `exact` the wanted corner itself. Without `exact`, notes keep to the grid
 * and to each other's edges, so a zone holds as many as it can before it is full.
 */
function candidates(
  size: Size,
  near: Point | undefined,
  area: Rect | undefined,
  obstacles: readonly Rect[],
  exact: boolean,
): Point[] {
  const spots: Point[] = [];
  if (near && exact) {
    spots.push(near);
    if (area) {
      // Pulled inside the area, as near as it can be.
      spots.push({
        x: Math.min(Math.max(near.x, area.x), area.x + area.width - size.width),
        y: Math.min(Math.max(near.y, area.y), area.y + area.height - size.height),
      });
    }
  }
  if (area) {
    const stepX = size.width + NOTE_GAP;
    const stepY = size.height + NOTE_GAP;
    // At most a few thousand slots, however large the area.
    const columns = Math.min(60, Math.floor((area.width + NOTE_GAP) / stepX));
    const rows = Math.min(60, Math.floor((area.height + NOTE_GAP) / stepY));
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        spots.push({ x: area.x + column * stepX, y: area.y + row * stepY });
      }
    }
  }
  if (obstacles.length > MAX_NEIGHBOURS) return spots;
  for (const o of obstacles) {
    const beside = [o.x + o.width + NOTE_GAP, o.x - size.width - NOTE_GAP];
    const level = [o.y + o.height + NOTE_GAP, o.y - size.height - NOTE_GAP];
    for (const x of beside) {
      spots.push({ x, y: o.y });
      if (near && exact) spots.push({ x, y: near.y });
    }
    for (const y of level) {
      spots.push({ x: o.x, y });
      if (near && exact) spots.push({ x: near.x, y });
    }
    if (area) {
      spots.push({ x: area.x, y: o.y + o.height + NOTE_GAP });
      spots.push({ x: o.x + o.width + NOTE_GAP, y: area.y });
    }
  }
  return spots;
}

/**
 * The free spot for a note of `size` whose top-left corner is nearest to `near`, preferring
 * spots that cover the wanted note's centre (or, without `near`, first in reading order), among
 * spots inside `area` (when given) that overlap no obstacle. Undefined when there is none.
 */
function bestSpot(
  size: Size,
  near: Point | undefined,
  area: Rect | undefined,
  obstacles: readonly Rect[],
  exact: boolean,
): Point | undefined {
  const blocked = keepClear(obstacles, NOTE_GAP);
  let best: Point | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const spot of candidates(size, near, area, obstacles, exact)) {
    const rect = {
      x: Math.round(spot.x),
      y: Math.round(spot.y),
      width: size.width,
      height: size.height,
    };
    if (area && !rectContainsRect(area, rect)) continue;
    // Reading order: rows of half a note's height, then left to right.
    // Near a wanted spot, a spot that covers its centre (the pointer, for N) comes first.
    const covers =
      near && rectContainsPoint(rect, near.x + size.width / 2, near.y + size.height / 2);
    const score = near
      ? Math.hypot(rect.x - near.x, rect.y - near.y) - (covers ? 1e6 : 0)
      : Math.floor((rect.y - (area?.y ?? 0)) / (size.height / 2)) * 1e7 + rect.x;
    if (score >= bestScore) continue;
    if (blocked.some((o) => rectsIntersect(o, rect))) continue;
    best = { x: rect.x, y: rect.y };
    bestScore = score;
  }
  return best;
}

export interface PlacementInput {
  zones: readonly Zone[];
  notes: readonly Rect[];
  size?: Size;
  /** Try the wanted spot itself first (a double-click), not only the grid and note edges. */
  exact?: boolean;
}

/**
 * A free spot in `zone`'s body: nearest to `near` (a wanted top-left corner) or first in
 * reading order. Zones drawn inside it are kept clear too. Undefined when the zone is full.
 */
export function freeSpotInZone(
  zone: Zone,
  { zones, notes, size = DEFAULT_SIZE, exact = false }: PlacementInput,
  near?: Point,
): Point | undefined {
  const body = zoneBody(zone);
  const inner = zones.filter((z) => z.id !== zone.id && rectsIntersect(z, body));
  const nearby = notes.filter((note) => rectsIntersect(growRect(note, NOTE_GAP), body));
  return bestSpot(size, near, body, [...nearby, ...inner], exact);
}

/** A free spot outside every zone, nearest to `near`. */
export function freeSpotOutside(
  { zones, notes, size = DEFAULT_SIZE }: PlacementInput,
  near: Point,
): Point {
  const obstacles = [...zones, ...notes];
  // No grid outside the zones: the wanted spot itself is always tried.
  const spot = bestSpot(size, near, undefined, obstacles, true);
  if (spot) return spot;
  // Everything near is taken (a board packed with hundreds of notes): right of it all.
  let right = near.x;
  for (const o of obstacles) right = Math.max(right, o.x + o.width + NOTE_GAP);
  return { x: Math.round(right), y: Math.round(near.y) };
}

/**
 * Where a note goes when it is meant for `zone`: a free spot in it, or when it is full, the
 * nearest free spot outside every zone, just beside it (the caller says so).
 */
export function placeInZone(
  zone: Zone,
  input: PlacementInput,
  near?: Point,
): { spot: Point; inZone: boolean } {
  const spot = freeSpotInZone(zone, input, near);
  if (spot) return { spot, inZone: true };
  const beside = near ?? { x: zone.x, y: zone.y + zone.height + NOTE_GAP };
  return { spot: freeSpotOutside(input, beside), inZone: false };
}

/** How near a zone a point outside every zone must be for a note put there to go into it. */
const REACH = NOTE_DEFAULT_WIDTH;

/** The zone nearest to a point outside every zone, when it is within REACH. */
function zoneWithinReach(zones: readonly Zone[], at: Point): Zone | undefined {
  let best: Zone | undefined;
  let bestDistance = REACH;
  for (const zone of zones) {
    const dx = Math.max(zone.x - at.x, 0, at.x - (zone.x + zone.width));
    const dy = Math.max(zone.y - at.y, 0, at.y - (zone.y + zone.height));
    const distance = Math.hypot(dx, dy);
    if (distance <= bestDistance) {
      best = zone;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Where a note the person puts at board point `at` goes (its centre wanted there): a free spot
 * in the zone holding the point (or, in the gaps between zones, the nearest zone), as near to it
 * as can be, or a free spot outside the zones when the point is away from them. `full`: the
 * zone meant, when it had no room and the note went beside it.
 */
export function placeAtPoint(
  at: Point,
  input: PlacementInput,
): { spot: Point; zone: Zone | undefined; full?: Zone } {
  const size = input.size ?? DEFAULT_SIZE;
  const near = { x: Math.round(at.x - size.width / 2), y: Math.round(at.y - size.height / 2) };
  const zone = zoneAtPoint(input.zones, at.x, at.y) ?? zoneWithinReach(input.zones, at);
  if (!zone) return { spot: freeSpotOutside(input, near), zone: undefined };
  const placed = placeInZone(zone, input, near);
  return placed.inZone
    ? { spot: placed.spot, zone }
    : { spot: placed.spot, zone: undefined, full: zone };
}
