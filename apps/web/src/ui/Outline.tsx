import {
  answersByQuestion,
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
  answers,
}: {
  ctx: BoardContextValue;
  id: string;
  /** Undefined for the notes outside every zone. */
  zone: Zone | undefined;
  notes: readonly Note[];
  zones: readonly Zone[];
  selection: ReadonlySet<string>;
  tabStop: string | undefined;
  /** Every question's answers (answersByQuestion). */
  answers: ReadonlyMap<string, readonly Note[]>;
}) {
  const [showAll, setShowAll] = useState(false);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  // A question's answers in this zone are listed under it rather than on their own.
  const nested = useMemo(() => answersIn(notes, answers), [notes, answers]);
  const listed = notes.filter((note) => !nested.answered.has(note.id));
  const shown = showAll ? listed : listed.slice(0, GROUP_PREVIEW);
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
          {shown.map((note) => {
            const alone = selection.size === 1 && selection.has(note.id);
            const item = (each: Note, nestedAnswers?: readonly Note[]) => (
              <OutlineNote
                key={each.id}
                ctx={ctx}
                note={each}
                zoneId={id}
                zones={zones}
                selected={selection.has(each.id)}
                editable={mayOnNote(ctx, each) && selection.size === 1 && selection.has(each.id)}
                answerable={each === note && alone && ctx.canEdit && note.card.kind === 'question'}
                tabStop={each.id === tabStop}
                answers={
                  nestedAnswers && nestedAnswers.length > 0 ? (
                    <ul
                      className="outline-answers"
                      aria-label={`Answers (${nestedAnswers.length})`}
                    >
                      {nestedAnswers.map((answer) => item(answer))}
                    </ul>
                  ) : undefined
                }
              />
            );
            return item(note, nested.byQuestion.get(note.id));
          })}
        </ul>
      )}
      {shown.length < listed.length && (
        <button type="button" className="quiet" onClick={() => setShowAll(true)}>
          Show all {listed.length} notes
        </button>
      )}
    </section>
  );
}

/** The answers to each question of `notes` that lie in `notes` too, and which notes they are. */
function answersIn(notes: readonly Note[], answers: ReadonlyMap<string, readonly Note[]>) {
  const here = new Set(notes.map((note) => note.id));
  const byQuestion = new Map<string, Note[]>();
  const answered = new Set<string>();
  for (const note of notes) {
    const mine = answers.get(note.id)?.filter((answer) => here.has(answer.id));
    if (!mine?.length) continue;
    byQuestion.set(note.id, mine);
    for (const answer of mine) answered.add(answer.id);
  }
  return { byQuestion, answered };
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
  const answers = useMemo(() => answersByQuestion(notes), [notes]);
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
          answers={answers}
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
        answers={answers}
      />
    </section>
  );
}
