// What the facilitator's question deck does to the board: "Ask" (or a question dropped on the
// canvas) puts a question card there for everyone. The deck itself stays in the preparation,
// which is not part of the board; only the asked question's words and id reach the document.
import {
  addNote,
  type Card,
  type PrepQuestion,
  placeAtPoint,
  placeInZone,
  readNote,
  type Zone,
} from '@dartboard/board';
import { headerHeight } from '../canvas/cardHeader';
import { heightToFit } from '../canvas/fitText';
import { GROWN_HEIGHT_MAX } from '../canvas/noteGrowth';
import { screenToBoard } from '../canvas/viewport';
import { select, showNotice } from '../state/ui';
import { mayAddNotes, newNoteSize, revealNote } from './actions';
import type { BoardContextValue } from './boardContext';
import { markFresh } from './settle';

/** The drag type of a deck question dropped on the canvas; the data is the question's id. */
export const QUESTION_DRAG_TYPE = 'application/x-dartboard-question';

/**
 * Where an asked question goes: at `at` when it was dropped there; else in the board's zone of
 * its SPIN type (a SPIN board's "Problem" zone for a problem question); else the middle of the
 * view.
 */
function questionSpot(
  ctx: BoardContextValue,
  question: PrepQuestion,
  at: { x: number; y: number } | undefined,
  size: { width: number; height: number },
): { spot: { x: number; y: number }; full?: Zone } {
  const { zones, notes } = ctx.board.getSnapshot();
  const zone = at ? undefined : zones.find((z) => z.kind === question.type);
  if (zone) {
    const placed = placeInZone(zone, { zones, notes, size });
    return placed.inZone ? { spot: placed.spot } : { spot: placed.spot, full: zone };
  }
  const { viewport, screen } = ctx.ui.getState();
  const point = at ?? screenToBoard(viewport, screen.width / 2, screen.height / 2);
  return placeAtPoint(point, { zones, notes, size });
}

/**
 * A question card's size: a new card's, taller when the question needs it to show whole at the
 * smallest legible size (a prepared question is read aloud from the board; "…more" would hide
 * its end), up to the height a note grows to while typed.
 */
function questionSize(card: Card, text: string): { width: number; height: number } {
  const size = newNoteSize(card);
  const header = headerHeight(card, size.width);
  const needed = header + heightToFit(text, size.width, GROWN_HEIGHT_MAX);
  return { width: size.width, height: Math.max(size.height, Math.ceil(needed / 10) * 10) };
}

/**
 * The facilitator asks a deck question: a question card with its words, its SPIN type and the
 * deck id (which marks it asked in the deck), selected and scrolled into view. Returns its id.
 */
export function askQuestion(
  ctx: BoardContextValue,
  question: PrepQuestion,
  at?: { x: number; y: number },
): string | undefined {
  if (ctx.role !== 'facilitator' || !mayAddNotes(ctx)) return undefined;
  const card: Card = { kind: 'question', spin: question.type, deckId: question.id };
  const size = questionSize(card, question.text);
  const { spot, full } = questionSpot(ctx, question, at, size);
  if (full)
    showNotice(ctx.ui, `${full.title || 'This zone'} is full: the question went beside it.`);
  ctx.undo.stopCapturing();
  const id = addNote(ctx.doc, {
    ...spot,
    ...size,
    author: ctx.name,
    text: question.text,
    card,
  });
  markFresh(ctx, [id]);
  select(ctx.ui, [id]);
  const note = readNote(ctx.doc, id);
  if (note) revealNote(ctx, note);
  return id;
}

/** A deck question dropped on the canvas at a point of the screen (relative to the canvas). */
export function askQuestionAt(
  ctx: BoardContextValue,
  question: PrepQuestion,
  screenX: number,
  screenY: number,
): string | undefined {
  const at = screenToBoard(ctx.ui.getState().viewport, screenX, screenY);
  return askQuestion(ctx, question, at);
}
