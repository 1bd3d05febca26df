import { applyTemplate, goToStage, setStagesEnabled, setTitle } from '@dartboard/board';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { revealRect, visibleRect } from '../canvas/viewport';
import { createUiStore } from '../state/ui';
import { showCurrentStage } from './stageFocus';

const SCREEN = { width: 1200, height: 800 };

function journey() {
  const doc = new Y.Doc();
  applyTemplate(doc, { title: 'Pilot', template: 'journey', createdAt: 0 });
  const ui = createUiStore({ screen: SCREEN, viewport: { x: 0, y: 0, scale: 0.5 } });
  const stop = showCurrentStage(doc, ui);
  return { doc, ui, stop };
}

const zoneOf = (doc: Y.Doc, kind: string) =>
  [...doc.getMap('zones').values()]
    .map((z) => (z as Y.Map<unknown>).toJSON())
    .find((z) => z.kind === kind) as {
    x: number;
    y: number;
    width: number;
    height: number;
  };

describe('revealRect', () => {
  it('leaves a view that shows the rectangle, centres one that fits, fits one that does not', () => {
    const rect = { x: 0, y: 0, width: 400, height: 300 };
    expect(revealRect(rect, { x: 0, y: 0, scale: 1 }, SCREEN)).toBeUndefined();
    const far = { x: 3000, y: 2000, width: 400, height: 300 };
    const centred = revealRect(far, { x: 0, y: 0, scale: 1 }, SCREEN);
    expect(centred?.scale).toBe(1);
    expect(visibleRect(centred ?? { x: 0, y: 0, scale: 1 }, SCREEN)).toEqual({
      x: 2600,
      y: 1750,
      width: 1200,
      height: 800,
    });
    const big = { x: 0, y: 0, width: 4000, height: 3000 };
    expect(revealRect(big, { x: 0, y: 0, scale: 1 }, SCREEN)?.scale).toBeCloseTo(704 / 3000);
  });
});

describe('showCurrentStage', () => {
  it("brings the new step's zone into view when the facilitator moves on", () => {
    const { doc, ui } = journey();
    const launch = zoneOf(doc, 'launch');
    goToStage(doc, 'launch', 1);
    const shown = visibleRect(ui.getState().viewport, SCREEN);
    expect(shown.x).toBeLessThanOrEqual(launch.x);
    expect(shown.x + shown.width).toBeGreaterThanOrEqual(launch.x + launch.width);
    expect(shown.y + shown.height).toBeGreaterThanOrEqual(launch.y + launch.height);
  });

  it('moves nothing for other changes, while following someone, or with stages off', () => {
    const { doc, ui, stop } = journey();
    const start = ui.getState().viewport;
    setTitle(doc, 'Renamed');
    expect(ui.getState().viewport).toBe(start);
    ui.setState({ following: { clientId: 7, summon: undefined } });
    goToStage(doc, 'launch', 1);
    expect(ui.getState().viewport).toBe(start);
    ui.setState({ following: undefined });
    setStagesEnabled(doc, false, 2);
    goToStage(doc, 'test', 3);
    expect(ui.getState().viewport).toBe(start);
    stop();
    setStagesEnabled(doc, true, 4);
    goToStage(doc, 'launch', 5);
    expect(ui.getState().viewport).toBe(start);
  });
});
