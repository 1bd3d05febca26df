import { CARD_COLORS, CARD_LABELS } from '@dartboard/board';
import { useBoardContext } from './boardContext';
import { ADDABLE_KINDS, addCardFromButton } from './cardActions';
import { useMenuButton } from './menuKeys';
import './cards.css';

/** The accessible name of the item that adds a card of this kind ("Add question card"). */
export function addCardLabel(kind: (typeof ADDABLE_KINDS)[number]['kind']): string {
  return kind === 'note' ? 'Add plain note' : `Add ${CARD_LABELS[kind].toLowerCase()} card`;
}

/**
 * The arrow beside "Add note": a menu of the card kinds (question, risk, benefit, idea, action
 * item, commitment; a plain note first), each added where "Add note" would put it, with its
 * key. The ARIA menu pattern, as MoreMenu and Add zone.
 */
export function AddCardMenu() {
  const ctx = useBoardContext();
  const { open, close, buttonProps, menuProps } = useMenuButton();
  return (
    <div className="menu-anchor">
      <button
        {...buttonProps}
        type="button"
        className="primary split-end"
        aria-label="Add card"
        title="Add a card: question, risk, benefit, idea, action item or commitment"
      >
        <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
          <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
      {open && (
        <div {...menuProps} role="menu" className="menu menu-up add-card" aria-label="Add card">
          {ADDABLE_KINDS.map(({ kind, key }) => (
            <button
              key={kind}
              type="button"
              role="menuitem"
              tabIndex={-1}
              aria-label={addCardLabel(kind)}
              aria-keyshortcuts={key}
              onClick={() => {
                close();
                addCardFromButton(ctx, kind);
              }}
            >
              <span
                className="zone-swatch"
                aria-hidden="true"
                style={{ background: CARD_COLORS[kind] }}
              />
              <span className="add-card-label">{CARD_LABELS[kind]}</span>
              <kbd>{key}</kbd>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
