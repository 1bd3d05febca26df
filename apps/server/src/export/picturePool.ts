// Board pictures are drawn in worker threads, at most PICTURE_THREADS at once, so that a big
// PNG never stalls the live sessions this process relays. Requests beyond that wait in a short
// queue; past it the server answers 503 rather than pile up work.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { HttpError } from '../errors.js';
import { ExportOptionError } from './formats.js';
import type { PictureResult, PictureTask } from './pictureLimits.js';

export const PICTURE_THREADS = 2;
const QUEUE_MAX = 16;

// Not `new URL(…, import.meta.url)`: Vite rewrites that pattern in tests (see test/process.ts).
const here = dirname(fileURLToPath(import.meta.url));
const built = join(here, 'pictureWorker.js');
/**
 * The built worker next to the built pool; run from source (the tests), the TypeScript worker
 * through tsx, with the board package resolved to its source as well.
 */
const worker = existsSync(built)
  ? { filename: built, execArgv: [] }
  : {
      filename: join(here, 'pictureWorker.ts'),
      execArgv: ['--import', 'tsx', '--conditions', 'dartboard-source'],
    };

let pool: Piscina<PictureTask, PictureResult> | undefined;

function picturePool(): Piscina<PictureTask, PictureResult> {
  pool ??= new Piscina({
    filename: worker.filename,
    execArgv: worker.execArgv,
    minThreads: 0,
    maxThreads: PICTURE_THREADS,
    maxQueue: QUEUE_MAX,
    // Idle workers end after a while (and never keep the process alive).
    idleTimeout: 30_000,
  });
  return pool;
}

async function render(task: PictureTask): Promise<string | Uint8Array> {
  const current = picturePool();
  if (current.queueSize >= QUEUE_MAX) {
    throw new HttpError(503, 'busy', 'Too many pictures are being drawn; try again in a moment.');
  }
  const result = await current.run(task);
  if ('error' in result) throw new ExportOptionError(result.error);
  return result.body;
}

export interface PictureOptions {
  /** Only this zone (400 when the board has no such zone). */
  zoneId?: string;
}

/**
 * The board's document (`Y.encodeStateAsUpdate`) as an SVG document, drawn in the picture pool.
 * Throws an ExportOptionError for a zone id that is not on the board.
 */
export async function renderBoardSvg(
  update: Uint8Array,
  options: PictureOptions = {},
): Promise<string> {
  const body = await render({
    type: 'svg',
    update,
    zoneId: options.zoneId,
    scale: 1,
    thisYear: new Date().getFullYear(),
  });
  return typeof body === 'string' ? body : new TextDecoder().decode(body);
}

/**
 * The board's document as a PNG, `scale` pixels per board unit (PNG_SCALE_MIN – PNG_SCALE_MAX,
 * checked by the caller), drawn in the picture pool. Throws an ExportOptionError for an
 * unknown zone or a picture beyond PNG_MAX_SIDE / PNG_MAX_PIXELS.
 */
export async function renderBoardPng(
  update: Uint8Array,
  options: PictureOptions & { scale?: number } = {},
): Promise<Uint8Array> {
  const body = await render({
    type: 'png',
    update,
    zoneId: options.zoneId,
    scale: options.scale ?? 1,
    thisYear: new Date().getFullYear(),
  });
  return typeof body === 'string' ? new TextEncoder().encode(body) : body;
}

/** Ends the pool's workers (a new pool starts on the next picture). */
export async function closePicturePool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.destroy();
}
