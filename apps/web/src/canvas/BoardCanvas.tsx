import { rectsIntersect } from '@dartboard/board';
import { useEffect, useMemo, useRef } from 'react';
import { Stage } from 'react-konva';
import { useStore } from 'zustand';
import { forgetMissing } from '../state/ui';
import { useBoardSnapshot } from '../sync/hooks';
import { useBoardContext } from '../ui/boardContext';
import { Cursors } from './Cursors';
import { NoteEditor } from './NoteEditor';
import { NotesLayer } from './NotesLayer';
import { SelectionLayer } from './SelectionLayer';
import { usePointerTools } from './usePointerTools';
import { useRenderRegion } from './useRenderRegion';
import { DETAIL_SCALE } from './viewport';
import { ZonesLayer } from './ZonesLayer';

/** The board: zones, notes and selection in Konva; the note editor and cursors in the DOM. */
export function BoardCanvas() {
  const ctx = useBoardContext();
  const container = useRef<HTMLDivElement>(null);
  const snapshot = useBoardSnapshot(ctx.board);
  const viewport = useStore(ctx.ui, (s) => s.viewport);
  const screen = useStore(ctx.ui, (s) => s.screen);
  const selection = useStore(ctx.ui, (s) => s.selection);
  const editingNoteId = useStore(ctx.ui, (s) => s.editingNoteId);
  const preview = useStore(ctx.ui, (s) => s.preview);
  const marquee = useStore(ctx.ui, (s) => s.marquee);
  usePointerTools(ctx, container);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      ctx.ui.setState({ screen: { width: element.clientWidth, height: element.clientHeight } });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ctx.ui]);

  // A peer may delete a note this person has selected or is typing into.
  useEffect(() => forgetMissing(ctx.ui, (id) => snapshot.byId.has(id)), [ctx.ui, snapshot.byId]);

  const region = useRenderRegion(viewport, screen);
  const visible = useMemo(
    () => snapshot.notes.filter((note) => rectsIntersect(note, region)),
    [snapshot.notes, region],
  );
  const selected = useMemo(
    () => selection.flatMap((id) => snapshot.byId.get(id) ?? []),
    [selection, snapshot.byId],
  );
  const editing = editingNoteId ? snapshot.byId.get(editingNoteId) : undefined;

  useEffect(() => {
    if (snapshot.notes.length > 0 || snapshot.zones.length > 0)
      performance.mark('dartboard:rendered');
  }, [snapshot.notes.length, snapshot.zones.length]);

  return (
    <div ref={container} className="canvas" data-testid="board-canvas">
      <Stage
        width={screen.width}
        height={screen.height}
        x={viewport.x}
        y={viewport.y}
        scaleX={viewport.scale}
        scaleY={viewport.scale}
        listening={false}
      >
        <ZonesLayer
          zones={snapshot.zones}
          preview={preview}
          arrangeable={ctx.role === 'facilitator' && ctx.canEdit}
        />
        <NotesLayer
          notes={visible}
          preview={preview}
          editingNoteId={editingNoteId}
          detailed={viewport.scale >= DETAIL_SCALE}
        />
        <SelectionLayer
          selected={selected}
          preview={preview}
          marquee={marquee}
          scale={viewport.scale}
          resizable={ctx.canEdit}
        />
      </Stage>
      {editing && <NoteEditor key={editing.id} note={editing} />}
      <Cursors />
      {snapshot.notes.length === 0 && (
        <p className="empty-hint">
          {ctx.canEdit
            ? 'Double-click anywhere, press N or use “Add note” to put the first note on the board.'
            : 'No notes yet. They appear here as soon as someone adds them.'}
        </p>
      )}
    </div>
  );
}
