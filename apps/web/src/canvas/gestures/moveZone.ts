import type { Rect, Zone } from '@dartboard/board';
import { carriedNotes, moveZoneWithNotes } from '../../ui/zoneActions';
import type { Gesture, GestureEnv, Point } from './types';

/** Drags a zone by its handle, with the notes it held when the drag began. */
export function moveZoneGesture(env: GestureEnv, zone: Zone, start: Point): Gesture {
  const { ctx } = env;
  const { ui, board } = ctx;
  const { zones, notes } = board.getSnapshot();
  const carried = new Map(carriedNotes(zones, notes, zone).map((note) => [note.id, note]));
  return {
    move({ board: point }) {
      const dx = Math.round(point.x - start.x);
      const dy = Math.round(point.y - start.y);
      const preview = new Map<string, Rect>([
        [zone.id, { ...zone, x: zone.x + dx, y: zone.y + dy }],
      ]);
      for (const [id, r] of carried) preview.set(id, { ...r, x: r.x + dx, y: r.y + dy });
      ui.setState({ preview });
    },
    write() {
      const rect = ui.getState().preview?.get(zone.id);
      if (rect) moveZoneWithNotes(ctx, zone.id, zone, rect, carried);
    },
    end() {},
  };
}
