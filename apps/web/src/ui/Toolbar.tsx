import { NOTE_COLORS } from '@dartboard/board';
import { useStore } from 'zustand';
import { useBoardSnapshot } from '../sync/hooks';
import {
  addNoteInView,
  colorSelection,
  deleteSelection,
  resetZoom,
  zoomIn,
  zoomOut,
  zoomToFit,
} from './actions';
import { useBoardContext } from './boardContext';

const COLOR_NAMES = Object.keys(NOTE_COLORS) as (keyof typeof NOTE_COLORS)[];

/** Add notes, and act on the selection: colour and delete. Hidden entirely for viewers. */
export function Toolbar() {
  const ctx = useBoardContext();
  const selection = useStore(ctx.ui, (s) => s.selection);
  const { byId } = useBoardSnapshot(ctx.board);
  if (!ctx.canEdit) return null;
  const selectedColors = new Set(selection.map((id) => byId.get(id)?.color));
  const current = selectedColors.size === 1 ? [...selectedColors][0] : undefined;
  return (
    <div className="toolbar" role="toolbar" aria-label="Board tools">
      <button
        type="button"
        className="primary"
        onClick={() => addNoteInView(ctx)}
        title="Add note (N)"
      >
        Add note
      </button>
      {selection.length > 0 && (
        <>
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
          <span className="divider" aria-hidden="true" />
          <button type="button" onClick={() => deleteSelection(ctx)} title="Delete (Del)">
            {selection.length > 1 ? `Delete ${selection.length} notes` : 'Delete note'}
          </button>
        </>
      )}
    </div>
  );
}

export function ZoomControls() {
  const ctx = useBoardContext();
  const scale = useStore(ctx.ui, (s) => s.viewport.scale);
  return (
    <fieldset className="zoom">
      <legend className="visually-hidden">Zoom</legend>
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
        aria-label={`Zoom ${Math.round(scale * 100)}%, reset to 100%`}
        title="Reset zoom (0)"
        onClick={() => resetZoom(ctx.ui)}
      >
        {Math.round(scale * 100)}%
      </button>
      <button type="button" aria-label="Zoom in" title="Zoom in (+)" onClick={() => zoomIn(ctx.ui)}>
        +
      </button>
      <button type="button" title="Zoom to fit (Shift+1)" onClick={() => zoomToFit(ctx)}>
        Zoom to fit
      </button>
    </fieldset>
  );
}
