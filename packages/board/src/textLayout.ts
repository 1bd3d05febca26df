// How a note's text is laid out, the same in the page (its canvas) and in the board picture the
// server draws: the largest font size at which the word-wrapped text fits inside the note, never
// smaller than stays readable at the opening zoom. Each side brings its own way to measure text
// (Measure); layouts are memoised per measure, text and box, so panning never measures again.
import { compoundParts, hyphenBreak } from './hyphenate.js';
import { FONT_SIZE } from './legibility.js';

export const NOTE_PADDING = 10;
/** Room at the bottom of a note for its author line (and a little air above it). */
export const NOTE_FOOTER = FONT_SIZE.author + 4;
/** Four lines of the smallest text fit a note of the default size (200 by 160). */
export const LINE_HEIGHT = 1.2;
/** Font sizes a note's text may take, largest first; see legibility.ts for the smallest. */
const SIZES = [FONT_SIZE.noteTextMax, 30, 28, 26, FONT_SIZE.noteTextMin];
const CACHE_MAX = 20_000;

/**
 * The width of `text` at `fontSize` in the board's font: the page measures with a canvas, the
 * server with the font file its pictures are drawn in.
 */
export type Measure = (text: string, fontSize: number) => number;

/**
 * The lines `text` wraps to at `fontSize` in `width`. Lines break between words, after a
 * compound's own hyphen, or, for a word wider than the line, at a drawn hyphen (hyphenate.ts;
 * an address after its separators); never silently mid-word. Stops early once it has more than `maxLines` lines.
 */
export function wrapText(
  text: string,
  fontSize: number,
  width: number,
  measure: Measure,
  maxLines = Number.POSITIVE_INFINITY,
): string[] {
  const lines: string[] = [];
  const space = measure(' ', fontSize);
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(' ')) {
      const parts = compoundParts(word);
      for (let index = 0; index < parts.length; index++) {
        if (lines.length > maxLines) return lines;
        const part = parts[index] ?? '';
        // Parts are measured one by one (and remembered), lines by adding them up.
        const partWidth = measure(part, fontSize);
        const gap = index === 0 ? ' ' : '';
        const candidate = line === '' ? partWidth : lineWidth + (gap ? space : 0) + partWidth;
        if (candidate <= width) {
          line = line === '' ? part : `${line}${gap}${part}`;
          lineWidth = candidate;
          continue;
        }
        if (line !== '') lines.push(line);
        let rest = part;
        let restWidth = partWidth;
        while (restWidth > width && rest.length > 1 && lines.length <= maxLines) {
          const cut = hyphenBreak(rest, (prefix) => measure(prefix, fontSize) <= width);
          lines.push(`${rest.slice(0, cut.at)}${cut.hyphen ? '-' : ''}`);
          rest = rest.slice(cut.at);
          restWidth = measure(rest, fontSize);
        }
        line = rest;
        lineWidth = restWidth;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** What a note that cannot show all its text ends with; the editor and outline show it all. */
export const MORE = '…more';

/** How a note's text is drawn: its font size and the lines it wraps to. */
export interface NoteTextLayout {
  fontSize: number;
  lines: readonly string[];
  /** The text goes on: MORE is drawn after the last line (which leaves room for it). */
  more: boolean;
}

/** Layouts per measure (a page has one, a test may bring its own), then per text and box. */
const caches = new WeakMap<Measure, Map<string, NoteTextLayout>>();

/**
 * The largest font size at which `text` fits a note of the given size (board pixels), and its
 * lines at that size. The size never goes below FONT_SIZE.noteTextMin, which stays readable at
 * the opening zoom (legibility.ts): text that does not fit at it shows the lines that fit, the
 * last one ending in MORE.
 */
export function layoutNoteText(
  text: string,
  width: number,
  height: number,
  measure: Measure,
): NoteTextLayout {
  let cache = caches.get(measure);
  if (!cache) {
    cache = new Map();
    caches.set(measure, cache);
  }
  const key = `${width}x${height}:${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const innerWidth = Math.max(1, width - NOTE_PADDING * 2);
  const innerHeight = Math.max(1, height - NOTE_PADDING * 2 - NOTE_FOOTER);
  let layout: NoteTextLayout | undefined;
  // wrapText stops one line past what fits, so even a 10,000-character text costs little.
  for (const fontSize of SIZES) {
    const maxLines = Math.max(1, Math.floor(innerHeight / (fontSize * LINE_HEIGHT)));
    const lines = wrapText(text, fontSize, innerWidth, measure, maxLines);
    if (lines.length <= maxLines) {
      layout = { fontSize, lines, more: false };
      break;
    }
    if (fontSize === FONT_SIZE.noteTextMin) {
      layout = {
        fontSize,
        lines: endInMore(lines, maxLines, fontSize, innerWidth, measure),
        more: true,
      };
    }
  }
  const result = layout ?? { fontSize: FONT_SIZE.noteTextMin, lines: [], more: false };
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, result);
  return result;
}

/**
 * The first `maxLines` lines, the last one shortened by whole words to leave room for MORE
 * after it (a word that cannot keep its place goes whole: MORE then starts the line).
 */
function endInMore(
  lines: string[],
  maxLines: number,
  fontSize: number,
  width: number,
  measure: Measure,
): string[] {
  const kept = lines.slice(0, maxLines);
  const room = width - measure(MORE, fontSize);
  let last = kept[maxLines - 1] ?? '';
  while (last.length > 0 && measure(last, fontSize) > room) {
    last = last.slice(0, Math.max(0, last.lastIndexOf(' ')));
  }
  // "…" says the text goes on; a hyphen or comma before it says nothing more.
  kept[maxLines - 1] = last.replace(/[\s,;:\-‐‑–—]+$/u, '');
  return kept;
}

/**
 * The height (board pixels) a note `width` wide needs to show all of `text` at the smallest
 * size, at most `maxHeight`: a note being typed into grows to it rather than cut its text.
 */
export function heightToFit(
  text: string,
  width: number,
  maxHeight: number,
  measure: Measure,
): number {
  const fontSize = FONT_SIZE.noteTextMin;
  const lineHeight = fontSize * LINE_HEIGHT;
  const chrome = NOTE_PADDING * 2 + NOTE_FOOTER;
  const maxLines = Math.max(1, Math.floor((maxHeight - chrome) / lineHeight));
  const innerWidth = Math.max(1, width - NOTE_PADDING * 2);
  const lines = wrapText(text, fontSize, innerWidth, measure, maxLines).length;
  return Math.min(maxHeight, Math.ceil(chrome + lines * lineHeight));
}

/** `text` shortened as much as needed to fit `width` with an ellipsis after it. */
function withEllipsis(text: string, fontSize: number, width: number, measure: Measure): string {
  let kept = text;
  while (kept.length > 0 && measure(`${kept}…`, fontSize) > width) kept = kept.slice(0, -1);
  return `${kept.trimEnd()}…`;
}

/** One line of text as shown in `width`: whole if it fits, otherwise cut with an ellipsis. */
export function fitLine(text: string, fontSize: number, width: number, measure: Measure): string {
  return measure(text, fontSize) <= width ? text : withEllipsis(text, fontSize, width, measure);
}
