import { currentBallot, type Note, onDot } from '@dartboard/board';
import type { BoardContextValue } from '../../ui/boardContext';
import { placeDotOn, takeDotFrom } from '../../ui/voteActions';
import { hitTest } from '../hitTest';
import { panGesture } from './pan';
import { type At, dragged, type Gesture, type GestureEnv, type Point } from './types';

/** What a click at a board point means in a vote: a dot back from a card, a dot onto one. */
export function voteTarget(
  ctx: BoardContextValue,
  point: Point,
): { note: Note; take: boolean } | undefined {
  if (!ctx.personId) return undefined;
  const { notes, zones, byId } = ctx.board.getSnapshot();
  const { scale } = ctx.ui.getState().viewport;
  // This person's own dots first: they stand over the top edge of their cards.
  const mine = currentBallot(ctx.doc, ctx.personId)?.dots ?? {};
  for (const [id, count] of Object.entries(mine)) {
    const note = byId.get(id);
    if (note && onDot(note, count, scale, point)) return { note, take: true };
  }
  const hit = hitTest(
    { notes, zones, selection: [], scale, canEdit: false, canArrangeZones: false },
    point.x,
    point.y,
  );
  return hit.kind === 'note' ? { note: hit.note, take: false } : undefined;
}

/**
 * A press while this person votes, on a card or one of their dots: a click places a dot on the
 * card, or takes that dot back; a drag pans the board, as a press on empty board does. Cards are
 * not selected, moved or resized meanwhile.
 */
export function voteGesture(
  env: GestureEnv,
  at: At,
  target: { note: Note; take: boolean },
): Gesture {
  const pan = panGesture(env, at.screen);
  return {
    move: pan.move,
    end(where) {
      pan.end(where);
      if (dragged(at.screen, where.screen)) return;
      if (target.take) takeDotFrom(env.ctx, target.note.id);
      else placeDotOn(env.ctx, target.note.id);
    },
  };
}
