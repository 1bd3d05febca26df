// What the facilitator does to zones: move them with the notes they hold, resize them without
// leaving a note half outside, and retitle them. Every write goes through packages/board.
import {
  moveNotes,
  moveZone,
  NOTE_GAP,
  type Note,
  type Rect,
  resizeZone,
  updateZoneText,
  ZONE_MIN_SIZE,
  type Zone,
  zoneOfNote,
} from '@dartboard/board';
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

export function resizeZoneKeepingNotes(ctx: BoardContextValue, id: string, to: Rect): void {
  resizeZone(ctx.doc, id, to.width, to.height);
}

/** Saves a zone's title and prompt from its in-place editor. */
export function retitleZone(
  ctx: BoardContextValue,
  id: string,
  text: { title: string; prompt: string },
): void {
  ctx.undo.stopCapturing();
  updateZoneText(ctx.doc, id, { title: text.title.trim(), prompt: text.prompt.trim() });
}
