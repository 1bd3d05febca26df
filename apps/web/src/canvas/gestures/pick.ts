import type { Rect } from '@dartboard/board';
import { select, selectZone, stopEditing, toggleSelected } from '../../state/ui';
import { mayOnNote } from '../../ui/actions';
import type { BoardContextValue } from '../../ui/boardContext';
import { votes } from '../../ui/voteActions';
import { carriedNotes, resizeLimits } from '../../ui/zoneActions';
import { type Hit, hitTest, zoneHeaderAt } from '../hitTest';
import { marqueeGesture } from './marquee';
import { moveNotesGesture, refusedGesture } from './moveNotes';
import { panGesture } from './pan';
import { resizeGesture } from './resize';
import type { At, Gesture, GestureEnv, Point } from './types';
import { voteGesture, voteTarget } from './vote';

/** What is under a board point for this person (see hitTest). */
export function hitAt(ctx: BoardContextValue, point: Point): Hit {
  const { notes, zones } = ctx.board.getSnapshot();
  const { selection, viewport } = ctx.ui.getState();
  return hitTest(
    {
      notes,
      zones,
      selection,
      scale: viewport.scale,
      canEdit: ctx.canEdit,
      canArrangeZones: ctx.role === 'facilitator' && ctx.canEdit,
    },
    point.x,
    point.y,
  );
}

/** A press on a note: select it (Shift: add or remove it), then drag the selection. */
function onNote(env: GestureEnv, id: string, shift: boolean, at: At): Gesture | undefined {
  const { ctx } = env;
  const { ui } = ctx;
  if (shift) {
    toggleSelected(ui, id);
    if (!ui.getState().selection.includes(id)) return undefined;
  } else if (!ui.getState().selection.includes(id)) {
    select(ui, [id]);
  }
  if (!ctx.canEdit) return undefined;
  const { byId } = ctx.board.getSnapshot();
  const clicked = shift ? undefined : id;
  const selection = ui.getState().selection;
  if (selection.some((sid) => !mayOnNote(ctx, byId.get(sid)))) {
    return refusedGesture(env, at.screen, 'note.edit', clicked);
  }
  const origins = new Map<string, Rect>();
  for (const sid of selection) {
    const note = byId.get(sid);
    if (note) origins.set(sid, note);
  }
  return moveNotesGesture(env, at.board, origins, clicked);
}

/**
 * The one place that decides what a press of the primary button starts, from what is under it:
 * the tools are the gestures this returns, each in a file of its own.
 */
export function pickGesture(env: GestureEnv, at: At, shift: boolean): Gesture | undefined {
  const { ctx } = env;
  const { ui, board } = ctx;
  if (ui.getState().editingNoteId) stopEditing(ui);
  // Each drag, resize or arrangement is one step of undo, separate from typing before it.
  ctx.undo.stopCapturing();
  // While this person votes, a click on a card places a dot (gestures/vote.ts).
  const target = !shift && votes(ctx) ? voteTarget(ctx, at.board) : undefined;
  if (target) return voteGesture(env, at, target);
  const hit = hitAt(ctx, at.board);
  switch (hit.kind) {
    case 'note':
      return onNote(env, hit.note.id, shift, at);
    case 'note-resize':
      return resizeGesture(env, { kind: 'note', id: hit.note.id, origin: hit.note }, at.board);
    case 'zone-resize': {
      if (shift) break;
      const { notes, zones } = board.getSnapshot();
      const min = resizeLimits(hit.zone, carriedNotes(zones, notes, hit.zone));
      selectZone(ui, hit.zone.id);
      return resizeGesture(env, { kind: 'zone', id: hit.zone.id, origin: hit.zone }, at.board, min);
    }
    default:
      break;
  }
  // A rubber band starts wherever Shift+drag starts, a zone's header included.
  if (shift) return marqueeGesture(env, at.board);
  select(ui, []);
  // Someone who may not arrange zones pans from a zone's header; the drag says why. The
  // facilitator's click on a header selects the zone (to lock it, say).
  const header = ctx.canEdit && zoneHeaderAt(board.getSnapshot().zones, at.board.x, at.board.y);
  const isFacilitator = ctx.role === 'facilitator';
  return panGesture(env, at.screen, {
    ...(header && !isFacilitator ? { refused: 'zone.move' as const } : {}),
    ...(header && isFacilitator ? { zone: header.id } : {}),
  });
}
