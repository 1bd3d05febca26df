import { listZones, type Note, notesMap, readNote, type Zone, zoneOfNote } from '@dartboard/board';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { readPeers } from './presence';

/** One thing another person did to a note, as it stands once their burst of changes is over. */
export interface NoteChange {
  kind: 'added' | 'moved' | 'deleted';
  /** Who did it, as they call themselves. */
  who: string;
  /** Added or moved: the title of the zone the note is in now; undefined outside every zone. */
  zone?: string;
}

export interface WatchOptions {
  doc: Y.Doc;
  /** Who is here: names the writers of a change. */
  awareness: Awareness;
  /** Whether a transaction brings another person's live change (not this page's, not a load). */
  isRemote(transaction: Y.Transaction): boolean;
  /** Called with each burst of changes, merged, once it has settled. */
  onChanges(changes: NoteChange[]): void;
  /** A burst is over after this long without a change... */
  quietMs?: number;
  /** ...or this long after it began, so a long drag is still told while it goes on. */
  maxMs?: number;
}

interface Touched {
  /** The note was on the board before the burst. */
  existed: boolean;
  /** The id of the zone it was in before the burst, if any. */
  zoneBefore: string | undefined;
  who: string | undefined;
}

function zoneTitle(zone: Zone | undefined): string | undefined {
  return zone ? zone.title || 'Untitled zone' : undefined;
}

/** The client ids whose items a transaction added: whoever wrote it (deletions name nobody). */
function writersOf(transaction: Y.Transaction): number[] {
  const writers: number[] = [];
  transaction.afterState.forEach((clock, client) => {
    if (clock > (transaction.beforeState.get(client) ?? 0)) writers.push(client);
  });
  return writers;
}

/**
 * Who made a change: the person whose presence has the writer's client id. A deletion carries
 * no writer; it is then the only person here who may change notes, when there is just one.
 */
function whoWrote(awareness: Awareness, transaction: Y.Transaction): string | undefined {
  const peers = readPeers(awareness);
  const writers = new Set(writersOf(transaction));
  const named = new Set(peers.filter((p) => writers.has(p.clientId)).map((p) => p.user.name));
  if (named.size === 1) return [...named][0];
  if (named.size > 1) return undefined;
  const editors = new Set(peers.filter((p) => p.user.role !== 'view').map((p) => p.user.name));
  return editors.size === 1 ? [...editors][0] : undefined;
}

/** The zone a note was in before a change of its position, from the values it replaced. */
function zoneBefore(zones: readonly Zone[], note: Note, event: Y.YEvent<Y.Map<unknown>>) {
  const old = (key: 'x' | 'y') => {
    const change = event.changes.keys.get(key);
    return change && typeof change.oldValue === 'number' ? change.oldValue : note[key];
  };
  return zoneOfNote(zones, { ...note, x: old('x'), y: old('y') })?.id;
}

/**
 * Watches the notes for other people's changes and reports them in merged bursts: a note added
 * and moved is "added" where it ended up, a note dragged across the board is "moved" to the zone
 * it was dropped in (nothing when it stays in its zone), a note added and deleted is nothing.
 * Returns the function that stops watching.
 */
export function watchRemoteNoteChanges(options: WatchOptions): () => void {
  const { doc, awareness, isRemote, onChanges, quietMs = 1000, maxMs = 4000 } = options;
  const notes = notesMap(doc);
  let touched = new Map<string, Touched>();
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let longest: ReturnType<typeof setTimeout> | undefined;

  function flush() {
    clearTimeout(quiet);
    clearTimeout(longest);
    quiet = undefined;
    longest = undefined;
    const batch = touched;
    touched = new Map();
    const zones = listZones(doc);
    const changes: NoteChange[] = [];
    for (const [id, { existed, zoneBefore, who }] of batch) {
      const note = readNote(doc, id);
      const zone = note ? zoneOfNote(zones, note) : undefined;
      if (!existed && note) {
        changes.push({ kind: 'added', who: who ?? note.author, zone: zoneTitle(zone) });
      } else if (existed && !note) {
        changes.push({ kind: 'deleted', who: who ?? 'Someone' });
      } else if (existed && note && zone?.id !== zoneBefore) {
        changes.push({ kind: 'moved', who: who ?? 'Someone', zone: zoneTitle(zone) });
      }
    }
    if (changes.length > 0) onChanges(changes);
  }

  function touch(id: string, first: () => Omit<Touched, 'who'>, who: () => string | undefined) {
    const known = touched.get(id);
    if (known) {
      known.who ??= who();
    } else {
      touched.set(id, { ...first(), who: who() });
    }
    clearTimeout(quiet);
    quiet = setTimeout(flush, quietMs);
    longest ??= setTimeout(flush, maxMs);
  }

  const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    if (!isRemote(transaction)) return;
    // Read once per transaction, and only for one that touches what is told (not typing).
    let writer: { name: string | undefined } | undefined;
    const who = () => {
      writer ??= { name: whoWrote(awareness, transaction) };
      return writer.name;
    };
    let zones: Zone[] | undefined;
    const zonesNow = () => {
      zones ??= listZones(doc);
      return zones;
    };
    for (const event of events) {
      if (event.target === notes) {
        event.changes.keys.forEach((change, id) => {
          if (change.action === 'add')
            touch(id, () => ({ existed: false, zoneBefore: undefined }), who);
          if (change.action === 'delete')
            touch(id, () => ({ existed: true, zoneBefore: undefined }), who);
        });
        continue;
      }
      const id = event.path[0];
      if (typeof id !== 'string' || !(event.target instanceof Y.Map)) continue;
      const { keys } = event.changes;
      if (!keys.has('x') && !keys.has('y')) continue;
      const note = readNote(doc, id);
      if (!note) continue;
      const record = event as Y.YEvent<Y.Map<unknown>>;
      touch(id, () => ({ existed: true, zoneBefore: zoneBefore(zonesNow(), note, record) }), who);
    }
  };
  notes.observeDeep(onNotes);
  return () => {
    notes.unobserveDeep(onNotes);
    clearTimeout(quiet);
    clearTimeout(longest);
  };
}
