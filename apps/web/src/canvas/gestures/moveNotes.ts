import { type BoardAction, type Rect, zoneOfNote } from '@dartboard/board';
import { select } from '../../state/ui';
import { moveNotesTo } from '../../ui/actions';
import { dragged, type Gesture, type GestureEnv, type Point } from './types';

/**
 * Drags the selected notes. `clicked`: the note pressed, which alone stays selected when the
 * pointer comes up without moving (a click in a selection of several).
 */
export function moveNotesGesture(
  env: GestureEnv,
  start: Point,
  origins: ReadonlyMap<string, Rect>,
  clicked: string | undefined,
): Gesture {
  const { ctx } = env;
  const { ui } = ctx;
  let moved = false;
  return {
    move({ board: point }) {
      const dx = point.x - start.x;
      const dy = point.y - start.y;
      if (!moved && Math.hypot(dx, dy) * ui.getState().viewport.scale < 3) return;
      moved = true;
      const preview = new Map<string, Rect>();
      for (const [id, r] of origins) {
        preview.set(id, { ...r, x: Math.round(r.x + dx), y: Math.round(r.y + dy) });
      }
      ui.setState({ preview });
    },
    write() {
      const preview = ui.getState().preview;
      if (preview)
        moveNotesTo(
          ctx,
          [...preview].map(([id, r]) => ({ id, x: r.x, y: r.y })),
        );
    },
    end() {
      if (!moved) {
        if (clicked) select(ui, [clicked]);
        return;
      }
      // The zone the note was moved into is where "Add note" aims next.
      const { zones, byId } = ctx.board.getSnapshot();
      const note = byId.get(clicked ?? origins.keys().next().value ?? '');
      const zone = note && zoneOfNote(zones, note);
      if (zone) ui.setState({ lastZoneId: zone.id });
    },
  };
}

/** A drag on notes this person may not change: nothing moves, and the page says why. */
export function refusedGesture(
  env: GestureEnv,
  start: Point,
  action: BoardAction,
  clicked: string | undefined,
): Gesture {
  return {
    move({ screen }) {
      if (dragged(start, screen)) env.explain(action);
    },
    end() {
      if (clicked) select(env.ctx.ui, [clicked]);
    },
  };
}
