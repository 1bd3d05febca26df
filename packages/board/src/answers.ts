import type { Rect } from './geometry.js';
import { zoneOfNote } from './membership.js';
import { NOTE_DEFAULT_HEIGHT, NOTE_DEFAULT_WIDTH } from './note.js';
import { freeSpotOutside, NOTE_GAP, type PlacementInput, placeInZone } from './placement.js';

/**
 * Where an answer to `question` goes: right beside it (to its right, level with its top) on the
 * nearest free spot, in the question's zone when it lies in one (beside the zone when that is
 * full), never over another note. `inZone`: whether it went into the question's zone.
 */
export function placeAnswer(
  question: Rect,
  input: PlacementInput,
): { spot: { x: number; y: number }; inZone: boolean } {
  const size = input.size ?? { width: NOTE_DEFAULT_WIDTH, height: NOTE_DEFAULT_HEIGHT };
  const near = { x: question.x + question.width + NOTE_GAP, y: question.y };
  const placing = { ...input, size, exact: true };
  const zone = zoneOfNote(input.zones, question);
  if (zone) return placeInZone(zone, placing, near);
  return { spot: freeSpotOutside(placing, near), inZone: false };
}
