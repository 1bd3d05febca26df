// Two people who add a note at the same moment see the same free spot, and their notes would
// land exactly on top of each other. For a few seconds after this person adds a note, it gives
// way when it overlaps another: the later of the two (by creation time, then id) moves to the
// nearest free spot, so on every screen exactly one of them moves and neither hides the other.
import { freeSpotOutside, moveNote, type Note, placeInZone, zoneOfNote } from '@dartboard/board';
import type { BoardContextValue } from './boardContext';

/** How long a new note gives way to others (long enough for a reconnect to bring the other). */
const SETTLE_MS = 10_000;
/** The transaction origin of the moves: not this person's own edits, so undo leaves them out. */
const SETTLE_ORIGIN = 'settle';

/** Where a new note was put, and when. A note moved by anyone since is left where it is. */
interface Fresh {
  at: number;
  x: number;
  y: number;
}

/** This person's new notes, by board. */
const freshNotes = new WeakMap<BoardContextValue, Map<string, Fresh>>();

/** Marks notes this person has just added. */
export function markFresh(ctx: BoardContextValue, ids: readonly string[]): void {
  const fresh = freshNotes.get(ctx) ?? new Map<string, Fresh>();
  freshNotes.set(ctx, fresh);
  const at = performance.now();
  const { byId } = ctx.board.getSnapshot();
  for (const id of ids) {
    const note = byId.get(id);
    if (note) fresh.set(id, { at, x: note.x, y: note.y });
  }
}

function overlap(a: Note, b: Note): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether `a` came after `b`: the one of two overlapping new notes that moves. */
function later(a: Note, b: Note): boolean {
  return a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);
}

/** Moves this person's new notes off any earlier note they landed on; returns the cleanup. */
export function settleNewNotes(ctx: BoardContextValue): () => void {
  const check = () => {
    const fresh = freshNotes.get(ctx);
    if (!fresh || fresh.size === 0) return;
    const now = performance.now();
    const { notes, byId, zones } = ctx.board.getSnapshot();
    const dragged = ctx.ui.getState().preview;
    for (const [id, placed] of fresh) {
      const note = byId.get(id);
      const moved = note && (note.x !== placed.x || note.y !== placed.y);
      if (!note || moved || dragged?.has(id) || now - placed.at > SETTLE_MS) {
        fresh.delete(id);
        continue;
      }
      if (!notes.some((o) => o.id !== id && overlap(o, note) && later(note, o))) continue;
      const input = { zones, notes: notes.filter((o) => o.id !== id), size: note };
      const zone = zoneOfNote(zones, note);
      const spot = zone ? placeInZone(zone, input, note).spot : freeSpotOutside(input, note);
      fresh.set(id, { ...placed, ...spot });
      ctx.doc.transact(() => moveNote(ctx.doc, id, spot.x, spot.y), SETTLE_ORIGIN);
    }
  };
  return ctx.board.subscribe(check);
}
