import {
  groupNotesByZone,
  NOTE_TEXT_MAX_LENGTH,
  type Note,
  OUTSIDE_SECTION_TITLE,
  setNoteText,
  type Zone,
} from '@dartboard/board';
import { memo, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { select } from '../state/ui';
import { useBoardSnapshot } from '../sync/hooks';
import { mayOnNote, moveNoteToZone, revealNote } from './actions';
import { type BoardContextValue, useBoardContext } from './boardContext';

/** Long groups show this many notes until "Show all" is pressed, so huge boards stay fast. */
const GROUP_PREVIEW = 100;
const OUTSIDE = '';

const OutlineNote = memo(function OutlineNote({
  ctx,
  note,
  zoneId,
  zones,
  selected,
  editable,
}: {
  ctx: BoardContextValue;
  note: Note;
  zoneId: string;
  zones: readonly Zone[];
  selected: boolean;
  /** Shows the text and zone fields: the note is the only one selected and may be edited. */
  editable: boolean;
}) {
  const label = note.text.trim() || 'Empty note';
  return (
    <li className={selected ? 'outline-note-item selected' : 'outline-note-item'}>
      <button
        type="button"
        className="outline-note"
        aria-pressed={selected}
        onClick={() => {
          select(ctx.ui, [note.id]);
          revealNote(ctx, note);
        }}
      >
        <span className="swatch-dot" style={{ background: note.color }} aria-hidden="true" />
        <span className="outline-text">
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
            onChange={(event) => setNoteText(ctx.doc, note.id, event.target.value)}
          />
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
    </li>
  );
});

function Group({
  ctx,
  id,
  title,
  prompt,
  notes,
  zones,
  selection,
}: {
  ctx: BoardContextValue;
  id: string;
  title: string;
  prompt: string;
  notes: readonly Note[];
  zones: readonly Zone[];
  selection: ReadonlySet<string>;
}) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? notes : notes.slice(0, GROUP_PREVIEW);
  const headingId = `outline-group-${id || 'outside'}`;
  return (
    <section aria-labelledby={headingId} className="outline-group">
      <h3 id={headingId}>
        {title} <span className="count">({notes.length})</span>
      </h3>
      {prompt && <p className="muted small">{prompt}</p>}
      {notes.length === 0 ? (
        <p className="muted small">No notes yet.</p>
      ) : (
        <ul>
          {shown.map((note) => (
            <OutlineNote
              key={note.id}
              ctx={ctx}
              note={note}
              zoneId={id}
              zones={zones}
              selected={selection.has(note.id)}
              editable={mayOnNote(ctx, note) && selection.size === 1 && selection.has(note.id)}
            />
          ))}
        </ul>
      )}
      {shown.length < notes.length && (
        <button type="button" className="quiet" onClick={() => setShowAll(true)}>
          Show all {notes.length} notes
        </button>
      )}
    </section>
  );
}

/**
 * The board as a document: zones in board order with their notes, live. For keyboards and
 * screen readers, and for anyone who prefers a list to a canvas.
 */
export function Outline() {
  const ctx = useBoardContext();
  const { zones, notes } = useBoardSnapshot(ctx.board);
  const selectionList = useStore(ctx.ui, (s) => s.selection);
  const selection = useMemo(() => new Set(selectionList), [selectionList]);
  const groups = useMemo(() => groupNotesByZone(zones, notes), [zones, notes]);
  return (
    <section className="outline" aria-label="Outline">
      <h2>Outline</h2>
      <p className="muted small">
        {notes.length === 1 ? '1 note' : `${notes.length} notes`} in {zones.length} zones
      </p>
      {zones.map((zone) => (
        <Group
          key={zone.id}
          ctx={ctx}
          id={zone.id}
          title={zone.title || 'Untitled zone'}
          prompt={zone.prompt}
          notes={groups.byZone.get(zone.id) ?? []}
          zones={zones}
          selection={selection}
        />
      ))}
      <Group
        ctx={ctx}
        id={OUTSIDE}
        title={OUTSIDE_SECTION_TITLE}
        prompt=""
        notes={groups.outside}
        zones={zones}
        selection={selection}
      />
    </section>
  );
}
