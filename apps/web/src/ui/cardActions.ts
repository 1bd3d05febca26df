// What the toolbar, keyboard, canvas and outline do to cards: add one of a kind, turn a card
// into another kind, set its details, answer a question. Writes go through packages/board
// (setCard, convertCard, addNote), with the same permissions as any other note edit.
import {
  type Card,
  type CardKind,
  convertCard,
  emptyCard,
  type Note,
  placeAnswer,
  readNote,
  resizeNote,
  setCard,
  type Zone,
  zoneOfNote,
} from '@dartboard/board';
import { grownHeight } from '../canvas/noteGrowth';
import {
  addNoteByKey,
  addNoteFromButton,
  addNoteToZone,
  createNote,
  explainRefusal,
  mayAddNotes,
  mayOnNote,
  newNoteSize,
} from './actions';
import type { BoardContextValue } from './boardContext';

/** The kinds offered when adding, in the menu's order, each with its key. An answer comes from "Answer". */
export const ADDABLE_KINDS: readonly { kind: Exclude<CardKind, 'answer'>; key: string }[] = [
  { kind: 'note', key: 'N' },
  { kind: 'question', key: 'Q' },
  { kind: 'risk', key: 'R' },
  { kind: 'benefit', key: 'B' },
  { kind: 'idea', key: 'I' },
  { kind: 'action', key: 'A' },
  { kind: 'commitment', key: 'C' },
];

/** The kind a letter key adds (N a plain note), for the keyboard. */
export function kindForKey(key: string): CardKind | undefined {
  if (key.length !== 1) return undefined;
  return ADDABLE_KINDS.find((entry) => entry.key === key.toUpperCase())?.kind;
}

function newCard(kind: CardKind): { card?: Card } {
  return kind === 'note' ? {} : { card: emptyCard(kind) };
}

/** "Add card" from the toolbar: as "Add note", a card of `kind`. */
export function addCardFromButton(ctx: BoardContextValue, kind: CardKind): string | undefined {
  return addNoteFromButton(ctx, newCard(kind));
}

/** A card's key (Q, R, B…): as N, a card of `kind`. */
export function addCardByKey(ctx: BoardContextValue, kind: CardKind): string | undefined {
  return addNoteByKey(ctx, newCard(kind));
}

/** A zone's own button for a kind (the Risk assessment zone's risk and benefit). */
export function addCardToZone(
  ctx: BoardContextValue,
  zone: Zone,
  kind: CardKind,
): string | undefined {
  return addNoteToZone(ctx, zone, newCard(kind));
}

/** Whether this person may change the card; says why not when they may not. */
function mayChange(ctx: BoardContextValue, note: Note): boolean {
  if (!ctx.canEdit) return false;
  if (mayOnNote(ctx, note)) return true;
  explainRefusal(ctx, 'note.edit');
  return false;
}

/**
 * Changes a card and, when its header now takes more room (a kind with a header, details on a
 * second line), makes the note taller so its text still shows, as typing does (grownHeight).
 */
function changeCard(ctx: BoardContextValue, id: string, change: () => void): void {
  ctx.doc.transact(() => {
    change();
    const note = readNote(ctx.doc, id);
    if (!note) return;
    const height = grownHeight(note, note.text, ctx.board.getSnapshot().notes);
    if (height > note.height) resizeNote(ctx.doc, id, note.width, height);
  });
}

/** Turns a card into another kind (its text stays; the old kind's details go). */
export function changeCardKind(ctx: BoardContextValue, note: Note, kind: CardKind): void {
  if (note.card.kind === kind || !mayChange(ctx, note)) return;
  ctx.undo.stopCapturing();
  changeCard(ctx, note.id, () => convertCard(ctx.doc, note.id, kind));
}

/** Sets some of a card's details; fields of another kind than the card's are ignored. */
export function setCardDetails(ctx: BoardContextValue, note: Note, details: Partial<Card>): void {
  if (!mayChange(ctx, note)) return;
  const next = { ...note.card, ...details, kind: note.card.kind } as Card;
  changeCard(ctx, note.id, () => setCard(ctx.doc, note.id, next));
}

/**
 * "Answer" on a question: a new answer card linked to it, right beside it on a free spot (in its
 * zone, or beside the zone when that is full), selected and open for typing. A locked question
 * can still be answered: the answer is a new note.
 */
export function answerQuestion(ctx: BoardContextValue, question: Note): string | undefined {
  if (question.card.kind !== 'question' || !mayAddNotes(ctx)) return undefined;
  const card: Card = { kind: 'answer', answerTo: question.id };
  const { zones, notes } = ctx.board.getSnapshot();
  const placed = placeAnswer(question, { zones, notes, size: newNoteSize(card) });
  const zone = placed.inZone ? zoneOfNote(zones, question) : undefined;
  return createNote(ctx, placed.spot, zone, { card });
}
