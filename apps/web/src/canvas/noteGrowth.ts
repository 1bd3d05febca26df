import { NOTE_DEFAULT_HEIGHT, type Note, rectsIntersect } from '@dartboard/board';
import { headerHeight } from './cardHeader';
import { heightToFit } from './fitText';

/**
 * A note grows while its text is typed, up to this height (board units, twice the default),
 * rather than shrink its text below what a shared screen shows legibly; past it, the note ends
 * in "…more" (fitText.ts).
 */
export const GROWN_HEIGHT_MAX = NOTE_DEFAULT_HEIGHT * 2;
/** Space a growing note leaves above the next note below it, board units. */
const GAP = 8;

/**
 * The height `note` should have to show `text`: taller if the text needs it, up to
 * GROWN_HEIGHT_MAX and never over a note below it; never shorter than it is (the person may
 * have made it tall on purpose).
 */
export function grownHeight(note: Note, text: string, notes: readonly Note[]): number {
  let limit = Math.max(note.height, GROWN_HEIGHT_MAX);
  const bottom = note.y + note.height;
  // Everything in the strip the note would grow into.
  const strip = { x: note.x, y: bottom, width: note.width, height: limit - note.height };
  for (const other of notes) {
    if (other.id === note.id || other.y < bottom || !rectsIntersect(other, strip)) continue;
    limit = Math.min(limit, other.y - note.y - GAP);
  }
  const header = headerHeight(note.card, note.width);
  const fit = header + heightToFit(text, note.width, Math.max(note.height, limit) - header);
  return Math.max(note.height, fit);
}
