// Every export runs in one pool of worker threads (piscina), so that building a summary of
// thousands of cards, drawing its picture or laying out its report never stalls the live
// sessions this process relays. The caller hands over the board's document as one update and
// the summary's options; a worker (exportWorker.ts) does the rest. At most EXPORT_THREADS
// exports run at once, EXPORT_QUEUE more wait; past that the pool answers 503 `busy`. The
// waiting is done here rather than in piscina's queue, so that an export's time allowed starts
// when it gets a thread, not while it waits behind others.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { HttpError } from '../errors.js';
import { ExportOptionError, type ExportResult, type ExportTask } from './exportTask.js';
import type { ExportFileName } from './fileName.js';

export const EXPORT_THREADS = 2;
export const EXPORT_QUEUE = 16;
/** How long an export may take once it has a thread, before that thread is stopped. */
export const EXPORT_TIMEOUT_MS = 30_000;

// Not `new URL(…, import.meta.url)`: Vite rewrites that pattern in tests (see test/process.ts).
const here = dirname(fileURLToPath(import.meta.url));
const built = join(here, 'exportWorker.js');
/**
 * The built worker next to the built pool; run from source (the tests, the scripts), the
 * TypeScript worker through tsx, with the board package resolved to its source as well.
 */
const worker = existsSync(built)
  ? { filename: built, execArgv: [] }
  : {
      filename: join(here, 'exportWorker.ts'),
      execArgv: ['--import', 'tsx', '--conditions', 'dartboard-source'],
    };

/** An export that ran out of time: 503, as a busy pool is, since it may pass when less is. */
export class ExportTimeoutError extends HttpError {
  constructor(ms: number) {
    super(
      503,
      'export_timeout',
      `The export took longer than ${ms / 1000} s and was stopped. Try again when the server is less busy, or export one zone or at a smaller scale.`,
    );
  }
}

export interface ExportPool {
  /**
   * The export `task` as a file. Throws an ExportOptionError for an option the format cannot
   * honour, an HttpError 503 `busy` when the queue is full, an ExportTimeoutError after the
   * time allowed.
   */
  run(task: ExportTask): Promise<{ body: Uint8Array; fileName: ExportFileName }>;
  /** How many exports run now, and how many wait for a thread (for tests). */
  load(): { running: number; waiting: number };
  /** Stops the threads; exports still running or waiting reject, and so do later ones. */
  close(): Promise<void>;
}

export function createExportPool({ timeoutMs = EXPORT_TIMEOUT_MS } = {}): ExportPool {
  const pool = new Piscina<ExportTask, ExportResult>({
    filename: worker.filename,
    execArgv: worker.execArgv,
    minThreads: 0,
    maxThreads: EXPORT_THREADS,
    // Idle threads end after a while; piscina never lets them keep the process alive.
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  let running = 0;
  const waiting: (() => void)[] = [];
  let closed = false;

  /** Waits for one of the EXPORT_THREADS places; the function returned gives it back. */
  async function place(): Promise<() => void> {
    if (running < EXPORT_THREADS) {
      running += 1;
    } else {
      if (waiting.length >= EXPORT_QUEUE) {
        throw new HttpError(503, 'busy', 'The server is busy exporting; try again in a moment.');
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    // A freed place passes straight to the next in line, so `running` stays counted.
    return () => {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    };
  }

  return {
    async run(task) {
      if (closed) throw new Error('The export pool is closed.');
      const release = await place();
      let result: ExportResult;
      try {
        // Those that waited while the pool closed are let through here, one by one, to fail.
        if (closed) throw new Error('The export pool is closed.');
        // Aborting a running task terminates its thread, so a stuck export really stops.
        const signal = AbortSignal.timeout(timeoutMs);
        try {
          result = await pool.run(task, { signal });
        } catch (error) {
          if (signal.aborted) throw new ExportTimeoutError(timeoutMs);
          throw error;
        }
      } finally {
        release();
      }
      if ('error' in result) throw new ExportOptionError(result.error);
      return result;
    },
    load: () => ({ running, waiting: waiting.length }),
    async close() {
      closed = true;
      await pool.destroy();
    },
  };
}
