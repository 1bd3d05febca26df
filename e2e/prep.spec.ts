import type { Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import {
  type CreatedBoard,
  canvasPoint,
  expect,
  expectLive,
  joinedPerson,
  noteEntry,
  outline,
  shot,
  test,
  zoneSection,
} from './support.js';

// The facilitator's preparation: a panel only their page has, saved on the server apart from the
// board, with a question deck whose questions become cards everyone sees.

async function createSpinBoard(title: string): Promise<CreatedBoard> {
  const response = await fetch(`${BASE_URL}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, template: 'spin' }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as CreatedBoard;
}

function panel(page: Page) {
  return page.getByRole('complementary', { name: 'Preparation' });
}

/** The deck's item that holds the question field `label` ("Problem question 1"). */
function deckItem(page: Page, label: string) {
  return panel(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('textbox', { name: label, exact: true }) });
}

async function expectSaved(page: Page) {
  await expect(panel(page).getByRole('status')).toHaveText('Saved');
}

test('the facilitator prepares, asks a question the customer sees, and the deck marks it asked', async ({
  person,
}) => {
  const board = await createSpinBoard('Acme discovery');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');

  // The customer's page, with every request it makes written down.
  const customer = await person();
  const requests: string[] = [];
  customer.on('request', (request) => requests.push(request.url()));
  await customer.goto(board.links.edit);
  await customer.getByLabel('Your name').fill('Dana Buyer');
  await customer.getByRole('button', { name: 'Join' }).click();
  await expectLive(customer);

  await sam.getByRole('button', { name: 'Prepare', exact: true }).click();
  const prep = panel(sam);
  await expect(prep.getByRole('heading', { name: 'Preparation' })).toBeFocused();
  await expectSaved(sam);
  await expect(prep.getByRole('button', { name: 'Ask', exact: true })).toHaveCount(12);

  await prep.getByLabel('Customer name', { exact: true }).fill('Dana Buyer');
  await prep.getByLabel('Company', { exact: true }).fill('Acme Logistics');
  await prep.getByRole('textbox', { name: 'Session goal' }).fill('Agree the scope of a pilot');
  await prep.getByRole('checkbox', { name: 'The session goal' }).check();
  await prep.getByRole('button', { name: 'Add suggested indicators' }).click();
  await prep.getByLabel('Rating').first().selectOption({ label: '4 of 5' });
  await prep.getByRole('textbox', { name: 'Private notes' }).fill('Dana decides; the CFO signs.');
  const question = 'What slows your month-end close the most?';
  await prep.getByRole('textbox', { name: 'Problem question 1', exact: true }).fill(question);
  await expect(prep.getByRole('status')).toHaveText('Saving…');
  await expectSaved(sam);

  // Ask: a question card in the Problem zone, on the customer's screen too.
  await deckItem(sam, 'Problem question 1').getByRole('button', { name: 'Ask' }).click();
  await expect(noteEntry(zoneSection(customer, 'Problem'), new RegExp(question))).toBeVisible();
  await expect(deckItem(sam, 'Problem question 1')).toContainText('Asked');
  await expect(prep.getByRole('heading', { name: /^Problem/ })).toContainText('1 of 3 asked');
  await shot(sam, 'prepare-asked');

  // A question dragged from the deck onto the board lands where it is dropped.
  const dragged = await prep
    .getByRole('textbox', { name: 'Situation question 2', exact: true })
    .inputValue();
  const drop = await canvasPoint(sam, 0.3, 0.5);
  await deckItem(sam, 'Situation question 2')
    .getByTitle('Drag onto the board')
    .dragTo(sam.getByTestId('board-canvas'), {
      targetPosition: {
        x: drop.x - ((await sam.getByTestId('board-canvas').boundingBox())?.x ?? 0),
        y: drop.y - ((await sam.getByTestId('board-canvas').boundingBox())?.y ?? 0),
      },
    });
  await expect(noteEntry(outline(customer), new RegExp(dragged.slice(0, 30)))).toBeVisible();
  await expect(deckItem(sam, 'Situation question 2')).toContainText('Asked');

  // Escape closes the panel and puts focus back on "Prepare".
  await prep.getByLabel('Company', { exact: true }).focus();
  await sam.keyboard.press('Escape');
  await expect(prep).toBeHidden();
  await expect(sam.getByRole('button', { name: 'Prepare', exact: true })).toBeFocused();

  // A reload keeps everything.
  await sam.reload();
  await expectLive(sam);
  await sam.getByRole('button', { name: 'Prepare', exact: true }).click();
  await expect(prep.getByLabel('Customer name', { exact: true })).toHaveValue('Dana Buyer');
  await expect(prep.getByLabel('Company', { exact: true })).toHaveValue('Acme Logistics');
  await expect(prep.getByRole('textbox', { name: 'Session goal' })).toHaveValue(
    'Agree the scope of a pilot',
  );
  await expect(prep.getByRole('checkbox', { name: 'The session goal' })).toBeChecked();
  await expect(prep.getByLabel('Rating').first()).toHaveValue('4');
  await expect(prep.getByRole('textbox', { name: 'Problem question 1', exact: true })).toHaveValue(
    question,
  );
  await expect(deckItem(sam, 'Problem question 1')).toContainText('Asked');
  // The board beside the panel, for docs/screenshots/prepare.png.
  await sam.getByRole('button', { name: 'Outline' }).click();
  await shot(sam, 'prepare');

  // The customer's page never asked for the preparation and offers no way to.
  expect(requests.filter((url) => url.includes('/prep'))).toEqual([]);
  await expect(customer.getByRole('button', { name: 'Prepare' })).toHaveCount(0);
  await expect(customer.getByText('Acme Logistics')).toHaveCount(0);
});

test('on a phone, the facilitator opens the preparation from "More"', async ({ browser }) => {
  const board = await createSpinBoard('Phone prep');
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(board.links.facilitator);
    await page.getByLabel('Your name').fill('Sam Seller');
    await page.getByRole('button', { name: 'Join' }).click();
    await expectLive(page);
    await expect(page.getByRole('button', { name: 'Prepare' })).toHaveCount(0);
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('menuitem', { name: 'Prepare' }).click();
    await expect(panel(page).getByRole('heading', { name: 'Preparation' })).toBeFocused();
    await expect(panel(page).getByRole('status')).toHaveText('Saved');
    await deckItem(page, 'Implication question 1').getByRole('button', { name: 'Ask' }).click();
    await expect(deckItem(page, 'Implication question 1')).toContainText('Asked');
    await shot(page, 'prepare-phone');
    await page.keyboard.press('Escape');
    await expect(panel(page)).toBeHidden();
    await expect(page.getByRole('button', { name: 'More' })).toBeFocused();
  } finally {
    await context.close();
  }
});
