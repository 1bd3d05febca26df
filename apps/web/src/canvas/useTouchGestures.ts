import { type RefObject, useEffect } from 'react';
import { select } from '../state/ui';
import { addNoteAt, editNote } from '../ui/actions';
import type { BoardContextValue } from '../ui/boardContext';
import { votes } from '../ui/voteActions';
import { hitAt as hitOnBoard } from './gestures/pick';
import { LONG_PRESS_MS, type Point, TouchGestures } from './touchGestures';
import { boardToScreen, screenToBoard } from './viewport';

/** A note's actions asked for at a point of the canvas (CSS px from its top left corner). */
export interface NoteActionsRequest {
  noteId: string;
  x: number;
  y: number;
}

/** How long after a double tap a dblclick is taken to be the browser's copy of it. */
const DBLCLICK_ECHO_MS = 600;

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.closest('input, textarea, select, dialog[open]') !== null)
  );
}

/**
 * Fingers on the board, beside usePointerTools (which drags, pans and pinches for every kind of
 * pointer): a long press on a note asks for its actions, a double tap edits a note or adds one
 * on empty board. A right click, the context-menu key or Shift+F10 ask for the actions too.
 * Browsers differ in whether a double tap also fires dblclick; when it does, that copy is
 * swallowed here so the note is not added twice.
 */
export function useTouchGestures(
  ctx: BoardContextValue,
  container: RefObject<HTMLDivElement | null>,
  onActions: (request: NoteActionsRequest) => void,
): void {
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const { ui, board } = ctx;
    const touch = new TouchGestures();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let doubleTappedAt = Number.NEGATIVE_INFINITY;
    // Set once a touch has been a long press or a double tap: the mouse events and click the
    // browser makes of it afterwards would land on the board and take the focus away.
    let handled = false;

    const onBoard = (event: Event) =>
      event.target === element || event.target instanceof HTMLCanvasElement;
    const local = (event: { clientX: number; clientY: number }): Point => {
      const box = element.getBoundingClientRect();
      return { x: event.clientX - box.left, y: event.clientY - box.top };
    };
    const hitAt = (p: Point) => {
      const point = screenToBoard(ui.getState().viewport, p.x, p.y);
      return { hit: hitOnBoard(ctx, point), point };
    };
    const askForActions = (p: Point): boolean => {
      const { hit } = hitAt(p);
      if (hit.kind !== 'note' || !ctx.canEdit) return false;
      select(ui, [hit.note.id]);
      onActions({ noteId: hit.note.id, x: p.x, y: p.y });
      return true;
    };
    const stopTimer = () => {
      clearTimeout(timer);
      timer = undefined;
    };

    const onPointerDown = (event: PointerEvent) => {
      if (event.pointerType === 'mouse' || !onBoard(event)) return;
      const p = local(event);
      touch.pointerDown(event.pointerId, p);
      stopTimer();
      timer = setTimeout(() => {
        const at = touch.longPress();
        if (at) handled = askForActions(at);
      }, LONG_PRESS_MS);
    };
    const onPointerMove = (event: PointerEvent) => {
      if (event.pointerType !== 'mouse') touch.pointerMove(event.pointerId, local(event));
    };
    const onPointerUp = (event: PointerEvent) => {
      if (event.pointerType === 'mouse') return;
      stopTimer();
      const p = local(event);
      if (touch.pointerUp(event.pointerId, p, event.timeStamp) !== 'double-tap') return;
      doubleTappedAt = performance.now();
      handled = true;
      const { hit, point } = hitAt(p);
      // In a vote, a double tap on a card is two dots, not an edit.
      if (hit.kind === 'note' && votes(ctx)) return;
      if (hit.kind === 'note') editNote(ctx, hit.note);
      else if (hit.kind === 'empty') addNoteAt(ctx, point.x, point.y);
    };
    const onPointerCancel = (event: PointerEvent) => {
      stopTimer();
      touch.pointerCancel(event.pointerId);
    };
    const onTouchEnd = (event: TouchEvent) => {
      if (handled) event.preventDefault();
      if (event.touches.length === 0) handled = false;
    };
    // Capture phase: runs before usePointerTools' dblclick listener on the same element.
    const onDoubleClick = (event: MouseEvent) => {
      if (performance.now() - doubleTappedAt < DBLCLICK_ECHO_MS) event.stopPropagation();
    };
    const onContextMenu = (event: MouseEvent) => {
      if (!onBoard(event)) return;
      // A long press is handled by the timer; the browser's own menu has nothing for the board.
      event.preventDefault();
      if (event.button === 2 && !timer) askForActions(local(event));
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const asks = event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10');
      const { selection } = ui.getState();
      const note = selection.length === 1 && board.getSnapshot().byId.get(selection[0] ?? '');
      if (!asks || !note || !ctx.canEdit || isTyping(event.target)) return;
      event.preventDefault();
      const { viewport } = ui.getState();
      const centre = boardToScreen(viewport, note.x + note.width / 2, note.y + note.height / 2);
      onActions({ noteId: note.id, x: centre.x, y: centre.y });
    };

    element.addEventListener('pointerdown', onPointerDown);
    element.addEventListener('pointermove', onPointerMove);
    element.addEventListener('pointerup', onPointerUp);
    element.addEventListener('pointercancel', onPointerCancel);
    element.addEventListener('touchend', onTouchEnd);
    element.addEventListener('dblclick', onDoubleClick, true);
    element.addEventListener('contextmenu', onContextMenu);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      stopTimer();
      element.removeEventListener('pointerdown', onPointerDown);
      element.removeEventListener('pointermove', onPointerMove);
      element.removeEventListener('pointerup', onPointerUp);
      element.removeEventListener('pointercancel', onPointerCancel);
      element.removeEventListener('touchend', onTouchEnd);
      element.removeEventListener('dblclick', onDoubleClick, true);
      element.removeEventListener('contextmenu', onContextMenu);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [ctx, container, onActions]);
}
