// Sticky-note text in the page: the layout rules are the board model's (textLayout.ts in
// packages/board, shared with the board picture the server draws); this file measures words with
// one offscreen canvas, once each, and makes that the default measure.
import {
  heightToFit as fitHeight,
  fitLine as fitOneLine,
  layoutNoteText as layoutText,
  type Measure,
  type NoteTextLayout,
} from '@dartboard/board';

export {
  LINE_HEIGHT,
  type Measure,
  MORE,
  NOTE_FOOTER,
  NOTE_PADDING,
  type NoteTextLayout,
  wrapText,
} from '@dartboard/board';

export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

let context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;
/** Widths at REFERENCE_SIZE of every word, line and name measured so far. */
const widths = new Map<string, number>();
const REFERENCE_SIZE = 100;
const WIDTHS_MAX = 50_000;

/**
 * Text width at `fontSize`, from the width at a reference size measured once per string: glyph
 * widths scale with the font size, and measuring is the slow part of laying out a note.
 */
export function canvasMeasure(text: string, fontSize: number): number {
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

/** See layoutNoteText in packages/board; measured with the canvas unless told otherwise. */
export function layoutNoteText(
  text: string,
  width: number,
  height: number,
  measure: Measure = canvasMeasure,
): NoteTextLayout {
  return layoutText(text, width, height, measure);
}

/** See heightToFit in packages/board; measured with the canvas unless told otherwise. */
export function heightToFit(
  text: string,
  width: number,
  maxHeight: number,
  measure: Measure = canvasMeasure,
): number {
  return fitHeight(text, width, maxHeight, measure);
}

/** One line of text as shown in `width`: whole if it fits, otherwise cut with an ellipsis. */
export function fitLine(
  text: string,
  fontSize: number,
  width: number,
  measure: Measure = canvasMeasure,
): string {
  return fitOneLine(text, fontSize, width, measure);
}

/** The font size for a note's text in a note of the given size (board pixels). */
export function fitFontSize(
  text: string,
  width: number,
  height: number,
  measure: Measure = canvasMeasure,
): number {
  return layoutText(text, width, height, measure).fontSize;
}
