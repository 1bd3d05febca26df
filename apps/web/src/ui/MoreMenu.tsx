import { onMenuKeyDown, useMenuButton } from './menuKeys';

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
  const { open, setOpen, button, menu, id, close } = useMenuButton();

  if (actions.length === 0) return null;
  return (
    <div className="menu-anchor">
      <button
        ref={button}
        type="button"
        className="more-button"
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? id : undefined}
        aria-label="More"
        title="More actions"
        onClick={() => setOpen(open ? false : 'first')}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(event.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={id}
          className="menu"
          role="menu"
          aria-label="More"
          onKeyDown={(event) => onMenuKeyDown(event, close)}
        >
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
