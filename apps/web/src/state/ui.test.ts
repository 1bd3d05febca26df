import { describe, expect, it } from 'vitest';
import { zoomAt } from '../canvas/viewport';
import {
  createUiStore,
  forgetMissing,
  select,
  startEditing,
  stopEditing,
  toggleSelected,
} from './ui';

describe('createUiStore', () => {
  it('starts unzoomed with nothing selected or being edited, unless told otherwise', () => {
    const store = createUiStore();
    expect(store.getState()).toMatchObject({
      viewport: { x: 0, y: 0, scale: 1 },
      selection: [],
      editingNoteId: undefined,
      panning: false,
    });
    const zoomed = createUiStore({ viewport: { x: 10, y: 20, scale: 2 } });
    expect(zoomed.getState().viewport).toEqual({ x: 10, y: 20, scale: 2 });
    expect(zoomed.getState().selection).toEqual([]);
  });

  it('keeps each board’s state separate', () => {
    const a = createUiStore();
    const b = createUiStore();
    select(a, ['n1']);
    a.setState({ viewport: { x: 5, y: 5, scale: 3 } });
    expect(b.getState().selection).toEqual([]);
    expect(b.getState().viewport).toEqual({ x: 0, y: 0, scale: 1 });
  });

  it('changes the viewport without touching the selection or the open editor', () => {
    const store = createUiStore();
    startEditing(store, 'n1');
    const seen: number[] = [];
    store.subscribe((state) => seen.push(state.viewport.scale));
    store.setState((state) => ({ viewport: zoomAt(state.viewport, 100, 100, 2) }));
    expect(seen).toEqual([2]);
    expect(store.getState().viewport).toEqual({ x: -100, y: -100, scale: 2 });
    expect(store.getState()).toMatchObject({ selection: ['n1'], editingNoteId: 'n1' });
  });
});

describe('select', () => {
  it('selects exactly the given notes, in order, without duplicates', () => {
    const store = createUiStore();
    select(store, ['a', 'b']);
    select(store, ['c', 'a', 'c']);
    expect(store.getState().selection).toEqual(['c', 'a']);
    select(store, []);
    expect(store.getState().selection).toEqual([]);
  });

  it('keeps the editor open when its note stays selected, and closes it otherwise', () => {
    const store = createUiStore();
    startEditing(store, 'a');
    select(store, ['b', 'a']);
    expect(store.getState().editingNoteId).toBe('a');
    select(store, ['b']);
    expect(store.getState().editingNoteId).toBeUndefined();
  });
});

describe('toggleSelected', () => {
  it('adds an unselected note at the end and removes a selected one', () => {
    const store = createUiStore();
    select(store, ['a']);
    toggleSelected(store, 'b');
    expect(store.getState().selection).toEqual(['a', 'b']);
    toggleSelected(store, 'a');
    expect(store.getState().selection).toEqual(['b']);
    toggleSelected(store, 'b');
    expect(store.getState().selection).toEqual([]);
  });

  it('closes the editor when its note is toggled off', () => {
    const store = createUiStore();
    startEditing(store, 'a');
    toggleSelected(store, 'b');
    expect(store.getState().editingNoteId).toBe('a');
    toggleSelected(store, 'a');
    expect(store.getState()).toMatchObject({ selection: ['b'], editingNoteId: undefined });
  });
});

describe('startEditing and stopEditing', () => {
  it('editing a note selects only that note; stopping keeps it selected', () => {
    const store = createUiStore();
    select(store, ['a', 'b', 'c']);
    startEditing(store, 'b');
    expect(store.getState()).toMatchObject({ selection: ['b'], editingNoteId: 'b' });
    stopEditing(store);
    expect(store.getState()).toMatchObject({ selection: ['b'], editingNoteId: undefined });
  });
});

describe('forgetMissing', () => {
  it('drops notes a peer deleted from the selection and closes their editor', () => {
    const store = createUiStore();
    startEditing(store, 'gone');
    toggleSelected(store, 'kept');
    const existing = new Set(['kept', 'other']);
    forgetMissing(store, (id) => existing.has(id));
    expect(store.getState()).toMatchObject({ selection: ['kept'], editingNoteId: undefined });
    // An edited note that still exists stays open.
    startEditing(store, 'kept');
    forgetMissing(store, (id) => existing.has(id));
    expect(store.getState()).toMatchObject({ selection: ['kept'], editingNoteId: 'kept' });
  });

  it('does not notify subscribers when nothing is missing', () => {
    const store = createUiStore();
    select(store, ['a', 'b']);
    const before = store.getState();
    let calls = 0;
    store.subscribe(() => calls++);
    forgetMissing(store, () => true);
    expect(calls).toBe(0);
    expect(store.getState()).toBe(before);
  });
});
