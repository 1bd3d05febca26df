import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { HttpError } from '../errors.js';

// Heavy exports run in worker threads so that laying out a long session never stalls the rooms
// on the event loop. At most EXPORT_WORKERS run at once, whatever their script; the rest wait
// in a short queue, and a full queue answers 503 instead of piling up. The PDF runs here; the
// board pictures have their own pool (picturePool.ts), to be merged into one.

export const EXPORT_WORKERS = 2;
const QUEUE_MAX = 16;
const JOB_TIMEOUT_MS = 30_000;

const here = dirname(fileURLToPath(import.meta.url));
let running = 0;
const waiting: (() => void)[] = [];

/** The worker script `name` ("pdfWorker") beside this file: .js when built, .ts under tests. */
function workerFor(name: string, workerData: unknown): Worker {
  const built = join(here, `${name}.js`);
  if (existsSync(built)) return new Worker(built, { workerData, resourceLimits });
  // Running from source (Vitest): the worker loads TypeScript through tsx, a dev dependency.
  const source = pathToFileURL(join(here, `${name}.ts`)).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}

const resourceLimits = { maxOldGenerationSizeMb: 512 };

async function slot(): Promise<() => void> {
  if (running >= EXPORT_WORKERS) {
    if (waiting.length >= QUEUE_MAX) {
      throw new HttpError(503, 'busy', 'The server is busy exporting; try again in a moment.');
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running += 1;
  }
  // A freed slot passes straight to the next in line, so `running` stays counted.
  return () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
}

/**
 * Runs the worker script `name` (a file of this folder that answers its `workerData` with one
 * message) in a thread of its own and resolves with that message. A worker that fails, exits
 * without answering or takes longer than 30 s rejects.
 */
export async function runInWorker<T>(name: string, input: unknown): Promise<T> {
  const release = await slot();
  try {
    return await new Promise<T>((resolve, reject) => {
      const worker = workerFor(name, input);
      const timer = setTimeout(() => {
        reject(new Error(`${name} took longer than ${JOB_TIMEOUT_MS} ms`));
        void worker.terminate();
      }, JOB_TIMEOUT_MS);
      worker.once('message', (message: T) => {
        clearTimeout(timer);
        resolve(message);
        void worker.terminate();
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited with code ${code} before answering`));
      });
    });
  } finally {
    release();
  }
}

/** How many export workers run now, and how many exports wait for one (for tests). */
export function exportLoad(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}
