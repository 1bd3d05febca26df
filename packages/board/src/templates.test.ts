import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rectsIntersect } from './geometry.js';
import { readMeta } from './meta.js';
import { applyTemplate } from './templates.js';
import { listZones } from './zone.js';

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
