// The board as a picture (SVG), built from the document alone, for exports: zones in their
// kind's tint with title and prompt, the lines from answers to their questions, every note as
// the page paints it, and each card's count once a vote is revealed. Pure: the caller brings the
// way to measure text in the font the picture is drawn in (the server: the font file it
// rasterises with), so lines break where they will be drawn.
import type * as Y from 'yjs';
import { ANSWER_LINK, BOARD_BACKGROUND, VOTE_BADGE_FILL, zoneTheme } from './boardTheme.js';
import { boundsOf, type Rect, rectCenter, rectsIntersect } from './geometry.js';
import { readMeta } from './meta.js';
import { listNotes, type Note } from './note.js';
import { lockSvg, noteSvg } from './notePicture.js';
import {
  escapeXml,
  num,
  type OutlineText,
  type PictureText,
  type TextRun,
  textRun,
} from './svgText.js';
import type { Measure } from './textLayout.js';
import { readVote, tallyVotes } from './vote.js';
import { badgeSpot } from './voteDots.js';
import { listZones, type Zone } from './zone.js';
import {
  layoutZoneLabel,
  ZONE_LABEL,
  ZONE_PROMPT_ALPHA,
  ZONE_PROMPT_LINE,
  ZONE_PROMPT_SIZE,
  ZONE_PROMPT_Y,
  ZONE_RADIUS,
  ZONE_STROKE,
  ZONE_TITLE_SIZE,
} from './zoneLabelLayout.js';

/** The page's font stack, after the font the picture was measured in. */
const PAGE_FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
/** Room around what is drawn, board units. */
const MARGIN = 40;
/** A badge's radius in the picture (the page's at zoom 1). */
const BADGE_SCALE = 1;
/** The padlock in the corner of a locked zone, as the page draws it. */
const ZONE_LOCK = { size: 22, top: 20, right: 20 };

export interface BoardPictureOptions {
  /** Measures regular text in `fontFamily` (see Measure). */
  measure: Measure;
  /** Measures bold text; by default the regular measure a little larger, as the page guesses. */
  measureBold?: Measure;
  /** Only this zone and what lies on it. An id that is no zone throws an UnknownZoneError. */
  zoneId?: string;
  /** The font the text is set and measured in, ahead of the page's own fonts. */
  fontFamily?: string;
  /** Where the baseline sits below a line's top, as a share of the font size (0.8 by default). */
  ascent?: number;
  /** The year due dates are written without (the current year by default). */
  thisYear?: number;
  /** Sets the text as glyph outlines, for a picture drawn to pixels (see OutlineText). */
  outline?: OutlineText;
}

export interface BoardPicture {
  svg: string;
  /** The picture's size in board units (one SVG pixel each). */
  width: number;
  height: number;
}

/** A `zoneId` that names no zone on the board. */
export class UnknownZoneError extends Error {
  constructor(readonly zoneId: string) {
    super(`There is no zone "${zoneId}" on this board.`);
    this.name = 'UnknownZoneError';
  }
}

/** The board (or one zone of it) as an SVG document; see boardPicture. */
export function boardSvg(doc: Y.Doc, options: BoardPictureOptions): string {
  return boardPicture(doc, options).svg;
}

/**
 * The board as an SVG document and its size: everything on it, or with `zoneId` the zone and
 * whatever overlaps it, cropped to the zone. A board with nothing on it is a small picture that
 * says so.
 */
export function boardPicture(doc: Y.Doc, options: BoardPictureOptions): BoardPicture {
  const measureBold = options.measureBold ?? ((t, size) => options.measure(t, size * 1.08));
  const text: PictureText = {
    measure: options.measure,
    measureBold,
    ascent: options.ascent ?? 0.8,
    thisYear: options.thisYear ?? new Date().getFullYear(),
    ...(options.outline ? { outline: options.outline } : {}),
  };
  const fonts = options.fontFamily ? `${quoteFont(options.fontFamily)}, ${PAGE_FONTS}` : PAGE_FONTS;
  let zones = listZones(doc);
  let notes = listNotes(doc);
  let frame: Rect | undefined;
  if (options.zoneId !== undefined) {
    const zone = zones.find((z) => z.id === options.zoneId);
    if (!zone) throw new UnknownZoneError(options.zoneId);
    frame = grow(zone, MARGIN / 2);
    const inFrame = (rect: Rect) => rectsIntersect(rect, frame as Rect);
    zones = zones.filter(inFrame);
    notes = notes.filter(inFrame);
  } else {
    frame = boundsOf([...zones, ...notes.map(withOverhang)]);
    if (frame) frame = grow(frame, MARGIN);
  }
  if (!frame) return emptyPicture(fonts, text);

  const parts: string[] = [
    `<rect x="${num(frame.x)}" y="${num(frame.y)}" width="${num(frame.width)}" height="${num(frame.height)}" fill="${BOARD_BACKGROUND}"/>`,
  ];
  for (const zone of zones) parts.push(zoneSvg(zone, text));
  parts.push(answerLinksSvg(notes));
  for (const note of notes) {
    parts.push(
      `<g transform="translate(${num(note.x)} ${num(note.y)})">${noteSvg(note, text)}</g>`,
    );
  }
  parts.push(badgesSvg(doc, notes, text));
  const width = Math.ceil(frame.width);
  const height = Math.ceil(frame.height);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"`,
    ` viewBox="${num(frame.x)} ${num(frame.y)} ${width} ${height}"`,
    ` font-family="${escapeXml(fonts)}" xml:space="preserve">`,
    `<title>${escapeXml(readMeta(doc).title)}</title>`,
    ...parts,
    '</svg>\n',
  ].join('');
  return { svg, width, height };
}

function quoteFont(name: string): string {
  return /^[\w -]+$/.test(name) ? `'${name}'` : 'sans-serif';
}

function grow(rect: Rect, by: number): Rect {
  return {
    x: rect.x - by,
    y: rect.y - by,
    width: rect.width + by * 2,
    height: rect.height + by * 2,
  };
}

/** A note with its shadow and the badge over its corner. */
function withOverhang(note: Note): Rect {
  const badge = badgeSpot(note, BADGE_SCALE);
  return {
    x: note.x,
    y: Math.min(note.y, badge.y - badge.r),
    width: Math.max(note.width + 3, badge.x + badge.r - note.x),
    height: note.y + note.height + 3 - Math.min(note.y, badge.y - badge.r),
  };
}

function zoneSvg(zone: Zone, text: PictureText): string {
  const theme = zoneTheme(zone.kind);
  const label = layoutZoneLabel(
    zone.title,
    zone.prompt,
    Math.max(0, zone.width - ZONE_LABEL.inset - (zone.locked ? ZONE_LOCK.size + 12 : 0)),
    text.measure,
    text.measureBold,
  );
  const left = zone.x + ZONE_LABEL.x;
  const top = zone.y + ZONE_LABEL.y;
  const line = (content: string, lineTop: number, size: number, look: Partial<TextRun>) =>
    textRun(
      { text: content, x: left, y: lineTop + size * text.ascent, size, fill: theme.title, ...look },
      text,
    );
  return [
    `<rect x="${num(zone.x)}" y="${num(zone.y)}" width="${num(zone.width)}" height="${num(zone.height)}" rx="${ZONE_RADIUS}" fill="${theme.fill}" stroke="${theme.stroke}" stroke-width="${ZONE_STROKE}"/>`,
    line(label.title, top, ZONE_TITLE_SIZE, { weight: 'bold' }),
    ...label.prompt.map((content, index) =>
      line(content, top + ZONE_PROMPT_Y + index * ZONE_PROMPT_LINE, ZONE_PROMPT_SIZE, {
        extra: ` fill-opacity="${ZONE_PROMPT_ALPHA}"`,
      }),
    ),
    zone.locked
      ? lockSvg(
          zone.x + zone.width - ZONE_LOCK.size - ZONE_LOCK.right,
          zone.y + ZONE_LOCK.top,
          ZONE_LOCK.size,
          theme.title,
        )
      : '',
  ].join('');
}

/** From the centre of each answer card to the centre of its question, under the notes. */
function answerLinksSvg(notes: readonly Note[]): string {
  const byId = new Map(notes.map((note) => [note.id, note]));
  const lines: string[] = [];
  for (const note of notes) {
    if (note.card.kind !== 'answer' || note.card.answerTo === null) continue;
    const question = byId.get(note.card.answerTo);
    if (question?.card.kind !== 'question') continue;
    const from = rectCenter(note);
    const to = rectCenter(question);
    lines.push(`M${num(from.x)} ${num(from.y)}L${num(to.x)} ${num(to.y)}`);
  }
  if (lines.length === 0) return '';
  return `<path d="${lines.join('')}" fill="none" stroke="${ANSWER_LINK.color}" stroke-width="${ANSWER_LINK.width}" stroke-linecap="round"/>`;
}

/** Each card's count in a badge over its top right corner, once the vote is revealed. */
function badgesSvg(doc: Y.Doc, notes: readonly Note[], text: PictureText): string {
  const vote = readVote(doc);
  if (!vote || vote.revealedAt === null) return '';
  const shown = new Map(notes.map((note) => [note.id, note]));
  const parts: string[] = [];
  for (const tally of tallyVotes(doc)) {
    const note = shown.get(tally.noteId);
    if (!note || tally.dots === 0) continue;
    const badge = badgeSpot(note, BADGE_SCALE);
    const size = Math.round(badge.r * 1.05);
    const baseline = badge.y + badge.r * 0.05 - size / 2 + size * text.ascent;
    parts.push(
      `<circle cx="${num(badge.x)}" cy="${num(badge.y)}" r="${num(badge.r)}" fill="${VOTE_BADGE_FILL}" stroke="#ffffff" stroke-width="3"/>`,
      textRun(
        {
          text: String(tally.dots),
          x: badge.x,
          y: baseline,
          size,
          fill: '#ffffff',
          weight: '600',
          centred: true,
        },
        text,
      ),
    );
  }
  return parts.join('');
}

/** What an empty board (no zones, no notes) looks like. */
function emptyPicture(fonts: string, text: PictureText): BoardPicture {
  const width = 480;
  const height = 160;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(fonts)}">`,
    '<title>An empty board</title>',
    `<rect width="${width}" height="${height}" fill="${BOARD_BACKGROUND}"/>`,
    textRun(
      {
        text: 'This board is empty.',
        x: width / 2,
        y: height / 2 - 12 + 24 * text.ascent,
        size: 24,
        fill: '#57534e',
        centred: true,
      },
      text,
    ),
    '</svg>\n',
  ].join('');
  return { svg, width, height };
}
