import type { ExportFormat } from './formats.js';
import { summaryToPdfContent } from './pdfContent.js';
import { PNG_SCALE_MIN } from './pictureLimits.js';
import { renderBoardPng, renderBoardSvg } from './picturePool.js';
import { runInWorker } from './pool.js';

/** The board picture's longer side in the PDF, in pixels: sharp at about 200 dpi on A4. */
const PICTURE_PIXELS = 1400;

/**
 * The whole board as a PNG for the report's first page, at most PICTURE_PIXELS on its longer
 * side (never enlarged); null when it cannot be drawn, and the report goes without it.
 */
async function boardPicture(update: Uint8Array): Promise<Uint8Array | null> {
  try {
    const svg = await renderBoardSvg(update);
    const size = /<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg);
    const longer = Math.max(Number(size?.[1] ?? 0), Number(size?.[2] ?? 0), 1);
    const scale = Math.min(1, Math.max(PNG_SCALE_MIN, PICTURE_PIXELS / longer));
    return await renderBoardPng(update, { scale });
  } catch {
    return null;
  }
}

/**
 * `format=pdf`: an A4 report to send to the customer. The board's picture is drawn by the
 * picture pool; the content is put together here and laid out in a worker thread
 * (pdfWorker.ts), at most two reports at once (pool.ts).
 */
export const pdf: ExportFormat = {
  extension: 'pdf',
  contentType: 'application/pdf',
  render: async ({ summary, update }) => {
    const picture = await boardPicture(update);
    return runInWorker<Uint8Array>('pdfWorker', summaryToPdfContent(summary, picture));
  },
};
