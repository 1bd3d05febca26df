import { addNote, applyTemplate, deleteNote, moveNote } from '@dartboard/board';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type NoteChange, watchRemoteNoteChanges } from './remoteChanges';

// Zones of the DART template: Dialogue at (0, 0), Access at the top right, Risk assessment below
// Dialogue, each 900 × 620.
const IN_DIALOGUE = { x: 100, y: 100 };
const IN_ACCESS = { x: 1100, y: 100 };
const IN_RISK = { x: 100, y: 800 };

const cleanups: (() => void)[] = [];

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.useRealTimers();
});

/** This page's board, and what it heard from other people. */
function setup() {
  const mine = new Y.Doc();
  const awareness = new Awareness(mine);
  const heard: NoteChange[][] = [];
  const stop = watchRemoteNoteChanges({
    doc: mine,
    awareness,
    isRemote: (transaction) => transaction.origin === 'remote',
    onChanges: (changes) => heard.push(changes),
  });
  cleanups.push(() => {
    stop();
    awareness.destroy();
  });

  /** Another person on the board: their edits reach this page as the provider's would. */
  function person(name: string, role = 'edit') {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(mine));
    doc.on('update', (update: Uint8Array) => Y.applyUpdate(mine, update, 'remote'));
    mine.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== doc) Y.applyUpdate(doc, update, doc);
    });
    const theirs = new Awareness(doc);
    theirs.setLocalState({ user: { name, color: '#2563eb', role }, cursor: null });
    applyAwarenessUpdate(awareness, encodeAwarenessUpdate(theirs, [doc.clientID]), 'remote');
    cleanups.push(() => theirs.destroy());
    return doc;
  }

  // The board as it loaded: not news.
  const loaded = new Y.Doc();
  applyTemplate(loaded, { title: 'Test', template: 'dart', createdAt: 1 });
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(loaded), 'load');
  return { mine, heard, person };
}

describe('watchRemoteNoteChanges', () => {
  it("tells another person's new note, with the zone it is in, once it has settled", () => {
    const { heard, person } = setup();
    const sam = person('Sam');
    addNote(sam, { ...IN_ACCESS, author: 'Sam' });
    expect(heard).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(heard).toEqual([[{ kind: 'added', who: 'Sam', zone: 'Access' }]]);
  });

  it('names the person who made the change, not who wrote the note', () => {
    const { heard, person } = setup();
    const cara = person('Cara');
    const id = addNote(cara, { ...IN_DIALOGUE, author: 'Cara' });
    vi.advanceTimersByTime(1000);
    const sam = person('Sam');
    moveNote(sam, id, IN_RISK.x, IN_RISK.y);
    vi.advanceTimersByTime(1000);
    expect(heard[1]).toEqual([{ kind: 'moved', who: 'Sam', zone: 'Risk assessment' }]);
  });

  it("leaves out this page's own changes and the board as it loads", () => {
    const { mine, heard } = setup();
    addNote(mine, { ...IN_ACCESS, author: 'Me' });
    const other = new Y.Doc();
    addNote(other, { ...IN_ACCESS, author: 'Old' });
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(other), 'load');
    vi.advanceTimersByTime(10_000);
    expect(heard).toEqual([]);
  });

  it('merges a burst, and a note added and deleted in it is no news', () => {
    const { heard, person } = setup();
    const sam = person('Sam');
    addNote(sam, { ...IN_ACCESS, author: 'Sam' });
    vi.advanceTimersByTime(500);
    addNote(sam, { ...IN_DIALOGUE, author: 'Sam' });
    const gone = addNote(sam, { ...IN_DIALOGUE, author: 'Sam' });
    deleteNote(sam, gone);
    vi.advanceTimersByTime(999);
    expect(heard).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(heard).toEqual([
      [
        { kind: 'added', who: 'Sam', zone: 'Access' },
        { kind: 'added', who: 'Sam', zone: 'Dialogue' },
      ],
    ]);
  });

  it('tells a drag by where the note was dropped, and nothing for a move inside its zone', () => {
    const { heard, person } = setup();
    const sam = person('Sam');
    const id = addNote(sam, { ...IN_DIALOGUE, author: 'Sam' });
    vi.advanceTimersByTime(1000);
    for (let step = 1; step <= 10; step++) {
      moveNote(sam, id, IN_DIALOGUE.x, IN_DIALOGUE.y + step * 70);
      vi.advanceTimersByTime(33);
    }
    vi.advanceTimersByTime(1000);
    expect(heard[1]).toEqual([{ kind: 'moved', who: 'Sam', zone: 'Risk assessment' }]);
    moveNote(sam, id, IN_RISK.x + 50, IN_RISK.y + 20);
    vi.advanceTimersByTime(1000);
    expect(heard).toHaveLength(2);
  });

  it('tells a long drag while it goes on', () => {
    const { heard, person } = setup();
    const sam = person('Sam');
    const id = addNote(sam, { ...IN_DIALOGUE, author: 'Sam' });
    vi.advanceTimersByTime(1000);
    for (let step = 0; step < 150; step++) {
      moveNote(sam, id, IN_ACCESS.x + (step % 10), IN_ACCESS.y);
      vi.advanceTimersByTime(33);
    }
    expect(heard[1]).toEqual([{ kind: 'moved', who: 'Sam', zone: 'Access' }]);
  });

  it('names who deleted a note when only one other person may change notes', () => {
    const { heard, person } = setup();
    const sam = person('Sam');
    person('Vic', 'view');
    const id = addNote(sam, { ...IN_ACCESS, author: 'Sam' });
    vi.advanceTimersByTime(1000);
    deleteNote(sam, id);
    vi.advanceTimersByTime(1000);
    expect(heard[1]).toEqual([{ kind: 'deleted', who: 'Sam' }]);
  });

  it('says "Someone" deleted a note when it cannot know who', () => {
    const { heard, person } = setup();
    const sam = person('Sam');
    person('Cara');
    const id = addNote(sam, { ...IN_ACCESS, author: 'Sam' });
    vi.advanceTimersByTime(1000);
    deleteNote(sam, id);
    vi.advanceTimersByTime(1000);
    expect(heard[1]).toEqual([{ kind: 'deleted', who: 'Someone' }]);
  });

  it('stops when asked', () => {
    const { heard, person } = setup();
    const sam = person('Sam');
    for (const cleanup of cleanups.splice(0, 1)) cleanup();
    addNote(sam, { ...IN_ACCESS, author: 'Sam' });
    vi.advanceTimersByTime(5000);
    expect(heard).toEqual([]);
  });
});
