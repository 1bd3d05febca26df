import { type Rect, rectsIntersect } from '@dartboard/board';

/** Board units per grid cell: a cell holds a few dozen notes of the default size. */
const CELL = 1024;

/**
 * The notes of one snapshot filed by where their top-left corner lies, so that a frame looks
 * only at the notes near the view instead of at every note on the board (20,000 of them cost
 * about a millisecond a frame to cull one by one). `inView` keeps the snapshot's order, which
 * is the order notes are drawn in.
 */
export class NoteGrid<T extends Rect> {
  private readonly cells = new Map<number, number[]>();
  /** The largest note: a note whose corner lies this far outside the view may still reach it. */
  private readonly reach: { width: number; height: number } = { width: 0, height: 0 };

  constructor(private readonly items: readonly T[]) {
    items.forEach((item, index) => {
      const key = cellKey(Math.floor(item.x / CELL), Math.floor(item.y / CELL));
      const cell = this.cells.get(key);
      if (cell) cell.push(index);
      else this.cells.set(key, [index]);
      this.reach.width = Math.max(this.reach.width, item.width);
      this.reach.height = Math.max(this.reach.height, item.height);
    });
  }

  /** The items that intersect `view`, in their original order. */
  inView(view: Rect): T[] {
    const left = Math.floor((view.x - this.reach.width) / CELL);
    const right = Math.floor((view.x + view.width) / CELL);
    const top = Math.floor((view.y - this.reach.height) / CELL);
    const bottom = Math.floor((view.y + view.height) / CELL);
    // Zoomed far out, most cells are in view: looking at every item is as quick.
    if ((right - left + 1) * (bottom - top + 1) > this.cells.size) {
      return this.items.filter((item) => rectsIntersect(item, view));
    }
    const found: number[] = [];
    for (let cx = left; cx <= right; cx++)
      for (let cy = top; cy <= bottom; cy++) {
        const cell = this.cells.get(cellKey(cx, cy));
        if (cell) for (const index of cell) found.push(index);
      }
    const order = Int32Array.from(found).sort();
    const shown: T[] = [];
    for (const index of order) {
      const item = this.items[index];
      if (item && rectsIntersect(item, view)) shown.push(item);
    }
    return shown;
  }
}

/** One number per cell; boards stay far within ±2^20 cells of the origin. */
function cellKey(cx: number, cy: number): number {
  return (cx + 2 ** 20) * 2 ** 21 + (cy + 2 ** 20);
}
