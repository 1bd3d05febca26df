// How a card's header strip is laid out (paintCard paints it): the rules are the board model's
// (cardHeaderLayout.ts, shared with the board picture); here they are measured with the canvas
// and memoised. Used wherever the text under the header is laid out.
import {
  CARD_HEADER,
  type Card,
  cardHeading,
  HEADER_ICON,
  HEADER_LINE,
  HEADER_PAD,
  HEADER_SIZE,
  HEADER_TEXT_LEFT,
  type HeaderLayout,
  layoutCardHeader,
  WEIGHT_DOT,
} from '@dartboard/board';
import { canvasMeasure } from './fitText';

export { CARD_HEADER, HEADER_LINE, HEADER_PAD, HEADER_SIZE, type HeaderLayout };
export const ICON = HEADER_ICON;
export const TEXT_LEFT = HEADER_TEXT_LEFT;
export const DOT = WEIGHT_DOT;

const layouts = new Map<string, HeaderLayout>();
const LAYOUTS_MAX = 5_000;

/** The header of `card` in a note `width` wide; memoised per width and words. */
export function cardHeader(card: Card, width: number): HeaderLayout {
  if (card.kind === 'note') return layoutCardHeader(card, width, canvasMeasure, 0);
  const thisYear = new Date().getFullYear();
  const weight = card.kind === 'risk' || card.kind === 'benefit' ? card.weight : null;
  const key = `${width}:${weight}:${cardHeading(card, thisYear)}`;
  const known = layouts.get(key);
  if (known) return known;
  const layout = layoutCardHeader(card, width, canvasMeasure, thisYear);
  if (layouts.size >= LAYOUTS_MAX) layouts.clear();
  layouts.set(key, layout);
  return layout;
}

/** Room the card's header takes at the top of a note `width` wide (0 for a plain note). */
export function headerHeight(card: Card, width: number): number {
  return cardHeader(card, width).height;
}
