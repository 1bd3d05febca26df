import type * as Y from 'yjs';
import type { ExportRender } from './formats.js';
import { summaryToPdfContent } from './pdfContent.js';
import { layoutPdf } from './pdfLayout.js';
import { drawBoard, rasterise } from './picture.js';
import { PNG_SCALE_MIN } from './pictureLimits.js';

/** The board picture's longer side in the PDF, in pixels: sharp at about 200 dpi on A4. */
const PICTURE_PIXELS = 1400;

/**
 * The whole board as a PNG for the report's first page, at most PICTURE_PIXELS on its longer
 * side (never enlarged); null when it cannot be drawn, and the report goes without it.
 */
function boardPng(doc: Y.Doc, thisYear: number): Uint8Array | null {
  try {
    const picture = drawBoard(doc, { thisYear, forPixels: true });
    const longer = Math.max(picture.width, picture.height, 1);
    return rasterise(picture, Math.min(1, Math.max(PNG_SCALE_MIN, PICTURE_PIXELS / longer)));
  } catch {
    return null;
  }
}

/**
 * `format=pdf`: an A4 report to send to the customer, the board's picture on its first page.
 * Like every format it is made in an export worker (exportWorker.ts), picture and all.
 */
export const pdf: ExportRender = ({ doc, summary, thisYear }) =>
  layoutPdf(summaryToPdfContent(summary, boardPng(doc, thisYear)));
