// How a card's header strip is laid out, the same in the page's canvas and in the board picture:
// the kind's name in bold and its details after it on one line when they fit ("Risk · High"),
// otherwise the name on the first line and the details on up to two more.
import type { Card } from './cards.js';
import { cardDetails, cardTitle } from './cardText.js';
import { FONT_SIZE } from './legibility.js';
import { fitLine, type Measure, NOTE_PADDING, wrapText } from './textLayout.js';

/** The header's text size, board units: the author line's (the name in bold). */
export const HEADER_SIZE = FONT_SIZE.author;
export const HEADER_LINE = Math.round(HEADER_SIZE * 1.2);
/** Space above and below the header's lines, board units. */
export const HEADER_PAD = 6;
/** The header strip's height with one line of text, board units. */
export const CARD_HEADER = HEADER_LINE + HEADER_PAD * 2;
/** The kind's icon, a square this wide left of the header's text. */
export const HEADER_ICON = 20;
/** Where the header's text starts, after the icon. */
export const HEADER_TEXT_LEFT = NOTE_PADDING + HEADER_ICON + 8;
/** A risk's or benefit's weight dots (●●○), at the right of the first line: their radius. */
export const WEIGHT_DOT = 5;
const DOTS_WIDTH = 3 * WEIGHT_DOT * 2 + 2 * 4 + 8;
/** Bold glyphs are wider than the regular ones measured. */
const BOLD = 1.08;
const SEPARATOR = ' · ';

export interface HeaderLayout {
  /** The kind's name, in bold: one line, or two for a long name ("Need-payoff" "question"). */
  title: string[];
  /** The details on the name's line, after it ('' when they go below). */
  inline: string;
  /** Lines of details under the name. */
  below: string[];
  /** Weight dots to draw (0: none). */
  dots: number;
  height: number;
}

const NONE: HeaderLayout = { title: [], inline: '', below: [], dots: 0, height: 0 };

/**
 * The header of `card` in a note `width` wide, its text measured with `measure` (bold as the
 * regular text a little larger); due dates show their year unless it is `thisYear`.
 */
export function layoutCardHeader(
  card: Card,
  width: number,
  measure: Measure,
  thisYear: number,
): HeaderLayout {
  if (card.kind === 'note') return NONE;
  // "Action item" is the name in lists; on a card, "Action" leaves room for the owner.
  const title = card.kind === 'action' ? 'Action' : cardTitle(card);
  const details = cardDetails(card, thisYear).join(SEPARATOR);
  const dots = (card.kind === 'risk' || card.kind === 'benefit') && card.weight ? card.weight : 0;
  const measureBold: Measure = (text, size) => measure(text, size * BOLD);
  const room = Math.max(1, width - HEADER_TEXT_LEFT - NOTE_PADDING);
  const firstRoom = Math.max(1, room - (dots ? DOTS_WIDTH : 0));
  const titleWidth = measureBold(title, HEADER_SIZE);
  if (details && titleWidth + measure(SEPARATOR + details, HEADER_SIZE) <= firstRoom) {
    return { title: [title], inline: SEPARATOR + details, below: [], dots, height: CARD_HEADER };
  }
  const titleLines = titleWidth <= firstRoom ? [title] : twoLines(title, firstRoom, measureBold);
  const below = details ? twoLines(details, room, measure) : [];
  const lines = titleLines.length + below.length;
  return {
    title: titleLines,
    inline: '',
    below,
    dots,
    height: CARD_HEADER + (lines - 1) * HEADER_LINE,
  };
}

/** `text` wrapped at spaces to at most two lines of `room`, the second cut with an ellipsis. */
function twoLines(text: string, room: number, measure: Measure): string[] {
  const wrapped = wrapText(text, HEADER_SIZE, room, measure, 2);
  if (wrapped.length <= 2) return wrapped;
  return [wrapped[0] ?? '', fitLine(wrapped.slice(1).join(' '), HEADER_SIZE, room, measure)];
}
