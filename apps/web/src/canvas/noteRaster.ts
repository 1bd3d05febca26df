import type { NoteLook } from './paintNote';

/** One note image to paint: the look of the note at `resolution` device pixels per board pixel. */
export interface RasterJob {
  serial: number;
  note: NoteLook;
  withText: boolean;
  resolution: number;
}

/** A painted note: its image, the note's alone. */
export interface RasterDone {
  serial: number;
  bitmap: ImageBitmap;
}

/**
 * The main thread's side of the note painting worker (noteRaster.worker.ts). Jobs asked for
 * during a frame go to the worker in one message when the frame ends (`flush`); finished images
 * come back through `onPainted`, several at a time (the worker paints them on one sheet).
 * `pending` counts jobs not answered yet, so the caller can keep the worker's queue short (a
 * fast pan must not leave it painting notes long gone).
 */
export class NoteRaster {
  private readonly worker: Worker;
  private queued: RasterJob[] = [];
  private nextSerial = 1;
  pending = 0;

  /**
   * A painter, or undefined where workers cannot paint (no OffscreenCanvas, as in jsdom).
   * `onFailed` runs if the worker cannot start after all (a policy blocks it, say).
   */
  static create(
    onPainted: (done: RasterDone[]) => void,
    onFailed: () => void,
  ): NoteRaster | undefined {
    if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return undefined;
    try {
      return new NoteRaster(onPainted, onFailed);
    } catch {
      return undefined;
    }
  }

  private constructor(onPainted: (done: RasterDone[]) => void, onFailed: () => void) {
    this.worker = new Worker(new URL('./noteRaster.worker.ts', import.meta.url), {
      type: 'module',
    });
    this.worker.onmessage = (event: MessageEvent<RasterDone[]>) => {
      this.pending -= event.data.length;
      onPainted(event.data);
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.terminate();
      onFailed();
    };
  }

  /** Queues a job and returns its serial, which its RasterDone carries. */
  request(note: NoteLook, withText: boolean, resolution: number): number {
    const serial = this.nextSerial++;
    const { width, height, color, author, text, locked, card } = note;
    this.queued.push({
      serial,
      note: { width, height, color, author, text, locked, card },
      withText,
      resolution,
    });
    this.pending += 1;
    return serial;
  }

  /** Sends the jobs queued since the last flush. */
  flush(): void {
    if (this.queued.length === 0) return;
    this.worker.postMessage(this.queued);
    this.queued = [];
  }

  terminate(): void {
    this.worker.terminate();
    this.queued = [];
    this.pending = 0;
  }
}
