// How a card's header strip is laid out (paintCard paints it): the kind's name in bold and its
// details after it on one line when they fit ("Risk · High"), otherwise the name on the first
// line and the details on up to two more. Used wherever the text under the header is laid out.
import { type Card, cardDetails, cardTitle } from '@dartboard/board';
import { canvasMeasure, fitLine, type Measure, NOTE_PADDING, wrapText } from './fitText';
import { FONT_SIZE } from './legibility';

/** The header's text size, board units: the author line's (the name in bold). */
export const HEADER_SIZE = FONT_SIZE.author;
export const HEADER_LINE = Math.round(HEADER_SIZE * 1.2);
/** Space above and below the header's lines, board units. */
export const HEADER_PAD = 6;
/** The header strip's height with one line of text, board units. */
export const CARD_HEADER = HEADER_LINE + HEADER_PAD * 2;
export const ICON = 20;
/** Where the header's text starts, after the icon. */
export const TEXT_LEFT = NOTE_PADDING + ICON + 8;
/** A risk's or benefit's weight dots (●●○), at the right of the first line. */
export const DOT = 5;
const DOTS_WIDTH = 3 * DOT * 2 + 2 * 4 + 8;
/** Bold glyphs are wider than the regular ones fitText measures. */
const BOLD = 1.08;
const measureBold: Measure = (text, size) => canvasMeasure(text, size * BOLD);
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
const layouts = new Map<string, HeaderLayout>();
const LAYOUTS_MAX = 5_000;

/** The header of `card` in a note `width` wide; memoised per text and width. */
export function cardHeader(card: Card, width: number): HeaderLayout {
  if (card.kind === 'note') return NONE;
  // "Action item" is the name in lists; on a card, "Action" leaves room for the owner.
  const title = card.kind === 'action' ? 'Action' : cardTitle(card);
  const details = cardDetails(card, new Date().getFullYear()).join(SEPARATOR);
  const dots = (card.kind === 'risk' || card.kind === 'benefit') && card.weight ? card.weight : 0;
  const key = `${width}:${title}:${dots}:${details}`;
  const known = layouts.get(key);
  if (known) return known;
  const room = Math.max(1, width - TEXT_LEFT - NOTE_PADDING);
  const firstRoom = Math.max(1, room - (dots ? DOTS_WIDTH : 0));
  const titleWidth = measureBold(title, HEADER_SIZE);
  let layout: HeaderLayout;
  if (details && titleWidth + canvasMeasure(SEPARATOR + details, HEADER_SIZE) <= firstRoom) {
    layout = { title: [title], inline: SEPARATOR + details, below: [], dots, height: CARD_HEADER };
  } else {
    const titleLines = titleWidth <= firstRoom ? [title] : twoLines(title, firstRoom, measureBold);
    const below = details ? twoLines(details, room, canvasMeasure) : [];
    const lines = titleLines.length + below.length;
    layout = {
      title: titleLines,
      inline: '',
      below,
      dots,
      height: CARD_HEADER + (lines - 1) * HEADER_LINE,
    };
  }
  if (layouts.size >= LAYOUTS_MAX) layouts.clear();
  layouts.set(key, layout);
  return layout;
}

/** `text` wrapped at spaces to at most two lines of `room`, the second cut with an ellipsis. */
function twoLines(text: string, room: number, measure: Measure): string[] {
  const wrapped = wrapText(text, HEADER_SIZE, room, measure, 2);
  if (wrapped.length <= 2) return wrapped;
  return [wrapped[0] ?? '', fitLine(wrapped.slice(1).join(' '), HEADER_SIZE, room, measure)];
}

/** Room the card's header takes at the top of a note `width` wide (0 for a plain note). */
export function headerHeight(card: Card, width: number): number {
  return cardHeader(card, width).height;
}
