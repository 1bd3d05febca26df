import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rectsIntersect } from './geometry.js';
import { readMeta } from './meta.js';
import { ZONE_HEADER_HEIGHT } from './placement.js';
import { applyTemplate } from './templates.js';
import { listZones, type Zone } from './zone.js';

function zonesOf(template: 'spin' | 'journey'): Zone[] {
  const doc = new Y.Doc();
  applyTemplate(doc, { template, title: 'Acme', createdAt: 1 });
  return listZones(doc);
}

function expectNoOverlaps(zones: readonly Zone[]): void {
  for (const a of zones) {
    for (const b of zones) if (a !== b) expect(rectsIntersect(a, b)).toBe(false);
  }
}

describe('templates', () => {
  it('lays out the four DART zones in reading order, without overlaps', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, { template: 'dart', title: 'Acme renewal', createdAt: 1_700_000_000_000 });
    const zones = listZones(doc);
    expect(zones.map((z) => [z.kind, z.title])).toEqual([
      ['dialogue', 'Dialogue'],
      ['access', 'Access'],
      ['risk', 'Risk assessment'],
      ['transparency', 'Transparency'],
    ]);
    for (const zone of zones) expect(zone.prompt.length).toBeGreaterThan(20);
    for (const a of zones) {
      for (const b of zones) if (a !== b) expect(rectsIntersect(a, b)).toBe(false);
    }
    expect(readMeta(doc)).toEqual({
      title: 'Acme renewal',
      template: 'dart',
      createdAt: 1_700_000_000_000,
    });
  });

  it('lays out the four SPIN lanes side by side, tall, each asking two or three questions', () => {
    const zones = zonesOf('spin');
    expect(zones.map((z) => [z.kind, z.title])).toEqual([
      ['situation', 'Situation'],
      ['problem', 'Problem'],
      ['implication', 'Implication'],
      ['need-payoff', 'Need-payoff'],
    ]);
    for (const zone of zones) {
      expect(zone.y).toBe(0);
      expect(zone.height).toBeGreaterThan(zone.width);
      expect(zone.prompt.match(/\?/g)?.length).toBeGreaterThanOrEqual(2);
      expect(zone.prompt.match(/\?/g)?.length).toBeLessThanOrEqual(3);
    }
    expect(zones.map((z) => z.x)).toEqual([...zones.map((z) => z.x)].sort((a, b) => a - b));
    expectNoOverlaps(zones);
  });

  it('lays out the six journey steps in reading order, three to a row, each with guidance', () => {
    const zones = zonesOf('journey');
    expect(zones.map((z) => z.title)).toEqual([
      'Objective',
      'Options',
      'Ideation',
      'Prototype',
      'Test',
      'Launch',
    ]);
    expect(new Set(zones.map((z) => z.y)).size).toBe(2);
    for (const zone of zones) {
      expect(zone.prompt.length).toBeGreaterThan(20);
      expect(zone.height).toBeGreaterThan(ZONE_HEADER_HEIGHT * 4);
    }
    expectNoOverlaps(zones);
  });

  it('gives a blank board metadata and no zones, and a default title when none is given', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, { template: 'blank', title: '   ', createdAt: 1 });
    expect(listZones(doc)).toEqual([]);
    expect(readMeta(doc).title).toBe('Untitled session');
    expect(readMeta(doc).template).toBe('blank');
  });

  it('reads a document without metadata as an untitled blank board', () => {
    expect(readMeta(new Y.Doc())).toEqual({
      title: 'Untitled session',
      template: 'blank',
      createdAt: 0,
    });
  });
});
