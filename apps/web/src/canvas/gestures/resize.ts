import { NOTE_MIN_SIZE, type Rect } from '@dartboard/board';
import { resizeNoteTo } from '../../ui/actions';
import { resizeZoneTo } from '../../ui/zoneActions';
import type { Gesture, GestureEnv, Point } from './types';

/**
 * Resizes one note or zone from its bottom-right corner, never below `min` (a zone stops short
 * of cutting through the notes it holds).
 */
export function resizeGesture(
  env: GestureEnv,
  target: { kind: 'note' | 'zone'; id: string; origin: Rect },
  start: Point,
  min: { width: number; height: number } = { width: NOTE_MIN_SIZE, height: NOTE_MIN_SIZE },
): Gesture {
  const { ctx } = env;
  const { ui } = ctx;
  const { id, origin } = target;
  return {
    move({ board: point }) {
      const rect = {
        ...origin,
        width: Math.round(Math.max(min.width, origin.width + point.x - start.x)),
        height: Math.round(Math.max(min.height, origin.height + point.y - start.y)),
      };
      ui.setState({ preview: new Map([[id, rect]]) });
    },
    write() {
      const rect = ui.getState().preview?.get(id);
      if (!rect) return;
      if (target.kind === 'note') resizeNoteTo(ctx, id, rect.width, rect.height);
      else resizeZoneTo(ctx, id, rect);
    },
    end() {},
  };
}
