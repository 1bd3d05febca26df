import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { groupNotesByZone, zoneAtPoint, zoneOfNote } from './membership.js';
import { addNote, listNotes } from './note.js';
import { addZone, listZones, type Zone } from './zone.js';

function zone(id: string, x: number, y: number, width: number, height: number): Zone {
  return { id, kind: 'dialogue', title: id, prompt: '', x, y, width, height, locked: false };
}

describe('zone membership', () => {
  const outer = zone('outer', 0, 0, 1000, 1000);
  const inner = zone('inner', 100, 100, 200, 200);

  it('puts a point in the smallest zone that contains it', () => {
    expect(zoneAtPoint([outer, inner], 150, 150)?.id).toBe('inner');
    expect(zoneAtPoint([inner, outer], 150, 150)?.id).toBe('inner');
    expect(zoneAtPoint([outer, inner], 500, 500)?.id).toBe('outer');
  });

  it('counts the edge as inside and anything beyond as outside', () => {
    expect(zoneAtPoint([inner], 300, 300)?.id).toBe('inner');
    expect(zoneAtPoint([inner], 300.01, 300)).toBeUndefined();
  });

  it('uses the note centre, not its corner', () => {
    // Top-left corner inside `inner`, centre outside it.
    const note = { x: 250, y: 250, width: 200, height: 200 };
    expect(zoneOfNote([outer, inner], note)?.id).toBe('outer');
    expect(zoneOfNote([inner], note)).toBeUndefined();
  });

  it('groups the notes of a document, with every zone present and strays outside', () => {
    const doc = new Y.Doc();
    const a = addZone(doc, { kind: 'dialogue', title: 'A', x: 0, y: 0, width: 400, height: 400 });
    const b = addZone(doc, { kind: 'access', title: 'B', x: 500, y: 0, width: 400, height: 400 });
    const inA = addNote(doc, { x: 10, y: 10, author: 'Ann', createdAt: 1 });
    const stray = addNote(doc, { x: 2000, y: 2000, author: 'Bob', createdAt: 2 });
    const { byZone, outside } = groupNotesByZone(listZones(doc), listNotes(doc));
    expect(byZone.get(a)?.map((n) => n.id)).toEqual([inA]);
    expect(byZone.get(b)).toEqual([]);
    expect(outside.map((n) => n.id)).toEqual([stray]);
  });
});
