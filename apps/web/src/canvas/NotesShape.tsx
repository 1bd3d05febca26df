import { type Note, rectsIntersect } from '@dartboard/board';
import type Konva from 'konva';
import type { Context } from 'konva/lib/Context';
import { useCallback, useEffect, useMemo } from 'react';
import { Shape } from 'react-konva';
import type { Preview } from '../state/ui';
import type { BoardPicture } from './boardPicture';
import { NoteBitmaps } from './noteBitmaps';
import { NoteBlocks } from './noteBlocks';
import { NoteGrid } from './noteGrid';
import { paintNote } from './paintNote';
import { DETAIL_SCALE, stageView } from './viewport';
import { MAX_IMAGE_RESOLUTION, resolutionStep, type ZoomRest } from './zoomRest';

/** Time a frame may spend painting note images; the rest waits for the next frames. */
const PAINT_BUDGET_MS = 4;

/**
 * Every note, drawn by one Konva shape. Only notes in view are drawn; culling happens here, at
 * draw time, against the stage's current transform, so a pan or zoom redraws the layer without
 * React rendering anything; a grid of the notes (NoteGrid) limits that to the notes near the view.
 * Zoomed far out, notes are plain blocks; otherwise each is a cached
 * image painted by a worker (see NoteBitmaps); zoomed far in, they are painted directly.
 */
export function NotesShape({
  notes,
  preview,
  editingNoteId,
  zoomRest,
  picture,
}: {
  zoomRest: ZoomRest;
  picture: BoardPicture;
  notes: readonly Note[];
  preview: Preview | undefined;
  editingNoteId: string | undefined;
}) {
  const bitmaps = useMemo(() => new NoteBitmaps(picture.redraw), [picture]);
  const blocks = useMemo(() => new NoteBlocks(), []);
  const grid = useMemo(() => new NoteGrid(notes), [notes]);
  useEffect(
    () => () => {
      bitmaps.dispose();
      blocks.clear();
    },
    [bitmaps, blocks],
  );
  useEffect(() => {
    // When the board arrives nothing is painted yet: no need to file 20,000 ids to drop none.
    if (bitmaps.empty) return;
    const ids = new Set(notes.map((note) => note.id));
    bitmaps.retain((id) => ids.has(id));
  }, [bitmaps, notes]);

  const sceneFunc = useCallback(
    (konvaContext: Context, shape: Konva.Shape) => {
      const stage = shape.getStage();
      if (!stage) return;
      const { scale, view } = stageView(stage);
      const context = konvaContext._context;
      const shown = (note: Note) => {
        const moved = preview?.get(note.id);
        return moved ? { ...note, ...moved } : note;
      };
      // Board to device pixels; notes are placed at whole device pixels in that space.
      const { a: zoom, e: offsetX, f: offsetY } = context.getTransform();
      context.save();
      context.setTransform(1, 0, 0, 1, 0, 0);

      if (scale < DETAIL_SCALE) {
        blocks.draw(context, preview ? notes.map(shown) : notes, view, zoom, offsetX, offsetY);
        context.restore();
        return;
      }

      const now = performance.now();
      // A moving picture is stretched on screen: notes keep the images they have meanwhile.
      const keep = picture.moving;
      const resolution = keep ? resolutionStep(zoom) : zoomRest.resolution(zoom, now);
      // Images at another resolution are stretched only until their new one arrives, moments
      // later: nearest-pixel scaling costs half as much as filtering.
      context.imageSmoothingEnabled = false;
      const deadline = now + PAINT_BUDGET_MS;
      const mayPaint = () => performance.now() < deadline;
      let complete = true;
      // During a drag, moved notes are not where the grid filed them: look at every note.
      for (const original of preview ? notes : grid.inView(view)) {
        const note = shown(original);
        if (!rectsIntersect(note, view)) continue;
        const withText = note.id !== editingNoteId;
        const left = note.x * zoom + offsetX;
        const top = note.y * zoom + offsetY;
        if (zoom > MAX_IMAGE_RESOLUTION) {
          context.setTransform(zoom, 0, 0, zoom, Math.round(left), Math.round(top));
          paintNote(context, note, withText);
          context.setTransform(1, 0, 0, 1, 0, 0);
        } else if (
          !bitmaps.draw(context, note, withText, { left, top, zoom, resolution, keep }, mayPaint)
        ) {
          complete = false;
        }
      }
      context.restore();
      bitmaps.flush();
      // Konva ignores a draw request made while it draws: ask once this draw is over.
      if (!complete) queueMicrotask(picture.redraw);
    },
    [bitmaps, blocks, grid, zoomRest, picture, notes, preview, editingNoteId],
  );

  return <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />;
}
