import {
  type BoardAction,
  moveNotes,
  NOTE_MIN_SIZE,
  type Rect,
  rectsIntersect,
  resizeNote,
  zoneOfNote,
} from '@dartboard/board';
import { type RefObject, useEffect } from 'react';
import { throttle } from '../lib/throttle';
import { select, selectZone, stopEditing, toggleSelected, type Viewport } from '../state/ui';
import { addNoteAt, editNote, explainRefusal, mayOnNote } from '../ui/actions';
import type { BoardContextValue } from '../ui/boardContext';
import {
  carriedNotes,
  moveZoneWithNotes,
  resizeLimits,
  resizeZoneKeepingNotes,
} from '../ui/zoneActions';
import { cursorFor, hitTest, zoneHeaderAt } from './hitTest';
import { clampScale, rectFromPoints, screenToBoard, zoomAt } from './viewport';

/** About 30 messages a second for drags, resizes and cursors, never one per mouse event. */
export const SYNC_INTERVAL_MS = 33;

type Point = { x: number; y: number };

/** A refusal is explained at most this often while the person keeps trying. */
const EXPLAIN_EVERY_MS = 10_000;

type Gesture =
  /** `refused`: the drag would have changed something this person may not change (explained). */
  /** `zone`: a zone header the facilitator pressed, selected if the pointer comes up unmoved. */
  | { kind: 'pan'; start: Point; viewport: Viewport; refused?: BoardAction; zone?: string }
  | { kind: 'refused'; start: Point; action: BoardAction; clicked?: string }
  | { kind: 'move'; start: Point; origins: Map<string, Rect>; moved: boolean; clicked?: string }
  | { kind: 'resize-note'; start: Point; id: string; origin: Rect }
  /** `carried`: the notes inside the zone when the drag began, which move with it. */
  | { kind: 'move-zone'; start: Point; id: string; origin: Rect; carried: Map<string, Rect> }
  /** `min`: the size below which a note inside the zone would end up half outside it. */
  | {
      kind: 'resize-zone';
      start: Point;
      id: string;
      origin: Rect;
      min: { width: number; height: number };
    }
  | { kind: 'marquee'; start: Point; base: readonly string[] }
  | { kind: 'pinch'; distance: number; viewport: Viewport; mid: Point };

/**
 * Pointer and wheel input on the board: select, drag and resize notes, arrange zones, pan,
 * zoom, pinch and rubber-band selection. Geometry under the pointer is found from the board
 * data (hitTest), not from Konva, so the canvas draws no hit regions at all.
 */
export function usePointerTools(
  ctx: BoardContextValue,
  container: RefObject<HTMLDivElement | null>,
) {
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const { ui, board, doc, connection } = ctx;
    const isFacilitator = ctx.role === 'facilitator';
    const pointers = new Map<number, Point>();
    let gesture: Gesture | undefined;
    const explainedAt = new Map<BoardAction, number>();
    const explain = (action: BoardAction) => {
      const now = performance.now();
      if (now - (explainedAt.get(action) ?? Number.NEGATIVE_INFINITY) < EXPLAIN_EVERY_MS) return;
      explainedAt.set(action, now);
      explainRefusal(ctx, action);
    };
    const dragged = (start: Point, p: Point) => Math.hypot(p.x - start.x, p.y - start.y) >= 3;

    const local = (event: { clientX: number; clientY: number }): Point => {
      const box = element.getBoundingClientRect();
      return { x: event.clientX - box.left, y: event.clientY - box.top };
    };
    const toBoard = (p: Point) => screenToBoard(ui.getState().viewport, p.x, p.y);

    const sendCursor = throttle((cursor: Point | null) => {
      connection.provider.awareness.setLocalStateField('cursor', cursor);
    }, SYNC_INTERVAL_MS);

    // Writes the current preview into the document: notes moved, or one note/zone reshaped.
    const writePreview = throttle(() => {
      const preview = ui.getState().preview;
      if (!preview || !gesture) return;
      if (gesture.kind === 'move') {
        moveNotes(
          doc,
          [...preview].map(([id, r]) => ({ id, x: r.x, y: r.y })),
        );
      } else if (gesture.kind === 'resize-note') {
        const r = preview.get(gesture.id);
        if (r) resizeNote(doc, gesture.id, r.width, r.height);
      } else if (gesture.kind === 'move-zone') {
        const r = preview.get(gesture.id);
        if (r) moveZoneWithNotes(ctx, gesture.id, gesture.origin, r, gesture.carried);
      } else if (gesture.kind === 'resize-zone') {
        const r = preview.get(gesture.id);
        if (r) resizeZoneKeepingNotes(ctx, gesture.id, r);
      }
    }, SYNC_INTERVAL_MS);

    const hitAt = (p: Point) => {
      const { notes, zones } = board.getSnapshot();
      const { selection, viewport } = ui.getState();
      return hitTest(
        {
          notes,
          zones,
          selection,
          scale: viewport.scale,
          canEdit: ctx.canEdit,
          canArrangeZones: isFacilitator && ctx.canEdit,
        },
        p.x,
        p.y,
      );
    };

    const cursorOver = (hit: ReturnType<typeof hitAt>) =>
      cursorFor(hit, hit.kind === 'note' ? mayOnNote(ctx, hit.note) : ctx.canEdit);

    const startPinch = () => {
      const [a, b] = [...pointers.values()];
      if (!a || !b) return;
      ui.setState({ preview: undefined, marquee: undefined, panning: true });
      gesture = {
        kind: 'pinch',
        distance: Math.hypot(a.x - b.x, a.y - b.y) || 1,
        viewport: ui.getState().viewport,
        mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
      };
    };

    /** A drag on a zone's move handle (a button over the canvas, see ZoneControls). */
    const startZoneMove = (event: PointerEvent, handle: Element): boolean => {
      const zone = board
        .getSnapshot()
        .zones.find((z) => z.id === handle.getAttribute('data-zone-move'));
      if (!zone || event.button !== 0 || !isFacilitator) return false;
      event.preventDefault();
      pointers.set(event.pointerId, local(event));
      element.setPointerCapture(event.pointerId);
      ctx.undo.stopCapturing();
      const { zones, notes } = board.getSnapshot();
      gesture = {
        kind: 'move-zone',
        start: toBoard(local(event)),
        id: zone.id,
        origin: zone,
        carried: new Map(carriedNotes(zones, notes, zone).map((note) => [note.id, note])),
      };
      selectZone(ui, zone.id);
      return true;
    };

    const onPointerDown = (event: PointerEvent) => {
      const handle = event.target instanceof Element && event.target.closest('[data-zone-move]');
      if (handle && startZoneMove(event, handle)) return;
      if (event.target !== element && !(event.target instanceof HTMLCanvasElement)) return;
      const p = local(event);
      pointers.set(event.pointerId, p);
      element.setPointerCapture(event.pointerId);
      if (pointers.size === 2) return startPinch();
      if (pointers.size > 2) return;
      const state = ui.getState();
      const point = toBoard(p);
      if (event.button === 1 || (event.button === 0 && state.spaceHeld)) {
        gesture = { kind: 'pan', start: p, viewport: state.viewport };
        ui.setState({ panning: true });
        return;
      }
      if (event.button !== 0) return;
      if (state.editingNoteId) stopEditing(ui);
      // Each drag, resize or arrangement is one step of undo, separate from typing before it.
      ctx.undo.stopCapturing();
      const hit = hitAt(point);
      if (hit.kind === 'note') {
        const id = hit.note.id;
        if (event.shiftKey) {
          toggleSelected(ui, id);
          if (!ui.getState().selection.includes(id)) return;
        } else if (!state.selection.includes(id)) {
          select(ui, [id]);
        }
        if (!ctx.canEdit) return;
        const { byId } = board.getSnapshot();
        const clicked = event.shiftKey ? undefined : id;
        if (ui.getState().selection.some((sid) => !mayOnNote(ctx, byId.get(sid)))) {
          gesture = { kind: 'refused', start: p, action: 'note.edit', clicked };
          return;
        }
        const origins = new Map<string, Rect>();
        for (const sid of ui.getState().selection) {
          const note = byId.get(sid);
          if (note) origins.set(sid, note);
        }
        gesture = {
          kind: 'move',
          start: point,
          origins,
          moved: false,
          clicked,
        };
      } else if (hit.kind === 'note-resize') {
        gesture = { kind: 'resize-note', start: point, id: hit.note.id, origin: hit.note };
      } else if (hit.kind === 'zone-resize' && !event.shiftKey) {
        const { notes, zones } = board.getSnapshot();
        gesture = {
          kind: 'resize-zone',
          start: point,
          id: hit.zone.id,
          origin: hit.zone,
          min: resizeLimits(hit.zone, carriedNotes(zones, notes, hit.zone)),
        };
        selectZone(ui, hit.zone.id);
      } else if (event.shiftKey) {
        // A rubber band starts wherever Shift+drag starts, a zone's header included.
        gesture = { kind: 'marquee', start: point, base: state.selection };
      } else {
        select(ui, []);
        // Someone who may not arrange zones pans from a zone's header; the drag says why. The
        // facilitator's click on a header selects the zone (to lock it, say).
        const header = ctx.canEdit && zoneHeaderAt(board.getSnapshot().zones, point.x, point.y);
        gesture = {
          kind: 'pan',
          start: p,
          viewport: state.viewport,
          ...(header && !isFacilitator ? { refused: 'zone.move' as const } : {}),
          ...(header && isFacilitator ? { zone: header.id } : {}),
        };
        ui.setState({ panning: true });
      }
    };

    const onPointerMove = (event: PointerEvent) => {
      const p = local(event);
      const point = toBoard(p);
      sendCursor(point);
      ui.setState({ pointer: point });
      if (pointers.has(event.pointerId)) pointers.set(event.pointerId, p);
      if (!gesture) {
        if (event.target === element || event.target instanceof HTMLCanvasElement) {
          element.style.cursor = ui.getState().spaceHeld ? 'grab' : cursorOver(hitAt(point));
        }
        return;
      }
      switch (gesture.kind) {
        case 'refused': {
          if (dragged(gesture.start, p)) explain(gesture.action);
          return;
        }
        case 'pan': {
          if (gesture.refused && dragged(gesture.start, p)) explain(gesture.refused);
          const v = gesture.viewport;
          ui.setState({
            viewport: { ...v, x: v.x + p.x - gesture.start.x, y: v.y + p.y - gesture.start.y },
          });
          element.style.cursor = 'grabbing';
          return;
        }
        case 'pinch': {
          const [a, b] = [...pointers.values()];
          if (!a || !b) return;
          const ratio = Math.hypot(a.x - b.x, a.y - b.y) / gesture.distance;
          const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
          const zoomed = zoomAt(
            gesture.viewport,
            gesture.mid.x,
            gesture.mid.y,
            gesture.viewport.scale * ratio,
          );
          ui.setState({
            viewport: {
              ...zoomed,
              x: zoomed.x + mid.x - gesture.mid.x,
              y: zoomed.y + mid.y - gesture.mid.y,
            },
          });
          return;
        }
        case 'marquee': {
          const marquee = rectFromPoints(gesture.start, point);
          const hits = board
            .getSnapshot()
            .notes.filter((n) => rectsIntersect(n, marquee))
            .map((n) => n.id);
          ui.setState({ marquee });
          select(ui, [...gesture.base, ...hits]);
          return;
        }
        case 'move': {
          const dx = point.x - gesture.start.x;
          const dy = point.y - gesture.start.y;
          if (!gesture.moved && Math.hypot(dx, dy) * ui.getState().viewport.scale < 3) return;
          gesture.moved = true;
          const preview = new Map<string, Rect>();
          for (const [id, r] of gesture.origins)
            preview.set(id, { ...r, x: Math.round(r.x + dx), y: Math.round(r.y + dy) });
          ui.setState({ preview });
          writePreview();
          return;
        }
        case 'move-zone': {
          const dx = Math.round(point.x - gesture.start.x);
          const dy = Math.round(point.y - gesture.start.y);
          const preview = new Map<string, Rect>();
          const o = gesture.origin;
          preview.set(gesture.id, { ...o, x: o.x + dx, y: o.y + dy });
          for (const [id, r] of gesture.carried)
            preview.set(id, { ...r, x: r.x + dx, y: r.y + dy });
          ui.setState({ preview });
          writePreview();
          return;
        }
        default: {
          const dx = point.x - gesture.start.x;
          const dy = point.y - gesture.start.y;
          const o = gesture.origin;
          const min =
            gesture.kind === 'resize-note'
              ? { width: NOTE_MIN_SIZE, height: NOTE_MIN_SIZE }
              : gesture.min;
          const rect = {
            ...o,
            width: Math.round(Math.max(min.width, o.width + dx)),
            height: Math.round(Math.max(min.height, o.height + dy)),
          };
          ui.setState({ preview: new Map([[gesture.id, rect]]) });
          writePreview();
        }
      }
    };

    const onPointerUp = (event: PointerEvent) => {
      pointers.delete(event.pointerId);
      if (element.hasPointerCapture(event.pointerId))
        element.releasePointerCapture(event.pointerId);
      const ended = gesture;
      if (!ended || (ended.kind === 'pinch' && pointers.size > 0)) return;
      writePreview.flush();
      gesture = undefined;
      const click = ended.kind === 'refused' || (ended.kind === 'move' && !ended.moved);
      if (click && ended.clicked) select(ui, [ended.clicked]);
      if (ended.kind === 'pan' && ended.zone && !dragged(ended.start, local(event))) {
        selectZone(ui, ended.zone);
      }
      if (ended.kind === 'move' && ended.moved)
        rememberZone(ended.clicked ?? ended.origins.keys().next().value);
      ui.setState({ preview: undefined, marquee: undefined, panning: false });
      element.style.cursor = '';
    };

    const onLeave = () => {
      sendCursor(null);
      ui.setState({ pointer: undefined });
    };

    /** The zone a note the person just moved is in becomes where "Add note" aims. */
    const rememberZone = (noteId: string | undefined) => {
      const { zones, byId } = board.getSnapshot();
      const note = noteId ? byId.get(noteId) : undefined;
      const zone = note && zoneOfNote(zones, note);
      if (zone) ui.setState({ lastZoneId: zone.id });
    };

    const onDoubleClick = (event: MouseEvent) => {
      if (event.target !== element && !(event.target instanceof HTMLCanvasElement)) return;
      const point = toBoard(local(event));
      const hit = hitAt(point);
      if (hit.kind === 'note') {
        editNote(ctx, hit.note);
        return;
      }
      const header = isFacilitator && zoneHeaderAt(board.getSnapshot().zones, point.x, point.y);
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
      writePreview.flush();
      sendCursor.cancel();
    };
  }, [ctx, container]);
}
