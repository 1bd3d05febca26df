import type Konva from 'konva';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Layer, Shape, Stage } from 'react-konva';
import { useStore } from 'zustand';
import { followViewport, forgetMissing } from '../state/ui';
import { useBoardSnapshot } from '../sync/hooks';
import { mayOnNote } from '../ui/actions';
import { useBoardContext } from '../ui/boardContext';
import { NoteActions } from '../ui/NoteActions';
import { useVote } from '../ui/useVote';
import { AnswerLinks } from './AnswerLinks';
import { paintBackground } from './background';
import { BoardPicture } from './boardPicture';
import { Cursors } from './Cursors';
import { useLayoutProbe } from './layoutProbe';
import { NoteEditor } from './NoteEditor';
import { NotesShape } from './NotesShape';
import { makeOpaque } from './opaqueLayer';
import { Selection } from './Selection';
import { StraddleMarks } from './StraddleMarks';
import { usePointerTools } from './usePointerTools';
import { useQuestionDrop } from './useQuestionDrop';
import { ViewFrame } from './ViewFrame';
import { VoteDots } from './VoteDots';
import { ZoneControls } from './ZoneControls';
import { ZoneEditor } from './ZoneEditor';
import { controlsReserve, Zones } from './Zones';
import { ZoomRest } from './zoomRest';

/**
 * The board: zones, notes and selection in one opaque Konva layer (one canvas to composite per
 * frame, not blended over the page); the note editor and cursors in the DOM. Pan and zoom move
 * the stage directly, outside React (BoardPicture): a frame of a pan is one redraw of the layer
 * and no render, or on a device too slow for that, a transform of the painted picture.
 */
export function BoardCanvas() {
  const ctx = useBoardContext();
  const container = useRef<HTMLDivElement>(null);
  const stage = useRef<Konva.Stage>(null);
  const layer = useRef<Konva.Layer>(null);
  const copy = useRef<HTMLCanvasElement>(null);
  // The margin painted around the screen while the picture is moved on slow devices.
  const [margin, setMargin] = useState(0);
  const picture = useMemo(() => new BoardPicture(setMargin), []);
  // One zoom-rest state for the layer: its images are repainted at the exact zoom once it rests.
  const zoomRest = useMemo(() => new ZoomRest(picture.redraw), [picture]);
  useEffect(() => () => zoomRest.dispose(), [zoomRest]);
  const snapshot = useBoardSnapshot(ctx.board);
  const screen = useStore(ctx.ui, (s) => s.screen);
  const selection = useStore(ctx.ui, (s) => s.selection);
  const editingNoteId = useStore(ctx.ui, (s) => s.editingNoteId);
  const preview = useStore(ctx.ui, (s) => s.preview);
  const marquee = useStore(ctx.ui, (s) => s.marquee);
  const selectedZoneId = useStore(ctx.ui, (s) => s.selectedZoneId);
  const editingZoneId = useStore(ctx.ui, (s) => s.editingZoneId);
  const vote = useVote(ctx);
  usePointerTools(ctx, container);
  useQuestionDrop(ctx, container);
  useLayoutProbe(ctx);

  useLayoutEffect(() => {
    if (!stage.current || !layer.current || !copy.current) return;
    makeOpaque(layer.current);
    const detach = picture.attach(stage.current, layer.current, copy.current);
    const unsubscribe = followViewport(ctx.ui, (viewport) => picture.show(viewport));
    return () => {
      unsubscribe();
      detach();
    };
  }, [ctx.ui, picture]);

  useLayoutEffect(() => picture.resize(screen, margin), [picture, screen, margin]);

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
  useEffect(
    () =>
      forgetMissing(
        ctx.ui,
        (id) => snapshot.byId.has(id),
        (id) => snapshot.zones.some((zone) => zone.id === id),
      ),
    [ctx.ui, snapshot.byId, snapshot.zones],
  );

  const selected = useMemo(
    () => selection.flatMap((id) => snapshot.byId.get(id) ?? []),
    [selection, snapshot.byId],
  );
  const editing = editingNoteId ? snapshot.byId.get(editingNoteId) : undefined;
  const selectedZone = snapshot.zones.find((zone) => zone.id === selectedZoneId);
  const editingZone = snapshot.zones.find((zone) => zone.id === editingZoneId);

  useEffect(() => {
    if (snapshot.notes.length > 0 || snapshot.zones.length > 0)
      performance.mark('dartboard:rendered');
  }, [snapshot.notes.length, snapshot.zones.length]);

  return (
    <div
      ref={container}
      className="canvas"
      data-testid="board-canvas"
      data-picture={margin > 0 ? 'moved' : 'painted'}
    >
      <Stage
        ref={stage}
        width={screen.width + 2 * margin}
        height={screen.height + 2 * margin}
        listening={false}
        className="board-stage"
        style={{ left: -margin, top: -margin }}
      >
        <Layer ref={layer} listening={false} clearBeforeDraw={false}>
          <Shape sceneFunc={paintBackground} listening={false} />
          <Zones
            zones={snapshot.zones}
            preview={preview}
            arrangeable={ctx.role === 'facilitator' && ctx.canEdit}
            reserve={controlsReserve(ctx.canEdit, ctx.role === 'facilitator')}
            zoomRest={zoomRest}
          />
          <AnswerLinks notes={snapshot.notes} preview={preview} />
          <NotesShape
            notes={snapshot.notes}
            preview={preview}
            editingNoteId={editingNoteId}
            zoomRest={zoomRest}
            picture={picture}
          />
          <StraddleMarks notes={snapshot.notes} zones={snapshot.zones} preview={preview} />
          <Selection
            selected={selected}
            selectedZone={selectedZone}
            preview={preview}
            marquee={marquee}
            resizable={selected.length === 1 && mayOnNote(ctx, selected[0])}
          />
        </Layer>
        {vote && (
          <VoteDots
            view={vote}
            notes={snapshot.notes}
            preview={preview}
            color={ctx.color}
            picture={picture}
          />
        )}
      </Stage>
      <canvas ref={copy} className="board-picture" style={{ left: -margin, top: -margin }} />
      <ZoneControls />
      {editing && <NoteEditor key={editing.id} note={editing} />}
      {editingZone && <ZoneEditor key={editingZone.id} zone={editingZone} />}
      <ViewFrame />
      <Cursors />
      <NoteActions container={container} />
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
