import type { Rect as BoardRect, Note, Zone } from '@dartboard/board';
import type Konva from 'konva';
import type { Context } from 'konva/lib/Context';
import { useCallback } from 'react';
import { Shape } from 'react-konva';
import type { Preview } from '../state/ui';
import { HANDLE_SIZE } from './hitTest';
import { SELECTION } from './theme';

/**
 * Selection outlines (notes, or one zone), the resize handle of a single selected note and the
 * rubber band. One shape drawn at the stage's zoom, so that outlines and the handle keep their
 * size on screen without a React render per step of a zoom.
 */
export function Selection({
  selected,
  selectedZone,
  preview,
  marquee,
  resizable,
}: {
  selected: readonly Note[];
  selectedZone: Zone | undefined;
  preview: Preview | undefined;
  marquee: BoardRect | undefined;
  resizable: boolean;
}) {
  const sceneFunc = useCallback(
    (konvaContext: Context, shape: Konva.Shape) => {
      const scale = shape.getStage()?.scaleX() ?? 1;
      const line = 2 / scale;
      const context = konvaContext._context;
      const moved = <T extends BoardRect & { id: string }>(r: T) => ({
        ...r,
        ...preview?.get(r.id),
      });
      const outline = (r: BoardRect, grow: number, width: number, radius: number) => {
        context.lineWidth = width;
        context.beginPath();
        context.roundRect(r.x - grow, r.y - grow, r.width + grow * 2, r.height + grow * 2, radius);
        context.stroke();
      };
      context.save();
      context.strokeStyle = SELECTION;
      if (selectedZone) outline(moved(selectedZone), line * 2, line * 1.5, 18);
      for (const note of selected) outline(moved(note), line, line, 7);
      const single = selected.length === 1 ? selected[0] : undefined;
      if (resizable && single) {
        const r = moved(single);
        const handle = HANDLE_SIZE / scale;
        context.beginPath();
        context.roundRect(
          r.x + r.width - handle / 2,
          r.y + r.height - handle / 2,
          handle,
          handle,
          2 / scale,
        );
        context.fillStyle = '#ffffff';
        context.fill();
        context.lineWidth = line;
        context.stroke();
      }
      if (marquee) {
        context.beginPath();
        context.rect(marquee.x, marquee.y, marquee.width, marquee.height);
        context.fillStyle = 'rgba(37,99,235,0.08)';
        context.fill();
        context.lineWidth = 1 / scale;
        context.setLineDash([4 / scale, 4 / scale]);
        context.stroke();
      }
      context.restore();
    },
    [selected, selectedZone, preview, marquee, resizable],
  );
  const empty = selected.length === 0 && !selectedZone && !marquee;
  return empty ? null : (
    <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
  );
}
