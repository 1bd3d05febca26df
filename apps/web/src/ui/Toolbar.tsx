import { may, NOTE_COLORS, type Note } from '@dartboard/board';
import { useRef } from 'react';
import { useStore } from 'zustand';
import { useBoardSnapshot } from '../sync/hooks';
import { AddCardMenu } from './AddCardMenu';
import {
  addNoteFromButton,
  colorSelection,
  deleteSelection,
  mayOnNote,
  resetZoom,
  toggleLock,
  zoomIn,
  zoomOut,
  zoomToFit,
} from './actions';
import { useBoardContext } from './boardContext';
import { AnswerButton, CardFields } from './CardFields';
import { useZoomPercent } from './useZoomPercent';
import { ZonePalette } from './ZonePalette';
import { removeZone } from './zoneActions';

const COLOR_NAMES = Object.keys(NOTE_COLORS) as (keyof typeof NOTE_COLORS)[];

/** The facilitator's Lock / Unlock button for the selected notes or zone. */
function LockButton({ locked }: { locked: boolean }) {
  const ctx = useBoardContext();
  return (
    <button
      type="button"
      aria-pressed={locked}
      onClick={() => toggleLock(ctx)}
      title={`${locked ? 'Unlock' : 'Lock'}: ${locked ? 'everyone may change it again' : 'only the facilitator may change it'} (Ctrl+Shift+L)`}
    >
      {locked ? 'Unlock' : 'Lock'}
    </button>
  );
}

/**
 * Add notes (and for the facilitator, zones), and act on the selection: colour, delete, and
 * (facilitator) lock, or remove the selected zone. What the person may not do to a locked note
 * is not offered. Hidden entirely for viewers (and for customers once the facilitator ended the
 * session read-only).
 */
export function Toolbar() {
  const ctx = useBoardContext();
  const selection = useStore(ctx.ui, (s) => s.selection);
  const selectedZoneId = useStore(ctx.ui, (s) => s.selectedZoneId);
  const { byId, zones, session } = useBoardSnapshot(ctx.board);
  const addNoteButton = useRef<HTMLButtonElement>(null);
  // Gone for viewers, and for everyone but the facilitator once the session ended read-only.
  if (!ctx.canEdit || !may(ctx.role, 'note.create', false, session.end.readOnly)) return null;
  const selectedNotes = selection.flatMap((id) => byId.get(id) ?? []);
  const changeable = selectedNotes.filter((note) => mayOnNote(ctx, note));
  const selectedColors = new Set(changeable.map((note) => note.color));
  const current = selectedColors.size === 1 ? [...selectedColors][0] : undefined;
  const isFacilitator = ctx.role === 'facilitator';
  const zone = zones.find((z) => z.id === selectedZoneId);
  return (
    <div className="toolbar" role="toolbar" aria-label="Board tools">
      <div className="split">
        <button
          ref={addNoteButton}
          type="button"
          className="primary split-start"
          onClick={() => addNoteFromButton(ctx)}
          title="Add note (N)"
        >
          Add note
        </button>
        <AddCardMenu />
      </div>
      {may(ctx.role, 'zone.create') && <ZonePalette />}
      {zone && isFacilitator && (
        <>
          <span className="divider" aria-hidden="true" />
          <span className="toolbar-label">{zone.title || 'Untitled zone'}</span>
          <LockButton locked={zone.locked} />
          {may(ctx.role, 'zone.delete') && (
            <button
              type="button"
              title="Remove the zone; its notes stay on the board"
              onClick={() => {
                // The button goes with the zone: focus stays in the toolbar.
                if (removeZone(ctx, zone, (question) => window.confirm(question))) {
                  addNoteButton.current?.focus();
                }
              }}
            >
              Remove zone
            </button>
          )}
        </>
      )}
      {selectedNotes.length > 0 && changeable.length === 0 && (
        <>
          <span className="divider" aria-hidden="true" />
          <span className="toolbar-label">Locked by the facilitator</span>
        </>
      )}
      {isFacilitator && selectedNotes.length > 0 && (
        <>
          <span className="divider" aria-hidden="true" />
          <LockButton locked={selectedNotes.every((note) => note.locked)} />
        </>
      )}
      {changeable.length > 0 && (
        <>
          <span className="divider" aria-hidden="true" />
          <button type="button" onClick={() => deleteSelection(ctx)} title="Delete (Del)">
            {changeable.length > 1 ? `Delete ${changeable.length} notes` : 'Delete note'}
          </button>
          <span className="divider" aria-hidden="true" />
          <fieldset className="swatches">
            <legend className="visually-hidden">Note colour</legend>
            {COLOR_NAMES.map((name) => (
              <button
                key={name}
                type="button"
                className="swatch"
                style={{ background: NOTE_COLORS[name] }}
                aria-label={`Colour ${name}`}
                aria-pressed={current === NOTE_COLORS[name]}
                onClick={() => colorSelection(ctx, NOTE_COLORS[name])}
              />
            ))}
          </fieldset>
        </>
      )}
      {selectedNotes.length === 1 && selectedNotes[0] && (
        <SelectedCard note={selectedNotes[0]} editable={changeable.length === 1} />
      )}
    </div>
  );
}

/**
 * The one selected note's kind and details (CardFields) when it may be changed, and "Answer" on
 * a question, which anyone who may add notes may press, on a locked question too.
 */
function SelectedCard({ note, editable }: { note: Note; editable: boolean }) {
  const ctx = useBoardContext();
  if (!editable && note.card.kind !== 'question') return null;
  return (
    <>
      <span className="divider" aria-hidden="true" />
      {editable && (
        // biome-ignore lint/a11y/useSemanticElements: a group of toolbar controls, as the colours
        <div className="card-tools" role="group" aria-label="Card">
          <CardFields ctx={ctx} note={note} compact />
        </div>
      )}
      <AnswerButton ctx={ctx} note={note} />
    </>
  );
}

/** A frame with arrows into its corners: "Zoom to fit" kept small enough for a phone. */
function FitIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      <path
        d="M2 6V2h4M12 2h4v4M16 12v4h-4M6 16H2v-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** Zoom in, the zoom in per cent (press: back to 100 %), zoom out and fit, stacked. */
export function ZoomControls() {
  const ctx = useBoardContext();
  const percent = useZoomPercent(ctx.ui);
  return (
    <fieldset className="zoom">
      <legend className="visually-hidden">Zoom</legend>
      <button type="button" aria-label="Zoom in" title="Zoom in (+)" onClick={() => zoomIn(ctx.ui)}>
        +
      </button>
      <button
        type="button"
        className="zoom-level"
        aria-label={`Zoom ${percent}%, reset to 100%`}
        title="Reset zoom (0)"
        onClick={() => resetZoom(ctx.ui)}
      >
        {percent}%
      </button>
      <button
        type="button"
        aria-label="Zoom out"
        title="Zoom out (-)"
        onClick={() => zoomOut(ctx.ui)}
      >
        −
      </button>
      <button
        type="button"
        aria-label="Zoom to fit"
        title="Zoom to fit (Shift+1)"
        onClick={() => zoomToFit(ctx)}
      >
        <FitIcon />
      </button>
    </fieldset>
  );
}
