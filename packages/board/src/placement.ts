import { type Rect, rectsIntersect } from './geometry.js';
import { NOTE_DEFAULT_HEIGHT, NOTE_DEFAULT_WIDTH } from './note.js';

/**
 * Space kept clear at the top of a zone for its title and a prompt of up to two lines, set
 * large enough to read through a shared screen (apps/web canvas/zoneLabel.ts).
 */
export const ZONE_HEADER_HEIGHT = 116;
const GAP = 16;

/**
 * Where to put a note of the given size inside a zone: the first free slot of a grid laid over
 * the zone below its header (left to right, top to bottom), so a note sent to a zone from a
 * menu or a keyboard lands where it can be seen. When every slot is taken, the zone's centre.
 */
export function freeSpotInZone(
  zone: Rect,
  notes: readonly Rect[],
  size: { width: number; height: number } = {
    width: NOTE_DEFAULT_WIDTH,
    height: NOTE_DEFAULT_HEIGHT,
  },
): { x: number; y: number } {
  const left = zone.x + GAP;
  const top = zone.y + ZONE_HEADER_HEIGHT;
  const right = zone.x + zone.width - GAP;
  const bottom = zone.y + zone.height - GAP;
  for (let y = top; y + size.height <= bottom; y += size.height + GAP) {
    for (let x = left; x + size.width <= right; x += size.width + GAP) {
      const slot = { x, y, width: size.width, height: size.height };
      if (!notes.some((note) => rectsIntersect(slot, note))) return { x, y };
    }
  }
  return {
    x: zone.x + (zone.width - size.width) / 2,
    y: zone.y + (zone.height - size.height) / 2,
  };
}
