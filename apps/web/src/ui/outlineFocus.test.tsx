// @vitest-environment jsdom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { moveBetweenItems, useKeptFocus } from './outlineFocus';

afterEach(cleanup);

/** An outline in miniature: groups of items, each with a field, and maybe a "Show all". */
function Groups({ groups, more = false }: { groups: string[][]; more?: boolean }) {
  const root = useRef<HTMLElement>(null);
  useKeptFocus(root);
  return (
    <section
      aria-label="Outline"
      ref={root}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (root.current) moveBetweenItems(root.current, event);
      }}
    >
      {groups.map((items, g) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: groups stay in place, as zones do
        <ul key={g}>
          {items.map((id) => (
            <li key={id} data-outline-entry="">
              <button type="button" id={`item-${id}`} data-outline-item="">
                {id}
              </button>
              <textarea id={`field-${id}`} aria-label={`Field ${id}`} defaultValue="some text" />
            </li>
          ))}
        </ul>
      ))}
      {more && (
        <button type="button" id="show-all">
          Show all
        </button>
      )}
    </section>
  );
}

const focused = () => document.activeElement?.id;

function focus(id: string) {
  document.getElementById(id)?.focus();
  expect(focused()).toBe(id);
}

describe('moveBetweenItems', () => {
  it('moves between the items across groups with Up, Down, Home and End', () => {
    render(<Groups groups={[['a', 'b'], ['c']]} />);
    focus('item-a');
    const press = (key: string) => fireEvent.keyDown(document.activeElement as Element, { key });
    press('ArrowDown');
    expect(focused()).toBe('item-b');
    press('ArrowDown');
    expect(focused()).toBe('item-c');
    press('ArrowDown');
    expect(focused()).toBe('item-c');
    press('ArrowUp');
    expect(focused()).toBe('item-b');
    press('Home');
    expect(focused()).toBe('item-a');
    press('End');
    expect(focused()).toBe('item-c');
  });

  it('leaves the keys of a field alone', () => {
    render(<Groups groups={[['a', 'b']]} />);
    focus('field-a');
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(focused()).toBe('field-a');
  });
});

describe('useKeptFocus', () => {
  it('follows an item drawn again in another group, caret and all', async () => {
    const { rerender } = render(<Groups groups={[['a', 'b'], ['c']]} />);
    focus('field-a');
    const before = document.activeElement as HTMLTextAreaElement;
    before.setSelectionRange(2, 4);
    rerender(<Groups groups={[['b'], ['c', 'a']]} />);
    await waitFor(() => expect(focused()).toBe('field-a'));
    const after = document.activeElement as HTMLTextAreaElement;
    expect(after).not.toBe(before);
    expect([after.selectionStart, after.selectionEnd]).toEqual([2, 4]);
  });

  it('goes to the item that took the place of a deleted one, or the one before the last', async () => {
    const { rerender } = render(<Groups groups={[['a', 'b', 'c']]} />);
    focus('item-b');
    rerender(<Groups groups={[['a', 'c']]} />);
    await waitFor(() => expect(focused()).toBe('item-c'));
    rerender(<Groups groups={[['a']]} />);
    await waitFor(() => expect(focused()).toBe('item-a'));
  });

  it('goes from "Show all" to the first item it showed', async () => {
    const { rerender } = render(<Groups groups={[['a', 'b']]} more />);
    focus('show-all');
    rerender(<Groups groups={[['a', 'b', 'c', 'd']]} />);
    await waitFor(() => expect(focused()).toBe('item-c'));
  });

  it('never takes focus back after a click elsewhere', async () => {
    const { rerender } = render(<Groups groups={[['a', 'b']]} />);
    focus('item-b');
    fireEvent.pointerDown(document.body);
    (document.activeElement as HTMLElement).blur();
    rerender(<Groups groups={[['a']]} />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.activeElement).toBe(document.body);
  });
});
