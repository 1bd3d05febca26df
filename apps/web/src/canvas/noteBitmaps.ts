import type { Card, Note } from '@dartboard/board';
import { ImageCache } from './imageCache';
import { NoteRaster, type RasterDone } from './noteRaster';
import { type NoteLook, noteImageSize, paintNote } from './paintNote';
import { copyImage } from './zoomRest';

/** Memory the cached note images may take together, in bytes (4 per pixel). */
const BUDGET_BYTES = 64 * 1024 * 1024;
/**
 * Most images asked of the worker and not back yet (about 25 ms of its work): during a fast
 * pan it then paints what is in view now, not a queue of notes that have left.
 */
const MAX_PENDING = 64;

interface Painted {
  look: NoteLook;
  withText: boolean;
  /** Device pixels per board pixel the image was painted at. */
  resolution: number;
}

interface Entry extends Painted {
  /** Painted here (a canvas) or by the worker (an ImageBitmap, closed when dropped). */
  image: HTMLCanvasElement | ImageBitmap;
}

interface Waiting extends Painted {
  serial: number;
}

/**
 * Notes painted once into small offscreen images and then copied with one drawImage per frame.
 * Text layout and glyph rasterising, the expensive part of a note, then happen only when a
 * note changes or the zoom changes, not on every frame of a pan.
 *
 * Images are painted by a worker (NoteRaster) so that bringing hundreds of notes into view
 * never holds up a frame; until a note's image arrives it is drawn from its previous image,
 * stretched, or as plain paper. A note whose content changed (someone typed, resized, changed
 * its colour) is repainted right here within the frame's time budget, so an edit shows in the
 * same frame. Without a worker (no OffscreenCanvas) every image is painted here, by budget.
 *
 * Images are copied at whole device pixels and, once the zoom rests, painted at exactly the
 * zoom: a software-rendered canvas copies such an image about twice as fast as one it has to
 * filter. While the zoom moves, images are kept at steps of √2 (see ZoomRest) and drawn
 * scaled.
 */
export class NoteBitmaps {
  private readonly entries = new ImageCache<Entry>(BUDGET_BYTES);
  private readonly waiting = new Map<string, Waiting>();
  private readonly serials = new Map<number, string>();
  /** The worker, started on first use (and again after dispose, as React may reuse us). */
  private rasterState: NoteRaster | 'none' | undefined;

  /**
   * `onPainted` runs when an image painted by the worker has arrived (to draw again); without
   * it, every image is painted on this thread.
   */
  constructor(private readonly onPainted?: () => void) {}

  private get raster(): NoteRaster | undefined {
    if (this.rasterState === undefined) {
      const onPainted = this.onPainted;
      const raster = onPainted
        ? NoteRaster.create(
            (done) => {
              if (this.receive(done)) onPainted();
            },
            () => {
              // No worker after all: paint everything here from now on.
              this.rasterState = 'none';
              this.waiting.clear();
              this.serials.clear();
              onPainted();
            },
          )
        : undefined;
      this.rasterState = raster ?? 'none';
    }
    return this.rasterState === 'none' ? undefined : this.rasterState;
  }

  /**
   * Draws `note` on `context`, whose transform must be the identity (device pixels), with its
   * top-left corner at (`left`, `top`) and `zoom` device pixels per board pixel; with `keep`, an
   * image of the note at another resolution is good enough (drawn scaled). Paints here
   * only while `mayPaint()` allows. Returns false if the note was not drawn as it should be
   * and nothing under way will ask for another frame.
   */
  draw(
    context: CanvasRenderingContext2D,
    note: Note,
    withText: boolean,
    place: { left: number; top: number; zoom: number; resolution: number; keep?: boolean },
    mayPaint: () => boolean,
  ): boolean {
    let entry = this.entries.get(note.id);
    const fresh = entry !== undefined && sameLook(entry, note, withText);
    let complete = fresh && (place.keep === true || entry?.resolution === place.resolution);
    if (!complete) {
      const edited = entry !== undefined && !fresh;
      if ((this.raster === undefined || edited) && mayPaint()) {
        entry = this.paint(note, withText, place.resolution);
        complete = true;
      } else if (this.raster) {
        this.ask(note, withText, place.resolution);
        complete = true;
      }
    }
    // Most recently used last, so eviction takes the longest unused first.
    if (entry && this.entries.get(note.id) === entry) this.entries.touch(note.id);
    const left = Math.round(place.left);
    const top = Math.round(place.top);
    if (entry) {
      copyImage(context, entry.image, left, top, place.zoom / entry.resolution);
    } else {
      context.fillStyle = note.color;
      context.beginPath();
      context.roundRect(
        left,
        top,
        note.width * place.zoom,
        note.height * place.zoom,
        6 * place.zoom,
      );
      context.fill();
    }
    return complete;
  }

  /** Sends the worker the images asked for while drawing; call once a frame is drawn. */
  flush(): void {
    if (this.rasterState !== 'none') this.rasterState?.flush();
  }

  /** Drops images of notes that no longer exist. */
  retain(exists: (id: string) => boolean): void {
    this.entries.retain(exists);
    for (const [id, waiting] of this.waiting) {
      if (exists(id)) continue;
      this.waiting.delete(id);
      this.serials.delete(waiting.serial);
    }
  }

  /** Frees every image and stops the worker. */
  dispose(): void {
    this.entries.clear();
    this.waiting.clear();
    this.serials.clear();
    if (this.rasterState !== 'none') this.rasterState?.terminate();
    this.rasterState = undefined;
  }

  /** Whether no image is kept or asked for: `retain` would have nothing to drop. */
  get empty(): boolean {
    return this.entries.size === 0 && this.waiting.size === 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Asks the worker for an image, unless it is already asked for or the worker is busy. */
  private ask(note: Note, withText: boolean, resolution: number): void {
    const raster = this.raster;
    if (!raster) return;
    const waiting = this.waiting.get(note.id);
    if (waiting && waiting.resolution === resolution && sameLook(waiting, note, withText)) return;
    if (raster.pending >= MAX_PENDING) return;
    if (waiting) this.serials.delete(waiting.serial);
    const serial = raster.request(note, withText, resolution);
    this.waiting.set(note.id, { serial, look: note, withText, resolution });
    this.serials.set(serial, note.id);
  }

  /** Takes images from the worker; false if nobody wants any of them any more. */
  private receive(painted: RasterDone[]): boolean {
    let wanted = false;
    for (const done of painted) if (this.receiveOne(done)) wanted = true;
    return wanted;
  }

  private receiveOne({ serial, bitmap }: RasterDone): boolean {
    const id = this.serials.get(serial);
    this.serials.delete(serial);
    const waiting = id === undefined ? undefined : this.waiting.get(id);
    if (id === undefined || waiting?.serial !== serial) {
      bitmap.close();
      return false;
    }
    this.waiting.delete(id);
    const { look, withText, resolution } = waiting;
    this.entries.add(id, { look, withText, resolution, image: bitmap });
    return true;
  }

  private paint(note: Note, withText: boolean, resolution: number): Entry {
    const canvas = document.createElement('canvas');
    const size = noteImageSize(note, resolution);
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (context) {
      context.setTransform(resolution, 0, 0, resolution, 0, 0);
      paintNote(context, note, withText);
    }
    // A worker image on its way would now be out of date.
    const waiting = this.waiting.get(note.id);
    if (waiting) {
      this.waiting.delete(note.id);
      this.serials.delete(waiting.serial);
    }
    return this.entries.add(note.id, { look: note, withText, resolution, image: canvas });
  }
}

function sameLook(painted: Painted, note: NoteLook, withText: boolean): boolean {
  const old = painted.look;
  return (
    painted.withText === withText &&
    old.width === note.width &&
    old.height === note.height &&
    old.color === note.color &&
    old.author === note.author &&
    old.text === note.text &&
    old.locked === note.locked &&
    sameCard(old.card, note.card)
  );
}

/** Cards are read anew with every change of the board: equal when their fields are. */
function sameCard(a: Card, b: Card): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  const fields = a as Record<string, unknown>;
  const others = b as Record<string, unknown>;
  for (const key in fields) if (fields[key] !== others[key]) return false;
  return true;
}
