import { zoomAt } from '../viewport';
import type { Gesture, GestureEnv } from './types';

/** Two fingers: zoom about the point between them, and pan as it moves. */
export function pinchGesture(env: GestureEnv): Gesture | undefined {
  const [a, b] = [...env.pointers.values()];
  if (!a || !b) return undefined;
  const { ui } = env.ctx;
  ui.setState({ preview: undefined, marquee: undefined, panning: true });
  const distance = Math.hypot(a.x - b.x, a.y - b.y) || 1;
  const from = ui.getState().viewport;
  const startMid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  return {
    multiTouch: true,
    move() {
      const [p, q] = [...env.pointers.values()];
      if (!p || !q) return;
      const ratio = Math.hypot(p.x - q.x, p.y - q.y) / distance;
      const mid = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
      const zoomed = zoomAt(from, startMid.x, startMid.y, from.scale * ratio);
      ui.setState({
        viewport: {
          ...zoomed,
          x: zoomed.x + mid.x - startMid.x,
          y: zoomed.y + mid.y - startMid.y,
        },
      });
    },
    end() {},
  };
}
