import { NOTE_DEFAULT_HEIGHT, type Note } from '@dartboard/board';
import { describe, expect, it } from 'vitest';
import { GROWN_HEIGHT_MAX, grownHeight } from './noteGrowth';

const note = (id: string, x: number, y: number, height = NOTE_DEFAULT_HEIGHT): Note => ({
  id,
  x,
  y,
  width: 200,
  height,
  text: '',
  color: '#fde68a',
  author: 'Sam',
  createdAt: 0,
  locked: false,
  card: { kind: 'note' },
});

const SHORT = 'Pilot with two teams';
const LONG = 'The customer wants predictable monthly costs, a clear exit option and a pilot first. '
  .repeat(3)
  .trim();

describe('grownHeight', () => {
  it('leaves a note whose text fits as it is', () => {
    expect(grownHeight(note('a', 0, 0), SHORT, [])).toBe(NOTE_DEFAULT_HEIGHT);
  });

  it('grows a note whose text does not fit, up to the limit', () => {
    const grown = grownHeight(note('a', 0, 0), LONG, []);
    expect(grown).toBe(GROWN_HEIGHT_MAX);
  });

  it('stops short of the note below, and ignores notes beside it', () => {
    const below = note('b', 50, 250);
    const beside = note('c', 300, 170);
    const grown = grownHeight(note('a', 0, 0), LONG, [below, beside]);
    expect(grown).toBeGreaterThan(NOTE_DEFAULT_HEIGHT);
    expect(grown).toBeLessThan(below.y);
  });

  it('never shrinks a note someone made tall', () => {
    expect(grownHeight(note('a', 0, 0, 500), SHORT, [])).toBe(500);
  });
});
