import { describe, expect, it } from 'vitest';
import { zoneOfNote } from './membership.js';
import { freeSpotInZone, ZONE_HEADER_HEIGHT } from './placement.js';

const zone = {
  locked: false,
  id: 'z',
  kind: 'dialogue',
  title: 'Dialogue',
  prompt: '',
  x: 100,
  y: 100,
  width: 500,
  height: 420,
};
const size = { width: 200, height: 160 };

describe('freeSpotInZone', () => {
  it('puts the first note below the header, inside the zone', () => {
    const spot = freeSpotInZone(zone, [], size);
    expect(spot.y).toBeGreaterThanOrEqual(zone.y + ZONE_HEADER_HEIGHT);
    expect(zoneOfNote([zone], { ...spot, ...size })?.id).toBe('z');
  });

  it('skips slots that notes already cover', () => {
    const first = freeSpotInZone(zone, [], size);
    const second = freeSpotInZone(zone, [{ ...first, ...size }], size);
    expect(second).not.toEqual(first);
    expect(second.y).toBe(first.y);
    const third = freeSpotInZone(
      zone,
      [
        { ...first, ...size },
        { ...second, ...size },
      ],
      size,
    );
    expect(third.y).toBeGreaterThan(first.y);
    expect(zoneOfNote([zone], { ...third, ...size })?.id).toBe('z');
  });

  it('falls back to the centre of a full zone, which still holds the note', () => {
    const full = [{ x: zone.x, y: zone.y, width: zone.width, height: zone.height }];
    const spot = freeSpotInZone(zone, full, size);
    expect(spot).toEqual({ x: 250, y: 230 });
    expect(zoneOfNote([zone], { ...spot, ...size })?.id).toBe('z');
  });
});
