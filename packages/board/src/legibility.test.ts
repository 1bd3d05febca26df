import { describe, expect, it } from 'vitest';
import { FONT_SIZE, MIN_SCREEN_PX, READABLE_ZOOM } from './legibility.js';

describe('font sizes', () => {
  it('are each at least their minimum on screen at the readable zoom', () => {
    expect(FONT_SIZE.noteTextMin * READABLE_ZOOM).toBeGreaterThanOrEqual(MIN_SCREEN_PX.noteText);
    expect(FONT_SIZE.author * READABLE_ZOOM).toBeGreaterThanOrEqual(MIN_SCREEN_PX.author);
    expect(FONT_SIZE.title * READABLE_ZOOM).toBeGreaterThanOrEqual(MIN_SCREEN_PX.title);
    expect(FONT_SIZE.prompt * READABLE_ZOOM).toBeGreaterThanOrEqual(MIN_SCREEN_PX.prompt);
  });
});
