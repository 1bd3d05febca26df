import { may, NOTE_COLORS, type Note } from '@dartboard/board';
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type NoteActionsRequest, useTouchGestures } from '../canvas/useTouchGestures';
import { useBoardSnapshot } from '../sync/hooks';
import {
  colorSelection,
  deleteSelection,
  editNote,
  explainRefusal,
  mayOnNote,
  toggleLock,
} from './actions';
import { useBoardContext } from './boardContext';
import { answerQuestion } from './cardActions';
import { focusItem, onMenuKeyDown, useOutsidePress } from './menuKeys';

const COLOR_NAMES = Object.keys(NOTE_COLORS) as (keyof typeof NOTE_COLORS)[];
/** Room kept between the menu and the canvas's edges (CSS px). */
const MARGIN = 8;

/**
 * A note's actions in a small menu where the note was pressed: a long press with a finger, a
 * right click, or the context-menu key on the selected note. The same actions as the toolbar,
 * within reach of the thumb that asked.
 */
export function NoteActions({ container }: { container: RefObject<HTMLDivElement | null> }) {
  const ctx = useBoardContext();
  const [request, setRequest] = useState<NoteActionsRequest>();
  const onActions = useCallback(
    (next: NoteActionsRequest) => {
      // A locked note offers nothing to change but to the facilitator: say so instead.
      const asked = ctx.board.getSnapshot().byId.get(next.noteId);
      if (asked && !mayOnNote(ctx, asked) && !may(ctx.role, 'lock')) {
        explainRefusal(ctx, 'note.edit');
        return;
      }
      setRequest(next);
    },
    [ctx],
  );
  useTouchGestures(ctx, container, onActions);
  const { byId } = useBoardSnapshot(ctx.board);
  const note = request && byId.get(request.noteId);

  // The menu stands where the note was: once the board pans or zooms, or the note is dragged
  // away, it goes.
  useEffect(() => {
    if (!request) return;
    return ctx.ui.subscribe((state, previous) => {
      if (state.viewport !== previous.viewport || (state.preview && !previous.preview)) {
        setRequest(undefined);
      }
    });
  }, [ctx.ui, request]);

  if (!request || !note) return null;
  return <NoteMenu note={note} at={request} onClose={() => setRequest(undefined)} />;
}

function NoteMenu({
  note,
  at,
  onClose,
}: {
  note: Note;
  at: { x: number; y: number };
  onClose: () => void;
}) {
  const ctx = useBoardContext();
  const menu = useRef<HTMLDivElement>(null);
  const insideRefs = useRef([menu]).current;
  const [place, setPlace] = useState({ left: at.x, top: at.y });
  const returnFocus = useRef<Element | null>(null);

  // Inside the canvas, beside the finger rather than under it when there is room.
  useLayoutEffect(() => {
    const element = menu.current;
    const parent = element?.parentElement;
    if (!element || !parent) return;
    const maxLeft = parent.clientWidth - element.offsetWidth - MARGIN;
    const maxTop = parent.clientHeight - element.offsetHeight - MARGIN;
    setPlace({
      left: Math.max(MARGIN, Math.min(at.x + 12, maxLeft)),
      top: Math.max(MARGIN, Math.min(at.y + 12, maxTop)),
    });
  }, [at]);
  useEffect(() => {
    returnFocus.current = document.activeElement;
    focusItem(menu.current, 'first');
  }, []);
  const close = useCallback(() => {
    onClose();
    if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
  }, [onClose]);
  useOutsidePress(insideRefs, true, onClose);

  const mayEdit = mayOnNote(ctx, note);
  const mayDelete = mayOnNote(ctx, note, 'note.delete');
  const choose = (action: () => void) => () => {
    close();
    action();
  };
  return (
    <div
      ref={menu}
      className="menu note-actions"
      role="menu"
      aria-label="Note actions"
      style={place}
      onKeyDown={(event) => onMenuKeyDown(event, close)}
    >
      {mayEdit && (
        <button
          type="button"
          role="menuitem"
          tabIndex={-1}
          onClick={choose(() => editNote(ctx, note))}
        >
          Edit text
        </button>
      )}
      {note.card.kind === 'question' && ctx.canEdit && (
        <button
          type="button"
          role="menuitem"
          tabIndex={-1}
          onClick={choose(() => answerQuestion(ctx, note))}
        >
          Answer
        </button>
      )}
      {mayEdit && (
        <fieldset className="note-actions-colours">
          <legend className="visually-hidden">Note colour</legend>
          {COLOR_NAMES.map((name) => (
            <button
              key={name}
              type="button"
              role="menuitemradio"
              tabIndex={-1}
              className="swatch"
              style={{ background: NOTE_COLORS[name] }}
              aria-label={`Colour ${name}`}
              aria-checked={note.color === NOTE_COLORS[name]}
              onClick={choose(() => colorSelection(ctx, NOTE_COLORS[name]))}
            />
          ))}
        </fieldset>
      )}
      {may(ctx.role, 'lock') && (
        <button type="button" role="menuitem" tabIndex={-1} onClick={choose(() => toggleLock(ctx))}>
          {note.locked ? 'Unlock' : 'Lock'}
        </button>
      )}
      {mayDelete && (
        <button
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="note-actions-delete"
          onClick={choose(() => deleteSelection(ctx))}
        >
          Delete note
        </button>
      )}
    </div>
  );
}
