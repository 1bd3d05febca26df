import {
  type Rect as BoardRect,
  type Note,
  rectContainsRect,
  rectsIntersect,
  type Zone,
} from '@dartboard/board';
import type Konva from 'konva';
import type { Context } from 'konva/lib/Context';
import { useCallback, useMemo } from 'react';
import { Shape } from 'react-konva';
import type { Preview } from '../state/ui';
import { STRADDLE } from './theme';
import { stageView } from './viewport';

const MAX_MARKS = 300;

/** The notes that lie across a zone's border: in the zone by their centre, half out of it. */
export function straddlingNotes(
  notes: readonly Note[],
  zones: readonly BoardRect[],
  preview: Preview | undefined,
): BoardRect[] {
  const shownZones = zones.map((zone) => ({ ...zone, ...preview?.get((zone as Zone).id) }));
  const marks: BoardRect[] = [];
  if (shownZones.length === 0) return marks;
  for (const note of notes) {
    // A board of thousands of scattered notes would otherwise draw thousands of outlines.
    if (marks.length >= MAX_MARKS) break;
    // Copied only when moved: a board of 20,000 notes is looked at whenever one changes.
    const moved = preview?.get(note.id);
    const shown: BoardRect = moved ? { ...note, ...moved } : note;
    if (shownZones.some((zone) => rectsIntersect(zone, shown) && !rectContainsRect(zone, shown))) {
      marks.push(shown);
    }
  }
  return marks;
}

/**
 * A dashed outline on every note that a zone's border cuts through (a zone resized over it, a
 * note dragged half out), so that which zone it counts for is never a surprise. One shape that
 * draws only the marks in view, at the stage's current zoom: a pan or zoom draws them without a
 * React render, and marks far from the view cost nothing.
 */
export function StraddleMarks({
  notes,
  zones,
  preview,
}: {
  notes: readonly Note[];
  zones: readonly Zone[];
  preview: Preview | undefined;
}) {
  const marks = useMemo(() => straddlingNotes(notes, zones, preview), [notes, zones, preview]);
  const sceneFunc = useCallback(
    (konvaContext: Context, shape: Konva.Shape) => {
      const stage = shape.getStage();
      if (!stage || marks.length === 0) return;
      const { scale, view } = stageView(stage);
      const line = 2 / scale;
      const context = konvaContext._context;
      context.save();
      context.strokeStyle = STRADDLE;
      context.lineWidth = line;
      context.setLineDash([6 / scale, 4 / scale]);
      context.beginPath();
      for (const r of marks) {
        const box = {
          x: r.x - line * 2,
          y: r.y - line * 2,
          width: r.width + line * 4,
          height: r.height + line * 4,
        };
        if (rectsIntersect(box, view)) context.roundRect(box.x, box.y, box.width, box.height, 8);
      }
      context.stroke();
      context.restore();
    },
    [marks],
  );
  return <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />;
}
