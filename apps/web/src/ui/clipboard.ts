// Copy, cut, paste and duplicate notes (Ctrl/Cmd+C, X, V, D). Copied notes travel as JSON under
// their own clipboard type with their text as plain text beside it, so a paste into a mail or
// a document gives the words; pasted plain text becomes notes, one per line.
import {
  addNote,
  type CopiedNote,
  decodeCopiedNotes,
  encodeCopiedNotes,
  freeSpotOutside,
  NOTE_DEFAULT_HEIGHT,
  NOTE_DEFAULT_WIDTH,
  NOTES_MIME,
  type Note,
  PASTE_MAX_NOTES,
  placeCopies,
  placeInZone,
  type Rect,
  textToNotes,
  zoneAtPoint,
  zoneOfNote,
} from '@dartboard/board';
import { screenToBoard } from '../canvas/viewport';
import { select, showNotice } from '../state/ui';
import { deleteSelection, explainRefusal, mayAddNotes, revealNote, targetZone } from './actions';
import type { BoardContextValue } from './boardContext';
import { markFresh } from './settle';

/** How far a duplicate or a pasted copy is set from its original (before finding a free spot). */
const COPY_OFFSET = 24;

/** The selected notes in the order they were selected. */
function selectedNotes(ctx: BoardContextValue): Note[] {
  const { byId } = ctx.board.getSnapshot();
  return ctx.ui.getState().selection.flatMap((id) => byId.get(id) ?? []);
}

/** Creates notes for copies laid out at `offset` from where they were; selects and shows them. */
function addCopies(
  ctx: BoardContextValue,
  copies: readonly CopiedNote[],
  offset: { x: number; y: number },
) {
  const { zones, notes } = ctx.board.getSnapshot();
  const spots = placeCopies(copies, { zones, notes }, offset);
  ctx.undo.stopCapturing();
  const ids: string[] = [];
  ctx.doc.transact(() => {
    copies.forEach((copy, index) => {
      const spot = spots[index] ?? copy;
      ids.push(
        addNote(ctx.doc, {
          ...spot,
          width: copy.width,
          height: copy.height,
          text: copy.text,
          color: copy.color || undefined,
          author: ctx.name,
        }),
      );
    });
  });
  finish(ctx, ids);
}

function finish(ctx: BoardContextValue, ids: string[]) {
  markFresh(ctx, ids);
  select(ctx.ui, ids);
  const { byId, zones } = ctx.board.getSnapshot();
  const first = ids[0] ? byId.get(ids[0]) : undefined;
  if (!first) return;
  revealNote(ctx, first);
  const zone = zoneOfNote(zones, first);
  if (zone) ctx.ui.setState({ lastZoneId: zone.id });
}

/** Ctrl/Cmd+D: copies of the selected notes beside them. */
export function duplicateSelection(ctx: BoardContextValue): void {
  if (!mayAddNotes(ctx)) return;
  const notes = selectedNotes(ctx);
  if (notes.length === 0) return;
  addCopies(ctx, notes, { x: COPY_OFFSET, y: COPY_OFFSET });
}

/**
 * Where pasted copies go: under the pointer when it is over the board (the group centred on
 * it), otherwise beside the originals.
 */
function pasteOffset(ctx: BoardContextValue, copies: readonly CopiedNote[]) {
  const { pointer } = ctx.ui.getState();
  if (!pointer) return { x: COPY_OFFSET, y: COPY_OFFSET };
  const left = Math.min(...copies.map((c) => c.x));
  const top = Math.min(...copies.map((c) => c.y));
  const right = Math.max(...copies.map((c) => c.x + c.width));
  const bottom = Math.max(...copies.map((c) => c.y + c.height));
  return { x: pointer.x - (left + right) / 2, y: pointer.y - (top + bottom) / 2 };
}

/** Plain text as new notes: in the zone under the pointer, or the zone "Add note" aims at. */
function pasteText(ctx: BoardContextValue, text: string) {
  const all = textToNotes(text);
  if (all.length === 0) return;
  const texts = all.slice(0, PASTE_MAX_NOTES);
  const { zones, notes } = ctx.board.getSnapshot();
  const { pointer } = ctx.ui.getState();
  const zone = (pointer && zoneAtPoint(zones, pointer.x, pointer.y)) || targetZone(ctx);
  const taken: Rect[] = [...notes];
  ctx.undo.stopCapturing();
  const ids: string[] = [];
  let overflow = false;
  const { viewport, screen } = ctx.ui.getState();
  const centre = pointer ?? screenToBoard(viewport, screen.width / 2, screen.height / 2);
  const near = {
    x: centre.x - NOTE_DEFAULT_WIDTH / 2,
    y: centre.y - NOTE_DEFAULT_HEIGHT / 2,
  };
  ctx.doc.transact(() => {
    for (const line of texts) {
      const input = { zones, notes: taken };
      let spot = freeSpotOutside(input, near);
      if (zone) {
        const placed = placeInZone(zone, input, pointer ? near : undefined);
        if (!placed.inZone) overflow = true;
        spot = placed.spot;
      }
      ids.push(addNote(ctx.doc, { ...spot, text: line, author: ctx.name }));
      taken.push({ ...spot, width: NOTE_DEFAULT_WIDTH, height: NOTE_DEFAULT_HEIGHT });
    }
  });
  finish(ctx, ids);
  if (all.length > texts.length) {
    showNotice(ctx.ui, `Pasted the first ${PASTE_MAX_NOTES} lines as notes.`);
  } else if (overflow && zone) {
    showNotice(ctx.ui, `${zone.title || 'This zone'} is full: some notes went beside it.`);
  }
}

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target.closest('dialog[open]') !== null)
  );
}

/** Whether the person has selected text on the page, which Ctrl+C should copy as it is. */
function hasTextSelection(): boolean {
  const selection = document.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString() !== '';
}

/** Listens for copy, cut and paste on the page while a board is open; returns the cleanup. */
export function listenToClipboard(ctx: BoardContextValue): () => void {
  const onCopy = (event: ClipboardEvent, cut: boolean) => {
    if (isTextField(event.target) || hasTextSelection() || !event.clipboardData) return;
    const notes = selectedNotes(ctx);
    if (notes.length === 0) return;
    event.preventDefault();
    event.clipboardData.setData(NOTES_MIME, encodeCopiedNotes(notes));
    event.clipboardData.setData('text/plain', notes.map((note) => note.text).join('\n\n'));
    if (cut && ctx.canEdit) deleteSelection(ctx);
  };
  const copy = (event: ClipboardEvent) => onCopy(event, false);
  const cut = (event: ClipboardEvent) => onCopy(event, true);
  const paste = (event: ClipboardEvent) => {
    if (isTextField(event.target) || !event.clipboardData) return;
    event.preventDefault();
    if (!ctx.canEdit) {
      explainRefusal(ctx, 'note.create');
      return;
    }
    if (!mayAddNotes(ctx)) return;
    const copies = decodeCopiedNotes(event.clipboardData.getData(NOTES_MIME));
    if (copies) addCopies(ctx, copies, pasteOffset(ctx, copies));
    else pasteText(ctx, event.clipboardData.getData('text/plain'));
  };
  document.addEventListener('copy', copy);
  document.addEventListener('cut', cut);
  document.addEventListener('paste', paste);
  return () => {
    document.removeEventListener('copy', copy);
    document.removeEventListener('cut', cut);
    document.removeEventListener('paste', paste);
  };
}
