import type { Rect } from '@dartboard/board';
import { createStore } from 'zustand/vanilla';

/** The visible part of the board: screen = board * scale + (x, y). */
export interface Viewport {
  x: number;
  y: number;
  scale: number;
}

/**
 * Geometry of notes and zones being dragged or resized, by id: drawn locally every frame, while
 * the document (and so every peer) gets the change about 30 times a second.
 */
export type Preview = ReadonlyMap<string, Rect>;

/** A rubber-band selection in board coordinates. */
export interface Marquee {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Local UI state only: nothing here is stored or synced. Board content lives in the Y.Doc and
 * presence in awareness; this holds what one person is doing on their own screen.
 */
export interface UiState {
  viewport: Viewport;
  /** Selected note ids, in selection order. */
  selection: readonly string[];
  /** The note whose text editor is open. */
  editingNoteId: string | undefined;
  /** True while the board is being panned: the canvas skips work that can wait. */
  panning: boolean;
  preview: Preview | undefined;
  /** The size of the canvas on screen, in CSS pixels. */
  screen: { width: number; height: number };
  marquee: Marquee | undefined;
  /** Space held down: a drag pans whatever is under the pointer. */
  spaceHeld: boolean;
  /** The selected zone (facilitator: to lock, unlock or arrange it), apart from notes. */
  selectedZoneId: string | undefined;
  /** A short message for the person (a refused change, a lock), shown for a few seconds. */
  notice: { text: string; id: number } | undefined;
  /** The zone whose title and prompt the facilitator is editing in place. */
  editingZoneId: string | undefined;
  /** The zone this person last worked in: where "Add note" puts the next note. */
  lastZoneId: string | undefined;
  /** Where the pointer is over the board (board coordinates); undefined when it is not. */
  pointer: { x: number; y: number } | undefined;
  /**
   * The participant (awareness client id) whose view this page follows, and the summons that
   * brought it there when the facilitator did ("Bring everyone here"). See ui/follow.ts.
   */
  following: { clientId: number; summon: string | undefined } | undefined;
  /** Whether the ground rules panel is open (ui/GroundRulesPanel.tsx). */
  groundRulesOpen: boolean;
}

export type UiStore = ReturnType<typeof createUiStore>;

export function createUiStore(initial: Partial<UiState> = {}) {
  return createStore<UiState>()(() => ({
    viewport: { x: 0, y: 0, scale: 1 },
    selection: [],
    editingNoteId: undefined,
    panning: false,
    preview: undefined,
    screen: { width: 1, height: 1 },
    marquee: undefined,
    spaceHeld: false,
    selectedZoneId: undefined,
    notice: undefined,
    editingZoneId: undefined,
    lastZoneId: undefined,
    pointer: undefined,
    following: undefined,
    groundRulesOpen: false,
    ...initial,
  }));
}

/** Selects exactly these notes (and closes an editor on a note that is no longer selected). */
export function select(store: UiStore, ids: readonly string[]): void {
  const { editingNoteId } = store.getState();
  store.setState({
    selection: [...new Set(ids)],
    editingNoteId: editingNoteId && ids.includes(editingNoteId) ? editingNoteId : undefined,
    selectedZoneId: undefined,
  });
}

/** Selects one zone (or none); the note selection is cleared. */
export function selectZone(store: UiStore, id: string | undefined): void {
  store.setState({
    selection: [],
    editingNoteId: undefined,
    selectedZoneId: id,
    ...(id ? { lastZoneId: id } : {}),
  });
}

/**
 * Calls `apply` with the viewport now and on every change of it, outside React (for what follows
 * a pan on every frame); returns the unsubscribe.
 */
export function followViewport(store: UiStore, apply: (viewport: Viewport) => void): () => void {
  apply(store.getState().viewport);
  return store.subscribe((state, previous) => {
    if (state.viewport !== previous.viewport) apply(state.viewport);
  });
}

let noticeCount = 0;

/** Shows a short message; the same text again restarts its time on screen. */
export function showNotice(store: UiStore, text: string): void {
  noticeCount += 1;
  store.setState({ notice: { text, id: noticeCount } });
}

/** Shift-click: adds a note to the selection, or removes it when it is already selected. */
export function toggleSelected(store: UiStore, id: string): void {
  const { selection } = store.getState();
  select(store, selection.includes(id) ? selection.filter((s) => s !== id) : [...selection, id]);
}

export function startEditing(store: UiStore, id: string): void {
  store.setState({ selection: [id], editingNoteId: id });
}

export function stopEditing(store: UiStore): void {
  store.setState({ editingNoteId: undefined });
}

/** Drops ids that no longer exist (a peer deleted the note) from the selection and editor. */
export function forgetMissing(
  store: UiStore,
  exists: (id: string) => boolean,
  zoneExists: (id: string) => boolean = () => true,
): void {
  const { selection, editingNoteId, selectedZoneId } = store.getState();
  const kept = selection.filter(exists);
  const editing = editingNoteId && exists(editingNoteId) ? editingNoteId : undefined;
  const zone = selectedZoneId && zoneExists(selectedZoneId) ? selectedZoneId : undefined;
  if (kept.length !== selection.length || editing !== editingNoteId || zone !== selectedZoneId) {
    store.setState({ selection: kept, editingNoteId: editing, selectedZoneId: zone });
  }
}
