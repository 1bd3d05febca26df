import { useMenuButton } from './menuKeys';

export interface MenuAction {
  /** The item's accessible name: the same words as the button it stands in for. */
  label: string;
  onSelect: () => void;
  disabled?: boolean;
}

/**
 * "More": the top bar's actions that do not fit on a narrow screen, as a menu button (the ARIA
 * menu pattern: arrows, Home, End, Escape; focus returns to the button).
 */
export function MoreMenu({ actions }: { actions: readonly MenuAction[] }) {
  const { open, close, buttonProps, menuProps } = useMenuButton();

  if (actions.length === 0) return null;
  return (
    <div className="menu-anchor">
      <button
        {...buttonProps}
        type="button"
        className="more-button"
        aria-label="More"
        title="More actions"
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div {...menuProps} role="menu" className="menu" aria-label="More">
          {actions.map((action) => (
            <button
              key={action.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              disabled={action.disabled}
              onClick={() => {
                close();
                action.onSelect();
              }}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
