import type { Page } from '@playwright/test';
import {
  createBoard,
  expect,
  expectLive,
  joinedPerson,
  noteEntry,
  outline,
  shot,
  test,
} from './support.js';

// A link's token is its secret: out of sight once the page has read it, and useless (with
// nothing of the board left behind) once the facilitator has replaced it.

const tokenOf = (link: string) => new URL(link).hash.replace('#token=', '');

/** The names of this origin's IndexedDB databases: the browser's copies of boards. */
function localCopies(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
}

test('the address bar shows no token once a link is opened, and a reload still opens the board', async ({
  person,
  baseURL,
}) => {
  const board = await createBoard(baseURL ?? '', 'Secret');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');
  const cara = await joinedPerson(person, board.links.edit, 'Cara Customer');
  for (const page of [sam, cara]) {
    expect(page.url()).toBe(`${baseURL}/b/${board.id}`);
    expect(await page.evaluate(() => window.location.hash)).toBe('');
  }

  await cara.getByRole('button', { name: 'Add note', exact: true }).click();
  await cara.keyboard.type('Still here after a reload');
  await cara.keyboard.press('Escape');
  await expect(noteEntry(outline(sam), /Still here after a reload/)).toBeVisible();
  await expect(cara.getByRole('status', { name: /^Connection:/ })).toHaveAccessibleName(
    'Connection: Live',
  );

  await cara.reload();
  await expectLive(cara);
  expect(cara.url()).toBe(`${baseURL}/b/${board.id}`);
  await expect(noteEntry(outline(cara), /Still here after a reload/)).toBeVisible();
  await expect(cara.getByRole('list', { name: 'People here: 2' })).toContainText('Cara Customer');

  // The facilitator's own browser still lists the session with its link, to come back to.
  await sam.goto('/');
  const recent = sam.getByRole('link', { name: 'Secret' });
  await expect(recent).toHaveAttribute('href', board.links.facilitator);
  await recent.click();
  await expectLive(sam);
  expect(sam.url()).toBe(`${baseURL}/b/${board.id}`);
});

/** The facilitator replaces the customer link, as the Share dialog does. */
async function replaceCustomerLink(
  baseURL: string,
  board: { id: string; links: { facilitator: string } },
) {
  const response = await fetch(`${baseURL}/api/boards/${board.id}/links/rotate`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${tokenOf(board.links.facilitator)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ role: 'edit' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { links: { edit: string } }).links;
}

test('a replaced link sends its holder to a page that says so, and leaves nothing behind', async ({
  person,
  baseURL,
}) => {
  const board = await createBoard(baseURL ?? '', 'Replace');
  const cara = await joinedPerson(person, board.links.edit, 'Cara Customer');
  await cara.getByRole('button', { name: 'Add note', exact: true }).click();
  await cara.keyboard.type('Written before the link was replaced');
  await cara.keyboard.press('Escape');
  await expect(cara.getByRole('status', { name: /^Connection:/ })).toHaveAccessibleName(
    'Connection: Live',
  );
  expect(await localCopies(cara)).toContain(`dartboard:${board.id}:edit`);

  // The facilitator replaces the customer link while Cara is on the board.
  const links = await replaceCustomerLink(baseURL ?? '', board);

  await expect(cara.getByRole('heading', { name: 'This link was replaced' })).toBeVisible({
    timeout: 2_000,
  });
  await expect(cara.getByText('Ask the facilitator for the new link.')).toBeVisible();
  await expect(cara.getByRole('link', { name: 'Go to Dartboard' })).toBeVisible();
  await expect(cara.getByTestId('board-canvas')).toHaveCount(0);
  await shot(cara, 'link-replaced');

  // The browser's copy of the board is gone, and a reload says the same again.
  await expect.poll(() => localCopies(cara)).not.toContain(`dartboard:${board.id}:edit`);
  await cara.reload();
  await expect(cara.getByRole('heading', { name: 'This link was replaced' })).toBeVisible();

  // The new link, pasted into the same tab (only the fragment changes), opens the board.
  await cara.goto(links.edit);
  await expectLive(cara);
  await expect(noteEntry(outline(cara), /Written before the link was replaced/)).toBeVisible();
});

test('a link replaced while its holder was away no longer opens the board, and its copy goes', async ({
  person,
  baseURL,
}) => {
  const board = await createBoard(baseURL ?? '', 'Away');
  const cara = await joinedPerson(person, board.links.edit, 'Cara Customer');
  expect(await localCopies(cara)).toContain(`dartboard:${board.id}:edit`);
  await cara.goto('/');

  await replaceCustomerLink(baseURL ?? '', board);
  await cara.goto(board.links.edit);
  await expect(cara.getByRole('heading', { name: 'This link doesn’t work' })).toBeVisible();
  await expect.poll(() => localCopies(cara)).not.toContain(`dartboard:${board.id}:edit`);
});
