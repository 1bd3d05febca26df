import { describe, expect, it } from 'vitest';
import { placeAnswer } from './answers.js';
import { rectsIntersect } from './geometry.js';
import type { Zone } from './zone.js';

const zone: Zone = {
  id: 'z',
  kind: 'dialogue',
  title: 'Dialogue',
  prompt: '',
  x: 0,
  y: 0,
  width: 900,
  height: 700,
  locked: false,
};
const size = { width: 200, height: 160 };

describe('placeAnswer', () => {
  it('puts the answer right of its question, in the same zone', () => {
    const question = { x: 40, y: 140, ...size };
    const placed = placeAnswer(question, { zones: [zone], notes: [question], size });
    expect(placed.inZone).toBe(true);
    expect(placed.spot.x).toBeGreaterThanOrEqual(question.x + question.width);
    expect(Math.abs(placed.spot.y - question.y)).toBeLessThan(40);
  });

  it('never covers another note, the question or one already beside it', () => {
    const question = { x: 40, y: 140, ...size };
    const first = { x: 256, y: 140, ...size };
    const placed = placeAnswer(question, { zones: [zone], notes: [question, first], size });
    const answer = { ...placed.spot, ...size };
    expect(rectsIntersect(answer, question)).toBe(false);
    expect(rectsIntersect(answer, first)).toBe(false);
  });

  it('stays outside the zones beside a question that is outside them', () => {
    const question = { x: 1200, y: 0, ...size };
    const placed = placeAnswer(question, { zones: [zone], notes: [question], size });
    expect(placed.inZone).toBe(false);
    expect(placed.spot).toEqual({ x: 1416, y: 0 });
  });
});
