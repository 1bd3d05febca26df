import * as Y from 'yjs';
import { CARD_COLORS, type Card, cardFields, readCard } from './cards.js';
import { notesMap, recordIn } from './doc.js';
import type { Rect } from './geometry.js';
import { newId } from './ids.js';
import { assertFinite, clamp, readNumber, readString } from './values.js';

/** Sticky-note colours offered by the UI, as stored in the document. */
export const NOTE_COLORS = {
  yellow: '#fde68a',
  orange: '#fdba74',
  pink: '#f9a8d4',
  purple: '#c4b5fd',
  blue: '#93c5fd',
  green: '#86efac',
  gray: '#e5e7eb',
} as const;

export const NOTE_DEFAULT_COLOR = NOTE_COLORS.yellow;
export const NOTE_DEFAULT_WIDTH = 200;
export const NOTE_DEFAULT_HEIGHT = 160;
export const NOTE_MIN_SIZE = 60;
export const NOTE_MAX_SIZE = 2000;
export const NOTE_TEXT_MAX_LENGTH = 10_000;
export const AUTHOR_MAX_LENGTH = 80;
export const ANONYMOUS_AUTHOR = 'Anonymous';

const COLOR_PATTERN = /^#[0-9a-f]{6}$/;

/** A sticky note as plain data, read from the document. */
export interface Note extends Rect {
  id: string;
  /** Plain text (never markup). The live, collaboratively edited value is `noteText()`. */
  text: string;
  /** Background colour as lower-case '#rrggbb'; other values read as NOTE_DEFAULT_COLOR. */
  color: string;
  /** Display name of the person who created the note. */
  author: string;
  /** Creation time in milliseconds since the epoch; 0 when unknown. */
  createdAt: number;
  /** Set by the facilitator: nobody else may change the note. Missing reads as false. */
  locked: boolean;
  /** What kind of card the note is (a plain note unless `kind` says otherwise), see cards.ts. */
  card: Card;
}

export interface NewNote {
  id?: string;
  text?: string;
  x: number;
  y: number;
  width?: number;
  height?: number;
  color?: string;
  author: string;
  createdAt?: number;
  /** A card kind and its fields; a plain note when absent. Sets the colour unless `color` does. */
  card?: Card;
}

export function isNoteColor(value: unknown): value is string {
  return typeof value === 'string' && COLOR_PATTERN.test(value);
}

/** Cleans a display name: one line, trimmed, bounded; empty becomes ANONYMOUS_AUTHOR. */
export function normalizeAuthor(name: string): string {
  const oneLine = name.replace(/\s+/g, ' ').trim().slice(0, AUTHOR_MAX_LENGTH);
  return oneLine === '' ? ANONYMOUS_AUTHOR : oneLine;
}

function clampSize(size: number): number {
  return clamp(size, NOTE_MIN_SIZE, NOTE_MAX_SIZE);
}

function readText(value: unknown): string {
  if (value instanceof Y.Text) return value.toString().slice(0, NOTE_TEXT_MAX_LENGTH);
  return readString(value, '', NOTE_TEXT_MAX_LENGTH);
}

function toNote(id: string, record: Y.Map<unknown>): Note {
  const color = record.get('color');
  return {
    id,
    text: readText(record.get('text')),
    x: readNumber(record.get('x'), 0),
    y: readNumber(record.get('y'), 0),
    width: clampSize(readNumber(record.get('width'), NOTE_DEFAULT_WIDTH)),
    height: clampSize(readNumber(record.get('height'), NOTE_DEFAULT_HEIGHT)),
    color: isNoteColor(color) ? color : NOTE_DEFAULT_COLOR,
    author: normalizeAuthor(readString(record.get('author'), '', AUTHOR_MAX_LENGTH)),
    createdAt: readNumber(record.get('createdAt'), 0),
    locked: record.get('locked') === true,
    card: readCard(record),
  };
}

export function readNote(doc: Y.Doc, id: string): Note | undefined {
  const record = recordIn(notesMap(doc), id);
  return record ? toNote(id, record) : undefined;
}

/** Every note of the board, oldest first. Entries that are not note records are skipped. */
export function listNotes(doc: Y.Doc): Note[] {
  const notes: Note[] = [];
  notesMap(doc).forEach((value, id) => {
    if (value instanceof Y.Map) notes.push(toNote(id, value));
  });
  return notes.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** The note's live text, for editors that apply keystrokes as Y.Text operations. */
export function noteText(doc: Y.Doc, id: string): Y.Text | undefined {
  const text = recordIn(notesMap(doc), id)?.get('text');
  return text instanceof Y.Text ? text : undefined;
}

/** Adds a note and returns its id. Throws a RangeError for non-finite coordinates. */
export function addNote(doc: Y.Doc, input: NewNote): string {
  const width = input.width ?? NOTE_DEFAULT_WIDTH;
  const height = input.height ?? NOTE_DEFAULT_HEIGHT;
  assertFinite({ x: input.x, y: input.y, width, height });
  const id = input.id ?? newId();
  const record = new Y.Map<unknown>();
  const text = new Y.Text((input.text ?? '').slice(0, NOTE_TEXT_MAX_LENGTH));
  doc.transact(() => {
    record.set('text', text);
    record.set('x', input.x);
    record.set('y', input.y);
    record.set('width', clampSize(width));
    record.set('height', clampSize(height));
    const kindColor = input.card ? CARD_COLORS[input.card.kind] : NOTE_DEFAULT_COLOR;
    record.set('color', isNoteColor(input.color) ? input.color : kindColor);
    record.set('author', normalizeAuthor(input.author));
    record.set('createdAt', input.createdAt ?? Date.now());
    for (const [key, value] of Object.entries(input.card ? cardFields(input.card) : {})) {
      record.set(key, value);
    }
    notesMap(doc).set(id, record);
  });
  return id;
}

function withNote(doc: Y.Doc, id: string, change: (record: Y.Map<unknown>) => void): boolean {
  const record = recordIn(notesMap(doc), id);
  if (!record) return false;
  doc.transact(() => change(record));
  return true;
}

/** Moves a note; returns false when there is no such note. */
export function moveNote(doc: Y.Doc, id: string, x: number, y: number): boolean {
  assertFinite({ x, y });
  return withNote(doc, id, (record) => {
    record.set('x', x);
    record.set('y', y);
  });
}

/** Resizes a note within [NOTE_MIN_SIZE, NOTE_MAX_SIZE]; false when there is no such note. */
export function resizeNote(doc: Y.Doc, id: string, width: number, height: number): boolean {
  assertFinite({ width, height });
  return withNote(doc, id, (record) => {
    record.set('width', clampSize(width));
    record.set('height', clampSize(height));
  });
}

/** Sets a note's colour; throws a RangeError for anything but '#rrggbb'. */
export function setNoteColor(doc: Y.Doc, id: string, color: string): boolean {
  if (!isNoteColor(color)) throw new RangeError(`color must be #rrggbb, got ${color}`);
  return withNote(doc, id, (record) => record.set('color', color));
}

/**
 * Replaces a note's whole text with the smallest edit (common prefix and suffix kept), so a
 * concurrent edit elsewhere in the text survives. Returns false when there is no such note.
 */
export function setNoteText(doc: Y.Doc, id: string, value: string): boolean {
  const next = value.slice(0, NOTE_TEXT_MAX_LENGTH);
  return withNote(doc, id, (record) => {
    let text = record.get('text');
    if (!(text instanceof Y.Text)) {
      text = new Y.Text();
      record.set('text', text);
    }
    replaceText(text as Y.Text, next);
  });
}

/** Makes `text` read `value` with the smallest edit: the common prefix and suffix are kept. */
export function replaceText(text: Y.Text, value: string): void {
  const current = text.toString();
  let start = 0;
  while (start < current.length && start < value.length && current[start] === value[start]) {
    start++;
  }
  let end = 0;
  while (
    end < current.length - start &&
    end < value.length - start &&
    current[current.length - 1 - end] === value[value.length - 1 - end]
  ) {
    end++;
  }
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = value.slice(start, value.length - end);
  if (inserted !== '') text.insert(start, inserted);
}

/** Locks or unlocks a note (facilitator only); returns false when there is no such note. */
export function setNoteLocked(doc: Y.Doc, id: string, locked: boolean): boolean {
  return withNote(doc, id, (record) => record.set('locked', locked));
}

/** Removes a note; returns false when there is no such note. */
export function deleteNote(doc: Y.Doc, id: string): boolean {
  const notes = notesMap(doc);
  if (!notes.has(id)) return false;
  notes.delete(id);
  return true;
}

/** Moves several notes in one transaction, so peers see a multi-selection move as one change. */
export function moveNotes(
  doc: Y.Doc,
  moves: readonly { id: string; x: number; y: number }[],
): void {
  for (const move of moves) assertFinite({ x: move.x, y: move.y });
  doc.transact(() => {
    for (const move of moves) moveNote(doc, move.id, move.x, move.y);
  });
}

/** Removes several notes in one transaction; returns how many existed. */
export function deleteNotes(doc: Y.Doc, ids: readonly string[]): number {
  let removed = 0;
  doc.transact(() => {
    for (const id of ids) if (deleteNote(doc, id)) removed++;
  });
  return removed;
}
