import { type Rect, rectsIntersect } from '@dartboard/board';
import { describe, expect, it } from 'vitest';
import { NoteGrid } from './noteGrid';

function notes(count: number): (Rect & { id: number })[] {
  // Scattered, some negative, some large, in no spatial order.
  return Array.from({ length: count }, (_, id) => ({
    id,
    x: ((id * 7919) % 20_000) - 6000,
    y: ((id * 104_729) % 12_000) - 3000,
    width: id % 13 === 0 ? 1800 : 200,
    height: id % 17 === 0 ? 1500 : 160,
  }));
}

describe('NoteGrid', () => {
  it('finds exactly the notes that intersect a view, in their original order', () => {
    const all = notes(3000);
    const grid = new NoteGrid(all);
    for (const view of [
      { x: 0, y: 0, width: 1400, height: 900 },
      { x: -6500, y: -3500, width: 2000, height: 2000 },
      { x: 5000.5, y: 2000.25, width: 4000, height: 2430 },
      { x: -1e6, y: -1e6, width: 2e6, height: 2e6 },
      { x: 50_000, y: 50_000, width: 100, height: 100 },
    ]) {
      const expected = all.filter((note) => rectsIntersect(note, view)).map((note) => note.id);
      expect(grid.inView(view).map((note) => note.id)).toEqual(expected);
    }
  });

  it('handles an empty board', () => {
    expect(new NoteGrid([]).inView({ x: 0, y: 0, width: 10, height: 10 })).toEqual([]);
  });
});
