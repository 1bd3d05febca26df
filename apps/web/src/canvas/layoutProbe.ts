// A read-only look at how big the text in view is on screen, for browser tests and for anyone
// checking a board before sharing their screen: `window.__dartboard.layout()` in the console.
// Computed by the same functions that paint, for the current viewport.
import {
  MIN_SCREEN_PX,
  ZONE_PROMPT_SIZE as PROMPT_SIZE,
  rectsIntersect,
  ZONE_TITLE_SIZE as TITLE_SIZE,
} from '@dartboard/board';
import { useEffect } from 'react';
import type { UiStore } from '../state/ui';
import type { BoardStore } from '../sync/boardStore';
import type { BoardContextValue } from '../ui/boardContext';
import { headerHeight } from './cardHeader';
import { layoutNoteText } from './fitText';
import { AUTHOR_SIZE } from './paintNote';
import { DETAIL_SCALE, visibleRect } from './viewport';

/** On-screen sizes in CSS pixels of the text in view; null where no such text is in view. */
export interface LayoutReport {
  zoom: number;
  screen: { width: number; height: number };
  minimum: typeof MIN_SCREEN_PX;
  sizes: {
    /** The smallest note text in view. */
    noteText: number | null;
    author: number | null;
    title: number | null;
    prompt: number | null;
  };
  notesInView: number;
  /** Notes in view that end in "…more". */
  notesShowingMore: number;
  /** Every zone's place on screen, CSS pixels from the canvas's top-left corner. */
  zones: { title: string; x: number; y: number; width: number; height: number }[];
}

declare global {
  interface Window {
    __dartboard?: { layout(): LayoutReport };
  }
}

export function layoutReport(board: BoardStore, ui: UiStore): LayoutReport {
  const { notes, zones } = board.getSnapshot();
  const { viewport, screen } = ui.getState();
  const zoom = viewport.scale;
  const view = visibleRect(viewport, screen);
  const shown = notes.filter((note) => rectsIntersect(note, view));
  // Zoomed far out notes are plain blocks, without text (NotesShape).
  const detailed = zoom >= DETAIL_SCALE ? shown : [];
  const layouts = detailed
    .filter((note) => note.text !== '')
    .map((note) =>
      layoutNoteText(note.text, note.width, note.height - headerHeight(note.card, note.width)),
    );
  const labelled = zones.some((zone) => rectsIntersect(zone, view));
  return {
    zoom,
    screen,
    minimum: MIN_SCREEN_PX,
    sizes: {
      noteText: layouts.length ? Math.min(...layouts.map((l) => l.fontSize)) * zoom : null,
      author: detailed.length ? AUTHOR_SIZE * zoom : null,
      title: labelled ? TITLE_SIZE * zoom : null,
      prompt: labelled ? PROMPT_SIZE * zoom : null,
    },
    notesInView: shown.length,
    notesShowingMore: layouts.filter((layout) => layout.more).length,
    zones: zones.map((zone) => ({
      title: zone.title,
      x: zone.x * zoom + viewport.x,
      y: zone.y * zoom + viewport.y,
      width: zone.width * zoom,
      height: zone.height * zoom,
    })),
  };
}

/** Offers layoutReport on `window.__dartboard` while this board is shown. */
export function useLayoutProbe(ctx: BoardContextValue): void {
  useEffect(() => {
    const probe = { layout: () => layoutReport(ctx.board, ctx.ui) };
    window.__dartboard = probe;
    return () => {
      if (window.__dartboard === probe) window.__dartboard = undefined;
    };
  }, [ctx]);
}
