import { useEffect } from 'react';
import { select, stopEditing } from '../state/ui';
import {
  addNoteByKey,
  deleteSelection,
  editNote,
  nudgeSelection,
  resetZoom,
  toggleLock,
  zoomIn,
  zoomOut,
  zoomToFit,
} from './actions';
import type { BoardContextValue } from './boardContext';
import { addCardByKey, kindForKey } from './cardActions';
import { duplicateSelection, listenToClipboard } from './clipboard';
import { placeDotOn, takeDotFrom, votes } from './voteActions';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target.closest('dialog[open]') !== null
  );
}

/** Arrow keys in a part of the page that moves focus with them (the outline) are its own. */
function ownsArrows(target: EventTarget | null, key: string): boolean {
  return (
    key.startsWith('Arrow') &&
    target instanceof Element &&
    target.closest('[data-own-arrows]') !== null
  );
}

/**
 * Board shortcuts. Keys typed into a text field, a select or a dialog are left alone, and so
 * are arrow keys in the outline.
 */
export function useKeyboard(ctx: BoardContextValue): void {
  useEffect(() => {
    const { ui } = ctx;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || ownsArrows(event.target, event.key)) return;
      // Space and Enter activate focused buttons and links; leave them that job.
      const activates = event.key === ' ' || event.key === 'Enter';
      if (
        activates &&
        event.target instanceof Element &&
        event.target.closest('button, a, [role="button"]')
      ) {
        return;
      }
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key;
      const { selection } = ui.getState();
      const cardKind = kindForKey(key);
      let handled = true;
      if (key === ' ') {
        ui.setState({ spaceHeld: true });
      } else if (mod && key.toLowerCase() === 'z' && ctx.canEdit) {
        if (event.shiftKey) ctx.undo.redo();
        else ctx.undo.undo();
      } else if (mod && key.toLowerCase() === 'y' && ctx.canEdit) {
        ctx.undo.redo();
      } else if (mod && event.shiftKey && key.toLowerCase() === 'l') {
        toggleLock(ctx);
      } else if (mod && key.toLowerCase() === 'd') {
        // The browser's own Ctrl+D (a bookmark) is not what a person means on a board.
        duplicateSelection(ctx);
      } else if (mod && key.toLowerCase() === 'a') {
        select(
          ui,
          ctx.board.getSnapshot().notes.map((n) => n.id),
        );
      } else if (mod) {
        handled = false;
      } else if ((key === 'n' || key === 'N') && ctx.canEdit) {
        addNoteByKey(ctx);
      } else if (cardKind && !event.altKey && ctx.canEdit) {
        // Q, R, B, I, A, C: a card of that kind, placed as N places a note.
        addCardByKey(ctx, cardKind);
      } else if ((key === 'Delete' || key === 'Backspace') && ctx.canEdit) {
        deleteSelection(ctx);
      } else if (key === 'Escape') {
        stopEditing(ui);
        select(ui, []);
      } else if (key === 'Enter' && selection.length === 1 && selection[0] && votes(ctx)) {
        // In a vote, Enter puts a dot on the selected card, Shift+Enter takes one back.
        if (event.shiftKey) takeDotFrom(ctx, selection[0]);
        else placeDotOn(ctx, selection[0]);
      } else if (key === 'Enter' && selection.length === 1 && selection[0] && ctx.canEdit) {
        const note = ctx.board.getSnapshot().byId.get(selection[0]);
        if (note) editNote(ctx, note);
      } else if (key === '+' || key === '=') {
        zoomIn(ui);
      } else if (key === '-' || key === '_') {
        zoomOut(ui);
      } else if (key === '0') {
        resetZoom(ui);
      } else if (key === '!' || (key === '1' && event.shiftKey)) {
        zoomToFit(ctx);
      } else if (key.startsWith('Arrow') && selection.length > 0 && ctx.canEdit) {
        const step = event.shiftKey ? 50 : 10;
        const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0;
        const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0;
        nudgeSelection(ctx, dx, dy);
      } else {
        handled = false;
      }
      if (handled) event.preventDefault();
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ') ui.setState({ spaceHeld: false });
    };
    const onBlur = () => ui.setState({ spaceHeld: false });
    const stopClipboard = listenToClipboard(ctx);
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    return () => {
      stopClipboard();
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
    };
  }, [ctx]);
}
