import {
  addNote,
  listNotes,
  moveNote,
  type Note,
  notesMap,
  setNoteLocked,
  setNoteText,
} from '@dartboard/board';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { Room } from '../../src/rooms/room.js';
import {
  badField,
  badNewNoteChange,
  hiddenContent,
  metaChange,
  noteChange,
  noteRecord,
  unknownRootChange,
  zoneChange,
} from './forged-changes.js';
import { forgedPresence } from './forged-presence.js';
import {
  frame,
  type Hostile,
  MAX_MESSAGE_BYTES,
  otherMessage,
  type Role,
  randomBytes,
  stepOne,
  syncFrame,
  syncGarbage,
  textFrame,
  writeOf,
} from './frames.js';
import type { Rng } from './rng.js';

// The Forger picks each hostile frame a worker sends: raw garbage (frames.ts), forged presence
// (forged-presence.ts), or a real Yjs update of a hostile change (forged-changes.ts) made on a
// copy of the room's document, whole, truncated or with flipped bits. Every choice comes from
// the worker's own Rng, in a fixed order, so a seed always forges the same frames.

export interface FuzzContext {
  room(): Room;
  /** Awareness ids of the honest clients, for forged presence. */
  honestIds: number[];
}

function cloneDoc(source: Y.Doc, clientId: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

/** Makes one worker's hostile frames from its own seeded stream. */
export class Forger {
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
        hostile = { kind: 'random bytes', data: randomBytes(r) };
        needsCheck = true;
      } else if (roll < 0.18) {
        hostile = this.truncated(role);
        needsCheck = true;
      } else if (roll < 0.26) {
        hostile = { kind: 'sync with garbage', data: syncGarbage(r) };
        needsCheck = true;
      } else if (roll < 0.38) {
        hostile = this.flipped(role);
        needsCheck = true;
      } else if (roll < 0.68) {
        hostile = this.update(role);
      } else if (roll < 0.88) {
        hostile = this.presence();
      } else if (roll < 0.93) {
        hostile = otherMessage(r);
      } else if (roll < 0.95) {
        hostile = { kind: 'text frame', data: textFrame(r) };
      } else if (roll < 0.97) {
        hostile = { kind: 'sync step 1', data: stepOne(r) };
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

  private presence(): Hostile {
    return forgedPresence(this.rng, this.context.honestIds, this.name);
  }

  private truncated(role: Role): Hostile {
    const r = this.rng;
    const whole = r.chance(0.6)
      ? syncFrame(r.pick([1, 2]), this.update(role, 'bytes').data as Uint8Array)
      : (this.presence().data as Uint8Array);
    return { kind: 'truncated frame', data: whole.subarray(0, r.int(whole.length)) };
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
          const record = noteRecord(room, (note as Note).id);
          room.transact(() => {
            if (r.chance(0.3)) moveNote(room, (note as Note).id, r.int(1000), r.int(1000));
            badField(r, record);
          });
        });
        break;
      case 'zone change':
        update = this.forge(room, () => zoneChange(r, room));
        break;
      case 'meta change':
        update = this.forge(r.chance(0.8) ? room : this.fresh(), (doc) => metaChange(r, doc));
        break;
      case 'lock an honest note':
        update = this.forge(room, () => setNoteLocked(room, (note as Note).id, true));
        break;
      case 'hidden content':
        update = this.forge(room, () => hiddenContent(r, room, (note as Note).id));
        break;
      case 'missing dependencies':
        update = this.missingDependencies(room);
        break;
      default:
        update = this.forge(room, () => noteChange(r, room, (note as Note).id));
    }
    const data = as === 'bytes' ? update : syncFrame(r.pick([1, 2]), update);
    return { kind: `update: ${kind}`, data };
  }

  private unknownRoot(): Uint8Array {
    const r = this.rng;
    const doc = this.fresh();
    const name = r.pick(['evil', 'notes2', '__proto__', 'constructor', '', 'Notes', r.text(8)]);
    return this.forge(doc, () => unknownRootChange(r, doc, name));
  }

  private badNewNote(doc: Y.Doc): Uint8Array {
    const r = this.rng;
    const id = r.id();
    return this.forge(doc, () => badNewNoteChange(r, doc, id));
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
