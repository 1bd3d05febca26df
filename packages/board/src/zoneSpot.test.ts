import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rectsIntersect } from './geometry.js';
import { addNote, listNotes } from './note.js';
import { PALETTE_GROUPS, paletteEntry, ZONE_PALETTE } from './palette.js';
import { ZONE_HEADER_HEIGHT } from './placement.js';
import { applyTemplate, ZONE_GAP } from './templates.js';
import { listZones, readZone, ZONE_KINDS } from './zone.js';
import { addZoneOfKind } from './zoneSpot.js';

function dartBoard(): Y.Doc {
  const doc = new Y.Doc();
  applyTemplate(doc, { template: 'dart', title: 'Acme', createdAt: 1 });
  return doc;
}

/** The smallest distance between the borders of two rectangles that do not overlap. */
function gapBetween(a: { x: number; y: number; width: number; height: number }, b: typeof a) {
  const dx = Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width), 0);
  const dy = Math.max(b.y - (a.y + a.height), a.y - (b.y + b.height), 0);
  return Math.max(dx, dy);
}

describe('the zone palette', () => {
  it('offers every zone kind once, in its groups, each tall enough for notes under the header', () => {
    expect(ZONE_PALETTE.map((e) => e.kind)).toEqual([...ZONE_KINDS]);
    expect(new Set(ZONE_PALETTE.map((e) => e.group))).toEqual(new Set(PALETTE_GROUPS));
    for (const entry of ZONE_PALETTE) {
      expect(entry.title).not.toBe('');
      expect(entry.height).toBeGreaterThanOrEqual(ZONE_HEADER_HEIGHT + 500);
    }
    expect(paletteEntry('risk').title).toBe('Risk assessment');
  });
});

describe('addZoneOfKind', () => {
  it('puts a zone on an empty board where the facilitator is looking, centred there', () => {
    const doc = new Y.Doc();
    const id = addZoneOfKind(doc, 'free', { x: 1000, y: 500 });
    expect(readZone(doc, id)).toMatchObject({
      kind: 'free',
      title: 'Free zone',
      x: 550,
      y: 150,
      width: 900,
      height: 700,
    });
  });

  it('never puts a zone over another zone: beside the zones, a gap away', () => {
    const doc = dartBoard();
    const before = listZones(doc);
    // Looking at the middle of the Dialogue zone.
    const id = addZoneOfKind(doc, 'situation', { x: 450, y: 350 });
    const added = readZone(doc, id);
    if (!added) throw new Error('no zone added');
    expect(added).toMatchObject({ kind: 'situation', title: 'Situation', width: 760 });
    for (const zone of before) {
      expect(rectsIntersect(zone, added)).toBe(false);
      expect(gapBetween(zone, added)).toBeGreaterThanOrEqual(ZONE_GAP);
    }
  });

  it('adds zone after zone without overlaps, with or without a place to look at', () => {
    const doc = dartBoard();
    for (const kind of ZONE_KINDS) addZoneOfKind(doc, kind, { x: 900, y: 700 });
    for (const kind of ['free', 'launch'] as const) addZoneOfKind(doc, kind);
    const zones = listZones(doc);
    expect(zones).toHaveLength(4 + ZONE_KINDS.length + 2);
    for (const a of zones) {
      for (const b of zones) if (a !== b) expect(rectsIntersect(a, b)).toBe(false);
    }
  });

  it('keeps clear of notes outside the zones, so they do not suddenly count for the new zone', () => {
    const doc = new Y.Doc();
    addNote(doc, { x: 900, y: 400, author: 'Ana' });
    const id = addZoneOfKind(doc, 'free', { x: 1000, y: 500 });
    const zone = readZone(doc, id);
    const [note] = listNotes(doc);
    if (!zone || !note) throw new Error('missing');
    expect(rectsIntersect(zone, note)).toBe(false);
  });
});
