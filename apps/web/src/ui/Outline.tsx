import {
  groupNotesByZone,
  may,
  type Note,
  OUTSIDE_SECTION_TITLE,
  type Zone,
} from '@dartboard/board';
import { useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useBoardSnapshot } from '../sync/hooks';
import { mayOnNote } from './actions';
import { type BoardContextValue, useBoardContext } from './boardContext';
import { OUTSIDE, OutlineNote } from './OutlineNote';
import { moveBetweenItems, useKeptFocus } from './outlineFocus';
import { ZoneTextForm } from './ZoneTextForm';
import './titles.css';

/** Long groups show this many notes until "Show all" is pressed, so huge boards stay fast. */
const GROUP_PREVIEW = 100;

function Group({
  ctx,
  id,
  zone,
  notes,
  zones,
  selection,
  tabStop,
}: {
  ctx: BoardContextValue;
  id: string;
  /** Undefined for the notes outside every zone. */
  zone: Zone | undefined;
  notes: readonly Note[];
  zones: readonly Zone[];
  selection: ReadonlySet<string>;
  tabStop: string | undefined;
}) {
  const [showAll, setShowAll] = useState(false);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const shown = showAll ? notes : notes.slice(0, GROUP_PREVIEW);
  const headingId = `outline-group-${id || 'outside'}`;
  const title = zone ? zone.title || 'Untitled zone' : OUTSIDE_SECTION_TITLE;
  const canRename = zone !== undefined && may(ctx.role, 'zone.rename', zone.locked);
  return (
    <section aria-labelledby={headingId} className="outline-group">
      <div className="outline-group-head">
        <h3 id={headingId}>
          {title} <span className="count">({notes.length})</span>
        </h3>
        {canRename && (
          <button
            type="button"
            ref={editButton}
            className="quiet small"
            aria-expanded={editing}
            onClick={() => setEditing(true)}
          >
            Edit zone
          </button>
        )}
      </div>
      {zone && editing ? (
        <ZoneTextForm
          ctx={ctx}
          zone={zone}
          onDone={() => {
            // Back to the button before the form goes, so focus is never dropped.
            editButton.current?.focus();
            setEditing(false);
          }}
        />
      ) : (
        zone?.prompt && <p className="muted small">{zone.prompt}</p>
      )}
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
              tabStop={note.id === tabStop}
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
 *
 * Plain lists of buttons under one heading per zone, rather than a tree or listbox: those roles
 * may not hold the text field and zone picker shown under the selected note, while headings,
 * lists and toggle buttons read well in every screen reader's browse mode. A roving tabindex
 * makes the notes one stop for Tab, with Up, Down, Home and End between them; the canvas never
 * sees those keys (data-own-arrows, see useKeyboard).
 */
export function Outline() {
  const ctx = useBoardContext();
  const root = useRef<HTMLElement>(null);
  const { zones, notes } = useBoardSnapshot(ctx.board);
  const selectionList = useStore(ctx.ui, (s) => s.selection);
  const selection = useMemo(() => new Set(selectionList), [selectionList]);
  const groups = useMemo(() => groupNotesByZone(zones, notes), [zones, notes]);
  const [current, setCurrent] = useState<string>();
  useKeptFocus(root);

  // In outline order: the note last focused if it is still there, else the first one.
  const ordered = useMemo(
    () => [...zones.flatMap((zone) => groups.byZone.get(zone.id) ?? []), ...groups.outside],
    [zones, groups],
  );
  const tabStop = ordered.some((note) => note.id === current) ? current : ordered[0]?.id;

  return (
    <section
      className="outline"
      aria-label="Outline"
      ref={root}
      tabIndex={-1}
      data-own-arrows=""
      onFocus={(event) => {
        if (event.target.hasAttribute('data-outline-item')) {
          setCurrent(event.target.id.replace(/^outline-note-/, ''));
        }
      }}
      onKeyDown={(event) => {
        if (root.current) moveBetweenItems(root.current, event);
      }}
    >
      <h2>Outline</h2>
      <p className="muted small">
        {notes.length === 1 ? '1 note' : `${notes.length} notes`} in {zones.length} zones
      </p>
      {zones.map((zone) => (
        <Group
          key={zone.id}
          ctx={ctx}
          id={zone.id}
          zone={zone}
          notes={groups.byZone.get(zone.id) ?? []}
          zones={zones}
          selection={selection}
          tabStop={tabStop}
        />
      ))}
      <Group
        ctx={ctx}
        id={OUTSIDE}
        zone={undefined}
        notes={groups.outside}
        zones={zones}
        selection={selection}
        tabStop={tabStop}
      />
    </section>
  );
}
