import { may, type Zone } from '@dartboard/board';
import { type KeyboardEvent, useLayoutEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { followViewport, selectZone } from '../state/ui';
import { useBoardSnapshot } from '../sync/hooks';
import { addNoteToZone } from '../ui/actions';
import { type BoardContextValue, useBoardContext } from '../ui/boardContext';
import { addCardToZone } from '../ui/cardActions';
import { nudgeZone } from '../ui/zoneActions';

/** Zones narrower than this on screen show no buttons: they would cover the title. */
const MIN_ZONE_WIDTH_ON_SCREEN = 140;
/** From the zone's top-right corner to the buttons, CSS pixels. */
const INSET = 10;

function zoneName(zone: Zone): string {
  return zone.title.trim() || 'Untitled zone';
}

function onHandleKey(ctx: BoardContextValue, zone: Zone, event: KeyboardEvent) {
  const step = event.shiftKey ? 50 : 10;
  const moves: Record<string, [number, number]> = {
    ArrowLeft: [-step, 0],
    ArrowRight: [step, 0],
    ArrowUp: [0, -step],
    ArrowDown: [0, step],
  };
  const move = moves[event.key];
  if (!move) return;
  event.preventDefault();
  event.stopPropagation();
  nudgeZone(ctx, zone, move[0], move[1]);
}

/** The Risk assessment zone's own kinds: a risk card and a benefit card, each one press away. */
function RiskButtons({ ctx, zone, name }: { ctx: BoardContextValue; zone: Zone; name: string }) {
  return (
    <>
      <button
        type="button"
        className="zone-control"
        aria-label={`Add risk to ${name}`}
        title={`Add a risk card to ${name} (R)`}
        onClick={() => addCardToZone(ctx, zone, 'risk')}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M8 2L15 14H1Z" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M8 6.5v3.5M8 11.5v1" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      <button
        type="button"
        className="zone-control"
        aria-label={`Add benefit to ${name}`}
        title={`Add a benefit card to ${name} (B)`}
        onClick={() => addCardToZone(ctx, zone, 'benefit')}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M8 4.5v7M4.5 8h7" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
    </>
  );
}

/**
 * Buttons on each zone, in the DOM over the canvas so they are reachable by keyboard: "Add note
 * to <zone>" for everyone who may add notes (in Risk assessment also "Add risk" and "Add
 * benefit"), and for the facilitator the handle that moves the
 * zone with its notes (dragged, or with the arrow keys once focused). The drag itself is handled
 * with the canvas's other gestures (usePointerTools, `data-zone-move`).
 */
export function ZoneControls() {
  const ctx = useBoardContext();
  const { zones, session } = useBoardSnapshot(ctx.board);
  // Only a zoom renders the buttons again; a pan moves their layer (below), outside React.
  const scale = useStore(ctx.ui, (s) => s.viewport.scale);
  const preview = useStore(ctx.ui, (s) => s.preview);
  const layer = useRef<HTMLDivElement>(null);
  // A session ended read-only leaves the customer nothing to add.
  const shown = ctx.canEdit && may(ctx.role, 'note.create', false, session.end.readOnly);
  useLayoutEffect(() => {
    if (!shown) return;
    return followViewport(ctx.ui, ({ x, y }) => {
      if (layer.current) layer.current.style.transform = `translate(${x}px, ${y}px)`;
    });
  }, [ctx.ui, shown]);
  if (!shown) return null;
  const arranges = may(ctx.role, 'zone.move');
  return (
    <div className="zone-controls" ref={layer}>
      {zones.map((zone) => {
        const moved = { ...zone, ...preview?.get(zone.id) };
        if (moved.width * scale < MIN_ZONE_WIDTH_ON_SCREEN) return null;
        // From the board's origin on screen: the layer is placed there.
        const right = (moved.x + moved.width) * scale - INSET;
        const top = moved.y * scale + INSET;
        const name = zoneName(zone);
        return (
          <div
            key={zone.id}
            className="zone-control-group"
            style={{ transform: `translate(${right}px, ${top}px) translateX(-100%)` }}
          >
            <button
              type="button"
              className="zone-control"
              aria-label={`Add note to ${name}`}
              title={`Add note to ${name}`}
              onClick={() => addNoteToZone(ctx, zone)}
            >
              <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                <path d="M8 2v12M2 8h12" stroke="currentColor" strokeWidth="2" />
              </svg>
            </button>
            {zone.kind === 'risk' && <RiskButtons ctx={ctx} zone={zone} name={name} />}
            {arranges && (
              <button
                type="button"
                className="zone-control zone-handle"
                data-zone-move={zone.id}
                aria-label={`Move zone ${name}`}
                title="Drag to move the zone with its notes, or select it and use the arrow keys"
                onKeyDown={(event) => onHandleKey(ctx, zone, event)}
                onClick={() => selectZone(ctx.ui, zone.id)}
              >
                <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                  {[4, 8, 12].flatMap((y) =>
                    [5, 11].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.5" />),
                  )}
                </svg>
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
