import {
  type BoardMeta,
  listNotes,
  listZones,
  type Metric,
  metaMap,
  type Note,
  notesMap,
  readGroundRules,
  readMeta,
  readMetrics,
  readNote,
  readSessionEnd,
  readStages,
  readTimer,
  readVote,
  type SessionEnd,
  type Stages,
  type Timer,
  type Vote,
  type Zone,
  zonesMap,
} from '@dartboard/board';
import type * as Y from 'yjs';

/** The co-creation tools' state, all kept in the meta map. */
export interface SessionTools {
  timer: Timer | null;
  stages: Stages;
  metrics: readonly Metric[];
  end: SessionEnd;
  /** The facilitator's ground rules (the defaults until edited). */
  groundRules: readonly string[];
  /** The dot vote, open or revealed; null when there is none. */
  vote: Vote | null;
}

function readSessionTools(doc: Y.Doc): SessionTools {
  return {
    timer: readTimer(doc),
    stages: readStages(doc),
    metrics: readMetrics(doc),
    end: readSessionEnd(doc),
    groundRules: readGroundRules(doc),
    vote: readVote(doc),
  };
}

/** An immutable view of the board, replaced (never mutated) after every change. */
export interface BoardSnapshot {
  meta: BoardMeta;
  session: SessionTools;
  /** Zones in board order. */
  zones: readonly Zone[];
  /** Notes oldest first: the order they are drawn in, newest on top. */
  notes: readonly Note[];
  byId: ReadonlyMap<string, Note>;
}

function compareNotes(a: Note, b: Note): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Derives React-friendly snapshots from a Y.Doc for `useSyncExternalStore`. Only notes that a
 * transaction touched are read again, so typing into one note of 5,000 stays cheap.
 */
export function createBoardStore(doc: Y.Doc) {
  const notes = notesMap(doc);
  const zones = zonesMap(doc);
  const meta = metaMap(doc);
  let snapshot: BoardSnapshot = read();
  const listeners = new Set<() => void>();

  function read(): BoardSnapshot {
    const all = listNotes(doc);
    return {
      meta: readMeta(doc),
      session: readSessionTools(doc),
      zones: listZones(doc),
      notes: all,
      byId: new Map(all.map((note) => [note.id, note])),
    };
  }

  function emit() {
    for (const listener of listeners) listener();
  }

  const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const changed = new Set<string>();
    for (const event of events) {
      if (event.target === notes) {
        for (const key of event.keys.keys()) changed.add(key);
      } else if (typeof event.path[0] === 'string') {
        changed.add(event.path[0]);
      }
    }
    const byId = new Map(snapshot.byId);
    let membershipChanged = false;
    for (const id of changed) {
      const note = readNote(doc, id);
      if (note) {
        if (!byId.has(id)) membershipChanged = true;
        byId.set(id, note);
      } else if (byId.delete(id)) {
        membershipChanged = true;
      }
    }
    const list = membershipChanged
      ? [...byId.values()].sort(compareNotes)
      : snapshot.notes.map((note) => byId.get(note.id) ?? note);
    snapshot = { ...snapshot, notes: list, byId };
    emit();
  };
  const onZones = () => {
    snapshot = { ...snapshot, zones: listZones(doc) };
    emit();
  };
  const onMeta = () => {
    snapshot = { ...snapshot, meta: readMeta(doc), session: readSessionTools(doc) };
    emit();
  };
  notes.observeDeep(onNotes);
  zones.observeDeep(onZones);
  meta.observe(onMeta);

  return {
    getSnapshot: () => snapshot,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      notes.unobserveDeep(onNotes);
      zones.unobserveDeep(onZones);
      meta.unobserve(onMeta);
      listeners.clear();
    },
  };
}

export type BoardStore = ReturnType<typeof createBoardStore>;
