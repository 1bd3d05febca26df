import type { Rect as BoardRect, Note, Zone } from '@dartboard/board';
import { Group, Rect } from 'react-konva';
import { useStore } from 'zustand';
import type { Preview, UiStore } from '../state/ui';
import { HANDLE_SIZE } from './hitTest';
import { SELECTION } from './theme';

/**
 * Selection outlines (notes, or one zone), the resize handle of a single selected note and the
 * rubber band.
 */
export function Selection({
  selected,
  selectedZone,
  preview,
  marquee,
  ui,
  resizable,
}: {
  selected: readonly Note[];
  selectedZone: Zone | undefined;
  preview: Preview | undefined;
  marquee: BoardRect | undefined;
  ui: UiStore;
  resizable: boolean;
}) {
  // Only this part depends on the zoom: outlines and handles keep their size on screen.
  const scale = useStore(ui, (s) => s.viewport.scale);
  const line = 2 / scale;
  const handle = HANDLE_SIZE / scale;
  const single = selected.length === 1 ? selected[0] : undefined;
  const singleRect = single && { ...single, ...preview?.get(single.id) };
  const zoneRect = selectedZone && { ...selectedZone, ...preview?.get(selectedZone.id) };
  return (
    <Group>
      {zoneRect && (
        <Rect
          x={zoneRect.x - line * 2}
          y={zoneRect.y - line * 2}
          width={zoneRect.width + line * 4}
          height={zoneRect.height + line * 4}
          stroke={SELECTION}
          strokeWidth={line * 1.5}
          cornerRadius={18}
          perfectDrawEnabled={false}
        />
      )}
      {selected.map((note) => {
        const r = { ...note, ...preview?.get(note.id) };
        return (
          <Rect
            key={note.id}
            x={r.x - line}
            y={r.y - line}
            width={r.width + line * 2}
            height={r.height + line * 2}
            stroke={SELECTION}
            strokeWidth={line}
            cornerRadius={7}
            perfectDrawEnabled={false}
          />
        );
      })}
      {resizable && singleRect && (
        <Rect
          x={singleRect.x + singleRect.width - handle / 2}
          y={singleRect.y + singleRect.height - handle / 2}
          width={handle}
          height={handle}
          fill="#ffffff"
          stroke={SELECTION}
          strokeWidth={line}
          cornerRadius={2 / scale}
          perfectDrawEnabled={false}
        />
      )}
      {marquee && (
        <Rect
          {...marquee}
          fill="rgba(37,99,235,0.08)"
          stroke={SELECTION}
          strokeWidth={1 / scale}
          dash={[4 / scale, 4 / scale]}
        />
      )}
    </Group>
  );
}
