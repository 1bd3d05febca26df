import { type KeyboardEvent, type RefObject, useEffect } from 'react';

/** Marks the outline's items: the entries that Up, Down, Home and End move between. */
export const ITEM_ATTRIBUTE = 'data-outline-item';
/** Marks everything that belongs to one item (its text field, zone picker...). */
export const ENTRY_ATTRIBUTE = 'data-outline-entry';

function itemsIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[${ITEM_ATTRIBUTE}]`)];
}

/**
 * Up, Down, Home and End from one item of the outline to another, as in a list with a roving
 * tabindex. Returns the item focused, if the key was one of those.
 */
export function moveBetweenItems(
  root: HTMLElement,
  event: KeyboardEvent<HTMLElement>,
): HTMLElement | undefined {
  const target = event.target;
  if (!(target instanceof HTMLElement) || !target.hasAttribute(ITEM_ATTRIBUTE)) return undefined;
  const items = itemsIn(root);
  const at = items.indexOf(target);
  const next: Record<string, number> = {
    ArrowDown: Math.min(at + 1, items.length - 1),
    ArrowUp: Math.max(at - 1, 0),
    Home: 0,
    End: items.length - 1,
  };
  const index = next[event.key];
  const item = index === undefined ? undefined : items[index];
  if (!item) return undefined;
  event.preventDefault();
  item.focus();
  return item;
}

/** Where focus was in the outline: the element's id, and the item it belongs to or follows. */
interface Place {
  id: string;
  index: number;
  /** The element itself: once gone, it still knows where its caret was. */
  element: HTMLElement;
}

function placeOf(root: HTMLElement, target: HTMLElement): Place {
  const items = itemsIn(root);
  const entry = target.closest(`[${ENTRY_ATTRIBUTE}]`);
  const own = entry?.querySelector<HTMLElement>(`[${ITEM_ATTRIBUTE}]`);
  const index = own
    ? items.indexOf(own)
    : items.filter(
        (item) => item.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).length;
  return { id: target.id, index: Math.max(0, index), element: target };
}

/** A text field drawn again (its note changed zone) keeps the caret where it was. */
function keepCaret(from: HTMLElement, to: HTMLElement) {
  if (from === to || !(from instanceof HTMLTextAreaElement) || !(to instanceof HTMLTextAreaElement))
    return;
  to.setSelectionRange(from.selectionStart, from.selectionEnd, from.selectionDirection);
}

/**
 * Keeps focus in the outline when what had it goes away: a note moved to another zone (its
 * entry is drawn again under the new zone), deleted, or a "Show all" button that did its job.
 * Focus goes back to the element with the same id, else to the item that took the place of the
 * one that went. A click or focus anywhere else lets go, so the outline never takes focus back
 * from the canvas.
 */
export function useKeptFocus(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    let last: Place | undefined;
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      last =
        target instanceof HTMLElement && element.contains(target)
          ? placeOf(element, target)
          : undefined;
    };
    const onPointerDown = () => {
      last = undefined;
    };
    const observer = new MutationObserver(() => {
      const active = document.activeElement;
      const lost = last;
      if (!lost || (active && active !== document.body)) return;
      const items = itemsIn(element);
      const same = lost.id ? document.getElementById(lost.id) : null;
      const target =
        (same && element.contains(same) ? same : undefined) ??
        items[Math.min(lost.index, items.length - 1)] ??
        element;
      target.focus();
      keepCaret(lost.element, target);
    });
    observer.observe(element, { childList: true, subtree: true });
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [root]);
}
