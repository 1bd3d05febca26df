// One note as SVG, drawn as the page's canvas paints it (paintNote.ts and paintCard.ts in the
// web app): shadow, paper, a card's header strip with the kind's icon, name and details, the
// kind's edge, the text at its fitted size, and the author line. The same measures, colours and
// layout functions; only the drawing calls differ.
import { CARD_LOOK, NOTE_LOOK } from './boardTheme.js';
import {
  HEADER_ICON,
  HEADER_LINE,
  HEADER_PAD,
  HEADER_SIZE,
  HEADER_TEXT_LEFT,
  type HeaderLayout,
  layoutCardHeader,
  WEIGHT_DOT,
} from './cardHeaderLayout.js';
import type { CardKind } from './cards.js';
import { FONT_SIZE } from './legibility.js';
import type { Note } from './note.js';
import { num, type PictureText, textRun } from './svgText.js';
import { fitLine, LINE_HEIGHT, layoutNoteText, MORE, NOTE_PADDING } from './textLayout.js';

const AUTHOR_SIZE = FONT_SIZE.author;
/** The padlock on a locked note: as tall as the author's capitals. */
const LOCK_SIZE = Math.round(AUTHOR_SIZE * 0.75);
const R = NOTE_LOOK.radius;

/** A line of text with its top (as canvas's textBaseline 'top') at y. */
function textAt(
  line: string,
  x: number,
  top: number,
  size: number,
  fill: string,
  text: PictureText,
  weight?: string,
): string {
  return textRun({ text: line, x, y: top + size * text.ascent, size, fill, weight }, text);
}

/** A rectangle with its own radius per corner: top left, top right, bottom right, bottom left. */
export function roundedPath(
  x: number,
  y: number,
  w: number,
  h: number,
  [tl, tr, br, bl]: [number, number, number, number],
): string {
  return [
    `M${num(x + tl)} ${num(y)}`,
    `H${num(x + w - tr)}`,
    tr ? `A${tr} ${tr} 0 0 1 ${num(x + w)} ${num(y + tr)}` : '',
    `V${num(y + h - br)}`,
    br ? `A${br} ${br} 0 0 1 ${num(x + w - br)} ${num(y + h)}` : '',
    `H${num(x + bl)}`,
    bl ? `A${bl} ${bl} 0 0 1 ${num(x)} ${num(y + h - bl)}` : '',
    `V${num(y + tl)}`,
    tl ? `A${tl} ${tl} 0 0 1 ${num(x + tl)} ${num(y)}` : '',
    'Z',
  ].join('');
}

function rect(x: number, y: number, w: number, h: number, r: number, attributes: string): string {
  return `<rect x="${num(x)}" y="${num(y)}" width="${num(Math.max(0, w))}" height="${num(Math.max(0, h))}" rx="${num(r)}"${attributes}/>`;
}

/** The note at the origin (the caller places it with a transform). */
export function noteSvg(note: Note, text: PictureText): string {
  const { width, height } = note;
  const parts: string[] = [
    rect(
      NOTE_LOOK.shadowOffset.x,
      NOTE_LOOK.shadowOffset.y,
      width,
      height,
      R,
      ` fill="${NOTE_LOOK.shadow}"`,
    ),
    rect(0, 0, width, height, R, ` fill="${note.color}"`),
  ];
  const header = layoutCardHeader(note.card, width, text.measure, text.thisYear);
  if (note.card.kind !== 'note') parts.push(cardSvg(note.card.kind, width, height, header, text));

  const inner = width - NOTE_PADDING * 2;
  if (note.text) {
    const layout = layoutNoteText(note.text, width, height - header.height, text.measure);
    const top = header.height + NOTE_PADDING;
    const lineHeight = layout.fontSize * LINE_HEIGHT;
    const leading = (lineHeight - layout.fontSize) / 2;
    layout.lines.forEach((line, index) => {
      const lineTop = top + leading + index * lineHeight;
      parts.push(textAt(line, NOTE_PADDING, lineTop, layout.fontSize, NOTE_LOOK.text, text));
    });
    if (layout.more) {
      const last = layout.lines.length - 1;
      const after = NOTE_PADDING + text.measure(layout.lines[last] ?? '', layout.fontSize);
      const lineTop = top + leading + last * lineHeight;
      parts.push(textAt(MORE, after, lineTop, layout.fontSize, NOTE_LOOK.author, text));
    }
  }
  const authorTop = height - NOTE_LOOK.authorBottom - AUTHOR_SIZE;
  const authorWidth = note.locked ? inner - LOCK_SIZE - 6 : inner;
  const author = fitLine(note.author, AUTHOR_SIZE, authorWidth, text.measure);
  parts.push(textAt(author, NOTE_PADDING, authorTop, AUTHOR_SIZE, NOTE_LOOK.author, text));
  if (note.locked) {
    const lockTop = authorTop + (AUTHOR_SIZE - LOCK_SIZE) / 2;
    parts.push(lockSvg(width - NOTE_PADDING - LOCK_SIZE, lockTop, LOCK_SIZE, NOTE_LOOK.author));
  }
  return parts.join('');
}

/** A padlock of `size` with its top-left corner at (x, y), as the page's paintLock draws it. */
export function lockSvg(x: number, y: number, size: number, color: string): string {
  const bodyHeight = size * 0.6;
  const bodyTop = y + size - bodyHeight;
  const r = size * 0.3;
  const cx = x + size / 2;
  return (
    rect(x, bodyTop, size, bodyHeight, size * 0.12, ` fill="${color}"`) +
    `<path d="M${num(cx - r)} ${num(bodyTop)}A${num(r)} ${num(r)} 0 0 1 ${num(cx + r)} ${num(bodyTop)}" fill="none" stroke="${color}" stroke-width="${num(size * 0.14)}"/>`
  );
}

/** A card's header strip, edge, icon, name, details and weight. */
function cardSvg(
  kind: CardKind,
  width: number,
  height: number,
  header: HeaderLayout,
  text: PictureText,
): string {
  const parts = [
    `<path d="${roundedPath(0, 0, width, header.height, [R, R, 0, 0])}" fill="${CARD_LOOK.strip}"/>`,
  ];
  parts.push(edgeSvg(kind, width, height));
  const firstMiddle = HEADER_PAD + HEADER_LINE / 2;
  parts.push(iconSvg(kind, NOTE_PADDING, firstMiddle - HEADER_ICON / 2, HEADER_ICON, text));
  // Canvas's textBaseline 'middle': the em box's middle on the line's middle.
  const lineTop = (index: number) => firstMiddle + 1 + index * HEADER_LINE - HEADER_SIZE / 2;
  header.title.forEach((line, index) => {
    parts.push(
      textAt(line, HEADER_TEXT_LEFT, lineTop(index), HEADER_SIZE, CARD_LOOK.ink, text, 'bold'),
    );
  });
  if (header.inline) {
    const after = HEADER_TEXT_LEFT + text.measureBold(header.title[0] ?? '', HEADER_SIZE);
    parts.push(textAt(header.inline, after, lineTop(0), HEADER_SIZE, CARD_LOOK.detail, text));
  }
  header.below.forEach((line, index) => {
    const top = lineTop(header.title.length + index);
    parts.push(textAt(line, HEADER_TEXT_LEFT, top, HEADER_SIZE, CARD_LOOK.detail, text));
  });
  const right = width - NOTE_PADDING - WEIGHT_DOT;
  for (let index = 0; header.dots && index < 3; index++) {
    const x = right - (2 - index) * (WEIGHT_DOT * 2 + 4);
    const look =
      index < header.dots
        ? `fill="${CARD_LOOK.ink}"`
        : `fill="none" stroke="${CARD_LOOK.ink}" stroke-width="1.5"`;
    parts.push(`<circle cx="${num(x)}" cy="${num(firstMiddle)}" r="${WEIGHT_DOT}" ${look}/>`);
  }
  return parts.join('');
}

/** Each kind's edge: solid, a bar on the left (answer), dashed (risk), dotted (idea), double. */
function edgeSvg(kind: CardKind, width: number, height: number): string {
  const outline = (extra: string) =>
    rect(
      1,
      1,
      width - 2,
      height - 2,
      R,
      ` fill="none" stroke="${CARD_LOOK.edge}" stroke-width="2"${extra}`,
    );
  switch (kind) {
    case 'answer':
      return `<path d="${roundedPath(0, 0, 6, height, [R, 0, 0, R])}" fill="${CARD_LOOK.edge}"/>`;
    case 'risk':
      return outline(' stroke-dasharray="10 6"');
    case 'idea':
      return rect(
        1,
        1,
        width - 2,
        height - 2,
        R,
        ` fill="none" stroke="${CARD_LOOK.edge}" stroke-width="3" stroke-dasharray="0.1 6" stroke-linecap="round"`,
      );
    case 'commitment':
      return (
        outline('') +
        rect(
          5,
          5,
          width - 10,
          height - 10,
          R - 2,
          ` fill="none" stroke="${CARD_LOOK.edge}" stroke-width="1.5"`,
        )
      );
    default:
      return outline('');
  }
}

/** The kind's icon in a box of `size` at (x, y), drawn as paintCard draws it. */
function iconSvg(kind: CardKind, x: number, y: number, size: number, text: PictureText): string {
  const cx = x + size / 2;
  const cy = y + size / 2;
  const r = size / 2 - 1;
  const ink = CARD_LOOK.ink;
  const stroke = (d: string) =>
    `<path d="${d}" fill="none" stroke="${ink}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;
  const circle = (x0: number, y0: number, radius: number) =>
    `M${num(x0 + radius)} ${num(y0)}A${num(radius)} ${num(radius)} 0 1 1 ${num(x0 - radius)} ${num(y0)}A${num(radius)} ${num(radius)} 0 1 1 ${num(x0 + radius)} ${num(y0)}Z`;
  const glyph = (char: string, fontSize: number, middle: number) =>
    textRun(
      {
        text: char,
        x: cx,
        y: middle - fontSize / 2 + fontSize * text.ascent,
        size: fontSize,
        fill: ink,
        weight: 'bold',
        centred: true,
      },
      text,
    );
  const p = (px: number, py: number) => `${num(px)} ${num(py)}`;
  switch (kind) {
    case 'question':
      return stroke(circle(cx, cy, r)) + glyph('?', Math.round(size * 0.7), cy + 1);
    case 'answer':
      return stroke(
        `M${p(x + 5, y + 3)}L${p(x + 5, y + size - 7)}L${p(x + size - 3, y + size - 7)}` +
          `M${p(x + size - 8, y + size - 12)}L${p(x + size - 3, y + size - 7)}L${p(x + size - 8, y + size - 2)}`,
      );
    case 'risk':
      return (
        stroke(`M${p(cx, y + 1)}L${p(x + size - 1, y + size - 2)}L${p(x + 1, y + size - 2)}Z`) +
        glyph('!', Math.round(size * 0.55), cy + 3)
      );
    case 'benefit': {
      const arm = r * 0.55;
      return stroke(
        `${circle(cx, cy, r)}M${p(cx, cy - arm)}L${p(cx, cy + arm)}M${p(cx - arm, cy)}L${p(cx + arm, cy)}`,
      );
    }
    case 'idea': {
      const bulbY = y + size * 0.4;
      const bulbR = size * 0.32;
      const at = (angle: number) =>
        p(cx + bulbR * Math.cos(angle), bulbY + bulbR * Math.sin(angle));
      return stroke(
        `M${at(Math.PI * 0.8)}A${num(bulbR)} ${num(bulbR)} 0 1 1 ${at(Math.PI * 0.2)}` +
          `L${p(cx + size * 0.14, y + size * 0.78)}L${p(cx - size * 0.14, y + size * 0.78)}Z` +
          `M${p(cx - size * 0.12, y + size - 2)}L${p(cx + size * 0.12, y + size - 2)}`,
      );
    }
    case 'action':
      return (
        rect(x + 1, y + 1, size - 2, size - 2, 3, ` fill="none" stroke="${ink}" stroke-width="2"`) +
        stroke(`M${p(x + 5, cy)}L${p(cx - 1, y + size - 6)}L${p(x + size - 4, y + 5)}`)
      );
    case 'commitment':
      return stroke(
        circle(cx - size * 0.17, cy, size * 0.28) + circle(cx + size * 0.17, cy, size * 0.28),
      );
    default:
      return '';
  }
}
