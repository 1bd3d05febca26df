import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notesMap } from './doc.js';
import {
  addNote,
  deleteNote,
  deleteNotes,
  listNotes,
  moveNote,
  moveNotes,
  NOTE_DEFAULT_COLOR,
  NOTE_MIN_SIZE,
  NOTE_TEXT_MAX_LENGTH,
  noteText,
  readNote,
  resizeNote,
  setNoteColor,
  setNoteText,
} from './note.js';

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe('notes', () => {
  it('adds a note with defaults and reads it back as plain data', () => {
    const doc = new Y.Doc();
    const id = addNote(doc, { x: 10, y: 20, author: '  Ann \n Lee ', text: 'Hello', createdAt: 5 });
    expect(readNote(doc, id)).toEqual({
      id,
      text: 'Hello',
      x: 10,
      y: 20,
      width: 200,
      height: 160,
      color: NOTE_DEFAULT_COLOR,
      author: 'Ann Lee',
      createdAt: 5,
      locked: false,
      card: { kind: 'note' },
    });
    expect(noteText(doc, id)).toBeInstanceOf(Y.Text);
  });

  it('moves, resizes, recolours and deletes, answering false for unknown ids', () => {
    const doc = new Y.Doc();
    const id = addNote(doc, { x: 0, y: 0, author: 'Ann' });
    expect(moveNote(doc, id, 300, -40)).toBe(true);
    expect(resizeNote(doc, id, 10, 500)).toBe(true);
    expect(setNoteColor(doc, id, '#93c5fd')).toBe(true);
    expect(readNote(doc, id)).toMatchObject({ x: 300, y: -40, width: NOTE_MIN_SIZE, height: 500 });
    expect(readNote(doc, id)?.color).toBe('#93c5fd');
    expect(moveNote(doc, 'missing', 1, 1)).toBe(false);
    expect(deleteNote(doc, id)).toBe(true);
    expect(readNote(doc, id)).toBeUndefined();
    expect(deleteNote(doc, id)).toBe(false);
  });

  it('refuses non-finite coordinates and colours that are not #rrggbb', () => {
    const doc = new Y.Doc();
    const id = addNote(doc, { x: 0, y: 0, author: 'Ann' });
    expect(() => moveNote(doc, id, Number.NaN, 0)).toThrow(RangeError);
    expect(() => addNote(doc, { x: Number.POSITIVE_INFINITY, y: 0, author: 'A' })).toThrow(
      /x must be a finite number/,
    );
    expect(() => setNoteColor(doc, id, 'red; background:url(x)')).toThrow(RangeError);
    expect(readNote(doc, id)).toMatchObject({ x: 0, y: 0, color: NOTE_DEFAULT_COLOR });
  });

  it('reads records written by a misbehaving peer with safe defaults', () => {
    const doc = new Y.Doc();
    const record = new Y.Map<unknown>();
    notesMap(doc).set('weird', record);
    record.set('x', 'not a number');
    record.set('text', 42);
    record.set('color', 'javascript:alert(1)');
    record.set('width', -5);
    notesMap(doc).set('not-a-record', 'just a string');
    expect(listNotes(doc)).toEqual([
      {
        id: 'weird',
        text: '',
        x: 0,
        y: 0,
        width: NOTE_MIN_SIZE,
        height: 160,
        color: NOTE_DEFAULT_COLOR,
        author: 'Anonymous',
        createdAt: 0,
        locked: false,
        card: { kind: 'note' },
      },
    ]);
  });

  it('bounds the text length', () => {
    const doc = new Y.Doc();
    const id = addNote(doc, {
      x: 0,
      y: 0,
      author: 'A',
      text: 'x'.repeat(NOTE_TEXT_MAX_LENGTH + 50),
    });
    expect(readNote(doc, id)?.text).toHaveLength(NOTE_TEXT_MAX_LENGTH);
  });

  it('lists notes oldest first', () => {
    const doc = new Y.Doc();
    const late = addNote(doc, { x: 0, y: 0, author: 'A', createdAt: 20 });
    const early = addNote(doc, { x: 0, y: 0, author: 'A', createdAt: 10 });
    expect(listNotes(doc).map((n) => n.id)).toEqual([early, late]);
  });

  it('setNoteText edits only the changed span, so a concurrent edit elsewhere survives', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    const id = addNote(alice, { x: 0, y: 0, author: 'A', text: 'budget approved' });
    sync(alice, bob);
    setNoteText(alice, id, 'budget not approved');
    setNoteText(bob, id, 'budget approved!');
    sync(alice, bob);
    sync(bob, alice);
    expect(readNote(alice, id)?.text).toBe('budget not approved!');
    expect(readNote(bob, id)?.text).toBe('budget not approved!');
  });

  it('concurrent moves of one note converge on every peer', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    const id = addNote(alice, { x: 0, y: 0, author: 'A' });
    sync(alice, bob);
    moveNote(alice, id, 100, 100);
    moveNote(bob, id, 500, 500);
    sync(alice, bob);
    sync(bob, alice);
    expect(readNote(alice, id)).toEqual(readNote(bob, id));
  });

  it('moves and deletes several notes in one transaction each', () => {
    const doc = new Y.Doc();
    const a = addNote(doc, { x: 0, y: 0, author: 'A' });
    const b = addNote(doc, { x: 300, y: 0, author: 'A' });
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    moveNotes(doc, [
      { id: a, x: 10, y: 20 },
      { id: b, x: 310, y: 20 },
    ]);
    expect(transactions).toBe(1);
    expect([readNote(doc, a)?.y, readNote(doc, b)?.x]).toEqual([20, 310]);
    expect(() => moveNotes(doc, [{ id: a, x: Number.POSITIVE_INFINITY, y: 0 }])).toThrow(
      RangeError,
    );
    expect(readNote(doc, a)?.x).toBe(10);
    expect(deleteNotes(doc, [a, 'missing', b])).toBe(2);
    expect(transactions).toBe(2);
    expect(listNotes(doc)).toEqual([]);
  });
});
