import {
  addNote,
  addZone,
  deleteNote,
  deleteZone,
  listZones,
  metaMap,
  moveNote,
  moveZone,
  NOTE_COLORS,
  NOTE_TEXT_MAX_LENGTH,
  notesMap,
  ROOT_META,
  ROOT_NOTES,
  ROOT_ZONES,
  resizeZone,
  setNoteColor,
  setNoteLocked,
  setNoteText,
  setTitle,
  setZoneLocked,
  updateZoneText,
  zonesMap,
} from '@dartboard/board';
import * as Y from 'yjs';
import { insertIntoListPart } from '../helpers.js';
import type { Rng } from './rng.js';

// The hostile changes the Forger makes to a Yjs document before it turns them into an update:
// unknown roots, malformed notes, bad fields, zone and meta changes, content hidden where the
// board's accessors never look, and (for view links only) the changes an edit link may make.

export function noteRecord(doc: Y.Doc, id: string): Y.Map<unknown> {
  return notesMap(doc).get(id) as Y.Map<unknown>;
}

/** A value no record field takes, or a field no record has. */
export function badField(r: Rng, record: Y.Map<unknown>): void {
  const [key, value] = r.pick<[string, () => unknown]>([
    ['x', () => 'abc'],
    ['y', () => Number.NaN],
    ['x', () => 2_000_000],
    ['width', () => 5],
    ['height', () => 1e9],
    ['color', () => 'red'],
    ['color', () => '#FFFFFF'],
    ['author', () => 'm'.repeat(81)],
    ['createdAt', () => -1],
    ['locked', () => 'yes'],
    ['evil', () => 1],
    ['__proto__', () => ({ polluted: true })],
    ['text', () => 'plain string'],
    ['text', () => 42],
    ['text', () => new Y.Map()],
    ['x', () => new Y.Map()],
    ['y', () => new Uint8Array([1, 2, 3])],
  ]);
  record.set(key, value());
}

/** Content under the root `name`, or a board root used as a type it is not. */
export function unknownRootChange(r: Rng, doc: Y.Doc, name: string): void {
  switch (r.int(6)) {
    case 0:
      doc.getMap(name).set(r.pick(['k', 'title', r.id()]), r.pick([42, 'str', null, [1]]));
      break;
    case 1:
      doc.getArray(r.pick([ROOT_NOTES, ROOT_ZONES, ROOT_META])).insert(0, [r.id(), 1]);
      break;
    case 2:
      doc.getArray(name).insert(0, [new Y.Map()]);
      break;
    case 3:
      doc.getText(r.pick([ROOT_ZONES, ROOT_NOTES, name])).insert(0, 'evil');
      break;
    case 4:
      doc.getXmlFragment(name).insert(0, [new Y.XmlElement('script')]);
      break;
    default: {
      const inner = new Y.Map<unknown>();
      doc.getMap(name).set(ROOT_NOTES, inner);
      inner.set('x', 1);
    }
  }
}

/** A new note `id` that is no note: not a record, or a record breaking the rules. */
export function badNewNoteChange(r: Rng, doc: Y.Doc, id: string): void {
  const notes = notesMap(doc);
  switch (r.int(7)) {
    case 0:
      notes.set(id, r.pick([42, 'note', null, true, [1], { text: 'x' }]));
      break;
    case 1:
      notes.set(id, r.pick([new Y.Array(), new Y.Text('evil'), new Uint8Array([1])]));
      break;
    case 2:
      doc.transact(() => {
        addNote(doc, { id, x: 10, y: 10, author: 'mallory', text: 'HOSTILE bad field' });
        badField(r, noteRecord(doc, id));
      });
      break;
    case 3:
      doc.transact(() => {
        addNote(doc, { id, x: 10, y: 10, author: 'mallory', text: 'HOSTILE locked' });
        setNoteLocked(doc, id, true);
      });
      break;
    case 4:
      doc.transact(() => {
        addNote(doc, { id, x: 10, y: 10, author: 'mallory', text: 'HOSTILE deep' });
        let map = noteRecord(doc, id);
        for (let depth = 0; depth < 8; depth++) {
          const inner = new Y.Map<unknown>();
          map.set('x', inner);
          map = inner;
        }
      });
      break;
    case 5:
      doc.transact(() => {
        addNote(doc, { id, x: 10, y: 10, author: 'mallory', text: 'HOSTILE long' });
        noteRecord(doc, id).set('text', new Y.Text('x'.repeat(NOTE_TEXT_MAX_LENGTH + 1)));
      });
      break;
    default:
      doc.transact(() => {
        addNote(doc, { id, x: 10, y: 10, author: 'mallory', text: 'HOSTILE subdoc' });
        noteRecord(doc, id).set('text', new Y.Doc());
      });
  }
}

export function zoneChange(r: Rng, doc: Y.Doc): void {
  const zone = r.pick(listZones(doc));
  if (!zone) {
    addZone(doc, { kind: 'risk', title: 'HOSTILE', x: 0, y: 0, width: 200, height: 200 });
    return;
  }
  switch (r.int(8)) {
    case 0:
      moveZone(doc, zone.id, zone.x + 1 + r.int(100), zone.y);
      break;
    case 1:
      resizeZone(doc, zone.id, zone.width + 10, zone.height + 10);
      break;
    case 2:
      updateZoneText(doc, zone.id, { title: 'HOSTILE', prompt: 'HOSTILE' });
      break;
    case 3:
      deleteZone(doc, zone.id);
      break;
    case 4:
      addZone(doc, { kind: 'risk', title: 'HOSTILE', x: 0, y: 0, width: 200, height: 200 });
      break;
    case 5:
      setZoneLocked(doc, zone.id, true);
      break;
    case 6:
      (zonesMap(doc).get(zone.id) as Y.Map<unknown>).set('x', 'abc');
      break;
    default:
      (zonesMap(doc).get(zone.id) as Y.Map<unknown>).set('evil', 1);
  }
}

export function metaChange(r: Rng, doc: Y.Doc): void {
  const meta = metaMap(doc);
  switch (r.int(6)) {
    case 0:
      setTitle(doc, 'HOSTILE');
      break;
    case 1:
      meta.set('template', 'blank');
      break;
    case 2:
      meta.set('evil', 1);
      break;
    case 3:
      meta.delete('title');
      break;
    case 4:
      meta.set('createdAt', -5);
      break;
    default:
      meta.set('title', new Y.Text('HOSTILE'));
  }
}

/** Content where the board's accessors never look, or content a note's text never holds. */
export function hiddenContent(r: Rng, doc: Y.Doc, noteId: string): void {
  const record = noteRecord(doc, noteId);
  const text = record.get('text');
  switch (r.int(8)) {
    case 0:
      insertIntoListPart(doc, metaMap(doc), ['HOSTILE hidden in meta']);
      break;
    case 1: {
      const zone = listZones(doc)[0];
      if (zone) {
        const zoneRecord = zonesMap(doc).get(zone.id) as Y.Map<unknown>;
        insertIntoListPart(doc, zoneRecord, ['HOSTILE hidden in a zone']);
      }
      break;
    }
    case 2:
      insertIntoListPart(doc, record, ['HOSTILE hidden in a note']);
      break;
    case 3:
      insertIntoListPart(doc, notesMap(doc), ['HOSTILE hidden in notes']);
      break;
    case 4:
      if (text instanceof Y.Text) {
        const embedded = new Y.Map<unknown>();
        text.insertEmbed(0, embedded);
        embedded.set('secret', 'HOSTILE hidden in a text');
      }
      break;
    case 5:
      if (text instanceof Y.Text && text.length > 0) text.format(0, 1, { bold: true });
      break;
    case 6:
      if (text instanceof Y.Text) text.insertEmbed(0, { image: 'HOSTILE' });
      break;
    default:
      if (text instanceof Y.Text) text.insert(0, 'HOSTILE', { bold: true });
  }
}

/** What an edit link may do (so only sent with a view link). */
export function noteChange(r: Rng, doc: Y.Doc, noteId: string): void {
  switch (r.int(5)) {
    case 0:
      addNote(doc, { id: r.id(), x: 0, y: 0, author: 'mallory', text: 'HOSTILE view' });
      break;
    case 1:
      setNoteText(doc, noteId, 'HOSTILE');
      break;
    case 2:
      moveNote(doc, noteId, r.int(1000), r.int(1000));
      break;
    case 3:
      deleteNote(doc, noteId);
      break;
    default:
      setNoteColor(doc, noteId, NOTE_COLORS.pink);
  }
}
