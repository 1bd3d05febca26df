import { FONT_SIZE, NOTE_LOOK, type Note } from '@dartboard/board';
import { headerHeight } from './cardHeader';
import { FONT_FAMILY, fitLine, LINE_HEIGHT, layoutNoteText, MORE, NOTE_PADDING } from './fitText';
import { paintCard } from './paintCard';

/** The flat offset shadow under every note (a blurred one costs a full extra pass per note). */
export const SHADOW_OFFSET = NOTE_LOOK.shadowOffset;
const SHADOW = NOTE_LOOK.shadow;
const TEXT = NOTE_LOOK.text;
const AUTHOR = NOTE_LOOK.author;
const RADIUS = NOTE_LOOK.radius;
/** The author line's font size, board units. */
export const AUTHOR_SIZE = FONT_SIZE.author;

/** Room under the author line, board units. */
const AUTHOR_BOTTOM = NOTE_LOOK.authorBottom;

/** What a note's image depends on (its position does not change it). */
export type NoteLook = Pick<
  Note,
  'width' | 'height' | 'color' | 'author' | 'text' | 'locked' | 'card'
>;

/** Size of the padlock drawn on locked notes, in board units: as tall as the author's capitals. */
const LOCK_SIZE = Math.round(AUTHOR_SIZE * 0.75);

/** The main thread paints on a page canvas, the painting worker on an OffscreenCanvas. */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** The size in device pixels of a note's image (with its shadow) at `resolution`. */
export function noteImageSize(
  note: NoteLook,
  resolution: number,
): { width: number; height: number } {
  return {
    width: Math.max(1, Math.ceil((note.width + SHADOW_OFFSET.x) * resolution)),
    height: Math.max(1, Math.ceil((note.height + SHADOW_OFFSET.y) * resolution)),
  };
}

/**
 * Paints a note with its top-left corner at the origin of `context`: shadow, paper, a card's
 * header (paintCard), text and author. Without `withText` (the note being edited, whose text the editor shows) the text is
 * left out. The caller sets the transform (board position, zoom, bitmap scale).
 */
export function paintNote(context: Context2D, note: NoteLook, withText: boolean): void {
  context.fillStyle = SHADOW;
  context.beginPath();
  context.roundRect(SHADOW_OFFSET.x, SHADOW_OFFSET.y, note.width, note.height, RADIUS);
  context.fill();
  context.fillStyle = note.color;
  context.beginPath();
  context.roundRect(0, 0, note.width, note.height, RADIUS);
  context.fill();
  paintCard(context, note);

  const inner = note.width - NOTE_PADDING * 2;
  context.textBaseline = 'top';
  context.textAlign = 'left';
  if (withText && note.text) {
    // A card's text sits under its header, laid out as a note of the height left.
    const header = headerHeight(note.card, note.width);
    const { fontSize, lines, more } = layoutNoteText(note.text, note.width, note.height - header);
    const top = header + NOTE_PADDING;
    const lineHeight = fontSize * LINE_HEIGHT;
    // Centre each line's glyphs in its line box, as CSS does in the editor textarea.
    const leading = (lineHeight - fontSize) / 2;
    context.font = `${fontSize}px ${FONT_FAMILY}`;
    context.fillStyle = TEXT;
    lines.forEach((line, index) => {
      context.fillText(line, NOTE_PADDING, top + leading + index * lineHeight, inner);
    });
    if (more) {
      // Muted, so it reads as a sign that the note goes on rather than as part of its text.
      const last = lines.length - 1;
      const after = NOTE_PADDING + context.measureText(lines[last] ?? '').width;
      context.fillStyle = AUTHOR;
      context.fillText(MORE, after, top + leading + last * lineHeight);
    }
  }
  // A little lower than the padding, for air between the text and the author.
  const authorTop = note.height - AUTHOR_BOTTOM - AUTHOR_SIZE;
  context.font = `${AUTHOR_SIZE}px ${FONT_FAMILY}`;
  context.fillStyle = AUTHOR;
  const authorWidth = note.locked ? inner - LOCK_SIZE - 6 : inner;
  context.fillText(fitLine(note.author, AUTHOR_SIZE, authorWidth), NOTE_PADDING, authorTop);
  if (note.locked) {
    const lockTop = authorTop + (AUTHOR_SIZE - LOCK_SIZE) / 2;
    paintLock(context, note.width - NOTE_PADDING - LOCK_SIZE, lockTop, LOCK_SIZE, AUTHOR);
  }
}

/** A padlock of `size` board units with its top-left corner at (x, y). */
export function paintLock(
  context: Context2D,
  x: number,
  y: number,
  size: number,
  color: string,
): void {
  const bodyHeight = size * 0.6;
  const bodyTop = y + size - bodyHeight;
  context.fillStyle = color;
  context.beginPath();
  context.roundRect(x, bodyTop, size, bodyHeight, size * 0.12);
  context.fill();
  context.strokeStyle = color;
  context.lineWidth = size * 0.14;
  context.beginPath();
  context.arc(x + size / 2, bodyTop, size * 0.3, Math.PI, 0);
  context.stroke();
}
