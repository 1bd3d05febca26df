import { type KeyboardEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';

const ITEMS = '[role^="menuitem"]:not([disabled])';

/** The menu's items that can be chosen now, in order. */
export function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return menu ? [...menu.querySelectorAll<HTMLElement>(ITEMS)] : [];
}

/** Focuses the first (or last) item of a menu that has just opened. */
export function focusItem(menu: HTMLElement | null, which: 'first' | 'last'): void {
  const items = menuItems(menu);
  (which === 'first' ? items[0] : items[items.length - 1])?.focus();
}

/**
 * The keys of an open menu, as the ARIA menu pattern has them: arrows move between items
 * (wrapping), Home and End jump, Escape closes and Tab closes and moves on. Enter and Space
 * are left to the focused item, a button.
 */
export function onMenuKeyDown(event: KeyboardEvent<HTMLElement>, close: () => void): void {
  const items = menuItems(event.currentTarget);
  const at = items.indexOf(document.activeElement as HTMLElement);
  const focus = (index: number) => items[(index + items.length) % items.length]?.focus();
  switch (event.key) {
    case 'ArrowDown':
    case 'ArrowRight':
      focus(at + 1);
      break;
    case 'ArrowUp':
    case 'ArrowLeft':
      focus(at - 1);
      break;
    case 'Home':
      focus(0);
      break;
    case 'End':
      focus(items.length - 1);
      break;
    case 'Escape':
      close();
      break;
    case 'Tab':
      close();
      return;
    default:
      return;
  }
  event.preventDefault();
  // The board's own shortcuts (Escape clears the selection) are not meant for the menu.
  event.stopPropagation();
}

/**
 * Calls `onOutside` when a press (mouse, pen or touch) starts outside all of `inside`, while
 * `active`. Listens in the capture phase, before the board's own pointer handling.
 */
export function useOutsidePress(
  inside: readonly RefObject<HTMLElement | null>[],
  active: boolean,
  onOutside: () => void,
): void {
  useEffect(() => {
    if (!active) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (inside.some((ref) => ref.current?.contains(target))) return;
      onOutside();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [inside, active, onOutside]);
}

/**
 * The state of a menu button (the ARIA menu pattern): closed, or open with focus on its first
 * or last item; a press outside closes it, and `close` gives focus back to the button.
 */
export function useMenuButton() {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const insideRefs = useRef([button, menu]).current;
  const id = useId();
  useEffect(() => {
    if (open) focusItem(menu.current, open);
  }, [open]);
  useOutsidePress(insideRefs, open !== false, () => setOpen(false));
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  /** For the button: opens at the first item (click, ArrowDown) or the last (ArrowUp). */
  const buttonProps = {
    ref: button,
    'aria-haspopup': 'menu' as const,
    'aria-expanded': open !== false,
    'aria-controls': open ? id : undefined,
    onClick: () => setOpen(open ? false : 'first'),
    onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      event.preventDefault();
      setOpen(event.key === 'ArrowDown' ? 'first' : 'last');
    },
  };
  /** For the menu's element (role="menu"): its items move and close with the keys. */
  const menuProps = {
    ref: menu,
    id,
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => onMenuKeyDown(event, close),
  };
  return { open, id, close, buttonProps, menuProps };
}
