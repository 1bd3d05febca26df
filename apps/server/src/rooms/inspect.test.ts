import { addNote, applyTemplate, moveNote, notesMap, setNoteText } from '@dartboard/board';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Inspection, inspectUpdate } from './inspect.js';

// What the review reads of an update before it is applied: where each change lands, or why the
// update must not be applied. The update is read as Yjs will read it (several clients, Skip
// and GC structs, structs the room partly has); these pin that reading, refusals included.

/** A room's document and a writer that holds everything the room holds, with one note. */
function board() {
  const room = new Y.Doc();
  applyTemplate(room, { template: 'blank', title: 'Board', createdAt: 1 });
  const writer = join(room);
  const note = addNote(writer, { x: 0, y: 0, author: 'Ann', text: 'abc' });
  Y.applyUpdate(room, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(room)));
  return { room, writer, note };
}

/** A writer's copy of everything `room` holds. */
function join(room: Y.Doc, options?: { gc?: boolean }): Y.Doc {
  const doc = new Y.Doc(options);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room));
  return doc;
}

/** What `doc` has and `room` lacks. */
function news(doc: Y.Doc, room: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(room));
}

/** The updates each change on `doc` emits. */
function updatesOf(doc: Y.Doc, ...changes: (() => void)[]): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const keep = (update: Uint8Array) => updates.push(update);
  doc.on('update', keep);
  for (const change of changes) change();
  doc.off('update', keep);
  return updates;
}

function located(inspection: Inspection) {
  if (inspection.kind !== 'located') throw new Error(`not located: ${JSON.stringify(inspection)}`);
  return { ...inspection, writers: [...inspection.writers] };
}

function fieldItem(doc: Y.Doc, note: string, field: string): Y.Item {
  const item = (notesMap(doc).get(note) as Y.Map<unknown>)._map.get(field);
  if (!item) throw new Error(`no ${field}`);
  return item;
}

interface ForgedItem {
  origin?: Y.ID;
  rightOrigin?: Y.ID;
  /** A root name or the id of the item holding the map it is set in. */
  parent?: string | Y.ID;
  parentSub?: string;
  /** ContentAny values, or a new map when absent. */
  values?: unknown[];
}

/** An update (format V1) of `items` written by `client` from `clock` on, deleting nothing. */
function forge(client: number, clock: number, items: ForgedItem[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, items.length);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock);
  for (const item of items) {
    const content = item.values ? 8 : 7;
    const info =
      content |
      (item.origin ? 0x80 : 0) |
      (item.rightOrigin ? 0x40 : 0) |
      (item.parentSub !== undefined ? 0x20 : 0);
    encoding.writeUint8(encoder, info);
    for (const id of [item.origin, item.rightOrigin]) {
      if (!id) continue;
      encoding.writeVarUint(encoder, id.client);
      encoding.writeVarUint(encoder, id.clock);
    }
    if (!item.origin && !item.rightOrigin) {
      const parent = item.parent ?? 'notes';
      if (typeof parent === 'string') {
        encoding.writeVarUint(encoder, 1);
        encoding.writeVarString(encoder, parent);
      } else {
        encoding.writeVarUint(encoder, 0);
        encoding.writeVarUint(encoder, parent.client);
        encoding.writeVarUint(encoder, parent.clock);
      }
      if (item.parentSub !== undefined) encoding.writeVarString(encoder, item.parentSub);
    }
    if (item.values) {
      encoding.writeVarUint(encoder, item.values.length);
      for (const value of item.values) encoding.writeAny(encoder, value as encoding.AnyEncodable);
    } else {
      encoding.writeVarUint(encoder, 1);
    }
  }
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/** An update that deletes `len` items of `client` from `clock` on, and brings nothing. */
function deletionOf(client: number, clock: number, len: number): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const n of [0, 1, client, 1, clock, len]) encoding.writeVarUint(encoder, n);
  return encoding.toUint8Array(encoder);
}

describe('inspectUpdate', () => {
  it('locates a note moved: the two fields set and the values they replace', () => {
    const { room, writer, note } = board();
    const [update] = updatesOf(writer, () => moveNote(writer, note, 5, 6));
    expect(located(inspectUpdate(room, update as Uint8Array))).toEqual({
      kind: 'located',
      touches: [
        { path: ['notes', note, 'x'], kind: 'insert', content: 'value' },
        { path: ['notes', note, 'y'], kind: 'insert', content: 'value' },
        { path: ['notes', note, 'x'], kind: 'delete', content: undefined },
        { path: ['notes', note, 'y'], kind: 'delete', content: undefined },
      ],
      fresh: true,
      writers: [writer.clientID],
    });
  });

  it('locates the changes of several clients in one update, and names each writer', () => {
    const { room, writer, note } = board();
    const other = join(room);
    moveNote(writer, note, 5, 6);
    const second = addNote(other, { x: 1, y: 1, author: 'Ann', text: 'b' });
    setNoteText(other, note, 'abcd');
    const update = Y.mergeUpdates([news(writer, room), news(other, room)]);
    const inspection = located(inspectUpdate(room, update));
    expect(inspection.writers.sort()).toEqual([writer.clientID, other.clientID].sort());
    expect(inspection.touches).toEqual(
      expect.arrayContaining([
        { path: ['notes', note, 'x'], kind: 'insert', content: 'value' },
        { path: ['notes', second], kind: 'insert', content: 'type' },
        { path: ['notes', second, 'text'], kind: 'insert', content: 'type' },
        { path: ['notes', second, 'text', null], kind: 'insert', content: 'text' },
        { path: ['notes', note, 'text', null], kind: 'insert', content: 'text' },
        { path: ['notes', note, 'x'], kind: 'delete', content: undefined },
      ]),
    );
    // Each place once per kind and content.
    const keys = inspection.touches.map((touch) => JSON.stringify(touch));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('skips what the room has, Skip structs included, and asks for what it lacks', () => {
    const { room, writer, note } = board();
    const [first, second, third] = updatesOf(
      writer,
      () => moveNote(writer, note, 1, 1),
      () => moveNote(writer, note, 2, 2),
      () => moveNote(writer, note, 3, 3),
    ) as [Uint8Array, Uint8Array, Uint8Array];
    // The first and third moves, with a Skip over the second between them.
    const skipping = Y.mergeUpdates([first, third]);
    expect(Y.decodeUpdate(skipping).structs.some((struct) => struct instanceof Y.Skip)).toBe(true);
    expect(inspectUpdate(room, skipping)).toEqual({ kind: 'missing' });

    Y.applyUpdate(room, first);
    Y.applyUpdate(room, second);
    const inspection = located(inspectUpdate(room, skipping));
    expect(inspection.fresh).toBe(true);
    expect(inspection.touches).toEqual([
      { path: ['notes', note, 'x'], kind: 'insert', content: 'value' },
      { path: ['notes', note, 'y'], kind: 'insert', content: 'value' },
      { path: ['notes', note, 'x'], kind: 'delete', content: undefined },
      { path: ['notes', note, 'y'], kind: 'delete', content: undefined },
    ]);

    Y.applyUpdate(room, third);
    expect(located(inspectUpdate(room, skipping))).toEqual({
      kind: 'located',
      touches: [],
      fresh: false,
      writers: [],
    });
  });

  it('counts GC structs as new but places nothing for them', () => {
    const { room } = board();
    const writer = join(room);
    const note = addNote(writer, { x: 0, y: 0, author: 'Ann', text: 'gone' });
    notesMap(writer).delete(note);
    const update = news(writer, room);
    expect(Y.decodeUpdate(update).structs.some((struct) => struct instanceof Y.GC)).toBe(true);
    expect(located(inspectUpdate(room, update))).toEqual({
      kind: 'located',
      touches: [{ path: ['notes', note], kind: 'insert', content: 'deleted' }],
      fresh: true,
      writers: [writer.clientID],
    });
  });

  it('takes deletions of items the update brings, and no deletion past them', () => {
    const { room, note } = board();
    const writer = join(room, { gc: false });
    const text = (notesMap(writer).get(note) as Y.Map<unknown>).get('text') as Y.Text;
    text.insert(3, 'def');
    text.delete(4, 1);
    const update = news(writer, room);
    const touches = [{ path: ['notes', note, 'text', null], kind: 'insert', content: 'text' }];
    expect(located(inspectUpdate(room, update)).touches).toEqual(touches);

    const end = Y.getState(writer.store, writer.clientID);
    const deleting = (clock: number, len: number) =>
      Y.mergeUpdates([update, deletionOf(writer.clientID, clock, len)]);
    expect(located(inspectUpdate(room, deleting(end - 1, 1))).touches).toEqual(touches);
    expect(inspectUpdate(room, deleting(end - 1, 2))).toEqual({ kind: 'missing' });
  });

  it('refuses a subdocument, types nested too deep and a parent that holds no type', () => {
    const { room, note } = board();
    const writer = join(room);
    (notesMap(writer).get(note) as Y.Map<unknown>).set('text', new Y.Doc());
    expect(inspectUpdate(room, news(writer, room))).toEqual({
      kind: 'invalid',
      reason: 'a subdocument',
    });

    // Made in one update, nested maps are located one below the other (the review then finds
    // no such field in a board); an item below maps deeper than any record is refused.
    const deep = join(room);
    let map = notesMap(deep).get(note) as Y.Map<unknown>;
    for (let depth = 0; depth < 8; depth++) {
      const inner = new Y.Map<unknown>();
      map.set('x', inner);
      map = inner;
    }
    const nested = located(inspectUpdate(room, news(deep, room)));
    expect(nested.touches).toContainEqual({
      path: ['notes', note, ...Array(8).fill('x')],
      kind: 'insert',
      content: 'type',
    });
    Y.applyUpdate(room, news(deep, room));
    const [below] = updatesOf(deep, () => map.set('y', 1)) as [Uint8Array];
    expect(inspectUpdate(room, below)).toEqual({
      kind: 'invalid',
      reason: 'types nested too deep',
    });

    const y = fieldItem(room, note, 'y');
    const forged = forge(424242, 0, [{ parent: y.id, parentSub: 'evil', values: [1] }]);
    expect(inspectUpdate(room, forged)).toEqual({
      kind: 'invalid',
      reason: 'an item names a parent that is not a type',
    });
  });

  it('refuses an item beside items of another field, and asks for neighbours it lacks', () => {
    const { room, writer, note } = board();
    const x = fieldItem(room, note, 'x');
    const y = fieldItem(room, note, 'y');
    expect(inspectUpdate(room, forge(424242, 0, [{ origin: x.id, values: [1] }]))).toEqual({
      kind: 'located',
      touches: [{ path: ['notes', note, 'x'], kind: 'insert', content: 'value' }],
      fresh: true,
      writers: new Set([424242]),
    });
    expect(
      inspectUpdate(room, forge(424242, 0, [{ origin: x.id, rightOrigin: y.id, values: [1] }])),
    ).toEqual({ kind: 'invalid', reason: 'an item placed beside items of another field' });
    const unknown = Y.createID(writer.clientID + 1, 5);
    expect(inspectUpdate(room, forge(424242, 0, [{ origin: unknown, values: [1] }]))).toEqual({
      kind: 'missing',
    });
    // A gap before the update's first struct.
    expect(
      inspectUpdate(room, forge(424242, 3, [{ parent: 'notes', parentSub: 'n', values: [1] }])),
    ).toEqual({ kind: 'missing' });
  });

  it('refuses items that name each other as neighbours', () => {
    const { room } = board();
    const ring = forge(424242, 0, [
      { origin: Y.createID(424242, 1), values: [1] },
      { origin: Y.createID(424242, 0), values: [2] },
    ]);
    expect(inspectUpdate(room, ring)).toEqual({
      kind: 'invalid',
      reason: 'items in a ring of neighbours',
    });
  });

  it('takes a run of characters the room partly has when it continues in the same text', () => {
    const { room, writer, note } = board();
    const text = (notesMap(writer).get(note) as Y.Map<unknown>).get('text') as Y.Text;
    const before = Y.encodeStateVector(writer);
    text.insert(3, 'd');
    Y.applyUpdate(room, news(writer, room));
    text.insert(4, 'ef');
    // From before the 'd': Yjs merged 'def' into one struct, of which the room has the 'd'.
    const overlapping = Y.encodeStateAsUpdate(writer, before);
    const [struct] = Y.decodeUpdate(overlapping).structs as Y.Item[];
    expect(struct?.length).toBe(3);
    expect(located(inspectUpdate(room, overlapping)).touches).toEqual([
      { path: ['notes', note, 'text', null], kind: 'insert', content: 'text' },
    ]);
  });

  it('refuses an item the room partly has that claims another place', () => {
    const { room, note } = board();
    // The room has 424242's first value in a field 'a' of notes; the forged item starts there
    // and continues as a field of the note.
    Y.applyUpdate(room, forge(424242, 0, [{ parent: 'notes', parentSub: 'a', values: [1] }]));
    const record = (notesMap(room).get(note) as Y.Map<unknown>)._item as Y.Item;
    const overlapping = forge(424242, 0, [{ parent: record.id, parentSub: 'x', values: [1, 2] }]);
    expect(inspectUpdate(room, overlapping)).toEqual({
      kind: 'invalid',
      reason: "an item overlapping the room's items elsewhere",
    });
  });

  it('tells apart the kinds of content, those Yjs alone reads included', () => {
    const { room, note } = board();
    const writer = join(room);
    const record = notesMap(writer).get(note) as Y.Map<unknown>;
    const text = record.get('text') as Y.Text;
    writer.transact(() => {
      text.insertEmbed(0, { image: 'x' });
      text.format(1, 1, { bold: true });
      record.set('bytes', new Uint8Array([1, 2]));
      record.set('list', new Y.Array());
      record.set('xml', new Y.XmlText());
      record.set('element', new Y.XmlElement('p'));
    });
    const touches = located(inspectUpdate(room, news(writer, room))).touches;
    expect(touches).toEqual(
      expect.arrayContaining([
        { path: ['notes', note, 'text', null], kind: 'insert', content: 'other' },
        { path: ['notes', note, 'bytes'], kind: 'insert', content: 'other' },
        { path: ['notes', note, 'list'], kind: 'insert', content: 'other' },
        { path: ['notes', note, 'xml'], kind: 'insert', content: 'other' },
        { path: ['notes', note, 'element'], kind: 'insert', content: 'other' },
      ]),
    );
  });

  it('throws on an update Yjs cannot read', () => {
    const { room, writer, note } = board();
    const [update] = updatesOf(writer, () => moveNote(writer, note, 5, 6)) as [Uint8Array];
    for (let end = 1; end < update.length - 1; end++) {
      const truncated = update.slice(0, end);
      let yjs: unknown;
      try {
        Y.decodeUpdate(truncated);
      } catch (error) {
        yjs = error;
      }
      if (yjs) expect(() => inspectUpdate(room, truncated)).toThrow();
      else expect(() => inspectUpdate(room, truncated)).not.toThrow();
    }
  });
});
