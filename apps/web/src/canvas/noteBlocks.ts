import { type Note, type Rect, rectsIntersect } from '@dartboard/board';
import { boundsOf } from './viewport';

/** Largest image the blocks are cached in, in device pixels (16 MiB at 4 bytes each). */
const MAX_PIXELS = 4_000_000;

/**
 * Zoomed far out, every note is a plain block of its colour. Once the notes and the zoom have
 * stayed the same for two frames, all blocks are painted into one image, so each frame of a
 * pan over thousands of notes copies one image instead of filling thousands of rectangles.
 * While notes move or the zoom changes, blocks are filled directly.
 */
export class NoteBlocks {
  private image:
    | { canvas: HTMLCanvasElement; notes: readonly Note[]; zoom: number; at: Rect }
    | undefined;
  private lastRequest: { notes: readonly Note[]; zoom: number } | undefined;

  /** Draws on `context` in device pixels (identity transform): board point p is at p·zoom + offset. */
  draw(
    context: CanvasRenderingContext2D,
    notes: readonly Note[],
    view: Rect,
    zoom: number,
    offsetX: number,
    offsetY: number,
  ): void {
    const stable = this.lastRequest?.notes === notes && this.lastRequest.zoom === zoom;
    this.lastRequest = { notes, zoom };
    let image = this.image?.notes === notes && this.image.zoom === zoom ? this.image : undefined;
    if (!image && stable) image = this.paint(notes, zoom);
    if (image) {
      context.drawImage(
        image.canvas,
        Math.round(image.at.x * zoom + offsetX),
        Math.round(image.at.y * zoom + offsetY),
      );
      return;
    }
    fillBlocks(context, notes, view, zoom, offsetX, offsetY);
  }

  clear(): void {
    this.image = undefined;
    this.lastRequest = undefined;
  }

  private paint(notes: readonly Note[], zoom: number) {
    const bounds = boundsOf(notes);
    this.image = undefined;
    if (!bounds) return undefined;
    const width = Math.ceil(bounds.width * zoom) + 2;
    const height = Math.ceil(bounds.height * zoom) + 2;
    if (width * height > MAX_PIXELS) return undefined;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    fillBlocks(context, notes, bounds, zoom, -bounds.x * zoom, -bounds.y * zoom);
    this.image = { canvas, notes, zoom, at: bounds };
    return this.image;
  }
}

function fillBlocks(
  context: CanvasRenderingContext2D,
  notes: readonly Note[],
  view: Rect,
  zoom: number,
  offsetX: number,
  offsetY: number,
): void {
  for (const note of notes) {
    if (!rectsIntersect(note, view)) continue;
    context.fillStyle = note.color;
    context.fillRect(
      Math.round(note.x * zoom + offsetX),
      Math.round(note.y * zoom + offsetY),
      Math.max(1, Math.round(note.width * zoom)),
      Math.max(1, Math.round(note.height * zoom)),
    );
  }
}
