import type { Note } from '@dartboard/board';
import { paintNote, SHADOW_OFFSET } from './paintNote';

/** Memory the cached note images may take together, in bytes (4 per pixel). */
const BUDGET_BYTES = 64 * 1024 * 1024;

interface Entry {
  note: Note;
  withText: boolean;
  /** Device pixels per board pixel the image was painted at. */
  resolution: number;
  canvas: HTMLCanvasElement;
}

/**
 * Notes painted once into small offscreen images and then copied with one drawImage per frame.
 * Text layout and glyph rasterising, the expensive part of a note, then happen only when a
 * note changes or the zoom changes, not on every frame of a pan.
 *
 * Images are copied at whole device pixels and, once the zoom rests, painted at exactly the
 * zoom: a software-rendered canvas copies such an image about twice as fast as one it has to
 * filter. While the zoom moves, images are kept at steps of √2 (resolutionStep) and drawn
 * scaled. Painting is spread over frames by a time budget, so a frame never waits for hundreds
 * of notes; a note with no image yet is drawn as plain paper for a frame or two.
 */
export class NoteBitmaps {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  /** A power of √2 at or above `resolution`, for images that survive a zoom gesture. */
  static resolutionStep(resolution: number): number {
    return Math.SQRT2 ** Math.ceil(Math.log2(resolution) * 2 - 1e-9);
  }

  /**
   * Draws `note` on `context`, whose transform must be the identity (device pixels), with its
   * top-left corner at (`left`, `top`) and `zoom` device pixels per board pixel. Paints a new
   * image at `resolution` only while `mayPaint()` allows; returns false if the note was drawn
   * from an image at another resolution or as a placeholder and wants another frame.
   */
  draw(
    context: CanvasRenderingContext2D,
    note: Note,
    withText: boolean,
    place: { left: number; top: number; zoom: number; resolution: number },
    mayPaint: () => boolean,
  ): boolean {
    let entry = this.entries.get(note.id);
    const fresh = entry !== undefined && sameLook(entry, note, withText);
    let complete = fresh && entry?.resolution === place.resolution;
    if (!complete && mayPaint()) {
      entry = this.paint(note, withText, place.resolution, entry);
      complete = true;
    } else if (entry) {
      // Most recently used last, so eviction takes the longest unused first.
      this.entries.delete(note.id);
      this.entries.set(note.id, entry);
    }
    const left = Math.round(place.left);
    const top = Math.round(place.top);
    if (entry && (complete || fresh)) {
      const { canvas, resolution } = entry;
      if (resolution === place.zoom) context.drawImage(canvas, left, top);
      else {
        const ratio = place.zoom / resolution;
        context.drawImage(canvas, left, top, canvas.width * ratio, canvas.height * ratio);
      }
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

  /** Drops images of notes that no longer exist. */
  retain(exists: (id: string) => boolean): void {
    for (const [id, entry] of this.entries) if (!exists(id)) this.remove(id, entry);
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private paint(note: Note, withText: boolean, resolution: number, old?: Entry): Entry {
    if (old) this.remove(note.id, old);
    const canvas = old?.canvas ?? document.createElement('canvas');
    canvas.width = Math.max(1, Math.ceil((note.width + SHADOW_OFFSET.x) * resolution));
    canvas.height = Math.max(1, Math.ceil((note.height + SHADOW_OFFSET.y) * resolution));
    const context = canvas.getContext('2d');
    if (context) {
      context.setTransform(resolution, 0, 0, resolution, 0, 0);
      paintNote(context, note, withText);
    }
    const entry = { note, withText, resolution, canvas };
    this.entries.set(note.id, entry);
    this.bytes += canvas.width * canvas.height * 4;
    for (const [id, oldest] of this.entries) {
      if (this.bytes <= BUDGET_BYTES || oldest === entry) break;
      this.remove(id, oldest);
    }
    return entry;
  }

  private remove(id: string, entry: Entry): void {
    this.entries.delete(id);
    this.bytes -= entry.canvas.width * entry.canvas.height * 4;
  }
}

function sameLook(entry: Entry, note: Note, withText: boolean): boolean {
  const old = entry.note;
  return (
    entry.withText === withText &&
    old.width === note.width &&
    old.height === note.height &&
    old.color === note.color &&
    old.author === note.author &&
    old.text === note.text
  );
}
