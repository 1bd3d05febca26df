import { rectsIntersect } from '@dartboard/board';
import { select } from '../../state/ui';
import { rectFromPoints } from '../viewport';
import type { Gesture, GestureEnv, Point } from './types';

/** A rubber band: selects the notes it touches, added to those selected before. */
export function marqueeGesture(env: GestureEnv, start: Point): Gesture {
  const { ui, board } = env.ctx;
  const base = ui.getState().selection;
  return {
    move({ board: point }) {
      const marquee = rectFromPoints(start, point);
      const hits = board
        .getSnapshot()
        .notes.filter((n) => rectsIntersect(n, marquee))
        .map((n) => n.id);
      ui.setState({ marquee });
      select(ui, [...base, ...hits]);
    },
    end() {},
  };
}
