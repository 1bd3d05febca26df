// What the facilitator does to zones: add them from the palette, move them with the notes they
// hold, resize them without leaving a note half outside, retitle and remove them. Every write
// goes through packages/board.
import {
  addZoneOfKind,
  deleteZone,
  moveNotes,
  moveZone,
  NOTE_GAP,
  type Note,
  type Rect,
  readZone,
  resizeZone,
  updateZoneText,
  ZONE_MIN_SIZE,
  type Zone,
  type ZoneKind,
  zoneOfNote,
} from '@dartboard/board';
import { fitRect, screenToBoard, visibleRect } from '../canvas/viewport';
import { selectZone } from '../state/ui';
import type { BoardContextValue } from './boardContext';

/** The notes a zone holds (their centre is in it, and no smaller zone inside holds them). */
export function carriedNotes(zones: readonly Zone[], notes: readonly Note[], zone: Zone): Note[] {
  return notes.filter((note) => zoneOfNote(zones, note)?.id === zone.id);
}

/**
 * Moves a zone to `to` and the notes it held when the move began (`carried`, as they were then)
 * by the same distance, in one change: on every screen the zone carries its notes, as a frame
 * does.
 */
export function moveZoneWithNotes(
  ctx: BoardContextValue,
  id: string,
  origin: Rect,
  to: Rect,
  carried: ReadonlyMap<string, Rect>,
): void {
  const dx = to.x - origin.x;
  const dy = to.y - origin.y;
  ctx.doc.transact(() => {
    moveZone(ctx.doc, id, to.x, to.y);
    moveNotes(
      ctx.doc,
      [...carried].map(([noteId, r]) => ({ id: noteId, x: r.x + dx, y: r.y + dy })),
    );
  });
}

/** Moves a zone and its notes by (dx, dy): the arrow keys on the zone's move handle. */
export function nudgeZone(ctx: BoardContextValue, zone: Zone, dx: number, dy: number): void {
  const { zones, notes } = ctx.board.getSnapshot();
  const carried = new Map(carriedNotes(zones, notes, zone).map((note) => [note.id, note]));
  ctx.undo.stopCapturing();
  moveZoneWithNotes(ctx, zone.id, zone, { ...zone, x: zone.x + dx, y: zone.y + dy }, carried);
}

/**
 * The smallest size a zone may be resized to (from its bottom-right corner) so that every note
 * it holds stays wholly inside.
 */
export function resizeLimits(
  zone: Rect,
  notes: readonly Rect[],
): { width: number; height: number } {
  let width = ZONE_MIN_SIZE;
  let height = ZONE_MIN_SIZE;
  for (const note of notes) {
    width = Math.max(width, note.x + note.width + NOTE_GAP - zone.x);
    height = Math.max(height, note.y + note.height + NOTE_GAP - zone.y);
  }
  return { width: Math.ceil(width), height: Math.ceil(height) };
}

/** Resizes a zone from a drag of its corner (the drag stops short of its notes: resizeLimits). */
export function resizeZoneTo(ctx: BoardContextValue, id: string, to: Rect): void {
  resizeZone(ctx.doc, id, to.width, to.height);
}

/** Saves a zone's title and prompt from its in-place editor. */
export function retitleZone(
  ctx: BoardContextValue,
  id: string,
  text: { title: string; prompt: string },
): void {
  // A title and a prompt are one line each.
  const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();
  ctx.undo.stopCapturing();
  updateZoneText(ctx.doc, id, { title: oneLine(text.title), prompt: oneLine(text.prompt) });
}

/** Scrolls (and if it does not fit, zooms out) so that the whole of `rect` is on screen. */
function bringIntoView(ctx: BoardContextValue, rect: Rect): void {
  const { viewport, screen } = ctx.ui.getState();
  const view = visibleRect(viewport, screen);
  const inView =
    rect.x >= view.x &&
    rect.y >= view.y &&
    rect.x + rect.width <= view.x + view.width &&
    rect.y + rect.height <= view.y + view.height;
  if (inView) return;
  const fitted = fitRect(rect, screen);
  ctx.ui.setState({ viewport: fitted.scale < viewport.scale ? fitted : centredOn(rect) });

  function centredOn(r: Rect) {
    return {
      scale: viewport.scale,
      x: screen.width / 2 - (r.x + r.width / 2) * viewport.scale,
      y: screen.height / 2 - (r.y + r.height / 2) * viewport.scale,
    };
  }
}

/**
 * Adds a zone of `kind` from the palette on a free spot, as near as can be to the middle of the
 * screen, then selects it and brings it into view.
 */
export function addZoneFromPalette(ctx: BoardContextValue, kind: ZoneKind): string {
  const { viewport, screen } = ctx.ui.getState();
  const middle = screenToBoard(viewport, screen.width / 2, screen.height / 2);
  ctx.undo.stopCapturing();
  const id = addZoneOfKind(ctx.doc, kind, middle);
  selectZone(ctx.ui, id);
  const zone = readZone(ctx.doc, id);
  if (zone) bringIntoView(ctx, zone);
  return id;
}

/**
 * Removes a zone after asking, when it holds notes; its notes stay where they are, now outside
 * the zones (or in a zone beneath). Returns whether it was removed.
 */
export function removeZone(
  ctx: BoardContextValue,
  zone: Zone,
  confirm: (question: string) => boolean,
): boolean {
  const { zones, notes } = ctx.board.getSnapshot();
  const held = carriedNotes(zones, notes, zone).length;
  const name = zone.title.trim() || 'Untitled zone';
  if (held > 0) {
    const count = held === 1 ? '1 note' : `${held} notes`;
    if (
      !confirm(`Remove the zone “${name}”? Its ${count} will stay on the board, outside the zones.`)
    ) {
      return false;
    }
  }
  ctx.undo.stopCapturing();
  deleteZone(ctx.doc, zone.id);
  selectZone(ctx.ui, undefined);
  return true;
}
