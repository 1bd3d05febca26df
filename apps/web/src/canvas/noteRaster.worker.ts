// Paints note images off the main thread: text layout and glyph rasterising cost 0.3-0.5 ms a
// note, and a fast pan over a dense board brings hundreds of notes a second into view.
// Receives batches of RasterJobs, answers with ImageBitmaps (transferred, not copied).
import type { RasterDone, RasterJob } from './noteRaster';
import { noteImageSize, paintNote } from './paintNote';

/**
 * Notes painted into one sheet, answered together. Handing a canvas's pixels over
 * (transferToImageBitmap) costs about 5 ms however small the canvas is (measured in headless
 * Chromium with software rendering, ten times the painting of a note), so notes share a sheet
 * and that cost; a sheet of 16 takes about 6 ms to paint, so the first notes still show soon.
 */
const SHEET_MAX_NOTES = 16;
/** A sheet's height in device pixels, at most (unless one note alone is taller). */
const SHEET_MAX_HEIGHT = 2048;
/** Transparent rows between images, so that a scaled copy of one never picks up its neighbour. */
const GAP = 2;

interface WorkerScope {
  onmessage: ((event: MessageEvent<RasterJob[]>) => void) | null;
  postMessage(message: RasterDone[], transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const jobs = event.data;
  let start = 0;
  while (start < jobs.length) {
    const sheet: { job: RasterJob; top: number; width: number; height: number }[] = [];
    let height = 0;
    for (const job of jobs.slice(start, start + SHEET_MAX_NOTES)) {
      const size = noteImageSize(job.note, job.resolution);
      if (sheet.length > 0 && height + size.height > SHEET_MAX_HEIGHT) break;
      sheet.push({ job, top: height, ...size });
      height += size.height + GAP;
    }
    start += sheet.length;
    const bitmap = paintSheet(sheet, height - GAP);
    const done = sheet.map(({ job, top, width, height }) => ({
      serial: job.serial,
      bitmap,
      part: { x: 0, y: top, width, height },
    }));
    scope.postMessage(done, [bitmap]);
  }
};

/**
 * One canvas for every sheet: creating an OffscreenCanvas costs more than painting a note, and
 * transferToImageBitmap hands its pixels over and leaves it blank for the next one.
 */
let canvas: OffscreenCanvas | undefined;

function paintSheet(
  sheet: { job: RasterJob; top: number; width: number; height: number }[],
  height: number,
): ImageBitmap {
  const width = Math.max(1, ...sheet.map((part) => part.width));
  canvas ??= new OffscreenCanvas(width, height);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext('2d');
  // No clearing: transferToImageBitmap and resizing both leave the canvas blank.
  if (context)
    for (const { job, top, width, height } of sheet) {
      context.save();
      context.beginPath();
      context.rect(0, top, width, height);
      context.clip();
      context.setTransform(job.resolution, 0, 0, job.resolution, 0, top);
      paintNote(context, job.note, job.withText);
      context.restore();
    }
  return canvas.transferToImageBitmap();
}
