// @vitest-environment jsdom
import {
  addNote,
  applyTemplate,
  currentBallot,
  joinSession,
  listZones,
  placeDot,
  startVote,
} from '@dartboard/board';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { select } from '../state/ui';
import { BoardContext, type BoardContextValue } from './boardContext';
import { destroyContext, testContext } from './boardContext.testing';
import { VoteBar } from './VoteBar';

const SAM = 'S'.repeat(22);
const CARA = 'C'.repeat(22);
const contexts: BoardContextValue[] = [];

afterEach(() => {
  cleanup();
  for (const ctx of contexts.splice(0)) destroyContext(ctx);
});

/** A DART board with two cards in Access, one in Risk, Sam and Cara on it, and a 2-dot vote on Access. */
function votingBoard({ anonymous = false } = {}) {
  const doc = new Y.Doc();
  applyTemplate(doc, { template: 'dart', title: 'Vote', createdAt: 1 });
  const [, access, risk] = listZones(doc);
  if (!access || !risk) throw new Error('no zones');
  const card = (zone: typeof access, text: string, dx: number) =>
    addNote(doc, { x: zone.x + 40 + dx, y: zone.y + 120, text, author: 'Cara' });
  const pilot = card(access, 'Pilot with two teams', 0);
  const training = card(access, 'Training first', 240);
  const pricing = card(risk, 'Pricing risk', 0);
  joinSession(doc, SAM, 'Sam Seller', 'facilitator', 1_000);
  joinSession(doc, CARA, 'Cara Customer', 'edit', 2_000);
  startVote(doc, { dots: 2, zoneId: access.id, anonymous }, 3_000);
  return { doc, pilot, training, pricing };
}

function showBar(ctx: BoardContextValue) {
  contexts.push(ctx);
  render(
    <BoardContext.Provider value={ctx}>
      <VoteBar />
    </BoardContext.Provider>,
  );
  return screen.getByRole('region', { name: 'Vote' });
}

describe('VoteBar', () => {
  it("places and takes back the customer's dots on the selected card, within the budget", () => {
    const { doc, pilot, training, pricing } = votingBoard();
    const ctx = testContext(doc, { role: 'edit', name: 'Cara Customer', personId: CARA });
    const bar = showBar(ctx);
    expect(within(bar).getByRole('status').textContent).toBe('Vote: 2 of 2 dots left');
    expect(bar.textContent).toContain('2 dots each, on the cards in Access.');
    const place = within(bar).getByRole('button', { name: 'Place dot' });
    const takeBack = within(bar).getByRole('button', { name: 'Take dot back' });
    expect(place).toHaveProperty('disabled', true);

    // Out of the vote's zone: nothing to place.
    act(() => select(ctx.ui, [pricing]));
    expect(place).toHaveProperty('disabled', true);

    act(() => select(ctx.ui, [pilot]));
    fireEvent.click(place);
    fireEvent.click(place);
    expect(within(bar).getByRole('status').textContent).toBe('Vote: 0 of 2 dots left');
    expect(currentBallot(doc, CARA)?.dots).toEqual({ [pilot]: 2 });
    expect(place).toHaveProperty('disabled', true);
    expect(bar.textContent).toContain('No dots left.');

    fireEvent.click(takeBack);
    act(() => select(ctx.ui, [training]));
    expect(takeBack).toHaveProperty('disabled', true);
    fireEvent.click(place);
    expect(currentBallot(doc, CARA)?.dots).toEqual({ [pilot]: 1, [training]: 1 });
    // The facilitator's tools are not hers.
    expect(within(bar).queryByRole('button', { name: 'Reveal votes' })).toBeNull();
  });

  it('shows the facilitator how many voted, not where, then the ranking once revealed', () => {
    const { doc, pilot, training } = votingBoard();
    placeDot(doc, CARA, pilot);
    placeDot(doc, CARA, pilot);
    const ctx = testContext(doc, { role: 'facilitator', name: 'Sam Seller', personId: SAM });
    const bar = showBar(ctx);
    expect(bar.textContent).toContain('1 of 2 people have voted');
    expect(within(bar).queryByRole('list', { name: 'Cards by votes' })).toBeNull();
    act(() => select(ctx.ui, [training]));
    fireEvent.click(within(bar).getByRole('button', { name: 'Place dot' }));

    fireEvent.click(within(bar).getByRole('button', { name: 'Reveal votes' }));
    const ranking = within(bar).getByRole('list', { name: 'Cards by votes' });
    expect(
      within(ranking)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['2 dotsPilot with two teamsCara Customer ×2', '1 dotTraining firstSam Seller']);
    expect(within(bar).queryByRole('button', { name: 'Place dot' })).toBeNull();
    fireEvent.click(within(ranking).getByRole('button', { name: 'Training first' }));
    expect(ctx.ui.getState().selection).toEqual([training]);

    fireEvent.click(within(bar).getByRole('button', { name: 'Clear vote' }));
    expect(screen.queryByRole('region', { name: 'Vote' })).toBeNull();
  });

  it('keeps the voters of an anonymous vote to itself, even revealed', () => {
    const { doc, pilot } = votingBoard({ anonymous: true });
    placeDot(doc, CARA, pilot);
    const ctx = testContext(doc, { role: 'facilitator', name: 'Sam Seller', personId: SAM });
    const bar = showBar(ctx);
    fireEvent.click(within(bar).getByRole('button', { name: 'Reveal votes' }));
    expect(within(bar).getByRole('list', { name: 'Cards by votes' }).textContent).toBe(
      '1 dotPilot with two teams',
    );
  });

  it('gives a view link no dots to place, only what is going on', () => {
    const { doc } = votingBoard();
    const bar = showBar(testContext(doc, { role: 'view', name: 'Vic' }));
    expect(within(bar).queryAllByRole('button')).toEqual([]);
    expect(bar.textContent).toContain('Vote in progress');
    expect(bar.textContent).toContain('once the facilitator reveals it');
  });
});
