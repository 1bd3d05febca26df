import {
  addNote,
  addZone,
  type BoardMeta,
  deleteNote,
  deleteZone,
  findRuleBreak,
  listNotes,
  listZones,
  META_RULES,
  metaMap,
  moveNote,
  moveZone,
  NOTE_COLORS,
  NOTE_RULES,
  NOTE_TEXT_MAX_LENGTH,
  type Note,
  notesMap,
  ROOT_META,
  ROOT_NOTES,
  ROOT_ZONES,
  readMeta,
  resizeZone,
  setNoteColor,
  setNoteLocked,
  setNoteText,
  setTitle,
  setZoneLocked,
  updateZoneText,
  ZONE_RULES,
  type Zone,
  zonesMap,
} from '@dartboard/board';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { encodePresence, type PresenceEntry } from '../src/rooms/presence.js';
import type { Room } from '../src/rooms/room.js';
import {
  type CreatedBoard,
  collectCloses,
  collectRefusals,
  connectClient,
  createBoard,
  insertIntoListPart,
  openRawSocket,
  type RawSocket,
  startServer,
  type TestClient,
  type TestServer,
  waitFor,
} from './helpers.js';

// The fuzz behind fuzz.test.ts (`npm test`, 3,000 frames) and `npm run fuzz` (many more): hostile
// frames (random bytes, truncated messages, garbage and forged updates, forged presence, unknown
// roots...) sent with edit and view links while two honest people keep editing. runFuzz() only
// runs it and reports what happened; the test judges the outcome.
//
// Every random choice comes from a seed, so the same seed sends the same hostile frames (the
// honest clients' timing, and so the exact interleaving, still varies from run to run).

/** Hostile connections sending at once (each one frame at a time, waiting for the server). */
const WORKERS = 4;
/** Notes each honest client writes, at most. */
const HONEST_NOTES = 30;
const MAX_MESSAGE_BYTES = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32), so a failing run can be replayed from its seed.

class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** A non-zero 32-bit Yjs client id. */
  clientId(): number {
    return 1 + this.int(2 ** 32 - 2);
  }

  bytes(length: number): Uint8Array {
    const bytes = new Uint8Array(length);
    for (let i = 0; i < length; i++) bytes[i] = this.int(256);
    return bytes;
  }

  /** A note or zone id as the board makes them: 16 characters of [A-Za-z0-9]. */
  id(): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let id = '';
    for (let i = 0; i < 16; i++) id += alphabet[this.int(alphabet.length)];
    return id;
  }

  /** A short string of any characters, control and astral ones included. */
  text(max: number): string {
    let text = '';
    const length = this.int(max + 1);
    for (let i = 0; i < length; i++) {
      text += this.chance(0.8)
        ? String.fromCharCode(32 + this.int(95))
        : String.fromCodePoint(this.int(0x10ffff));
    }
    return text;
  }
}

// ---------------------------------------------------------------------------------------------
// Frames.

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function syncFrame(subType: number, payload: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, subType);
    encoding.writeVarUint8Array(e, payload);
  });
}

function presenceFrame(entries: PresenceEntry[]): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, encodePresence(entries));
  });
}

/** The document update the server would apply for `data`, if it is a sync write at all. */
function writeOf(data: Uint8Array | string): Uint8Array | undefined {
  if (typeof data === 'string') return undefined;
  try {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== 0) return undefined;
    const subType = decoding.readVarUint(decoder);
    if (subType !== 1 && subType !== 2) return undefined;
    return decoding.readVarUint8Array(decoder);
  } catch {
    return undefined;
  }
}

function hex(data: Uint8Array | string, max = 96): string {
  if (typeof data === 'string') return `text:${JSON.stringify(data.slice(0, max))}`;
  return Buffer.from(data.subarray(0, max)).toString('hex') + (data.length > max ? '…' : '');
}

const person = (name: string, role = 'edit') =>
  JSON.stringify({ user: { name, color: '#2563eb', role }, cursor: { x: 1, y: 2 } });

function cloneDoc(source: Y.Doc, clientId: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

type Role = 'edit' | 'view';

interface Hostile {
  kind: string;
  data: Uint8Array | string;
}

interface FuzzContext {
  room(): Room;
  /** Awareness ids of the honest clients, for forged presence. */
  honestIds: number[];
}

/** Makes one worker's hostile frames from its own seeded stream. */
class Forger {
  private cached: Y.Doc | undefined;
  private cachedUses = 0;

  constructor(
    private readonly rng: Rng,
    private readonly context: FuzzContext,
    private readonly name: string,
  ) {}

  next(role: Role): Hostile {
    const r = this.rng;
    for (;;) {
      const roll = r.next();
      let hostile: Hostile;
      let needsCheck = false;
      if (roll < 0.1) {
        hostile = { kind: 'random bytes', data: this.randomBytes() };
        needsCheck = true;
      } else if (roll < 0.18) {
        hostile = this.truncated(role);
        needsCheck = true;
      } else if (roll < 0.26) {
        hostile = { kind: 'sync with garbage', data: this.syncGarbage() };
        needsCheck = true;
      } else if (roll < 0.38) {
        hostile = this.flipped(role);
        needsCheck = true;
      } else if (roll < 0.68) {
        hostile = this.update(role);
      } else if (roll < 0.88) {
        hostile = this.presence();
      } else if (roll < 0.93) {
        hostile = this.otherMessage();
      } else if (roll < 0.95) {
        hostile = { kind: 'text frame', data: this.textFrame() };
      } else if (roll < 0.97) {
        hostile = { kind: 'sync step 1', data: this.stepOne() };
      } else if (roll < 0.972) {
        hostile = { kind: 'oversized frame', data: r.bytes(MAX_MESSAGE_BYTES + 1 + r.int(1000)) };
      } else {
        hostile = this.update(role);
      }
      // An edit link may add and change notes: a mangled frame that happens to be such a
      // change (rarely, but in a long run it happens) is not hostile, so it is not sent.
      if (role === 'edit' && needsCheck && !this.refusedForEdit(hostile.data)) continue;
      return hostile;
    }
  }

  private randomBytes(): Uint8Array {
    const r = this.rng;
    const length = r.chance(0.1) ? r.int(4096) : r.int(48);
    const bytes = r.bytes(length);
    // Often a plausible start, so the parsers get past the first byte.
    if (length > 0 && r.chance(0.5)) bytes[0] = r.pick([0, 1, 3]);
    if (length > 1 && bytes[0] === 0 && r.chance(0.5)) bytes[1] = r.pick([0, 1, 2]);
    return bytes;
  }

  private truncated(role: Role): Hostile {
    const r = this.rng;
    const whole = r.chance(0.6)
      ? syncFrame(r.pick([1, 2]), this.update(role, 'bytes').data as Uint8Array)
      : (this.presence().data as Uint8Array);
    return { kind: 'truncated frame', data: whole.subarray(0, r.int(whole.length)) };
  }

  private syncGarbage(): Uint8Array {
    const r = this.rng;
    const payload = r.bytes(r.int(r.chance(0.2) ? 2000 : 40));
    if (r.chance(0.2)) {
      // A length prefix that lies about what follows.
      return frame((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, r.pick([0, 1, 2]));
        encoding.writeVarUint(e, payload.length + 1 + r.int(2 ** 31));
        encoding.writeUint8Array(e, payload);
      });
    }
    return syncFrame(r.pick([0, 1, 2]), payload);
  }

  private flipped(role: Role): Hostile {
    const r = this.rng;
    const inner = this.update(role, 'bytes').data as Uint8Array;
    // Mostly the update inside a well-formed frame; sometimes the frame around it as well.
    const whole = r.chance(0.3);
    const target = whole ? syncFrame(r.pick([1, 2]), inner) : inner.slice();
    const flips = 1 + r.int(role === 'edit' ? 2 : 4);
    for (let i = 0; i < flips && target.length > 0; i++) {
      const at = r.int(target.length);
      target[at] = (target[at] as number) ^ (1 + r.int(255));
    }
    return { kind: 'flipped update', data: whole ? target : syncFrame(r.pick([1, 2]), target) };
  }

  private presence(): Hostile {
    const r = this.rng;
    const roll = r.int(10);
    if (roll === 0) {
      return {
        kind: 'presence garbage',
        data: frame((e) => {
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint8Array(e, r.bytes(r.int(64)));
        }),
      };
    }
    const count = roll === 1 ? 2 + r.int(40) : 1;
    const entries: PresenceEntry[] = [];
    let kind = 'presence';
    for (let i = 0; i < count; i++) {
      const entry = this.presenceEntry();
      kind = count > 1 ? 'presence, many entries' : `presence: ${entry.kind}`;
      entries.push(entry.entry);
    }
    return { kind, data: presenceFrame(entries) };
  }

  private presenceEntry(): { kind: string; entry: PresenceEntry } {
    const r = this.rng;
    const clock = r.chance(0.5) ? 1 + r.int(20) : r.int(2 ** 31);
    // Ids the hostile sockets share, so they also fight over each other's.
    const ownId = 4_000 + r.int(12);
    const honest = r.pick(this.context.honestIds);
    const entry = (kind: string, clientId: number, json: string) => ({
      kind,
      entry: { clientId, clock, json },
    });
    switch (r.int(11)) {
      case 0:
        return entry('forged honest', honest, person('FORGED', 'facilitator'));
      case 1:
        return entry('forged honest leaving', honest, 'null');
      case 2:
        return entry('own', ownId, person(`hostile ${this.name}`, r.pick(['facilitator', 'x'])));
      case 3:
        return entry('oversized', r.chance(0.5) ? honest : ownId, person('x'.repeat(4097)));
      case 4: {
        const depth = 9 + r.int(r.chance(0.1) ? 20_000 : 40);
        const json = r.chance(0.5)
          ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
          : `${'['.repeat(depth)}${']'.repeat(depth)}`;
        return entry('deeply nested', r.chance(0.5) ? honest : ownId, json);
      }
      case 5: {
        const json = r.pick(['{', '{"user":', 'undefined', '\u0000', "{'a':1}", r.text(30)]);
        return entry('invalid JSON', r.chance(0.5) ? honest : ownId, json);
      }
      case 6: {
        const json = r.pick(['null', '42', '"s"', '[]', 'true', '[{"user":{}}]', '{}']);
        return entry('not an object', r.chance(0.5) ? honest : ownId, json);
      }
      case 7: {
        const json = r.pick([
          '{"__proto__":{"polluted":true},"user":{"name":"p","__proto__":{"role":"facilitator"}}}',
          '{"user":"facilitator"}',
          '{"user":[1,2]}',
          '{"user":null,"constructor":{"prototype":{"x":1}}}',
        ]);
        return entry('odd shape', r.chance(0.3) ? honest : ownId, json);
      }
      case 8:
        return entry('huge id', r.pick([2 ** 32, 2 ** 53 - 1, 0]), person('huge'));
      case 9:
        return entry('own leaving', ownId, 'null');
      default:
        return entry('own, weird name', ownId, person(r.text(60)));
    }
  }

  private otherMessage(): Hostile {
    const r = this.rng;
    switch (r.int(4)) {
      case 0:
        return {
          kind: 'unknown message type',
          data: frame((e) => {
            encoding.writeVarUint(e, r.pick([2, 4, 5, 7, 8, 9, 127, 128, 2 ** 20, 2 ** 31]));
            encoding.writeUint8Array(e, r.bytes(r.int(8)));
          }),
        };
      case 1:
        return {
          kind: 'unknown sync type',
          data: frame((e) => {
            encoding.writeVarUint(e, 0);
            encoding.writeVarUint(e, 3 + r.int(2 ** 20));
            encoding.writeUint8Array(e, r.bytes(r.int(8)));
          }),
        };
      case 2:
        return { kind: 'query presence', data: frame((e) => encoding.writeVarUint(e, 3)) };
      default: {
        // A varUint longer than any integer.
        const bytes = new Uint8Array(12 + r.int(20)).fill(0xff);
        return { kind: 'endless varUint', data: bytes };
      }
    }
  }

  private textFrame(): string {
    const r = this.rng;
    return r.pick(['', '{"type":"update"}', '\u0000\u0001', r.text(200), 'x'.repeat(5000)]);
  }

  private stepOne(): Uint8Array {
    const r = this.rng;
    const vector = frame((e) => {
      const count = r.int(4);
      encoding.writeVarUint(e, count);
      for (let i = 0; i < count; i++) {
        encoding.writeVarUint(e, r.clientId());
        encoding.writeVarUint(e, r.int(2 ** 31));
      }
    });
    return syncFrame(0, vector);
  }

  // --- Real Yjs updates -------------------------------------------------------------------

  /** A copy of the room's document to forge changes from (refreshed now and then). */
  private fromRoom(): Y.Doc {
    if (!this.cached || this.cachedUses++ >= 8) {
      this.cached?.destroy();
      this.cached = cloneDoc(this.context.room().doc, this.rng.clientId());
      this.cachedUses = 0;
    }
    this.cached.clientID = this.rng.clientId();
    return this.cached;
  }

  private fresh(): Y.Doc {
    const doc = new Y.Doc();
    doc.clientID = this.rng.clientId();
    return doc;
  }

  /**
   * The update of `change` alone: its new items and its own deletions (never the deletions of
   * earlier forged changes, which an edit link may well be allowed to make).
   */
  private forge(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    doc.on('update', collect);
    try {
      change(doc);
    } finally {
      doc.off('update', collect);
    }
    const update = Y.mergeUpdates(updates);
    // Sometimes with everything the room has, as a sync step 2 would carry it.
    if (!this.rng.chance(0.1)) return update;
    return Y.mergeUpdates([Y.encodeStateAsUpdate(this.context.room().doc), update]);
  }

  private honestNote(doc: Y.Doc): Note | undefined {
    const notes = listNotes(doc).filter((note) => note.author.startsWith('honest-'));
    return notes.length > 0 ? this.rng.pick(notes) : undefined;
  }

  private noteRecord(doc: Y.Doc, id: string): Y.Map<unknown> {
    return notesMap(doc).get(id) as Y.Map<unknown>;
  }

  /** A value no record field takes, or a field no record has. */
  private badField(record: Y.Map<unknown>): void {
    const r = this.rng;
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

  /**
   * A real update from a hostile document (as bytes, or wrapped in a sync frame). With an edit
   * link only updates the permission table or the rules refuse; a view link also sends changes
   * an edit link could make.
   */
  update(role: Role, as: 'frame' | 'bytes' = 'frame'): Hostile {
    const r = this.rng;
    const kinds = [
      'unknown root',
      'bad new note',
      'bad field on an honest note',
      'zone change',
      'meta change',
      'lock an honest note',
      'hidden content',
      'missing dependencies',
      ...(role === 'view' ? ['note change', 'note change', 'note change'] : []),
    ];
    let kind = r.pick(kinds);
    const room = this.fromRoom();
    const note = this.honestNote(room);
    if (!note && /honest|hidden|note change/.test(kind)) kind = 'bad new note';
    let update: Uint8Array;
    switch (kind) {
      case 'unknown root':
        update = this.unknownRoot();
        break;
      case 'bad new note':
        update = this.badNewNote(r.chance(0.5) ? room : this.fresh());
        break;
      case 'bad field on an honest note':
        update = this.forge(room, () => {
          const record = this.noteRecord(room, (note as Note).id);
          room.transact(() => {
            if (r.chance(0.3)) moveNote(room, (note as Note).id, r.int(1000), r.int(1000));
            this.badField(record);
          });
        });
        break;
      case 'zone change':
        update = this.forge(room, () => this.zoneChange(room));
        break;
      case 'meta change':
        update = this.forge(r.chance(0.8) ? room : this.fresh(), (doc) => this.metaChange(doc));
        break;
      case 'lock an honest note':
        update = this.forge(room, () => setNoteLocked(room, (note as Note).id, true));
        break;
      case 'hidden content':
        update = this.forge(room, () => this.hiddenContent(room, (note as Note).id));
        break;
      case 'missing dependencies':
        update = this.missingDependencies(room);
        break;
      default:
        update = this.forge(room, () => this.noteChange(room, (note as Note).id));
    }
    const data = as === 'bytes' ? update : syncFrame(r.pick([1, 2]), update);
    return { kind: `update: ${kind}`, data };
  }

  private unknownRoot(): Uint8Array {
    const r = this.rng;
    const doc = this.fresh();
    const name = r.pick(['evil', 'notes2', '__proto__', 'constructor', '', 'Notes', r.text(8)]);
    return this.forge(doc, () => {
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
    });
  }

  private badNewNote(doc: Y.Doc): Uint8Array {
    const r = this.rng;
    const id = r.id();
    return this.forge(doc, () => {
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
            this.badField(this.noteRecord(doc, id));
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
            let map = this.noteRecord(doc, id);
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
            this.noteRecord(doc, id).set('text', new Y.Text('x'.repeat(NOTE_TEXT_MAX_LENGTH + 1)));
          });
          break;
        default:
          doc.transact(() => {
            addNote(doc, { id, x: 10, y: 10, author: 'mallory', text: 'HOSTILE subdoc' });
            this.noteRecord(doc, id).set('text', new Y.Doc());
          });
      }
    });
  }

  private zoneChange(doc: Y.Doc): void {
    const r = this.rng;
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

  private metaChange(doc: Y.Doc): void {
    const meta = metaMap(doc);
    switch (this.rng.int(6)) {
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
  private hiddenContent(doc: Y.Doc, noteId: string): void {
    const record = this.noteRecord(doc, noteId);
    const text = record.get('text');
    switch (this.rng.int(8)) {
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

  /** An update that builds on items the server never received. */
  private missingDependencies(room: Y.Doc): Uint8Array {
    const r = this.rng;
    switch (r.int(3)) {
      case 0: {
        // A note the server never saw, then an edit of it sent alone.
        const doc = r.chance(0.5) ? room : this.fresh();
        const id = addNote(doc, { id: r.id(), x: 0, y: 0, author: 'mallory', text: 'HOSTILE' });
        return this.forge(doc, () => setNoteText(doc, id, 'HOSTILE, edited'));
      }
      case 1: {
        // Items of another document, known to this one only.
        const other = this.fresh();
        const id = addNote(other, { id: r.id(), x: 0, y: 0, author: 'mallory', text: 'HOSTILE' });
        const doc = cloneDoc(other, r.clientId());
        const update = this.forge(doc, () => setNoteText(doc, id, 'HOSTILE edit'));
        doc.destroy();
        other.destroy();
        return update;
      }
      default:
        // Deletions of items nobody has.
        return frame((e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint(e, r.clientId());
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint(e, r.int(1000));
          encoding.writeVarUint(e, 1 + r.int(1000));
        });
    }
  }

  /** What an edit link may do (so only sent with a view link). */
  private noteChange(doc: Y.Doc, noteId: string): void {
    const r = this.rng;
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

  /**
   * Whether a mangled frame is, for an edit link, no legitimate change: on a copy of the room's
   * document it changes no note and leaves nothing pending (or does not apply at all).
   */
  private refusedForEdit(data: Uint8Array | string): boolean {
    const update = writeOf(data);
    if (!update) return true;
    try {
      Y.decodeUpdate(update);
    } catch {
      return true;
    }
    const copy = cloneDoc(this.context.room().doc, this.rng.clientId());
    try {
      const before = JSON.stringify(notesMap(copy).toJSON());
      try {
        Y.applyUpdate(copy, update);
      } catch {
        return false;
      }
      const pending = copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
      return !pending && JSON.stringify(notesMap(copy).toJSON()) === before;
    } finally {
      copy.destroy();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Checks of a document's shape.

function undeletedListItems(type: { _start: Y.Item | null }): number {
  let count = 0;
  for (let item = type._start; item; item = item.right) if (!item.deleted) count++;
  return count;
}

/**
 * Everything in `doc` that is not part of a board (docs/schema.md): unknown roots with content,
 * list content in the maps, records breaking the rules, note texts with anything but text.
 */
function strayContent(doc: Y.Doc): string[] {
  const problems: string[] = [];
  const roots = new Map<string, Y.Map<unknown>>([
    [ROOT_META, metaMap(doc)],
    [ROOT_ZONES, zonesMap(doc)],
    [ROOT_NOTES, notesMap(doc)],
  ]);
  for (const [name, type] of doc.share) {
    const mapContent = [...type._map.values()].some((item) => !item.deleted);
    if (!roots.has(name)) {
      if (undeletedListItems(type) > 0 || mapContent) {
        problems.push(`unknown root ${JSON.stringify(name)} holds content`);
      }
    } else if (undeletedListItems(type) > 0) {
      problems.push(`root ${name} holds list content`);
    }
  }
  const metaBreak = findRuleBreak(META_RULES, metaMap(doc));
  if (metaBreak) problems.push(`meta: ${metaBreak}`);
  for (const [root, rules] of [
    [ROOT_ZONES, ZONE_RULES],
    [ROOT_NOTES, NOTE_RULES],
  ] as const) {
    (roots.get(root) as Y.Map<unknown>).forEach((record, id) => {
      if (!(record instanceof Y.Map)) {
        problems.push(`${root}.${id} is not a record`);
        return;
      }
      const broken = findRuleBreak(rules, record);
      if (broken) problems.push(`${root}.${id}: ${broken}`);
      if (undeletedListItems(record) > 0) problems.push(`${root}.${id} holds list content`);
      const text = record.get('text');
      if (root === ROOT_NOTES && text instanceof Y.Text) {
        for (let item = text._start; item; item = item.right) {
          if (!item.deleted && !(item.content instanceof Y.ContentString)) {
            problems.push(`${root}.${id}.text holds ${item.content.constructor.name}`);
          }
        }
      }
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The honest clients.

interface Honest {
  name: string;
  client: TestClient;
  closes: { code: number; reason: string }[];
  refusals: string[];
  /** Notes this client wrote and has not deleted, with the text it last gave them. */
  own: Map<string, string>;
  written: number;
  edits: number;
}

function honestClient(server: TestServer, board: CreatedBoard, token: string, name: string) {
  const client = connectClient(server.wsUrl, board.id, token);
  client.provider.awareness.setLocalState({
    user: { name, color: '#16a34a', role: 'edit' },
    cursor: null,
  });
  const honest: Honest = {
    name,
    client,
    closes: collectCloses(client),
    refusals: collectRefusals(client),
    own: new Map(),
    written: 0,
    edits: 0,
  };
  return honest;
}

/** One ordinary change: a new note, a text edit of one's own note, a move, a colour, a delete. */
function honestStep(honest: Honest, rng: Rng): void {
  const doc = honest.client.doc;
  const roll = rng.next();
  const own = [...honest.own.keys()];
  if (honest.written < HONEST_NOTES && (roll < 0.3 || own.length < 3)) {
    honest.written++;
    const text = `${honest.name}-${honest.written}`;
    const id = addNote(doc, {
      id: rng.id(),
      x: rng.int(1800),
      y: rng.int(1200),
      author: honest.name,
      text,
    });
    honest.own.set(id, text);
  } else if (roll < 0.6) {
    const id = rng.pick(own);
    const text = `${(honest.own.get(id) as string).replace(/ edit \d+$/, '')} edit ${++honest.edits}`;
    setNoteText(doc, id, text);
    honest.own.set(id, text);
  } else if (roll < 0.9) {
    const notes = listNotes(doc);
    const note = notes.length > 0 ? rng.pick(notes) : undefined;
    if (note) moveNote(doc, note.id, rng.int(1800), rng.int(1200));
  } else if (roll < 0.97) {
    const notes = listNotes(doc);
    const note = notes.length > 0 ? rng.pick(notes) : undefined;
    if (note) setNoteColor(doc, note.id, rng.pick(Object.values(NOTE_COLORS)));
  } else if (own.length > 5) {
    const id = rng.pick(own);
    deleteNote(doc, id);
    honest.own.delete(id);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pings and waits for the pong; false when the socket closed instead. */
function roundTrip(socket: WebSocket): Promise<boolean> {
  if (socket.readyState !== WebSocket.OPEN) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (open: boolean) => {
      socket.off('pong', onPong);
      socket.off('close', onClose);
      resolve(open);
    };
    const onPong = () => done(true);
    const onClose = () => done(false);
    socket.on('pong', onPong);
    socket.on('close', onClose);
    socket.ping();
  });
}

interface Stats {
  sent: number;
  byKind: Map<string, { sent: number; closes: Map<number, number> }>;
  sockets: { edit: number; view: number };
  /** Closes the server should never send for anything a client does. */
  internalErrors: string[];
}

function countKind(stats: Stats, kind: string) {
  const entry = stats.byKind.get(kind) ?? { sent: 0, closes: new Map<number, number>() };
  entry.sent++;
  stats.byKind.set(kind, entry);
  return entry;
}

function presenceName(observer: Honest, of: Honest): string | undefined {
  const state = observer.client.provider.awareness.getStates().get(of.client.doc.clientID) as
    | { user?: { name?: string } }
    | undefined;
  return state?.user?.name;
}

export interface FuzzOptions {
  /** Hostile frames to send, over all hostile connections. */
  frames: number;
  /** Seed of every random choice of the hostile senders and the honest clients. */
  seed: number;
}

/** What one honest client saw at the end of the fuzz, before the server was restarted. */
export interface HonestOutcome {
  name: string;
  /** Close events the server sent it (it should never have been disconnected). */
  closes: { code: number; reason: string }[];
  /** Refusals it was told of (it only ever made changes its link allows). */
  refusals: string[];
  connected: boolean;
  /** The presence name this client sees for the other honest client. */
  seesOther: string | undefined;
  /** Every presence id this client sees, sorted. */
  presenceIds: number[];
  notes: Note[];
  meta: BoardMeta;
  zones: Zone[];
  /** strayContent() of its copy of the board. */
  stray: string[];
}

export interface FuzzOutcome {
  /** Hostile frames actually sent. */
  sent: number;
  /** Closes that only a server fault explains (1011, 1006...), with the frame before each. */
  internalErrors: string[];
  /** The awareness ids of the honest clients, sorted. */
  honestIds: number[];
  honest: HonestOutcome[];
  /** Whether the honest clients ended with the same notes. */
  converged: boolean;
  /** Every note the honest clients wrote and did not delete, with the text last given to it. */
  expected: Map<string, string>;
  /** The board when the fuzz started. */
  initial: { meta: BoardMeta; zones: Zone[] };
  /** The board as a restarted server loads it from disk. */
  stored: { notes: Note[]; zones: Zone[]; meta: BoardMeta; metaKeys: string[]; stray: string[] };
}

/**
 * Starts a server on a fresh data folder and a board with two honest clients (a facilitator
 * and an edit link) that keep editing while `frames` hostile frames are sent, one at a time per
 * connection, from WORKERS connections at once with edit and view links. Then reads what the
 * honest clients ended with, restarts the server on the same folder and reads the stored board
 * with a fresh view client. Judges nothing: the caller checks the outcome.
 */
export async function runFuzz({ frames, seed }: FuzzOptions): Promise<FuzzOutcome> {
  const started = performance.now();
  // Yjs prints "Changed the client-id because another client seems to be using it" on the
  // room's document each time the relay puts back a refused write; counted, not printed.
  let clientIdWarnings = 0;
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (args.some((arg) => String(arg).includes('Changed the client-id'))) clientIdWarnings++;
    else log(...args);
  };
  const server = await startServer({
    maxMessageBytes: MAX_MESSAGE_BYTES,
    // One frame at a time per socket, but far faster than a person: rates are not under test
    // here. The refusal limit still is: a socket closed for it (4429) is simply replaced.
    messagesPerSecond: 1_000_000,
    bytesPerSecond: 1024 * 1024 * 1024,
    requestsPerMinute: 1_000_000,
  });
  let restarted: TestServer | undefined;
  let viewer: TestClient | undefined;
  const honest: Honest[] = [];
  try {
    const board = await createBoard(server.url, { title: 'Fuzz' });
    honest.push(honestClient(server, board, board.tokens.facilitator, 'honest-a'));
    honest.push(honestClient(server, board, board.tokens.edit, 'honest-b'));
    const [alice, bob] = honest as [Honest, Honest];
    await Promise.all(honest.map((h) => h.client.synced));
    await waitFor(
      'each honest client to see the other',
      () => presenceName(alice, bob) === bob.name && presenceName(bob, alice) === alice.name,
    );
    const initial = { meta: readMeta(alice.client.doc), zones: listZones(alice.client.doc) };
    const context: FuzzContext = {
      room() {
        const room = server.app.rooms.loaded(board.id);
        if (!room) throw new Error('the room is not loaded');
        return room;
      },
      honestIds: honest.map((h) => h.client.doc.clientID),
    };

    // The honest people edit until the hostile frames are all sent.
    let fuzzing = true;
    const honestLoops = honest.map(async (h, index) => {
      const rng = new Rng(seed ^ (0x5eed + index));
      while (fuzzing) {
        honestStep(h, rng);
        await sleep(5 + rng.int(25));
      }
    });

    const stats: Stats = {
      sent: 0,
      byKind: new Map(),
      sockets: { edit: 0, view: 0 },
      internalErrors: [],
    };
    const worker = async (index: number, count: number) => {
      const rng = new Rng(seed + index * 0x9e3779b9);
      const forger = new Forger(rng, context, `w${index}`);
      let raw: RawSocket | undefined;
      let role: Role = 'edit';
      let budget = 0;
      for (let i = 0; i < count; i++) {
        if (!raw) {
          role = rng.chance(0.5) ? 'edit' : 'view';
          raw = await openRawSocket(server.wsUrl, board.id, board.tokens[role]);
          raw.socket.on('error', () => {});
          stats.sockets[role]++;
          // Sockets are also given up now and then, taking their presence with them.
          budget = 1 + rng.int(rng.chance(0.2) ? 400 : 60);
        }
        const hostile = forger.next(role);
        const entry = countKind(stats, hostile.kind);
        raw.socket.send(hostile.data);
        stats.sent++;
        // Done once the server has read the frame and handled everything it queued.
        let open = await roundTrip(raw.socket);
        if (open) {
          await context.room().flushed();
          open = await roundTrip(raw.socket);
        }
        if (!open) {
          const { code, reason } = await raw.closed;
          entry.closes.set(code, (entry.closes.get(code) ?? 0) + 1);
          if (code === 1011 || code === 1006 || code < 1000) {
            stats.internalErrors.push(
              `${code} ${reason} after ${hostile.kind} (${role} link): ${hex(hostile.data)}`,
            );
          }
          raw = undefined;
          continue;
        }
        raw.received.length = 0;
        if (--budget === 0) {
          raw.socket.close();
          await raw.closed;
          raw = undefined;
        }
      }
      if (raw) {
        raw.socket.close();
        await raw.closed;
      }
    };
    await Promise.all(
      Array.from({ length: WORKERS }, (_, index) =>
        worker(index, Math.floor(frames / WORKERS) + (index < frames % WORKERS ? 1 : 0)),
      ),
    );
    fuzzing = false;
    await Promise.all(honestLoops);
    const fuzzedMs = performance.now() - started;
    log(
      [
        `fuzz: ${stats.sent} frames on ${stats.sockets.edit} edit and ${stats.sockets.view} view` +
          ` sockets in ${(fuzzedMs / 1000).toFixed(1)} s; honest notes written:` +
          ` ${alice.written} + ${bob.written}, text edits: ${alice.edits} + ${bob.edits};` +
          ` Yjs client-id warnings: ${clientIdWarnings}`,
        ...[...stats.byKind]
          .sort((a, b) => b[1].sent - a[1].sent)
          .map(([kind, { sent, closes }]) => {
            const codes = [...closes].map(([code, n]) => `${code}×${n}`).join(' ');
            return `  ${String(sent).padStart(6)}  ${kind}${codes ? `  (closed: ${codes})` : ''}`;
          }),
      ].join('\n'),
    );

    // What the honest clients ended with, once they agree (or have had ample time to).
    const notesJson = (h: Honest) => JSON.stringify(listNotes(h.client.doc));
    const converged = await waitFor(
      'the honest clients to converge',
      () => notesJson(alice) === notesJson(bob),
      15_000,
    ).then(
      () => true,
      () => false,
    );
    const honestIds = [...context.honestIds].sort((a, b) => a - b);
    const presenceIds = (h: Honest) =>
      [...h.client.provider.awareness.getStates().keys()].sort((a, b) => a - b);
    // Presence of the closed hostile sockets has gone, or is about to.
    await waitFor(
      'only honest presence to remain',
      () => honest.every((h) => JSON.stringify(presenceIds(h)) === JSON.stringify(honestIds)),
      3000,
    ).catch(() => undefined);
    const outcomes = honest.map(
      (h, index): HonestOutcome => ({
        name: h.name,
        closes: h.closes,
        refusals: h.refusals,
        connected: h.client.provider.wsconnected,
        seesOther: presenceName(h, honest[1 - index] as Honest),
        presenceIds: presenceIds(h),
        notes: listNotes(h.client.doc),
        meta: readMeta(h.client.doc),
        zones: listZones(h.client.doc),
        stray: strayContent(h.client.doc),
      }),
    );
    const expected = new Map([...alice.own, ...bob.own]);

    // The board stored on disk, as a restarted server loads it.
    for (const h of honest) h.client.destroy();
    await server.close();
    restarted = await startServer({ dataDir: server.dataDir });
    viewer = connectClient(restarted.wsUrl, board.id, board.tokens.view);
    await viewer.synced;
    const stored = {
      notes: listNotes(viewer.doc),
      zones: listZones(viewer.doc),
      meta: readMeta(viewer.doc),
      metaKeys: [...metaMap(viewer.doc).keys()].sort(),
      stray: strayContent(viewer.doc),
    };
    log(`fuzz: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return {
      sent: stats.sent,
      internalErrors: stats.internalErrors,
      honestIds,
      honest: outcomes,
      converged,
      expected,
      initial,
      stored,
    };
  } finally {
    console.log = log;
    for (const h of honest) h.client.destroy();
    viewer?.destroy();
    await restarted?.close();
    await server.cleanup();
  }
}
