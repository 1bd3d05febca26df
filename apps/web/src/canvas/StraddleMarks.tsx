import {
  type Rect as BoardRect,
  type Note,
  rectContainsRect,
  rectsIntersect,
  type Zone,
} from '@dartboard/board';
import { useMemo } from 'react';
import { Group, Rect } from 'react-konva';
import { useStore } from 'zustand';
import type { Preview, UiStore } from '../state/ui';
import { STRADDLE } from './theme';

const MAX_MARKS = 300;

/** The notes that lie across a zone's border: in the zone by their centre, half out of it. */
export function straddlingNotes(
  notes: readonly Note[],
  zones: readonly BoardRect[],
  preview: Preview | undefined,
): BoardRect[] {
  const shownZones = zones.map((zone) => ({ ...zone, ...preview?.get((zone as Zone).id) }));
  const marks: BoardRect[] = [];
  for (const note of notes) {
    // A board of thousands of scattered notes would otherwise draw thousands of outlines.
    if (marks.length >= MAX_MARKS) break;
    const shown = { ...note, ...preview?.get(note.id) };
    if (shownZones.some((zone) => rectsIntersect(zone, shown) && !rectContainsRect(zone, shown))) {
      marks.push(shown);
    }
  }
  return marks;
}

/**
 * A dashed outline on every note that a zone's border cuts through (a zone resized over it, a
 * note dragged half out), so that which zone it counts for is never a surprise.
 */
export function StraddleMarks({
  notes,
  zones,
  preview,
  ui,
}: {
  notes: readonly Note[];
  zones: readonly Zone[];
  preview: Preview | undefined;
  ui: UiStore;
}) {
  const scale = useStore(ui, (s) => s.viewport.scale);
  const marks = useMemo(() => straddlingNotes(notes, zones, preview), [notes, zones, preview]);
  const line = 2 / scale;
  return (
    <Group listening={false}>
      {marks.map((r, index) => (
        <Rect
          // Marks have no identity of their own; their order follows the notes'.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          x={r.x - line * 2}
          y={r.y - line * 2}
          width={r.width + line * 4}
          height={r.height + line * 4}
          stroke={STRADDLE}
          strokeWidth={line}
          dash={[6 / scale, 4 / scale]}
          cornerRadius={8}
          perfectDrawEnabled={false}
        />
      ))}
    </Group>
  );
}
