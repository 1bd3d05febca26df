import { type Note, type Rect, rectsIntersect } from '@dartboard/board';
import { boundsOf } from './viewport';

/** Largest image the blocks are cached in, in device pixels (16 MiB at 4 bytes each). */
const MAX_PIXELS = 4_000_000;

/** While zooming, the cached image is stretched up to this factor before it is painted anew. */
const MAX_STRETCH = 4;

/**
 * Zoomed far out, every note is a plain block of its colour, and all blocks are painted into
 * one image, so each frame of a pan over thousands of notes copies one image instead of
 * filling thousands of rectangles. Once the notes and the zoom have stayed the same for two
 * frames, the image is painted at exactly that zoom; while the zoom moves, the image is
 * stretched (solid blocks stretch well) and painted anew only when it is off by more than
 * MAX_STRETCH. While notes move, blocks are filled directly.
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
    const last = this.lastRequest;
    const notesStable = last?.notes === notes;
    this.lastRequest = { notes, zoom };
    let image = this.image?.notes === notes ? this.image : undefined;
    const stretch = image
      ? Math.max(zoom / image.zoom, image.zoom / zoom)
      : Number.POSITIVE_INFINITY;
    const zoomStable = last?.zoom === zoom;
    if (notesStable && (zoomStable ? image?.zoom !== zoom : stretch > MAX_STRETCH))
      image = this.paint(notes, zoom);
    if (image) {
      const left = Math.round(image.at.x * zoom + offsetX);
      const top = Math.round(image.at.y * zoom + offsetY);
      if (image.zoom === zoom) context.drawImage(image.canvas, left, top);
      else {
        const right = Math.round((image.at.x + image.at.width) * zoom + offsetX);
        const bottom = Math.round((image.at.y + image.at.height) * zoom + offsetY);
        // Nearest-pixel stretching: as sharp as filtering for solid blocks, and half the cost.
        context.imageSmoothingEnabled = false;
        context.drawImage(image.canvas, left, top, right - left, bottom - top);
        context.imageSmoothingEnabled = true;
      }
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
    this.image = {
      canvas,
      notes,
      zoom,
      at: { ...bounds, width: width / zoom, height: height / zoom },
    };
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
