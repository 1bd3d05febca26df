import type { BoardAction } from '@dartboard/board';
import { type RefObject, useEffect } from 'react';
import { throttle } from '../lib/throttle';
import { selectZone } from '../state/ui';
import { addNoteAt, editNote, explainRefusal, mayOnNote } from '../ui/actions';
import type { BoardContextValue } from '../ui/boardContext';
import { votes } from '../ui/voteActions';
import { moveZoneGesture } from './gestures/moveZone';
import { panGesture } from './gestures/pan';
import { hitAt, pickGesture } from './gestures/pick';
import { pinchGesture } from './gestures/pinch';
import type { At, Gesture, GestureEnv, Point } from './gestures/types';
import { voteTarget } from './gestures/vote';
import { cursorFor, zoneHeaderAt } from './hitTest';
import { clampScale, screenToBoard, zoomAt } from './viewport';

/** About 30 messages a second for drags, resizes and cursors, never one per mouse event. */
export const SYNC_INTERVAL_MS = 33;

/** A refusal is explained at most this often while the person keeps trying. */
const EXPLAIN_EVERY_MS = 10_000;

/**
 * Pointer and wheel input on the board. This hook only dispatches: a press starts one gesture
 * (gestures/: pan, pinch, rubber band, move or resize notes, move or resize a zone), chosen in
 * one place (gestures/pick.ts); moves and the release go to that gesture, and its writes to the
 * document are throttled here. Geometry under the pointer is found from the board data
 * (hitTest), not from Konva, so the canvas draws no hit regions at all.
 */
export function usePointerTools(
  ctx: BoardContextValue,
  container: RefObject<HTMLDivElement | null>,
) {
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const { ui, connection } = ctx;
    const pointers = new Map<number, Point>();
    let gesture: Gesture | undefined;

    const explainedAt = new Map<BoardAction, number>();
    const env: GestureEnv = {
      ctx,
      pointers,
      explain(action) {
        const now = performance.now();
        const last = explainedAt.get(action) ?? Number.NEGATIVE_INFINITY;
        if (now - last < EXPLAIN_EVERY_MS) return;
        explainedAt.set(action, now);
        explainRefusal(ctx, action);
      },
      setCursor(cursor) {
        element.style.cursor = cursor;
      },
    };

    const local = (event: { clientX: number; clientY: number }): Point => {
      const box = element.getBoundingClientRect();
      return { x: event.clientX - box.left, y: event.clientY - box.top };
    };
    const at = (event: { clientX: number; clientY: number }): At => {
      const screen = local(event);
      return { screen, board: screenToBoard(ui.getState().viewport, screen.x, screen.y) };
    };
    const onCanvas = (event: Event) =>
      event.target === element || event.target instanceof HTMLCanvasElement;

    const sendCursor = throttle((cursor: Point | null) => {
      connection.provider.awareness.setLocalStateField('cursor', cursor);
    }, SYNC_INTERVAL_MS);
    const write = throttle(() => gesture?.write?.(), SYNC_INTERVAL_MS);

    const begin = (event: PointerEvent, next: Gesture | undefined) => {
      pointers.set(event.pointerId, local(event));
      element.setPointerCapture(event.pointerId);
      gesture = next;
    };

    const onPointerDown = (event: PointerEvent) => {
      // A zone's move handle is a button over the canvas (ZoneControls).
      const handle = event.target instanceof Element && event.target.closest('[data-zone-move]');
      if (handle) {
        const id = handle.getAttribute('data-zone-move');
        const zone = ctx.board.getSnapshot().zones.find((z) => z.id === id);
        if (!zone || event.button !== 0 || ctx.role !== 'facilitator') return;
        event.preventDefault();
        ctx.undo.stopCapturing();
        selectZone(ui, zone.id);
        begin(event, moveZoneGesture(env, zone, at(event).board));
        return;
      }
      if (!onCanvas(event)) return;
      pointers.set(event.pointerId, local(event));
      element.setPointerCapture(event.pointerId);
      if (pointers.size === 2) {
        gesture = pinchGesture(env);
        return;
      }
      if (pointers.size > 2) return;
      const where = at(event);
      if (event.button === 1 || (event.button === 0 && ui.getState().spaceHeld)) {
        gesture = panGesture(env, where.screen);
      } else if (event.button === 0) {
        gesture = pickGesture(env, where, event.shiftKey);
      }
    };

    const onPointerMove = (event: PointerEvent) => {
      const where = at(event);
      sendCursor(where.board);
      ui.setState({ pointer: where.board });
      if (pointers.has(event.pointerId)) pointers.set(event.pointerId, where.screen);
      if (gesture) {
        gesture.move(where);
        if (gesture.write) write();
      } else if (onCanvas(event) && votes(ctx)) {
        env.setCursor(voteTarget(ctx, where.board) ? 'pointer' : 'grab');
      } else if (onCanvas(event)) {
        const hit = hitAt(ctx, where.board);
        const allowed = hit.kind === 'note' ? mayOnNote(ctx, hit.note) : ctx.canEdit;
        env.setCursor(ui.getState().spaceHeld ? 'grab' : cursorFor(hit, allowed));
      }
    };

    const onPointerUp = (event: PointerEvent) => {
      pointers.delete(event.pointerId);
      if (element.hasPointerCapture(event.pointerId)) {
        element.releasePointerCapture(event.pointerId);
      }
      const ended = gesture;
      if (!ended || (ended.multiTouch && pointers.size > 0)) return;
      write.flush();
      gesture = undefined;
      ended.end(at(event));
      ui.setState({ preview: undefined, marquee: undefined, panning: false });
      env.setCursor('');
    };

    const onLeave = () => {
      sendCursor(null);
      ui.setState({ pointer: undefined });
    };

    const onDoubleClick = (event: MouseEvent) => {
      if (!onCanvas(event)) return;
      const { board: point } = at(event);
      const hit = hitAt(ctx, point);
      // In a vote, a double-click on a card is two dots, not an edit.
      if (hit.kind === 'note' && votes(ctx)) return;
      if (hit.kind === 'note') {
        editNote(ctx, hit.note);
        return;
      }
      const facilitator = ctx.role === 'facilitator';
      const header = facilitator && zoneHeaderAt(ctx.board.getSnapshot().zones, point.x, point.y);
      if (header) ui.setState({ editingZoneId: header.id });
      else if (hit.kind === 'empty') addNoteAt(ctx, point.x, point.y, { exact: true });
    };

    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const { viewport } = ui.getState();
      const p = local(event);
      // Lines (Firefox mice) are about 16 px; pages a screen.
      const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? element.clientHeight : 1;
      if (event.ctrlKey || event.metaKey) {
        // Trackpad pinches arrive as ctrl+wheel with small deltas; mouse wheels with ~100.
        const factor = Math.exp((-event.deltaY * unit) / 300);
        ui.setState({ viewport: zoomAt(viewport, p.x, p.y, clampScale(viewport.scale * factor)) });
        return;
      }
      const dx = (event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX) * unit;
      const dy = (event.shiftKey && event.deltaX === 0 ? 0 : event.deltaY) * unit;
      ui.setState({ viewport: { ...viewport, x: viewport.x - dx, y: viewport.y - dy } });
    };

    element.addEventListener('pointerdown', onPointerDown);
    element.addEventListener('pointermove', onPointerMove);
    element.addEventListener('pointerup', onPointerUp);
    element.addEventListener('pointercancel', onPointerUp);
    element.addEventListener('pointerleave', onLeave);
    element.addEventListener('dblclick', onDoubleClick);
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      element.removeEventListener('pointerdown', onPointerDown);
      element.removeEventListener('pointermove', onPointerMove);
      element.removeEventListener('pointerup', onPointerUp);
      element.removeEventListener('pointercancel', onPointerUp);
      element.removeEventListener('pointerleave', onLeave);
      element.removeEventListener('dblclick', onDoubleClick);
      element.removeEventListener('wheel', onWheel);
      write.flush();
      sendCursor.cancel();
    };
  }, [ctx, container]);
}
