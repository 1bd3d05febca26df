import { addNote, applyTemplate } from '@dartboard/board';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUiStore } from '../state/ui';
import { createBoardStore } from '../sync/boardStore';
import { layoutReport } from './layoutProbe';
import { openingView } from './openingView';

function board() {
  const doc = new Y.Doc();
  applyTemplate(doc, { template: 'dart', title: 'Legible', createdAt: 1 });
  addNote(doc, { x: 100, y: 150, author: 'Sam', text: 'Pilot with two teams' });
  addNote(doc, { x: 400, y: 150, author: 'Sam', text: 'word '.repeat(60) });
  return createBoardStore(doc);
}

describe('layoutReport', () => {
  it('reports every text in view at least its minimum size at the opening view', () => {
    const store = board();
    for (const screen of [
      { width: 1119, height: 847 },
      { width: 703, height: 715 },
      { width: 390, height: 790 },
    ]) {
      const { zones, notes } = store.getSnapshot();
      const ui = createUiStore({ screen, viewport: openingView(zones, notes, screen) });
      const { sizes, minimum, notesInView, notesShowingMore } = layoutReport(store, ui);
      expect(notesInView).toBe(2);
      expect(notesShowingMore).toBe(1);
      expect(sizes.noteText).toBeGreaterThanOrEqual(minimum.noteText);
      expect(sizes.author).toBeGreaterThanOrEqual(minimum.author);
      expect(sizes.title).toBeGreaterThanOrEqual(minimum.title);
      expect(sizes.prompt).toBeGreaterThanOrEqual(minimum.prompt);
    }
    store.destroy();
  });

  it('reports no note text where notes are drawn as plain blocks', () => {
    const store = board();
    const ui = createUiStore({
      screen: { width: 1000, height: 800 },
      viewport: { x: 0, y: 0, scale: 0.1 },
    });
    const report = layoutReport(store, ui);
    expect(report.sizes.noteText).toBeNull();
    expect(report.sizes.title).toBeCloseTo(2.8);
    store.destroy();
  });
});
