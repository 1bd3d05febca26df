import { may, TITLE_MAX_LENGTH } from '@dartboard/board';
import { useEffect, useRef, useState } from 'react';
import { useBoardSnapshot } from '../sync/hooks';
import { renameSession } from './actions';
import { useBoardContext } from './boardContext';
import './titles.css';

/**
 * The session title in the top bar. The facilitator edits it in place: "Edit title" or a
 * double-click opens a field; Enter (or leaving the field) saves, Escape cancels.
 */
export function SessionTitle({ fallback }: { fallback: string }) {
  const ctx = useBoardContext();
  const { meta } = useBoardSnapshot(ctx.board);
  const title = meta.title || fallback;
  const [draft, setDraft] = useState<string>();
  const editButton = useRef<HTMLButtonElement>(null);
  // Enter and Escape also blur the field as it goes: only the first way out counts.
  const closed = useRef(true);
  const refocus = useRef(false);
  const canEdit = may(ctx.role, 'meta.write');

  useEffect(() => {
    if (draft !== undefined || !refocus.current) return;
    refocus.current = false;
    editButton.current?.focus();
  }, [draft]);

  const open = () => {
    closed.current = false;
    setDraft(title);
  };

  /** Leaves the field, saving unless cancelled; from the keyboard, focus goes to Edit title. */
  const finish = (save: boolean, fromKeyboard: boolean) => {
    if (closed.current || draft === undefined) return;
    closed.current = true;
    if (save && draft.trim() !== '' && draft !== title) renameSession(ctx, draft);
    refocus.current = fromKeyboard;
    setDraft(undefined);
  };

  if (canEdit && draft !== undefined) {
    return (
      <input
        className="board-title-input"
        aria-label="Session title"
        value={draft}
        maxLength={TITLE_MAX_LENGTH}
        // biome-ignore lint/a11y/noAutofocus: opened on purpose with Edit title
        autoFocus
        onFocus={(event) => event.target.select()}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => finish(true, false)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') finish(true, true);
          else if (event.key === 'Escape') finish(false, true);
          else return;
          event.preventDefault();
        }}
      />
    );
  }
  return (
    <>
      <h1
        className="board-title"
        onDoubleClick={canEdit ? open : undefined}
        title={canEdit ? 'Double-click to edit the title' : undefined}
      >
        {title}
      </h1>
      {canEdit && (
        <button
          type="button"
          ref={editButton}
          className="quiet title-edit"
          aria-label="Edit title"
          title="Edit title"
          onClick={open}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path
              d="M11.5 2.5l2 2L6 12l-2.75.75L4 10z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeLinejoin="round"
            />
          </svg>
        </button>
      )}
    </>
  );
}
