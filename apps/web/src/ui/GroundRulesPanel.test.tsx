// @vitest-environment jsdom
import {
  agreeToGroundRules,
  DEFAULT_GROUND_RULES,
  joinSession,
  readGroundRules,
  readPerson,
} from '@dartboard/board';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardContextValue } from './boardContext';
import { BoardContext } from './boardContext';
import { destroyContext, testContext } from './boardContext.testing';
import { GroundRulesPanel } from './GroundRulesPanel';

const SAM = 'S'.repeat(22);
const CARA = 'C'.repeat(22);
const contexts: BoardContextValue[] = [];

afterEach(() => {
  cleanup();
  for (const ctx of contexts.splice(0)) destroyContext(ctx);
});

function openPanel(ctx: BoardContextValue) {
  contexts.push(ctx);
  ctx.ui.setState({ groundRulesOpen: true });
  render(
    <BoardContext.Provider value={ctx}>
      <button type="button" data-ground-rules-control="">
        Ground rules
      </button>
      <GroundRulesPanel />
    </BoardContext.Provider>,
  );
  return screen.getByRole('dialog', { name: 'Ground rules' });
}

function sessionWithTwo() {
  const doc = new Y.Doc();
  joinSession(doc, SAM, 'Sam Seller', 'facilitator', 1_000);
  joinSession(doc, CARA, 'Cara Customer', 'edit', 2_000);
  return doc;
}

describe('GroundRulesPanel', () => {
  it('shows the rules; "I agree" records the agreement, which can be withdrawn', () => {
    const doc = sessionWithTwo();
    const ctx = testContext(doc, { role: 'edit', name: 'Cara Customer', personId: CARA });
    const panel = openPanel(ctx);
    expect(
      within(panel)
        .getAllByRole('listitem')
        .slice(0, 5)
        .map((li) => li.textContent),
    ).toEqual([...DEFAULT_GROUND_RULES]);
    expect(within(panel).queryByRole('button', { name: 'Edit rules' })).toBeNull();
    expect(within(panel).getByRole('heading', { name: 'Agreed (0 of 2)' })).toBeTruthy();
    expect(panel.textContent).toContain('Not yet: Sam Seller, Cara Customer');

    fireEvent.click(within(panel).getByRole('button', { name: 'I agree' }));
    expect(readPerson(doc, CARA)?.agreedAt).toBeTypeOf('number');
    expect(panel.textContent).toMatch(/You agreed at/);
    expect(within(panel).getByRole('heading', { name: 'Agreed (1 of 2)' })).toBeTruthy();
    const withdraw = within(panel).getByRole('button', { name: 'Withdraw my agreement' });
    expect(document.activeElement).toBe(withdraw);

    fireEvent.click(withdraw);
    expect(readPerson(doc, CARA)?.agreedAt).toBeNull();
    expect(document.activeElement).toBe(within(panel).getByRole('button', { name: 'I agree' }));
  });

  it('lists who agreed as it happens on another page', () => {
    const doc = sessionWithTwo();
    const panel = openPanel(testContext(doc, { role: 'facilitator', name: 'Sam', personId: SAM }));
    act(() => {
      agreeToGroundRules(doc, CARA, true, new Date(2024, 0, 1, 10, 32).getTime());
    });
    const agreed = within(panel).getByRole('list', { name: 'Agreed (1 of 2)' });
    expect(agreed.textContent).toMatch(/^Cara Customer at 10:32/);
    expect(panel.textContent).toContain('Not yet: Sam Seller');
  });

  it('lets the facilitator edit the rules; Escape leaves the editor, then closes the panel', () => {
    const doc = sessionWithTwo();
    const ctx = testContext(doc, { role: 'facilitator', name: 'Sam', personId: SAM });
    const panel = openPanel(ctx);
    expect(document.activeElement).toBe(panel);
    fireEvent.click(within(panel).getByRole('button', { name: 'Edit rules' }));
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Rule 1' }), {
      target: { value: '  Phones   away ' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Remove rule 2' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Add rule' }));
    const added = within(panel).getByRole('textbox', { name: 'Rule 5' });
    expect(document.activeElement).toBe(added);
    fireEvent.change(added, { target: { value: 'Breaks every hour' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Save rules' }));
    expect(readGroundRules(doc)).toEqual([
      'Phones away',
      ...DEFAULT_GROUND_RULES.slice(2),
      'Breaks every hour',
    ]);

    fireEvent.click(within(panel).getByRole('button', { name: 'Edit rules' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Reset to defaults' }));
    fireEvent.keyDown(within(panel).getByRole('textbox', { name: 'Rule 1' }), { key: 'Escape' });
    expect(within(panel).queryByRole('textbox')).toBeNull();
    expect(readGroundRules(doc)[0]).toBe('Phones away');

    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(ctx.ui.getState().groundRulesOpen).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ground rules' }));
  });

  it('offers a view link the rules and who agreed, and nothing to press but Close', () => {
    const doc = sessionWithTwo();
    const panel = openPanel(testContext(doc, { role: 'view', name: 'Vic' }));
    expect(
      within(panel)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Close ground rules']);
  });
});
