import { type Rect, rectCenter } from './geometry.js';
import { zoneAtPoint } from './membership.js';
import {
  isNoteColor,
  NOTE_DEFAULT_HEIGHT,
  NOTE_DEFAULT_WIDTH,
  NOTE_MAX_SIZE,
  NOTE_MIN_SIZE,
  NOTE_TEXT_MAX_LENGTH,
  type Note,
} from './note.js';
import { freeSpotInZone, freeSpotOutside, type PlacementInput } from './placement.js';
import type { Zone } from './zone.js';

// Copy, paste and duplicate: notes as clipboard data, text as notes, and where copies land.

/** The clipboard type of copied notes (a JSON document); text/plain carries their text too. */
export const NOTES_MIME = 'application/x-dartboard-notes+json';
/** At most this many notes come from one paste; the rest is left out (and the page says so). */
export const PASTE_MAX_NOTES = 100;

/** A copied note: what a paste recreates. Position is kept to lay copies out as they were. */
export interface CopiedNote extends Rect {
  text: string;
  color: string;
}

export function encodeCopiedNotes(notes: readonly Note[]): string {
  const copied: CopiedNote[] = notes.map(({ x, y, width, height, text, color }) => ({
    x,
    y,
    width,
    height,
    text,
    color,
  }));
  return JSON.stringify({ dartboard: 1, notes: copied });
}

const finite = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;
const size = (value: unknown, fallback: number) =>
  Math.min(NOTE_MAX_SIZE, Math.max(NOTE_MIN_SIZE, finite(value, fallback)));

/**
 * Reads copied notes back, whatever the clipboard holds: anything that is not notes copied by
 * Dartboard gives undefined, and every field is checked, since another page could have put it
 * there.
 */
export function decodeCopiedNotes(data: string): CopiedNote[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { dartboard, notes } = parsed as { dartboard?: unknown; notes?: unknown };
  if (dartboard !== 1 || !Array.isArray(notes)) return undefined;
  const copied: CopiedNote[] = [];
  for (const value of notes.slice(0, PASTE_MAX_NOTES)) {
    if (typeof value !== 'object' || value === null) continue;
    const note = value as Record<string, unknown>;
    copied.push({
      x: finite(note.x, 0),
      y: finite(note.y, 0),
      width: size(note.width, NOTE_DEFAULT_WIDTH),
      height: size(note.height, NOTE_DEFAULT_HEIGHT),
      text: typeof note.text === 'string' ? note.text.slice(0, NOTE_TEXT_MAX_LENGTH) : '',
      color: isNoteColor(note.color) ? note.color : '',
    });
  }
  return copied.length > 0 ? copied : undefined;
}

/** Pasted text as note texts: one per non-empty line when there are several, else the text. */
export function textToNotes(text: string): string[] {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.map((line) => line.slice(0, NOTE_TEXT_MAX_LENGTH));
}

/**
 * Where copies of notes go: laid out as the originals were, moved by `offset`, each on the free
 * spot nearest to that (in the zone its centre falls in, or outside the zones), clear of the
 * board's notes and of each other.
 */
export function placeCopies(
  copies: readonly Rect[],
  input: { zones: readonly Zone[]; notes: readonly Rect[] },
  offset: { x: number; y: number },
): { x: number; y: number }[] {
  const taken: Rect[] = [...input.notes];
  return copies.map((copy) => {
    const wanted = { ...copy, x: Math.round(copy.x + offset.x), y: Math.round(copy.y + offset.y) };
    const centre = rectCenter(wanted);
    const zone = zoneAtPoint(input.zones, centre.x, centre.y);
    const placement: PlacementInput = { zones: input.zones, notes: taken, size: copy, exact: true };
    const spot =
      (zone && freeSpotInZone(zone, placement, wanted)) ?? freeSpotOutside(placement, wanted);
    taken.push({ ...copy, ...spot });
    return spot;
  });
}
