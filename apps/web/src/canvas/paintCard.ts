// A card's look on the canvas, painted into the note's own image (paintNote): a header strip
// with the kind's icon, its name and details in words ("Risk · High"), and an edge that differs
// by kind. Icon, words and edge each tell the kinds apart without their colours.
import { CARD_LOOK, type Card, type CardKind, NOTE_LOOK } from '@dartboard/board';
import {
  cardHeader,
  DOT,
  HEADER_LINE,
  HEADER_PAD,
  HEADER_SIZE,
  ICON,
  TEXT_LEFT,
} from './cardHeader';
import { FONT_FAMILY, NOTE_PADDING } from './fitText';
import type { Context2D } from './paintNote';

const INK = CARD_LOOK.ink;
const DETAIL = CARD_LOOK.detail;
const EDGE = CARD_LOOK.edge;
const STRIP = CARD_LOOK.strip;
const RADIUS = NOTE_LOOK.radius;

/** Paints a card's header and edge over its paper (0, 0, width, height). Nothing for a note. */
export function paintCard(
  context: Context2D,
  note: { width: number; height: number; card: Card },
): void {
  const { card, width, height } = note;
  if (card.kind === 'note') return;
  const header = cardHeader(card, width);
  context.fillStyle = STRIP;
  context.beginPath();
  context.roundRect(0, 0, width, header.height, [RADIUS, RADIUS, 0, 0]);
  context.fill();
  paintEdge(context, card.kind, width, height);

  // Icon and weight level with the first line.
  const firstMiddle = HEADER_PAD + HEADER_LINE / 2;
  paintIcon(context, card.kind, NOTE_PADDING, firstMiddle - ICON / 2, ICON);
  const room = width - TEXT_LEFT - NOTE_PADDING;
  context.textBaseline = 'middle';
  context.textAlign = 'left';
  context.fillStyle = INK;
  const lineMiddle = (index: number) => firstMiddle + 1 + index * HEADER_LINE;
  context.font = `700 ${HEADER_SIZE}px ${FONT_FAMILY}`;
  header.title.forEach((line, index) => {
    context.fillText(line, TEXT_LEFT, lineMiddle(index), room);
  });
  context.fillStyle = DETAIL;
  const detailFont = `${HEADER_SIZE}px ${FONT_FAMILY}`;
  if (header.inline) {
    const after = TEXT_LEFT + context.measureText(header.title[0] ?? '').width;
    context.font = detailFont;
    context.fillText(header.inline, after, lineMiddle(0), Math.max(1, TEXT_LEFT + room - after));
  }
  context.font = detailFont;
  header.below.forEach((line, index) => {
    context.fillText(line, TEXT_LEFT, lineMiddle(header.title.length + index), room);
  });
  context.textBaseline = 'top';
  if (header.dots) paintWeight(context, width - NOTE_PADDING - DOT, firstMiddle, header.dots);
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
