import type { Page } from '@playwright/test';
import { readBoard } from './boardReader.js';
import { BASE_URL } from './env.js';
import {
  canvasPoint,
  createBoard,
  expect,
  expectLive,
  joinedPerson,
  noteEntry,
  outline,
  shot,
  test,
} from './support.js';

// Card kinds: each made from the toolbar's "Add card" menu and by its key, its details set,
// one card turned into another kind, a question answered; the customer sees it all live, the
// board keeps it across a reload, and text typed into a card's fields stays text.

const HOSTILE = '<img src=x onerror=alert(1)>';
const DUE = `${new Date().getFullYear()}-12-01`;

function tools(page: Page) {
  return page.getByRole('toolbar', { name: 'Board tools' });
}

async function typeCard(page: Page, text: string) {
  await expect(page.getByRole('textbox', { name: 'Note text' })).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

async function addFromMenu(page: Page, item: string, text: string) {
  await tools(page).getByRole('button', { name: 'Add card' }).click();
  await page.getByRole('menu', { name: 'Add card' }).getByRole('menuitem', { name: item }).click();
  await typeCard(page, text);
}

/** Points at an empty spot of the board, then presses a card's key there. */
async function addByKey(page: Page, key: string, at: [number, number], text: string) {
  const point = await canvasPoint(page, at[0], at[1]);
  await page.mouse.click(point.x, point.y);
  await page.keyboard.press(key);
  await typeCard(page, text);
}

test('cards of every kind: made, detailed, converted, answered; live for the customer and kept', async ({
  person,
}) => {
  test.setTimeout(120_000);
  const board = await createBoard(BASE_URL, 'Cards');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam');
  const cara = await joinedPerson(person, board.links.edit, 'Cara');
  const alerts: string[] = [];
  for (const page of [sam, cara]) page.on('dialog', (dialog) => alerts.push(dialog.message()));

  // From the toolbar: a question with its SPIN type, then its answer, typed right away.
  await addFromMenu(sam, 'Add question card', 'What slows onboarding today?');
  await tools(sam).getByRole('combobox', { name: 'Question type' }).selectOption('Problem');
  await tools(sam).getByRole('button', { name: 'Answer', exact: true }).click();
  await typeCard(sam, 'Manual account setup');
  await addFromMenu(sam, 'Add risk card', 'Data migration could stall');
  await tools(sam).getByRole('combobox', { name: 'Weight' }).selectOption('High');

  // By key, under the pointer, in the zones of the DART board.
  await addByKey(sam, 'b', [0.62, 0.3], 'Faster onboarding');
  await tools(sam).getByRole('combobox', { name: 'Weight' }).selectOption('Medium');
  await addByKey(sam, 'i', [0.3, 0.72], 'Pilot with two teams');
  await tools(sam).getByRole('combobox', { name: 'Feasibility' }).selectOption('Realistic');
  await addByKey(sam, 'a', [0.62, 0.72], 'Send the security questionnaire');
  // Letters typed into a card's field are text, not shortcuts.
  await tools(sam).getByRole('textbox', { name: 'Owner' }).fill(HOSTILE);
  await tools(sam).getByLabel('Due date').fill(DUE);
  await addByKey(sam, 'c', [0.3, 0.3], 'Share the rollout plan');
  await tools(sam).getByRole('combobox', { name: 'Side' }).selectOption('Customer');
  await addByKey(sam, 'q', [0.45, 0.45], 'Who signs off the budget?');

  // A plain note turned into a commitment.
  await addByKey(sam, 'n', [0.8, 0.8], 'Weekly check-in');
  await tools(sam).getByRole('combobox', { name: 'Card kind' }).selectOption('Commitment');
  await tools(sam).getByRole('combobox', { name: 'Side' }).selectOption('Both sides');

  // The customer sees every kind and its details, live, answers under their question.
  const seen = outline(cara);
  await expect(seen).toContainText('Problem question: What slows onboarding today?');
  await expect(seen).toContainText('Risk, high: Data migration could stall');
  await expect(seen).toContainText('Benefit, medium: Faster onboarding');
  await expect(seen).toContainText('Idea, realistic: Pilot with two teams');
  await expect(seen).toContainText(
    `Action item, owner ${HOSTILE}, due 1 Dec: Send the security questionnaire`,
  );
  await expect(seen).toContainText('Commitment, customer: Share the rollout plan');
  await expect(seen).toContainText('Question: Who signs off the budget?');
  await expect(seen).toContainText('Commitment, both sides: Weekly check-in');
  const answers = seen.getByRole('list', { name: 'Answers (1)' });
  await expect(answers).toContainText('Answer: Manual account setup');

  // The customer turns the second question into an idea and marks it.
  await noteEntry(seen, /Who signs off the budget/).click();
  await seen.getByLabel('Card kind').selectOption('Idea');
  await seen.getByLabel('Feasibility').selectOption('Needs work');
  await expect(outline(sam)).toContainText('Idea, needs work: Who signs off the budget?');

  // The customer answers a question from the outline too.
  await noteEntry(seen, /What slows onboarding today/).click();
  await seen.getByRole('button', { name: 'Answer', exact: true }).click();
  await typeCard(cara, 'No single owner');
  await expect(outline(sam).getByRole('list', { name: 'Answers (2)' })).toContainText(
    'No single owner',
  );
  await sam.keyboard.press('Escape');
  await shot(sam, 'cards');

  // An independent client reads the same cards from the server.
  const { notes } = await readBoard(board.links.edit);
  const byText = (text: string) => notes.find((note) => note.text === text);
  const question = byText('What slows onboarding today?');
  expect(question?.card).toEqual({ kind: 'question', spin: 'problem', deckId: null });
  expect(byText('Manual account setup')?.card).toEqual({ kind: 'answer', answerTo: question?.id });
  expect(byText('No single owner')?.card).toEqual({ kind: 'answer', answerTo: question?.id });
  expect(byText('Send the security questionnaire')?.card).toEqual({
    kind: 'action',
    owner: HOSTILE,
    due: DUE,
  });
  expect(byText('Who signs off the budget?')?.card).toEqual({
    kind: 'idea',
    feasibility: 'needs-work',
  });
  expect(byText('Weekly check-in')?.card).toEqual({ kind: 'commitment', side: 'both' });
  // The answers lie beside their question, overlapping no other note.
  for (const answer of notes.filter((note) => note.card.kind === 'answer')) {
    for (const other of notes) {
      if (other === answer) continue;
      const apart =
        answer.x >= other.x + other.width ||
        other.x >= answer.x + answer.width ||
        answer.y >= other.y + other.height ||
        other.y >= answer.y + answer.height;
      expect(apart, `"${answer.text}" clear of "${other.text}"`).toBe(true);
    }
  }

  // A reload keeps it all; the owner stayed text everywhere.
  await cara.reload();
  await expectLive(cara);
  await expect(outline(cara)).toContainText('Risk, high: Data migration could stall');
  await expect(outline(cara)).toContainText(`Action item, owner ${HOSTILE}`);
  await expect(outline(cara).getByRole('list', { name: 'Answers (2)' })).toBeVisible();
  await expect(cara.locator('img[src="x"]')).toHaveCount(0);
  expect(alerts).toEqual([]);
  await shot(cara, 'cards-outline');
});

test('a viewer reads the kinds and details but is offered no card controls', async ({ person }) => {
  const board = await createBoard(BASE_URL, 'Cards, view only');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam');
  await addFromMenu(sam, 'Add risk card', 'Vendor lock-in');
  await tools(sam).getByRole('combobox', { name: 'Weight' }).selectOption('Low');
  const vic = await joinedPerson(person, board.links.view, 'Vic');
  await expect(outline(vic)).toContainText('Risk, low: Vendor lock-in');
  await noteEntry(outline(vic), /Vendor lock-in/).click();
  await expect(vic.getByRole('combobox', { name: 'Card kind' })).toHaveCount(0);
  await expect(vic.getByRole('button', { name: 'Add card' })).toHaveCount(0);
  await vic.keyboard.press('r');
  await expect(vic.getByRole('textbox', { name: 'Note text' })).toHaveCount(0);
});
