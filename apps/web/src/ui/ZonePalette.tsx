import { PALETTE_GROUPS, ZONE_PALETTE } from '@dartboard/board';
import { ZONE_FALLBACK, ZONE_THEME } from '../canvas/theme';
import { useBoardContext } from './boardContext';
import { onMenuKeyDown, useMenuButton } from './menuKeys';
import { addZoneFromPalette } from './zoneActions';

/**
 * The facilitator's "Add zone": a menu of every zone kind, grouped by method (DART, SPIN, the
 * journey's steps, a free zone). The ARIA menu pattern, as MoreMenu.
 */
export function ZonePalette() {
  const ctx = useBoardContext();
  const { open, setOpen, button, menu, id, close } = useMenuButton();

  return (
    <div className="menu-anchor">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? id : undefined}
        title="Add a zone: DART, SPIN, a journey step or a free one"
        onClick={() => setOpen(open ? false : 'first')}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(event.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        Add zone
      </button>
      {open && (
        <div
          ref={menu}
          id={id}
          className="menu menu-up zone-palette"
          role="menu"
          aria-label="Add zone"
          onKeyDown={(event) => onMenuKeyDown(event, close)}
        >
          {PALETTE_GROUPS.map((group) => (
            // biome-ignore lint/a11y/useSemanticElements: a group of menu items (the ARIA menu pattern), not form fields
            <div key={group} role="group" aria-labelledby={`${id}-${group}`}>
              <div id={`${id}-${group}`} className="zone-palette-group" aria-hidden="true">
                {group}
              </div>
              {ZONE_PALETTE.filter((entry) => entry.group === group).map((entry) => (
                <button
                  key={entry.kind}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  onClick={() => {
                    close();
                    addZoneFromPalette(ctx, entry.kind);
                  }}
                >
                  <span
                    className="zone-swatch"
                    aria-hidden="true"
                    style={{ background: (ZONE_THEME[entry.kind] ?? ZONE_FALLBACK).stroke }}
                  />
                  {entry.title}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
