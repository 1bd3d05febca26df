// Sticky-note text grows and shrinks with the note: the largest font size at which the
// word-wrapped text fits inside the note. Measured with one offscreen canvas, memoised per
// (text, box), so panning never measures again.

export const NOTE_PADDING = 12;
/** Room at the bottom of a note for its author line. */
export const NOTE_FOOTER = 22;
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const LINE_HEIGHT = 1.25;
const SIZES = [32, 28, 24, 20, 18, 16, 14, 12, 11, 10];
const CACHE_MAX = 20_000;

type Measure = (text: string, fontSize: number) => number;

let context: CanvasRenderingContext2D | null | undefined;

function canvasMeasure(text: string, fontSize: number): number {
  if (context === undefined) context = document.createElement('canvas').getContext('2d');
  // Without a 2D context (tests in jsdom) fall back to an average glyph width.
  if (!context) return text.length * fontSize * 0.55;
  context.font = `${fontSize}px ${FONT_FAMILY}`;
  return context.measureText(text).width;
}

/** How many lines `text` wraps to at `fontSize` in `width`, breaking at spaces or mid-word. */
export function countLines(
  text: string,
  fontSize: number,
  width: number,
  measure: Measure,
): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = '';
    lines++;
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate, fontSize) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines++;
      // A word wider than the line breaks across lines.
      let rest = word;
      while (measure(rest, fontSize) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut), fontSize) > width) cut--;
        rest = rest.slice(cut);
        lines++;
      }
      line = rest;
    }
  }
  return lines;
}

const cache = new Map<string, number>();

/** The font size for a note's text in a note of the given size (board pixels). */
export function fitFontSize(
  text: string,
  width: number,
  height: number,
  measure: Measure = canvasMeasure,
): number {
  const key = `${width}x${height}:${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  // Beyond this length the text only fits at the smallest size; skip measuring it word by word.
  if (text.length > 1_500) return SIZES[SIZES.length - 1] ?? 10;
  const innerWidth = Math.max(1, width - NOTE_PADDING * 2);
  const innerHeight = Math.max(1, height - NOTE_PADDING * 2 - NOTE_FOOTER);
  let size = SIZES[SIZES.length - 1] ?? 10;
  for (const candidate of SIZES) {
    const lines = countLines(text || ' ', candidate, innerWidth, measure);
    if (lines * candidate * LINE_HEIGHT <= innerHeight) {
      size = candidate;
      break;
    }
  }
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, size);
  return size;
}
