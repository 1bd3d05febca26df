import { describe, expect, it } from 'vitest';
import { badgeSpot, dotRadius, dotSpots, onDot } from './voteDots.js';

const card = { x: 100, y: 200, width: 200, height: 160 };

describe('dotSpots', () => {
  it('puts dots along the top edge from the right, in rows that stay on the card', () => {
    const spots = dotSpots(card, 10, 1);
    expect(spots).toHaveLength(10);
    expect(spots[0]?.y).toBe(200);
    expect(spots[0]?.x).toBeGreaterThan(spots[1]?.x ?? Number.POSITIVE_INFINITY);
    for (const dot of spots) {
      expect(dot.x - dot.r).toBeGreaterThanOrEqual(card.x);
      expect(dot.x + dot.r).toBeLessThanOrEqual(card.x + card.width);
    }
    expect(new Set(spots.map((dot) => dot.y)).size).toBe(3);
  });

  it('keeps dots big enough to see and to click when zoomed out', () => {
    expect(dotRadius(1)).toBe(16);
    expect(dotRadius(0.25)).toBe(28);
    expect(dotSpots(card, 3, 0.25).every((dot) => dot.r === 28)).toBe(true);
  });
});

describe('onDot', () => {
  it('finds a click on one of the dots, not beside them', () => {
    const [first] = dotSpots(card, 2, 1);
    if (!first) throw new Error('no dot');
    expect(onDot(card, 2, 1, first)).toBe(true);
    expect(onDot(card, 2, 1, { x: first.x + first.r + 2, y: first.y })).toBe(true);
    expect(onDot(card, 2, 1, { x: card.x + 20, y: card.y + 80 })).toBe(false);
    expect(onDot(card, 0, 1, first)).toBe(false);
  });
});

describe('badgeSpot', () => {
  it('sits over the top right corner', () => {
    const badge = badgeSpot(card, 1);
    expect(badge.x).toBeLessThan(card.x + card.width);
    expect(badge.x + badge.r).toBeGreaterThan(card.x + card.width);
    expect(badge.y).toBeGreaterThan(card.y);
  });
});
