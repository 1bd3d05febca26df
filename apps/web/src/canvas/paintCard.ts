// A card's look on the canvas, painted into the note's own image (paintNote): a header strip
// with the kind's icon, its name and details in words ("Risk · High"), and an edge that differs
// by kind. Icon, words and edge each tell the kinds apart without their colours.
import { type Card, type CardKind, cardHeading } from '@dartboard/board';
import { FONT_FAMILY, fitLine, NOTE_PADDING } from './fitText';
import { FONT_SIZE } from './legibility';
import type { Context2D } from './paintNote';

/** The header's text size, board units: a little larger than the author line, and bold. */
export const HEADER_SIZE = FONT_SIZE.author + 2;
/** The header strip's height, board units; a plain note has none. */
export const CARD_HEADER = 38;
const ICON = 22;
const INK = '#1c1917';
const EDGE = 'rgba(28,25,23,0.6)';
const STRIP = 'rgba(28,25,23,0.09)';
const DOT = 5;
const RADIUS = 6;

/** Room the card's header takes at the top of the note (0 for a plain note). */
export function headerHeight(card: Card): number {
  return card.kind === 'note' ? 0 : CARD_HEADER;
}

/** Paints a card's header and edge over its paper (0, 0, width, height). Nothing for a note. */
export function paintCard(
  context: Context2D,
  note: { width: number; height: number; card: Card },
): void {
  const { card, width, height } = note;
  if (card.kind === 'note') return;
  context.fillStyle = STRIP;
  context.beginPath();
  context.roundRect(0, 0, width, CARD_HEADER, [RADIUS, RADIUS, 0, 0]);
  context.fill();
  paintEdge(context, card.kind, width, height);

  const middle = CARD_HEADER / 2;
  paintIcon(context, card.kind, NOTE_PADDING, middle - ICON / 2, ICON);
  const textLeft = NOTE_PADDING + ICON + 8;
  const dots = (card.kind === 'risk' || card.kind === 'benefit') && card.weight ? card.weight : 0;
  const dotsWidth = dots ? 3 * DOT * 2 + 2 * 4 + 8 : 0;
  const room = Math.max(1, width - textLeft - NOTE_PADDING - dotsWidth);
  context.font = `600 ${HEADER_SIZE}px ${FONT_FAMILY}`;
  context.fillStyle = INK;
  context.textBaseline = 'middle';
  context.textAlign = 'left';
  const heading = fitLine(cardHeading(card, new Date().getFullYear()), HEADER_SIZE * 1.06, room);
  context.fillText(heading, textLeft, middle + 1, room);
  context.textBaseline = 'top';
  if (dots) paintWeight(context, width - NOTE_PADDING - DOT, middle, dots);
}

/** The weight as three dots, `filled` of them filled (●●○), the last one at `right`. */
function paintWeight(context: Context2D, right: number, middle: number, filled: number): void {
  context.strokeStyle = INK;
  context.fillStyle = INK;
  context.lineWidth = 1.5;
  for (let index = 0; index < 3; index++) {
    const x = right - (2 - index) * (DOT * 2 + 4);
    context.beginPath();
    context.arc(x, middle, DOT, 0, Math.PI * 2);
    if (index < filled) context.fill();
    else context.stroke();
  }
}

/** Each kind's edge: solid, a bar on the left (answer), dashed (risk), dotted (idea), double. */
function paintEdge(context: Context2D, kind: CardKind, width: number, height: number): void {
  context.strokeStyle = EDGE;
  context.fillStyle = EDGE;
  context.lineWidth = 2;
  const inset = 1;
  const outline = () => {
    context.beginPath();
    context.roundRect(inset, inset, width - inset * 2, height - inset * 2, RADIUS);
    context.stroke();
  };
  switch (kind) {
    case 'answer':
      context.beginPath();
      context.roundRect(0, 0, 6, height, [RADIUS, 0, 0, RADIUS]);
      context.fill();
      return;
    case 'risk':
      context.setLineDash([10, 6]);
      outline();
      context.setLineDash([]);
      return;
    case 'idea':
      context.lineCap = 'round';
      context.setLineDash([0.1, 6]);
      context.lineWidth = 3;
      outline();
      context.setLineDash([]);
      context.lineCap = 'butt';
      return;
    case 'commitment':
      outline();
      context.lineWidth = 1.5;
      context.beginPath();
      context.roundRect(5, 5, width - 10, height - 10, RADIUS - 2);
      context.stroke();
      return;
    default:
      outline();
  }
}

/** The kind's icon in a box of `size` at (x, y): drawn, so no font may lack it. */
function paintIcon(context: Context2D, kind: CardKind, x: number, y: number, size: number): void {
  const cx = x + size / 2;
  const cy = y + size / 2;
  const r = size / 2 - 1;
  context.strokeStyle = INK;
  context.fillStyle = INK;
  context.lineWidth = 2;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  const glyph = (text: string) => {
    context.font = `700 ${Math.round(size * 0.7)}px ${FONT_FAMILY}`;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillText(text, cx, cy + 1);
    context.textAlign = 'left';
  };
  context.beginPath();
  switch (kind) {
    case 'question':
      context.arc(cx, cy, r, 0, Math.PI * 2);
      context.stroke();
      glyph('?');
      break;
    case 'answer':
      // ↳: down, then right into an arrowhead.
      context.moveTo(x + 5, y + 3);
      context.lineTo(x + 5, y + size - 7);
      context.lineTo(x + size - 3, y + size - 7);
      context.moveTo(x + size - 8, y + size - 12);
      context.lineTo(x + size - 3, y + size - 7);
      context.lineTo(x + size - 8, y + size - 2);
      context.stroke();
      break;
    case 'risk':
      context.moveTo(cx, y + 1);
      context.lineTo(x + size - 1, y + size - 2);
      context.lineTo(x + 1, y + size - 2);
      context.closePath();
      context.stroke();
      context.font = `700 ${Math.round(size * 0.55)}px ${FONT_FAMILY}`;
      context.textAlign = 'center';
      context.textBaseline = 'middle';
      context.fillText('!', cx, cy + 3);
      context.textAlign = 'left';
      break;
    case 'benefit':
      context.arc(cx, cy, r, 0, Math.PI * 2);
      context.moveTo(cx, cy - r * 0.55);
      context.lineTo(cx, cy + r * 0.55);
      context.moveTo(cx - r * 0.55, cy);
      context.lineTo(cx + r * 0.55, cy);
      context.stroke();
      break;
    case 'idea':
      // A light bulb: the glass and its base.
      context.arc(cx, y + size * 0.4, size * 0.32, Math.PI * 0.8, Math.PI * 2.2);
      context.lineTo(cx + size * 0.14, y + size * 0.78);
      context.lineTo(cx - size * 0.14, y + size * 0.78);
      context.closePath();
      context.moveTo(cx - size * 0.12, y + size - 2);
      context.lineTo(cx + size * 0.12, y + size - 2);
      context.stroke();
      break;
    case 'action':
      context.roundRect(x + 1, y + 1, size - 2, size - 2, 3);
      context.moveTo(x + 5, cy);
      context.lineTo(cx - 1, y + size - 6);
      context.lineTo(x + size - 4, y + 5);
      context.stroke();
      break;
    case 'commitment':
      // Two linked rings.
      context.arc(cx - size * 0.17, cy, size * 0.28, 0, Math.PI * 2);
      context.moveTo(cx + size * 0.45, cy);
      context.arc(cx + size * 0.17, cy, size * 0.28, 0, Math.PI * 2);
      context.stroke();
      break;
  }
  context.lineCap = 'butt';
  context.lineJoin = 'miter';
}
