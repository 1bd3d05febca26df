import type { Locator, Page } from '@playwright/test';
import { createBoard, expect, joinedPerson, noteEntry, outline, shot, test } from './support.js';

// A participant who loses the network keeps working: the badge says what has not been saved,
// the tab asks before it is closed or reloaded with unsaved changes, a reload while offline
// still shows the board with them (the app from its service worker, the board from the
// browser's copy), and everything reaches the others once the network is back.

function badge(page: Page): Locator {
  return page.getByRole('status', { name: /^Connection:/ });
}

/** Waits until the service worker holds the app, so that the page can load without network. */
async function appKeptOffline(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** Waits until everything this page changed is stored by the server. */
async function allSaved(page: Page): Promise<void> {
  await expect(badge(page)).toHaveAccessibleName('Connection: Live', { timeout: 10_000 });
}

test('an offline edit survives a reload and reaches the other person when the connection returns', async ({
  person,
  baseURL,
}) => {
  const board = await createBoard(baseURL ?? '', 'Train ride');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');
  const cara = await joinedPerson(person, board.links.edit, 'Cara Customer');
  await appKeptOffline(cara);

  await cara.context().setOffline(true);
  await expect(badge(cara)).toHaveAccessibleName('Connection: Offline');
  await cara.getByRole('button', { name: 'Add note', exact: true }).click();
  await cara.keyboard.type('Written in the tunnel');
  await cara.keyboard.press('Escape');
  await expect(badge(cara)).toHaveAccessibleName(
    /^Connection: Offline, \d+ changes not saved yet$/,
  );
  await expect(noteEntry(outline(cara), /Written in the tunnel/)).toBeVisible();

  // Reloading asks first, since changes would otherwise only be on this device.
  const dialogs: string[] = [];
  cara.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await cara.reload();
  expect(dialogs).toEqual(['beforeunload']);

  // Still offline: the board shows from this browser's copy, unsent note included.
  await expect(noteEntry(outline(cara), /Written in the tunnel/)).toBeVisible();
  await expect(badge(cara)).toHaveAccessibleName(
    /^Connection: Offline, \d+ changes not saved yet$/,
  );
  await expect(cara.getByRole('heading', { name: 'Train ride' })).toBeVisible();
  await shot(cara, 'offline-reloaded');
  await expect(noteEntry(outline(sam), /Written in the tunnel/)).toHaveCount(0);

  // Back online: the note reaches Sam and is stored.
  await cara.context().setOffline(false);
  await allSaved(cara);
  await expect(noteEntry(outline(sam), /Written in the tunnel/)).toBeVisible({ timeout: 5_000 });
  await sam.reload();
  await expect(noteEntry(outline(sam), /Written in the tunnel/)).toBeVisible();

  // And they go on live.
  await cara.getByRole('button', { name: 'Add note', exact: true }).click();
  await cara.keyboard.type('Back in the open');
  await cara.keyboard.press('Escape');
  await expect(noteEntry(outline(sam), /Back in the open/)).toBeVisible({ timeout: 1_000 });
});

test('the badge says how many changes are not saved while offline', async ({ person, baseURL }) => {
  const board = await createBoard(baseURL ?? '', 'Counting');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');
  await sam.getByRole('button', { name: 'Add note', exact: true }).click();
  await sam.keyboard.type('Nudged offline');
  await sam.keyboard.press('Escape');
  await allSaved(sam);
  await expect(badge(sam)).toHaveText('Live');

  await sam.context().setOffline(true);
  await expect(badge(sam)).toHaveAccessibleName('Connection: Offline');
  // The note stays selected after editing: each arrow key moves it, one change each.
  for (let i = 0; i < 3; i++) await sam.keyboard.press('ArrowRight');
  await expect(badge(sam)).toHaveAccessibleName('Connection: Offline, 3 changes not saved yet');
  await expect(badge(sam)).toContainText('3 changes not saved yet');
  await shot(sam, 'offline-badge');

  await sam.context().setOffline(false);
  await allSaved(sam);
  await expect(badge(sam)).toHaveText('Live');
});
