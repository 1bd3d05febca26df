import { DART_ZONES, type Note } from '@dartboard/board';
import { describe, expect, it } from 'vitest';
import { straddlingNotes } from './StraddleMarks';

const zones = DART_ZONES.map((zone, i) => ({ ...zone, id: `z${i}`, prompt: '', locked: false }));
const note = (id: string, x: number, y: number): Note => ({
  id,
  x,
  y,
  width: 200,
  height: 160,
  text: id,
  color: '#fde68a',
  author: 'Sam',
  createdAt: 0,
  locked: false,
  card: { kind: 'note' },
});

describe('straddlingNotes', () => {
  it('marks notes a zone border cuts through, not those inside or outside', () => {
    const inside = note('inside', 100, 100);
    const across = note('across', 800, 100);
    const outside = note('outside', 3000, 100);
    expect(straddlingNotes([inside, across, outside], zones, undefined)).toEqual([across]);
  });

  it('follows a zone being resized over a note', () => {
    // Left of Dialogue, clear of it, until Dialogue is stretched to the left through it.
    const left = note('left', -1300, 100);
    expect(straddlingNotes([left], zones, undefined)).toEqual([]);
    const stretched = new Map([['z0', { x: -1200, y: 0, width: 2100, height: 620 }]]);
    expect(straddlingNotes([left], zones, stretched)).toEqual([left]);
  });
});
