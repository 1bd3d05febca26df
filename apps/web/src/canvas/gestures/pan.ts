import type { BoardAction } from '@dartboard/board';
import { selectZone } from '../../state/ui';
import { dragged, type Gesture, type GestureEnv, type Point } from './types';

/**
 * Drags the view. `refused`: the drag started where this person may change nothing (a zone's
 * header, for a customer), and it says why once it moves. `zone`: a zone header the facilitator
 * pressed, selected when the pointer comes up without moving.
 */
export function panGesture(
  env: GestureEnv,
  start: Point,
  options: { refused?: BoardAction; zone?: string } = {},
): Gesture {
  const { ui } = env.ctx;
  const from = ui.getState().viewport;
  ui.setState({ panning: true });
  return {
    move({ screen }) {
      if (options.refused && dragged(start, screen)) env.explain(options.refused);
      ui.setState({
        viewport: { ...from, x: from.x + screen.x - start.x, y: from.y + screen.y - start.y },
      });
      env.setCursor('grabbing');
    },
    end({ screen }) {
      if (options.zone && !dragged(start, screen)) selectZone(ui, options.zone);
    },
  };
}
