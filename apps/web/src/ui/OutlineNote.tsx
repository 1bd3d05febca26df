import {
  cardSentence,
  NOTE_TEXT_MAX_LENGTH,
  type Note,
  OUTSIDE_SECTION_TITLE,
  type Zone,
} from '@dartboard/board';
import { memo, type ReactNode } from 'react';
import { select } from '../state/ui';
import { moveNoteToZone, revealNote, writeNoteText } from './actions';
import type { BoardContextValue } from './boardContext';
import { AnswerButton, CardFields } from './CardFields';

/** The zone picker's value for "outside every zone". */
export const OUTSIDE = '';

/**
 * One note in the outline: a button that selects it and shows it on the canvas, its card kind
 * and details said first ("Risk, high:"), and, when it is the only note selected and may be
 * edited, its text, its card's kind and details and its zone; a question also offers "Answer"
 * and lists its answers under it (`answers`). The ids of those fields depend only on the note,
 * so focus can find them again when the note changes zone.
 */
export const OutlineNote = memo(function OutlineNote({
  ctx,
  note,
  zoneId,
  zones,
  selected,
  editable,
  answerable = false,
  tabStop,
  answers,
}: {
  ctx: BoardContextValue;
  note: Note;
  zoneId: string;
  zones: readonly Zone[];
  selected: boolean;
  /** Shows the text and zone fields: the note is the only one selected and may be edited. */
  editable: boolean;
  /** Shows "Answer": a question, the only note selected, and this person may add notes. */
  answerable?: boolean;
  /** The outline's one item reached with Tab (the others with the arrow keys). */
  tabStop: boolean;
  /** A question's answers, listed under it. */
  answers?: ReactNode;
}) {
  const label = note.text.trim() || 'Empty note';
  const kind = cardSentence(note.card, new Date().getFullYear());
  return (
    <li
      className={selected ? 'outline-note-item selected' : 'outline-note-item'}
      data-outline-entry=""
    >
      <button
        type="button"
        id={`outline-note-${note.id}`}
        className="outline-note"
        aria-pressed={selected}
        tabIndex={tabStop ? 0 : -1}
        data-outline-item=""
        onClick={() => {
          select(ctx.ui, [note.id]);
          revealNote(ctx, note);
        }}
      >
        <span className="swatch-dot" style={{ background: note.color }} aria-hidden="true" />
        <span className="outline-text">
          {kind && <span className={`card-tag card-${note.card.kind}`}>{kind} </span>}
          {label}
          <span className="outline-author muted small">
            {note.author}
            {note.locked ? ', locked' : ''}
          </span>
        </span>
      </button>
      {editable && (
        <div className="outline-edit">
          <label htmlFor={`outline-text-${note.id}`}>Text</label>
          <textarea
            id={`outline-text-${note.id}`}
            rows={3}
            maxLength={NOTE_TEXT_MAX_LENGTH}
            value={note.text}
            onChange={(event) => writeNoteText(ctx, note.id, event.target.value)}
          />
          <CardFields ctx={ctx} note={note} />
          <label htmlFor={`outline-zone-${note.id}`}>Zone</label>
          <select
            id={`outline-zone-${note.id}`}
            value={zoneId}
            onChange={(event) =>
              moveNoteToZone(
                ctx,
                note.id,
                zones.find((z) => z.id === event.target.value),
              )
            }
          >
            {zones.map((zone) => (
              <option key={zone.id} value={zone.id}>
                {zone.title || 'Untitled zone'}
              </option>
            ))}
            <option value={OUTSIDE}>{OUTSIDE_SECTION_TITLE}</option>
          </select>
        </div>
      )}
      {answerable && (
        <div className="outline-edit">
          <AnswerButton ctx={ctx} note={note} className="small" />
        </div>
      )}
      {answers}
    </li>
  );
});
