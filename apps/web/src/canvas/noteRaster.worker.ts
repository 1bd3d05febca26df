// Paints note images off the main thread: text layout and glyph rasterising cost 0.3-0.5 ms a
// note, and a fast pan over a dense board brings hundreds of notes a second into view.
// Receives batches of RasterJobs, answers with ImageBitmaps (transferred, not copied).
import type { RasterDone, RasterJob } from './noteRaster';
import { noteImageSize, paintNote } from './paintNote';

/** Results are sent back at least this often (ms), so the first notes show before the last paint. */
const REPLY_EVERY_MS = 8;

interface WorkerScope {
  onmessage: ((event: MessageEvent<RasterJob[]>) => void) | null;
  postMessage(message: RasterDone[], transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  let done: RasterDone[] = [];
  let since = performance.now();
  for (const job of event.data) {
    done.push({ serial: job.serial, bitmap: paint(job) });
    if (performance.now() - since >= REPLY_EVERY_MS) {
      scope.postMessage(done, transfers(done));
      done = [];
      since = performance.now();
    }
  }
  if (done.length > 0) scope.postMessage(done, transfers(done));
};

/**
 * One canvas for every note: creating an OffscreenCanvas costs more than painting a note, and
 * transferToImageBitmap hands its pixels over and leaves it blank for the next one.
 */
let canvas: OffscreenCanvas | undefined;

function paint({ note, withText, resolution }: RasterJob): ImageBitmap {
  const { width, height } = noteImageSize(note, resolution);
  canvas ??= new OffscreenCanvas(width, height);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext('2d');
  if (context) {
    // No clearing: transferToImageBitmap and resizing both leave the canvas blank.
    context.setTransform(resolution, 0, 0, resolution, 0, 0);
    paintNote(context, note, withText);
  }
  return canvas.transferToImageBitmap();
}

function transfers(done: RasterDone[]): Transferable[] {
  return done.map((result) => result.bitmap);
}
