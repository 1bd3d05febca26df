import type { Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import {
  addNoteAt,
  canvasPoint,
  createBoard,
  drag,
  expect,
  joinedPerson,
  noteEntry,
  shot,
  test,
  zoneSection,
} from './support.js';

// What the customer may not change, the page does not let them change, and says why; the
// facilitator locks and unlocks notes and zones.

const notice = (page: Page) => page.getByRole('status').filter({ hasText: /facilitator/ });

test('the customer cannot move a zone or a locked note, and sees why', async ({ person }) => {
  const board = await createBoard(BASE_URL, 'Locks');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');
  const cara = await joinedPerson(person, board.links.edit, 'Cara Customer');

  await addNoteAt(sam, 0.1, 0.3, 'Price: 40k per year');
  // The note is still selected after editing: lock it from the toolbar.
  await sam.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(sam.getByRole('button', { name: 'Unlock', exact: true })).toBeVisible();
  await expect(noteEntry(zoneSection(cara, 'Dialogue'), /Price: 40k/)).toContainText('locked');

  // Dragging the zone by its header only pans the customer's view, and says why.
  const header = await canvasPoint(cara, 0.3, 0.1);
  await drag(cara, header, { x: header.x + 200, y: header.y + 150 });
  await expect(notice(cara)).toHaveText(/Only the facilitator can move zones\./);
  await cara.keyboard.press('Shift+Digit1');

  // The locked note does not move, open or go away, and the page says why.
  const noteAt = await canvasPoint(cara, 0.1, 0.3);
  await cara.keyboard.press('Escape');
  await drag(cara, noteAt, await canvasPoint(cara, 0.6, 0.3));
  await expect(notice(cara)).toHaveText(/This note is locked by the facilitator\./);
  await shot(cara, 'locked-note-refused');
  await cara.mouse.dblclick(noteAt.x, noteAt.y);
  await expect(cara.getByRole('textbox', { name: 'Note text' })).toHaveCount(0);
  await cara.keyboard.press('Delete');
  await expect(cara.getByText('Locked by the facilitator', { exact: true })).toBeVisible();
  await expect(cara.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  for (const page of [sam, cara]) {
    await expect(zoneSection(page, 'Dialogue')).toHaveAccessibleName('Dialogue (1)');
    await expect(noteEntry(zoneSection(page, 'Dialogue'), /Price: 40k/)).toBeVisible();
  }

  // Unlocked, the customer moves it to Access.
  await noteEntry(zoneSection(sam, 'Dialogue'), /Price: 40k/).click();
  await sam.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(noteEntry(zoneSection(cara, 'Dialogue'), /Price: 40k/)).not.toContainText('locked');
  await cara.keyboard.press('Escape');
  await drag(cara, await canvasPoint(cara, 0.1, 0.3), await canvasPoint(cara, 0.6, 0.3));
  await expect(zoneSection(sam, 'Access')).toHaveAccessibleName('Access (1)');
});

test('the facilitator locks a zone with the keyboard shortcut and unlocks it', async ({
  person,
}) => {
  const board = await createBoard(BASE_URL, 'Zone lock');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');
  const header = await canvasPoint(sam, 0.3, 0.1);
  await sam.mouse.click(header.x, header.y);
  await expect(sam.getByRole('toolbar', { name: 'Board tools' })).toContainText('Dialogue');
  await sam.keyboard.press('Control+Shift+L');
  await expect(sam.getByRole('button', { name: 'Unlock', exact: true })).toBeVisible();
  await shot(sam, 'zone-locked');
  await sam.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(sam.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
});

test('the facilitator replaces the customer link from the Share dialog', async ({ person }) => {
  const board = await createBoard(BASE_URL, 'Replace');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');
  await sam.getByRole('button', { name: 'Share' }).click();
  const customer = sam.locator('.link-field', {
    has: sam.getByRole('textbox', { name: 'Customer link' }),
  });
  await customer.getByRole('button', { name: 'Replace link' }).click();
  await expect(customer.getByRole('alert')).toContainText('Replace the customer link?');
  await shot(sam, 'replace-link-confirm');
  await customer.getByRole('button', { name: 'Cancel' }).click();
  await expect(sam.getByLabel('Customer link', { exact: true })).toHaveValue(board.links.edit);
  await customer.getByRole('button', { name: 'Replace link' }).click();
  await customer.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(customer.getByText('Replaced: the old link no longer works.')).toBeVisible();
  const replaced = await sam.getByLabel('Customer link', { exact: true }).inputValue();
  expect(replaced).not.toBe(board.links.edit);
  expect(replaced).toMatch(new RegExp(`/b/${board.id}#token=[A-Za-z0-9_-]{43}$`));
  await expect(sam.getByLabel('View-only link', { exact: true })).toHaveValue(board.links.view);
  const old = await fetch(`${BASE_URL}/api/boards/${board.id}`, {
    headers: { authorization: `Bearer ${new URL(board.links.edit).hash.slice(7)}` },
  });
  expect(old.status).toBe(401);
});
