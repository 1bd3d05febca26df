import { type Rect, rectArea, rectCenter, rectContainsPoint } from './geometry.js';
import type { Note } from './note.js';
import type { Zone } from './zone.js';

/**
 * The zone that holds a point: the smallest zone containing it (edges included), so a zone
 * drawn inside another wins. Ties go to the zone earlier in `zones`. Undefined when none does.
 */
export function zoneAtPoint<Z extends Zone>(
  zones: readonly Z[],
  x: number,
  y: number,
): Z | undefined {
  let best: Z | undefined;
  for (const zone of zones) {
    if (!rectContainsPoint(zone, x, y)) continue;
    if (!best || rectArea(zone) < rectArea(best)) best = zone;
  }
  return best;
}

/** The zone that holds a note: the one holding its centre. Derived on read, never stored. */
export function zoneOfNote<Z extends Zone>(zones: readonly Z[], note: Rect): Z | undefined {
  const center = rectCenter(note);
  return zoneAtPoint(zones, center.x, center.y);
}

export interface NotesByZone<N extends Note> {
  /** Zone id to the notes it holds, in the order given; every zone has an entry. */
  byZone: Map<string, N[]>;
  /** Notes outside every zone. */
  outside: N[];
}

/** Sorts notes into the zones that hold them, keeping the notes' order within each group. */
export function groupNotesByZone<N extends Note>(
  zones: readonly Zone[],
  notes: readonly N[],
): NotesByZone<N> {
  const byZone = new Map<string, N[]>(zones.map((zone) => [zone.id, []]));
  const outside: N[] = [];
  for (const note of notes) {
    const zone = zoneOfNote(zones, note);
    if (zone) byZone.get(zone.id)?.push(note);
    else outside.push(note);
  }
  return { byZone, outside };
}
