import type { Context } from 'konva/lib/Context';
import { BOARD_BACKGROUND, GRID_DOT } from './theme';

/** Board pixels between grid dots at 100%; zoomed out, every second, fourth… dot is kept. */
const GRID = 24;
/** Dots never come closer than this many device pixels. */
const MIN_SPACING = 12;

/** One opaque grid cell (background and a dot) as a pattern, by size in device pixels. */
const tiles = new Map<string, CanvasPattern | null>();

/**
 * Paints the whole canvas in the board colour with a dot grid that moves with the board, so a
 * pan over empty space still shows the motion: one fill with an opaque pattern, placed at whole
 * pixels (placed between pixels, every pixel is filtered, which costs milliseconds a frame).
 * The first shape of the opaque board layer (see makeOpaque).
 */
export function paintBackground(konvaContext: Context): void {
  const context = konvaContext._context;
  const { a: zoom, e: offsetX, f: offsetY } = context.getTransform();
  let spacing = GRID * zoom;
  while (spacing < MIN_SPACING) spacing *= 2;
  const size = Math.round(spacing);
  const pattern = tile(context, size, Math.max(1, Math.round(konvaContext.canvas.pixelRatio)));
  context.save();
  context.setTransform(1, 0, 0, 1, 0, 0);
  if (pattern) {
    const left = Math.round(modulo(offsetX, size));
    const top = Math.round(modulo(offsetY, size));
    pattern.setTransform(new DOMMatrix([1, 0, 0, 1, left, top]));
    context.fillStyle = pattern;
  } else context.fillStyle = BOARD_BACKGROUND;
  context.fillRect(0, 0, context.canvas.width, context.canvas.height);
  context.restore();
}

function tile(context: CanvasRenderingContext2D, size: number, pixelRatio: number) {
  const key = `${size}@${pixelRatio}`;
  if (tiles.has(key)) return tiles.get(key) ?? null;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const cell = canvas.getContext('2d', { alpha: false });
  let pattern: CanvasPattern | null = null;
  if (cell) {
    cell.fillStyle = BOARD_BACKGROUND;
    cell.fillRect(0, 0, size, size);
    // A dot at each corner, a quarter of it in this cell: whole dots where cells meet.
    cell.fillStyle = GRID_DOT;
    cell.beginPath();
    for (const [x, y] of [
      [0, 0],
      [size, 0],
      [0, size],
      [size, size],
    ] as const) {
      cell.moveTo(x + pixelRatio, y);
      cell.arc(x, y, pixelRatio, 0, Math.PI * 2);
    }
    cell.fill();
    pattern = context.createPattern(canvas, 'repeat');
  }
  tiles.set(key, pattern);
  return pattern;
}

function modulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
