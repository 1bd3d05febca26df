// Sticky-note text grows and shrinks with the note: the largest font size at which the
// word-wrapped text fits inside the note. Words are measured with one offscreen canvas, once
// each; layouts are memoised per (text, box), so panning never measures again.

export const NOTE_PADDING = 12;
/** Room at the bottom of a note for its author line. */
export const NOTE_FOOTER = 22;
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const LINE_HEIGHT = 1.25;
const SIZES = [32, 28, 24, 20, 18, 16, 14, 12, 11, 10];
const CACHE_MAX = 20_000;

type Measure = (text: string, fontSize: number) => number;

let context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;
/** Widths at REFERENCE_SIZE of every word, line and name measured so far. */
const widths = new Map<string, number>();
const REFERENCE_SIZE = 100;
const WIDTHS_MAX = 50_000;

/**
 * Text width at `fontSize`, from the width at a reference size measured once per string: glyph
 * widths scale with the font size, and measuring is the slow part of laying out a note.
 */
function canvasMeasure(text: string, fontSize: number): number {
  let width = widths.get(text);
  if (width === undefined) {
    if (context === undefined) {
      context = measuringContext();
      if (context) context.font = `${REFERENCE_SIZE}px ${FONT_FAMILY}`;
    }
    // Without a 2D context (tests in jsdom) fall back to an average glyph width.
    width = context ? context.measureText(text).width : text.length * REFERENCE_SIZE * 0.55;
    if (widths.size >= WIDTHS_MAX) widths.clear();
    widths.set(text, width);
  }
  return (width * fontSize) / REFERENCE_SIZE;
}

/** A canvas to measure with: an OffscreenCanvas in the painting worker, where there is no DOM. */
function measuringContext() {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(1, 1).getContext('2d');
  if (typeof document !== 'undefined') return document.createElement('canvas').getContext('2d');
  return null;
}

/**
 * The lines `text` wraps to at `fontSize` in `width`, breaking at spaces or, for a word wider
 * than the line, mid-word. Stops early once it has more than `maxLines` lines.
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
      if (lines.length > maxLines) return lines;
      // Words are measured one by one (and remembered), lines by adding them up.
      const wordWidth = measure(word, fontSize);
      const candidate = line === '' ? wordWidth : lineWidth + space + wordWidth;
      if (candidate <= width) {
        line = line === '' ? word : `${line} ${word}`;
        lineWidth = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      let rest = word;
      let restWidth = wordWidth;
      while (restWidth > width && rest.length > 1) {
        if (lines.length > maxLines) return lines;
        const cut = fittingPrefix(rest, fontSize, width, measure);
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
        restWidth = measure(rest, fontSize);
      }
      line = rest;
      lineWidth = restWidth;
    }
    lines.push(line);
  }
  return lines;
}

/** The length of the longest prefix of `word` (at least one character) that fits `width`. */
function fittingPrefix(word: string, fontSize: number, width: number, measure: Measure): number {
  let low = 1;
  let high = word.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(word.slice(0, mid), fontSize) <= width) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** How a note's text is drawn: its font size and the lines it wraps to (ellipsised). */
export interface NoteTextLayout {
  fontSize: number;
  lines: readonly string[];
}

const cache = new Map<string, NoteTextLayout>();

/**
 * The largest font size at which `text` fits a note of the given size (board pixels), and its
 * lines at that size. Text that does not fit even at the smallest size is cut with an ellipsis.
 */
export function layoutNoteText(
  text: string,
  width: number,
  height: number,
  measure: Measure = canvasMeasure,
): NoteTextLayout {
  const key = `${width}x${height}:${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const innerWidth = Math.max(1, width - NOTE_PADDING * 2);
  const innerHeight = Math.max(1, height - NOTE_PADDING * 2 - NOTE_FOOTER);
  const smallest = SIZES[SIZES.length - 1] ?? 10;
  let layout: NoteTextLayout | undefined;
  // wrapText stops one line past what fits, so even a 10,000-character text costs little.
  for (const fontSize of SIZES) {
    const maxLines = Math.max(1, Math.floor(innerHeight / (fontSize * LINE_HEIGHT)));
    const lines = wrapText(text, fontSize, innerWidth, measure, maxLines);
    if (lines.length <= maxLines || fontSize === smallest) {
      layout = { fontSize, lines: ellipsise(lines, maxLines, fontSize, innerWidth, measure) };
      break;
    }
  }
  const result = layout ?? { fontSize: smallest, lines: [] };
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, result);
  return result;
}

function ellipsise(
  lines: string[],
  maxLines: number,
  fontSize: number,
  width: number,
  measure: Measure,
): string[] {
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1] ?? '', fontSize, width, measure);
  return kept;
}

/** `text` shortened as much as needed to fit `width` with an ellipsis after it. */
function withEllipsis(text: string, fontSize: number, width: number, measure: Measure): string {
  let kept = text;
  while (kept.length > 0 && measure(`${kept}…`, fontSize) > width) kept = kept.slice(0, -1);
  return `${kept.trimEnd()}…`;
}

/** One line of text as shown in `width`: whole if it fits, otherwise cut with an ellipsis. */
export function fitLine(
  text: string,
  fontSize: number,
  width: number,
  measure: Measure = canvasMeasure,
): string {
  return measure(text, fontSize) <= width ? text : withEllipsis(text, fontSize, width, measure);
}

/** The font size for a note's text in a note of the given size (board pixels). */
export function fitFontSize(
  text: string,
  width: number,
  height: number,
  measure: Measure = canvasMeasure,
): number {
  return layoutNoteText(text, width, height, measure).fontSize;
}
