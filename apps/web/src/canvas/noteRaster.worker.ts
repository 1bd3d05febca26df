// Paints note images off the main thread: text layout and glyph rasterising cost 0.3-0.5 ms a
// note, and a fast pan over a dense board brings hundreds of notes a second into view.
// Receives batches of RasterJobs, answers with one ImageBitmap per note (transferred, not
// copied).
import type { RasterDone, RasterJob } from './noteRaster';
import { noteImageSize, paintNote } from './paintNote';

/**
 * Notes painted on one sheet and answered together. Each note is then cut out of the sheet as
 * an image of its own (createImageBitmap with a crop, well under a millisecond): the page copies
 * a whole image about half again as fast as the same pixels taken from part of a larger one, so
 * handing over the sheet and its parts (as before 2026-11-27) made every frame slower.
 * transferToImageBitmap, which would hand the sheet over, costs about 5 ms however small the
 * canvas is (measured in headless Chromium with software rendering).
 */
const SHEET_MAX_NOTES = 16;
/** A sheet's height in device pixels, at most (unless one note alone is taller). */
const SHEET_MAX_HEIGHT = 2048;

interface WorkerScope {
  onmessage: ((event: MessageEvent<RasterJob[]>) => void) | null;
  postMessage(message: RasterDone[], transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

interface Placed {
  job: RasterJob;
  top: number;
  width: number;
  height: number;
}

/** Batches are painted one after the other: they share the sheet. */
let painting = Promise.resolve();

scope.onmessage = (event) => {
  const jobs = event.data;
  painting = painting
    .then(() => paintAll(jobs))
    .catch((error: unknown) => {
      // Thrown from a task of its own, it reaches the page as the worker's error event, and
      // the page paints every note itself from then on (NoteRaster's onFailed).
      setTimeout(() => {
        throw error;
      });
    });
};

async function paintAll(jobs: RasterJob[]): Promise<void> {
  let start = 0;
  while (start < jobs.length) {
    const sheet: Placed[] = [];
    let height = 0;
    for (const job of jobs.slice(start, start + SHEET_MAX_NOTES)) {
      const size = noteImageSize(job.note, job.resolution);
      if (sheet.length > 0 && height + size.height > SHEET_MAX_HEIGHT) break;
      sheet.push({ job, top: height, ...size });
      height += size.height;
    }
    start += sheet.length;
    const bitmaps = await paintSheet(sheet, height);
    const done = sheet.map(({ job }, index) => ({
      serial: job.serial,
      bitmap: bitmaps[index] as ImageBitmap,
    }));
    scope.postMessage(done, bitmaps);
  }
}

/** One canvas for every sheet: creating an OffscreenCanvas costs more than painting a note. */
let canvas: OffscreenCanvas | undefined;

async function paintSheet(sheet: Placed[], height: number): Promise<ImageBitmap[]> {
  const width = Math.max(1, ...sheet.map((part) => part.width));
  canvas ??= new OffscreenCanvas(width, height);
  if (canvas.width !== width || canvas.height !== height) {
    // Resizing clears the canvas.
    canvas.width = width;
    canvas.height = height;
  }
  const context = canvas.getContext('2d');
  if (context) {
    context.clearRect(0, 0, width, height);
    for (const { job, top, width, height } of sheet) {
      context.save();
      context.beginPath();
      context.rect(0, top, width, height);
      context.clip();
      context.setTransform(job.resolution, 0, 0, job.resolution, 0, top);
      paintNote(context, job.note, job.withText);
      context.restore();
    }
  }
  const source = canvas;
  return Promise.all(
    sheet.map(({ top, width, height }) => createImageBitmap(source, 0, top, width, height)),
  );
}
