// Participants' text inside an SVG document is data, never markup: escaped for XML, with the
// characters XML 1.0 cannot hold at all (control characters, lone surrogates) taken out, and,
// as in every export, the C1 controls and the bidi overrides that would show it out of order.
import { withoutInvisible } from './markdownText.js';
import type { Measure } from './textLayout.js';

/** Characters no XML 1.0 document may contain; tabs, newlines and returns are handled apart. */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `text` without the characters XML cannot hold and without control characters and bidi
 * embeddings, overrides and isolates; tabs and line breaks as spaces.
 */
export function xmlSafe(text: string): string {
  return withoutInvisible(text)
    .replace(NOT_XML, '')
    .replace(/[\t\r\n\u0085\u2028\u2029]/g, ' ');
}

/** `text` for an XML element's content or an attribute's value in double or single quotes. */
export function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A number as an attribute value: at most two decimals, no "-0". */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * Draws a line of text as glyph outlines: the path data of `text` set at `size` in the picture's
 * regular or bold face, its baseline starting at (x, y). A rasteriser fills paths far faster
 * than it shapes text (resvg spends about half a millisecond on each `<text>`), so pictures
 * drawn to pixels set their text this way; an SVG document keeps real, selectable text.
 */
export type OutlineText = (
  text: string,
  x: number,
  y: number,
  size: number,
  bold: boolean,
) => string;

/** How a picture measures and sets its text. */
export interface PictureText {
  measure: Measure;
  measureBold: Measure;
  /** The baseline's distance below the top of a line's em box, as a share of the font size. */
  ascent: number;
  thisYear: number;
  /** Set text as outlines instead of `<text>` (see OutlineText). */
  outline?: OutlineText;
}

/** One line of a picture's text. */
export interface TextRun {
  text: string;
  x: number;
  /** The baseline. */
  y: number;
  size: number;
  fill: string;
  /** "bold", or a number such as "600" (drawn bold in outlines). */
  weight?: string;
  /** Centred on x rather than starting there. */
  centred?: boolean;
  /** Further attributes, each with a leading space (` fill-opacity="0.8"`). */
  extra?: string;
}

/** A line of text as `<text>`, or as one filled path when the picture outlines its text. */
export function textRun(run: TextRun, text: PictureText): string {
  if (run.text === '') return '';
  const bold = run.weight !== undefined;
  const paint = `fill="${run.fill}"${run.extra ?? ''}`;
  if (text.outline) {
    const content = xmlSafe(run.text);
    const measure = bold ? text.measureBold : text.measure;
    const x = run.centred ? run.x - measure(content, run.size) / 2 : run.x;
    const d = text.outline(content, x, run.y, run.size, bold);
    return d === '' ? '' : `<path d="${d}" ${paint}/>`;
  }
  const weight = bold ? ` font-weight="${run.weight}"` : '';
  const anchor = run.centred ? ' text-anchor="middle"' : '';
  return `<text x="${num(run.x)}" y="${num(run.y)}" font-size="${num(run.size)}"${weight}${anchor} ${paint}>${escapeXml(run.text)}</text>`;
}
