// What the toolbar, keyboard, canvas and outline do to the board, in one place. Every write
// goes through packages/board's operations.
import {
  addNote,
  type BoardAction,
  deleteNotes,
  freeSpotInZone,
  may,
  moveNote,
  moveNotes,
  NOTE_DEFAULT_HEIGHT,
  NOTE_DEFAULT_WIDTH,
  type Note,
  readNote,
  readZone,
  refusalMessage,
  setNoteColor,
  setNoteLocked,
  setZoneLocked,
  type Zone,
} from '@dartboard/board';
import { fitWithMargin, openingView } from '../canvas/openingView';
import { boardToScreen, boundsOf, clampScale, screenToBoard, zoomAt } from '../canvas/viewport';
import { select, showNotice, startEditing, type UiStore } from '../state/ui';
import type { BoardContextValue } from './boardContext';

const ZOOM_STEP = 1.25;

/** Adds a note centred on a board point and opens its editor. */
export function addNoteAt(
  ctx: BoardContextValue,
  x: number,
  y: number,
  color?: string,
): string | undefined {
  if (!ctx.canEdit) return undefined;
  ctx.undo.stopCapturing();
  const id = addNote(ctx.doc, {
    x: Math.round(x - NOTE_DEFAULT_WIDTH / 2),
    y: Math.round(y - NOTE_DEFAULT_HEIGHT / 2),
    author: ctx.name,
    color,
  });
  startEditing(ctx.ui, id);
  return id;
}

/** Adds a note in the middle of the screen, nudged so repeated presses don't stack exactly. */
export function addNoteInView(ctx: BoardContextValue): string | undefined {
  const { viewport, screen } = ctx.ui.getState();
  const centre = screenToBoard(viewport, screen.width / 2, screen.height / 2);
  const taken = ctx.board.getSnapshot().notes;
  let { x, y } = centre;
  for (let i = 0; i < 20; i++) {
    const left = x - NOTE_DEFAULT_WIDTH / 2;
    const top = y - NOTE_DEFAULT_HEIGHT / 2;
    if (!taken.some((n) => Math.abs(n.x - left) < 8 && Math.abs(n.y - top) < 8)) break;
    x += 24;
    y += 24;
  }
  return addNoteAt(ctx, x, y);
}

/**
 * Whether this person may make `action` on a note, its lock included: the same table the server
 * enforces (packages/board roles.ts), so the page offers exactly what will be accepted.
 */
export function mayOnNote(
  ctx: BoardContextValue,
  note: Pick<Note, 'locked'> | undefined,
  action: BoardAction = 'note.edit',
): boolean {
  return note !== undefined && may(ctx.role, action, note.locked);
}

/** Says politely why something was not done. */
export function explainRefusal(ctx: BoardContextValue, action: BoardAction): void {
  showNotice(ctx.ui, refusalMessage(ctx.role, action));
}

/** The selected notes this person may change with `action`; says so when locks left some out. */
function changeableSelection(ctx: BoardContextValue, action: BoardAction): string[] {
  const { selection } = ctx.ui.getState();
  const { byId } = ctx.board.getSnapshot();
  const ids = selection.filter((id) => mayOnNote(ctx, byId.get(id), action));
  if (ids.length < selection.length) explainRefusal(ctx, action);
  return ids;
}

export function deleteSelection(ctx: BoardContextValue): void {
  if (!ctx.canEdit) return;
  const ids = changeableSelection(ctx, 'note.delete');
  if (ids.length === 0) return;
  ctx.undo.stopCapturing();
  deleteNotes(ctx.doc, ids);
  select(
    ctx.ui,
    ctx.ui.getState().selection.filter((id) => !ids.includes(id)),
  );
}

export function colorSelection(ctx: BoardContextValue, color: string): void {
  if (!ctx.canEdit) return;
  const ids = changeableSelection(ctx, 'note.edit');
  ctx.undo.stopCapturing();
  ctx.doc.transact(() => {
    for (const id of ids) setNoteColor(ctx.doc, id, color);
  });
}

/** Moves the selected notes by (dx, dy), leaving out those this person may not move. */
export function nudgeSelection(ctx: BoardContextValue, dx: number, dy: number): void {
  if (!ctx.canEdit) return;
  const { byId } = ctx.board.getSnapshot();
  moveNotes(
    ctx.doc,
    changeableSelection(ctx, 'note.edit').flatMap((id) => {
      const note = byId.get(id);
      return note ? [{ id, x: note.x + dx, y: note.y + dy }] : [];
    }),
  );
}

/** Opens a note's editor, or says why it cannot be edited. */
export function editNote(ctx: BoardContextValue, note: Note): void {
  if (!ctx.canEdit) return;
  if (!mayOnNote(ctx, note)) {
    select(ctx.ui, [note.id]);
    explainRefusal(ctx, 'note.edit');
    return;
  }
  startEditing(ctx.ui, note.id);
}

/**
 * The facilitator's lock: locks the selected notes (or the selected zone), or unlocks them when
 * they are all locked already. A locked note or zone cannot be changed by anyone else.
 */
export function toggleLock(ctx: BoardContextValue): void {
  const { selection, selectedZoneId } = ctx.ui.getState();
  if (selection.length === 0 && !selectedZoneId) return;
  if (!may(ctx.role, 'lock')) {
    explainRefusal(ctx, 'lock');
    return;
  }
  ctx.undo.stopCapturing();
  if (selectedZoneId) {
    const zone = readZone(ctx.doc, selectedZoneId);
    if (zone) setZoneLocked(ctx.doc, zone.id, !zone.locked);
    return;
  }
  const { byId } = ctx.board.getSnapshot();
  const lock = !selection.every((id) => byId.get(id)?.locked);
  ctx.doc.transact(() => {
    for (const id of selection) setNoteLocked(ctx.doc, id, lock);
  });
}

/** Moves a note into a zone's first free spot, or outside every zone when `zone` is undefined. */
export function moveNoteToZone(
  ctx: BoardContextValue,
  noteId: string,
  zone: Zone | undefined,
): void {
  if (!ctx.canEdit) return;
  const note = readNote(ctx.doc, noteId);
  if (!note) return;
  if (!mayOnNote(ctx, note)) {
    explainRefusal(ctx, 'note.edit');
    return;
  }
  const { zones, notes } = ctx.board.getSnapshot();
  const others = notes.filter((n) => n.id !== noteId);
  let spot: { x: number; y: number };
  if (zone) {
    spot = freeSpotInZone(zone, others, note);
  } else {
    // Outside: a column to the right of everything else.
    const bounds = boundsOf([...zones, ...others]);
    spot = bounds ? { x: bounds.x + bounds.width + 60, y: bounds.y } : { x: 0, y: 0 };
  }
  ctx.undo.stopCapturing();
  moveNote(ctx.doc, noteId, spot.x, spot.y);
  revealNote(ctx, { ...note, ...spot });
}

/** Scrolls the board so that a note is on screen (without changing the zoom) and selects it. */
export function revealNote(ctx: BoardContextValue, note: Note): void {
  const { viewport, screen } = ctx.ui.getState();
  const topLeft = boardToScreen(viewport, note.x, note.y);
  const w = note.width * viewport.scale;
  const h = note.height * viewport.scale;
  const inView =
    topLeft.x >= 0 &&
    topLeft.y >= 0 &&
    topLeft.x + w <= screen.width &&
    topLeft.y + h <= screen.height;
  if (!inView) {
    ctx.ui.setState({
      viewport: {
        scale: viewport.scale,
        x: screen.width / 2 - (note.x + note.width / 2) * viewport.scale,
        y: screen.height / 2 - (note.y + note.height / 2) * viewport.scale,
      },
    });
  }
}

export function zoomBy(ui: UiStore, factor: number): void {
  const { viewport, screen } = ui.getState();
  ui.setState({
    viewport: zoomAt(viewport, screen.width / 2, screen.height / 2, viewport.scale * factor),
  });
}

export const zoomIn = (ui: UiStore) => zoomBy(ui, ZOOM_STEP);
export const zoomOut = (ui: UiStore) => zoomBy(ui, 1 / ZOOM_STEP);

export function resetZoom(ui: UiStore): void {
  const { viewport } = ui.getState();
  zoomBy(ui, 1 / clampScale(viewport.scale));
}

/**
 * Shows every zone and note, a stray one far away included, even if text gets small: the button
 * is how a person finds what went missing. The opening view (frameBoard) is the one that frames
 * the zones at a readable zoom; this one only gives up margin first to stay readable.
 */
export function zoomToFit(ctx: BoardContextValue): void {
  const { zones, notes } = ctx.board.getSnapshot();
  const bounds = boundsOf([...zones, ...notes]);
  const { screen } = ctx.ui.getState();
  ctx.ui.setState({
    viewport: bounds
      ? fitWithMargin(bounds, screen)
      : { x: screen.width / 2, y: screen.height / 2, scale: 1 },
  });
}

/** The view a board opens at: its zones, readable (see openingView). */
export function frameBoard(ctx: BoardContextValue): void {
  const { zones, notes } = ctx.board.getSnapshot();
  ctx.ui.setState({ viewport: openingView(zones, notes, ctx.ui.getState().screen) });
}
