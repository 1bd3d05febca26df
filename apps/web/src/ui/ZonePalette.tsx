import { PALETTE_GROUPS, ZONE_PALETTE } from '@dartboard/board';
import { ZONE_FALLBACK, ZONE_THEME } from '../canvas/theme';
import { useBoardContext } from './boardContext';
import { useMenuButton } from './menuKeys';
import { addZoneFromPalette } from './zoneActions';

/**
 * The facilitator's "Add zone": a menu of every zone kind, grouped by method (DART, SPIN, the
 * journey's steps, a free zone). The ARIA menu pattern, as MoreMenu.
 */
export function ZonePalette() {
  const ctx = useBoardContext();
  const { open, id, close, buttonProps, menuProps } = useMenuButton();

  return (
    <div className="menu-anchor">
      <button
        {...buttonProps}
        type="button"
        title="Add a zone: DART, SPIN, a journey step or a free one"
      >
        Add zone
      </button>
      {open && (
        <div {...menuProps} role="menu" className="menu menu-up zone-palette" aria-label="Add zone">
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
