// What the toolbar, keyboard, canvas and outline do to the board, in one place. Every write
// goes through packages/board's operations.
import {
  addNote,
  type BoardAction,
  type Card,
  deleteNotes,
  freeSpotOutside,
  may,
  moveNote,
  moveNotes,
  NOTE_DEFAULT_HEIGHT,
  NOTE_DEFAULT_WIDTH,
  type Note,
  placeAtPoint,
  placeInZone,
  type Rect,
  readNote,
  readZone,
  refusalMessage,
  resizeNote,
  SPIN_TYPES,
  setNoteColor,
  setNoteLocked,
  setNoteText,
  setTitle,
  setZoneLocked,
  type Zone,
  zoneAtPoint,
  zoneOfNote,
} from '@dartboard/board';
import { headerHeight } from '../canvas/cardHeader';
import { fitWithMargin, openingView } from '../canvas/openingView';
import {
  boardToScreen,
  boundsOf,
  clampScale,
  screenToBoard,
  visibleRect,
  zoomAt,
} from '../canvas/viewport';
import { select, showNotice, startEditing, type UiStore } from '../state/ui';
import type { BoardContextValue } from './boardContext';
import { markFresh } from './settle';

const ZOOM_STEP = 1.25;

/** What a new note is: a plain note, or a card of a kind (cardActions.ts). */
export interface NewCard {
  card?: Card;
}

/** A new card is taller than a plain note by its header, so its text has a note's room. */
export function newNoteSize(card: Card | undefined): { width: number; height: number } {
  const header = card ? headerHeight(card, NOTE_DEFAULT_WIDTH) : 0;
  return { width: NOTE_DEFAULT_WIDTH, height: Math.ceil((NOTE_DEFAULT_HEIGHT + header) / 10) * 10 };
}

/**
 * Puts a new note (or card) at a spot the placement rules chose, opens its editor and shows it.
 */
export function createNote(
  ctx: BoardContextValue,
  spot: { x: number; y: number },
  zone: Zone | undefined,
  { card }: NewCard = {},
): string {
  ctx.undo.stopCapturing();
  const size = newNoteSize(card);
  const id = addNote(ctx.doc, { x: spot.x, y: spot.y, ...size, author: ctx.name, card });
  markFresh(ctx, [id]);
  if (zone) ctx.ui.setState({ lastZoneId: zone.id });
  startEditing(ctx.ui, id);
  const note = readNote(ctx.doc, id);
  if (note) revealNote(ctx, note);
  return id;
}

/**
 * Adds a note where a person points (N under the pointer, a double-click): centred there when
 * that spot is free (`exact`) or on the nearest free spot of the same zone, never across a
 * zone's border.
 */
export function addNoteAt(
  ctx: BoardContextValue,
  x: number,
  y: number,
  { exact = false, card }: { exact?: boolean } & NewCard = {},
): string | undefined {
  if (!mayAddNotes(ctx)) return undefined;
  const { zones, notes } = ctx.board.getSnapshot();
  const size = newNoteSize(card);
  const placed = placeAtPoint({ x, y }, { zones, notes, exact, size });
  if (placed.full) showNotice(ctx.ui, fullNotice(placed.full));
  return createNote(ctx, placed.spot, placed.zone, { card: cardFor(card, placed.zone) });
}

/** A question asked in a SPIN lane is of that lane's type unless it says otherwise. */
function cardFor(card: Card | undefined, zone: Zone | undefined): Card | undefined {
  if (card?.kind !== 'question' || card.spin !== null || !zone) return card;
  const spin = SPIN_TYPES.find((type) => type === zone.kind);
  return spin ? { ...card, spin } : card;
}

function fullNotice(zone: Zone): string {
  return `${zone.title || 'This zone'} is full: the note went beside it.`;
}

/** Adds a note to a zone's first free spot (its "+" button, or "Add note" aimed at it). */
export function addNoteToZone(
  ctx: BoardContextValue,
  zone: Zone,
  { card }: NewCard = {},
): string | undefined {
  if (!mayAddNotes(ctx)) return undefined;
  const { zones, notes } = ctx.board.getSnapshot();
  const placed = placeInZone(zone, { zones, notes, size: newNoteSize(card) });
  if (!placed.inZone) showNotice(ctx.ui, fullNotice(zone));
  ctx.ui.setState({ lastZoneId: zone.id });
  const into = placed.inZone ? zone : undefined;
  return createNote(ctx, placed.spot, into, { card: cardFor(card, into) });
}

/**
 * The zone "Add note" means: the selected zone, else the one this person last worked in, else
 * the one in the middle of the view, else the zone most in view.
 */
export function targetZone(ctx: BoardContextValue): Zone | undefined {
  const { zones } = ctx.board.getSnapshot();
  const { selectedZoneId, lastZoneId, viewport, screen } = ctx.ui.getState();
  const byId = (id: string | undefined) => zones.find((zone) => zone.id === id);
  const chosen = byId(selectedZoneId) ?? byId(lastZoneId);
  if (chosen) return chosen;
  const centre = screenToBoard(viewport, screen.width / 2, screen.height / 2);
  const view = visibleRect(viewport, screen);
  return (
    zoneAtPoint(zones, centre.x, centre.y) ??
    zones
      .map((zone) => ({ zone, shown: overlapArea(zone, view) }))
      .filter((entry) => entry.shown > 0)
      .sort((a, b) => b.shown - a.shown)[0]?.zone
  );
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/** "Add note": into the zone the person means (see targetZone), or the middle of the view. */
export function addNoteFromButton(ctx: BoardContextValue, what: NewCard = {}): string | undefined {
  const zone = targetZone(ctx);
  if (zone) return addNoteToZone(ctx, zone, what);
  const { viewport, screen } = ctx.ui.getState();
  const centre = screenToBoard(viewport, screen.width / 2, screen.height / 2);
  return addNoteAt(ctx, centre.x, centre.y, what);
}

/** N: under the pointer when it is over the board, otherwise as "Add note" does. */
export function addNoteByKey(ctx: BoardContextValue, what: NewCard = {}): string | undefined {
  const { pointer } = ctx.ui.getState();
  return pointer ? addNoteAt(ctx, pointer.x, pointer.y, what) : addNoteFromButton(ctx, what);
}

/** Whether the facilitator ended the session read-only (then only they may change notes). */
function endedReadOnly(ctx: BoardContextValue): boolean {
  return ctx.board.getSnapshot().session.end.readOnly;
}

/**
 * Whether this person may make `action` on a note, its lock and an ended session included: the
 * same table the server enforces (packages/board roles.ts), so the page offers exactly what will
 * be accepted.
 */
export function mayOnNote(
  ctx: BoardContextValue,
  note: Pick<Note, 'locked'> | undefined,
  action: BoardAction = 'note.edit',
): boolean {
  return note !== undefined && may(ctx.role, action, note.locked, endedReadOnly(ctx));
}

/** Says politely why something was not done. */
export function explainRefusal(ctx: BoardContextValue, action: BoardAction): void {
  showNotice(ctx.ui, refusalMessage(ctx.role, action, endedReadOnly(ctx)));
}

/** Whether this person may add notes now; says why not when the session ended read-only. */
export function mayAddNotes(ctx: BoardContextValue): boolean {
  if (!ctx.canEdit) return false;
  if (may(ctx.role, 'note.create', false, endedReadOnly(ctx))) return true;
  explainRefusal(ctx, 'note.create');
  return false;
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

/**
 * Types into a note (the editor on the canvas, the outline): its new text, and the height it
 * grew to while typed in place (never shrinking it).
 */
export function writeNoteText(ctx: BoardContextValue, id: string, text: string, height?: number) {
  ctx.doc.transact(() => {
    setNoteText(ctx.doc, id, text);
    const note = readNote(ctx.doc, id);
    if (note && height !== undefined && height > note.height) {
      resizeNote(ctx.doc, id, note.width, height);
    }
  });
}

/** The facilitator renames the session. */
export function renameSession(ctx: BoardContextValue, title: string): void {
  ctx.undo.stopCapturing();
  setTitle(ctx.doc, title);
}

/** Puts notes where a drag left them (positions already checked against the locks). */
export function moveNotesTo(
  ctx: BoardContextValue,
  positions: readonly { id: string; x: number; y: number }[],
): void {
  moveNotes(ctx.doc, positions);
}

/** Resizes a note from a drag of its corner. */
export function resizeNoteTo(ctx: BoardContextValue, id: string, width: number, height: number) {
  resizeNote(ctx.doc, id, width, height);
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
  const zone = zoneOfNote(ctx.board.getSnapshot().zones, note);
  if (zone) ctx.ui.setState({ lastZoneId: zone.id });
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
  const input = { zones, notes: notes.filter((n) => n.id !== noteId), size: note };
  let spot: { x: number; y: number };
  if (zone) {
    const placed = placeInZone(zone, input);
    if (!placed.inZone) showNotice(ctx.ui, fullNotice(zone));
    spot = placed.spot;
    ctx.ui.setState({ lastZoneId: zone.id });
  } else {
    // Outside: beside everything else, to the right.
    const bounds = boundsOf(zones);
    spot = freeSpotOutside(input, bounds ? { x: bounds.x + bounds.width + 60, y: bounds.y } : note);
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
