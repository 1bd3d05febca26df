import {
  addNote,
  applyTemplate,
  DEFAULT_GROUND_RULES,
  deleteNote,
  endSession,
  goToStage,
  moveNote,
  moveNotes,
  moveZone,
  notesMap,
  noteText,
  setGroundRules,
  setNoteColor,
  setNoteText,
  setTitle,
  startTimer,
  startVote,
} from '@dartboard/board';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardStore } from './boardStore';

/** Sends `from`'s changes that `to` has not seen yet, as the relay would. */
function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

function dartBoard(): Y.Doc {
  const doc = new Y.Doc();
  applyTemplate(doc, { template: 'dart', title: 'Acme renewal', createdAt: 1_000 });
  return doc;
}

/** A second peer that starts from the same state as `doc`. */
function peerOf(doc: Y.Doc): Y.Doc {
  const peer = new Y.Doc();
  sync(doc, peer);
  return peer;
}

function note(doc: Y.Doc, text: string, createdAt: number, x = 0, y = 0): string {
  return addNote(doc, { text, x, y, author: 'Ann', createdAt });
}

describe('createBoardStore: initial snapshot', () => {
  it('reads meta and the template zones in board order', () => {
    const store = createBoardStore(dartBoard());
    const { meta, zones, notes, byId } = store.getSnapshot();
    expect(meta).toEqual({ title: 'Acme renewal', template: 'dart', createdAt: 1_000 });
    expect(zones.map((z) => z.title)).toEqual([
      'Dialogue',
      'Access',
      'Risk assessment',
      'Transparency',
    ]);
    expect(notes).toEqual([]);
    expect(byId.size).toBe(0);
  });

  it('lists existing notes oldest first and indexes them by id', () => {
    const doc = dartBoard();
    const late = note(doc, 'late', 300);
    const early = note(doc, 'early', 100);
    const middle = note(doc, 'middle', 200);
    const { notes, byId } = createBoardStore(doc).getSnapshot();
    expect(notes.map((n) => n.id)).toEqual([early, middle, late]);
    expect(byId.get(middle)?.text).toBe('middle');
    expect(byId.get(middle)).toBe(notes[1]);
  });

  it('returns the same snapshot object while nothing changes', () => {
    const store = createBoardStore(dartBoard());
    expect(store.getSnapshot()).toBe(store.getSnapshot());
  });

  it('skips entries that a misbehaving peer wrote as something other than a note', () => {
    const doc = dartBoard();
    const id = note(doc, 'real', 1);
    notesMap(doc).set('junk', 42);
    const store = createBoardStore(doc);
    expect(store.getSnapshot().notes.map((n) => n.id)).toEqual([id]);
    notesMap(doc).set('more-junk', 'text');
    expect(store.getSnapshot().notes.map((n) => n.id)).toEqual([id]);
    expect(store.getSnapshot().byId.has('more-junk')).toBe(false);
  });
});

describe('createBoardStore: local edits', () => {
  it('adds a new note and notifies subscribers', () => {
    const doc = dartBoard();
    const store = createBoardStore(doc);
    let calls = 0;
    store.subscribe(() => calls++);
    const before = store.getSnapshot();
    const id = note(doc, 'Budget?', 10, 40, 50);
    const after = store.getSnapshot();
    expect(calls).toBe(1);
    expect(after).not.toBe(before);
    expect(after.notes.map((n) => n.id)).toEqual([id]);
    expect(after.byId.get(id)).toMatchObject({ text: 'Budget?', x: 40, y: 50, author: 'Ann' });
    // The old snapshot is never mutated: React may still be rendering it.
    expect(before.notes).toEqual([]);
    expect(before.byId.size).toBe(0);
  });

  it('sees keystrokes typed into a note (Y.Text edits), moves and colour changes', () => {
    const doc = dartBoard();
    const id = note(doc, 'hello', 1);
    const store = createBoardStore(doc);
    noteText(doc, id)?.insert(5, ' world');
    expect(store.getSnapshot().byId.get(id)?.text).toBe('hello world');
    setNoteText(doc, id, 'goodbye world');
    expect(store.getSnapshot().notes[0]?.text).toBe('goodbye world');
    moveNote(doc, id, 300, 400);
    setNoteColor(doc, id, '#93c5fd');
    expect(store.getSnapshot().byId.get(id)).toMatchObject({ x: 300, y: 400, color: '#93c5fd' });
    expect(store.getSnapshot().notes[0]).toBe(store.getSnapshot().byId.get(id));
  });

  it('drops a deleted note from the list and the index', () => {
    const doc = dartBoard();
    const a = note(doc, 'a', 1);
    const b = note(doc, 'b', 2);
    const store = createBoardStore(doc);
    deleteNote(doc, a);
    const { notes, byId } = store.getSnapshot();
    expect(notes.map((n) => n.id)).toEqual([b]);
    expect(byId.has(a)).toBe(false);
  });

  it('keeps the drawing order when a note is edited, and sorts new notes by creation time', () => {
    const doc = dartBoard();
    const a = note(doc, 'a', 100);
    const c = note(doc, 'c', 300);
    const store = createBoardStore(doc);
    setNoteText(doc, a, 'a, edited');
    expect(store.getSnapshot().notes.map((n) => n.id)).toEqual([a, c]);
    // A note created earlier elsewhere (e.g. an offline peer) slots in by its time.
    const b = note(doc, 'b', 200);
    expect(store.getSnapshot().notes.map((n) => n.id)).toEqual([a, b, c]);
  });

  it('keeps the objects of untouched notes, so React can skip re-rendering them', () => {
    const doc = dartBoard();
    const a = note(doc, 'a', 1);
    const b = note(doc, 'b', 2);
    const store = createBoardStore(doc);
    const before = store.getSnapshot();
    setNoteText(doc, a, 'changed');
    const edited = store.getSnapshot();
    expect(edited.byId.get(a)).not.toBe(before.byId.get(a));
    expect(edited.byId.get(b)).toBe(before.byId.get(b));
    expect(edited.notes[1]).toBe(before.notes[1]);

    const c = note(doc, 'c', 3);
    const added = store.getSnapshot();
    expect(added.byId.get(a)).toBe(edited.byId.get(a));
    expect(added.byId.get(b)).toBe(before.byId.get(b));

    deleteNote(doc, c);
    expect(store.getSnapshot().notes[0]).toBe(edited.byId.get(a));
    expect(store.getSnapshot().notes[1]).toBe(before.byId.get(b));
  });

  it('keeps the notes list when only zones or the title change', () => {
    const doc = dartBoard();
    note(doc, 'a', 1);
    const store = createBoardStore(doc);
    const before = store.getSnapshot();
    const zoneId = before.zones[0]?.id ?? '';
    moveZone(doc, zoneId, 5_000, 5_000);
    const moved = store.getSnapshot();
    expect(moved.zones.find((z) => z.id === zoneId)).toMatchObject({ x: 5_000, y: 5_000 });
    // Board order puts the moved zone last now.
    expect(moved.zones[3]?.id).toBe(zoneId);
    expect(moved.notes).toBe(before.notes);
    expect(moved.byId).toBe(before.byId);

    setTitle(doc, '  Q3 review  ');
    const titled = store.getSnapshot();
    expect(titled.meta.title).toBe('Q3 review');
    expect(titled.notes).toBe(before.notes);
    expect(titled.zones).toBe(moved.zones);
  });

  it("shows the facilitator's timer, stage and end as they arrive, leaving notes alone", () => {
    const local = dartBoard();
    const remote = peerOf(local);
    const store = createBoardStore(local);
    const before = store.getSnapshot();
    expect(before.session).toEqual({
      timer: null,
      stages: { enabled: false, current: 'objective', startedAt: {} },
      metrics: [],
      end: { endedAt: null, readOnly: false },
      groundRules: DEFAULT_GROUND_RULES,
      vote: null,
    });
    startTimer(remote, 60_000, 5_000);
    goToStage(remote, 'test', 6_000);
    endSession(remote, 7_000, true);
    setGroundRules(remote, ['Be kind']);
    const voteId = startVote(remote, { dots: 2 }, 8_000);
    sync(remote, local);
    const after = store.getSnapshot();
    expect(after.session.timer).toEqual({
      durationMs: 60_000,
      endsAt: 65_000,
      remainingMs: 60_000,
    });
    expect(after.session.stages.current).toBe('test');
    expect(after.session.end).toEqual({ endedAt: 7_000, readOnly: true });
    expect(after.session.groundRules).toEqual(['Be kind']);
    expect(after.session.vote).toMatchObject({ id: voteId, dots: 2, revealedAt: null });
    expect(after.notes).toBe(before.notes);
  });

  it('notifies once per transaction, however many notes it touched', () => {
    const doc = dartBoard();
    const ids = [note(doc, 'a', 1), note(doc, 'b', 2), note(doc, 'c', 3)];
    const store = createBoardStore(doc);
    let calls = 0;
    store.subscribe(() => calls++);
    moveNotes(
      doc,
      ids.map((id, i) => ({ id, x: 1_000 + i, y: 2_000 })),
    );
    expect(calls).toBe(1);
    expect(store.getSnapshot().notes.map((n) => n.x)).toEqual([1_000, 1_001, 1_002]);
  });
});

describe('createBoardStore: remote edits', () => {
  it('applies a note added, typed into, moved and deleted by another peer', () => {
    const local = dartBoard();
    const remote = peerOf(local);
    const store = createBoardStore(local);
    let calls = 0;
    store.subscribe(() => calls++);

    const id = note(remote, 'from Bob', 5, 10, 10);
    sync(remote, local);
    expect(store.getSnapshot().byId.get(id)?.text).toBe('from Bob');

    noteText(remote, id)?.insert(0, 'Hi ');
    sync(remote, local);
    expect(store.getSnapshot().byId.get(id)?.text).toBe('Hi from Bob');

    moveNote(remote, id, 700, 800);
    sync(remote, local);
    expect(store.getSnapshot().notes[0]).toMatchObject({ id, x: 700, y: 800 });

    deleteNote(remote, id);
    sync(remote, local);
    expect(store.getSnapshot().notes).toEqual([]);
    expect(store.getSnapshot().byId.has(id)).toBe(false);
    expect(calls).toBe(4);
  });

  it('keeps untouched notes identical when a peer edits another note', () => {
    const local = dartBoard();
    const mine = note(local, 'mine', 1);
    const theirs = note(local, 'theirs', 2);
    const remote = peerOf(local);
    const store = createBoardStore(local);
    const before = store.getSnapshot();
    setNoteText(remote, theirs, 'theirs, edited');
    sync(remote, local);
    const after = store.getSnapshot();
    expect(after.byId.get(theirs)?.text).toBe('theirs, edited');
    expect(after.byId.get(mine)).toBe(before.byId.get(mine));
  });

  it('merges concurrent edits from two peers into one consistent snapshot', () => {
    const local = dartBoard();
    const id = note(local, 'price', 1);
    const remote = peerOf(local);
    const store = createBoardStore(local);
    noteText(local, id)?.insert(0, 'the ');
    noteText(remote, id)?.insert(5, ' is ok');
    const remoteNote = note(remote, 'from remote', 2);
    sync(remote, local);
    const { byId, notes } = store.getSnapshot();
    expect(byId.get(id)?.text).toBe('the price is ok');
    expect(notes.map((n) => n.id)).toEqual([id, remoteNote]);
  });

  it('sees a remote title change and zone move', () => {
    const local = dartBoard();
    const remote = peerOf(local);
    const store = createBoardStore(local);
    const zoneId = store.getSnapshot().zones[0]?.id ?? '';
    setTitle(remote, 'Renamed by Bob');
    moveZone(remote, zoneId, -500, -500);
    sync(remote, local);
    expect(store.getSnapshot().meta.title).toBe('Renamed by Bob');
    expect(store.getSnapshot().zones[0]).toMatchObject({ id: zoneId, x: -500, y: -500 });
  });

  it('drops a note that a misbehaving peer overwrote with a non-note value', () => {
    const local = dartBoard();
    const id = note(local, 'a', 1);
    const remote = peerOf(local);
    const store = createBoardStore(local);
    notesMap(remote).set(id, 'not a note');
    sync(remote, local);
    expect(store.getSnapshot().notes).toEqual([]);
    expect(store.getSnapshot().byId.has(id)).toBe(false);
  });
});

describe('createBoardStore: subscriptions', () => {
  it('stops calling a listener after it unsubscribes, but keeps the others', () => {
    const doc = dartBoard();
    const store = createBoardStore(doc);
    let first = 0;
    let second = 0;
    const unsubscribe = store.subscribe(() => first++);
    store.subscribe(() => second++);
    note(doc, 'a', 1);
    unsubscribe();
    note(doc, 'b', 2);
    expect(first).toBe(1);
    expect(second).toBe(2);
    expect(store.getSnapshot().notes).toHaveLength(2);
  });

  it('stops following the document after destroy', () => {
    const doc = dartBoard();
    const store = createBoardStore(doc);
    let calls = 0;
    store.subscribe(() => calls++);
    store.destroy();
    const frozen = store.getSnapshot();
    note(doc, 'a', 1);
    setTitle(doc, 'Other');
    expect(calls).toBe(0);
    expect(store.getSnapshot()).toBe(frozen);
  });
});
