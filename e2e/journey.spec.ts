import type { Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import {
  createBoard,
  expect,
  joinedPerson,
  noteEntry,
  shot,
  test,
  zoneSection,
} from './support.js';

// A journey board run from its first step to its last: the facilitator moves the session on,
// the customer sees where it stands, each step's cards go into its zone, and the summary
// records when each step began and what it holds.

const STEPS = ['Objective', 'Options', 'Ideation', 'Prototype', 'Test', 'Launch'];
const CARDS: Record<string, string> = {
  Objective: 'Faster quotes for regional sales teams',
  Options: 'Ask three reps how they quote today',
  Ideation: 'Approve small discounts automatically',
  Prototype: 'Clickable quote form, tested with two reps',
  Test: 'Two reps quote in one day for a month',
  Launch: 'Minimum offer: the form for one region',
};

const stages = (page: Page) => page.getByRole('navigation', { name: 'Stages' });
const current = (page: Page) => stages(page).locator('[aria-current="step"]');

async function writeNoteIn(page: Page, zone: string, text: string): Promise<void> {
  await page.getByRole('button', { name: `Add note to ${zone}`, exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Note text' })).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(noteEntry(zoneSection(page, zone), new RegExp(text))).toBeVisible();
}

test('a journey board moves through its six steps and the summary records each', async ({
  person,
}) => {
  const board = await createBoard(BASE_URL, 'Acme quoting pilot', 'journey');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');
  const cara = await joinedPerson(person, board.links.edit, 'Cara Customer');

  // A journey board shows its steps from the start, at Objective, for everyone.
  await expect(current(sam)).toHaveText(/Objective/);
  await expect(current(cara)).toHaveText(/Objective/);
  await expect(stages(cara).getByRole('button')).toHaveCount(0);

  for (const [index, step] of STEPS.entries()) {
    // The customer writes the cards of the step, as she would while the salesperson listens.
    await writeNoteIn(cara, step, CARDS[step] ?? '');
    if (step === 'Test') {
      const metrics = sam.getByRole('region', { name: 'Test metrics' });
      await metrics.getByLabel('Metric').fill('Days to approve a quote');
      await metrics.getByLabel('Target').fill('1');
      await metrics.getByRole('button', { name: 'Add metric' }).click();
      await expect(cara.getByRole('region', { name: 'Test metrics' })).toContainText(
        'Days to approve a quote',
      );
    }
    const next = STEPS[index + 1];
    if (!next) break;
    await stages(sam).getByRole('button', { name: 'Next step' }).click();
    await expect(current(cara)).toHaveText(new RegExp(next));
    if (step === 'Ideation') await shot(cara, 'journey-prototype-customer');
  }
  await expect(current(sam)).toHaveText(/Launch/);
  await expect(stages(sam).getByRole('button', { name: 'Next step' })).toBeDisabled();
  await sam.getByRole('button', { name: 'Zoom to fit' }).click();
  await shot(sam, 'journey-launch');

  // The summary: each step began in order, with the cards of its zone.
  const token = new URL(board.links.facilitator).hash.replace('#token=', '');
  const response = await fetch(`${BASE_URL}/api/boards/${board.id}/summary?format=json`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  const summary = (await response.json()) as {
    stages: {
      label: string;
      startedAt: string | null;
      current: boolean;
      notes?: { text: string }[];
    }[];
  };
  expect(summary.stages.map((s) => s.label)).toEqual(STEPS);
  const began = summary.stages.map((s) => Date.parse(s.startedAt ?? ''));
  expect(began.every((t) => Number.isFinite(t))).toBe(true);
  expect([...began].sort((a, b) => a - b)).toEqual(began);
  expect(summary.stages.at(-1)?.current).toBe(true);
  const markdown = await (
    await fetch(`${BASE_URL}/api/boards/${board.id}/summary?format=md`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).text();
  for (const step of STEPS) {
    const card = (CARDS[step] ?? '').replace(/[.,]/g, '\\$&');
    expect(markdown).toMatch(
      new RegExp(`\\n- ${step} — began [^\\n]+\\n {2}- ${card} — \\*Cara Customer\\*`),
    );
  }
  expect(markdown).toMatch(/- Launch — began [^\n]+ \(current\)/);
});
