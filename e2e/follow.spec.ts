import type { Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import { canvasPoint, createBoard, drag, expect, joinedPerson, shot, test } from './support.js';

// Following another person's view: by choice from the people list, or brought by the
// facilitator; moving the view oneself leaves it.

const FOLLOW = { timeout: 3_000 };

/** Where the board is on this page: the zoom and the first zone's top-left corner. */
async function view(page: Page): Promise<{ zoom: number; x: number; y: number }> {
  return page.evaluate(() => {
    type Report = { zoom: number; zones: { x: number; y: number }[] };
    const probe = (window as { __dartboard?: { layout(): Report } }).__dartboard;
    const report = probe?.layout();
    if (!report) throw new Error('no layout probe');
    const zone = report.zones[0] ?? { x: 0, y: 0 };
    return { zoom: report.zoom, x: zone.x, y: zone.y };
  });
}

/** `page` shows the board where `leader` does (both pages have the same size). */
async function expectSameView(page: Page, leader: Page) {
  await expect
    .poll(async () => {
      const [a, b] = [await view(page), await view(leader)];
      return Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y), Math.abs(a.zoom - b.zoom) * 100);
    }, FOLLOW)
    .toBeLessThan(2);
}

async function wheelPan(page: Page, dx: number, dy: number) {
  const at = await canvasPoint(page, 0.5, 0.5);
  await page.mouse.move(at.x, at.y);
  await page.mouse.wheel(dx, dy);
}

test('a customer follows the facilitator, leaves by dragging, and is brought and released', async ({
  person,
}) => {
  const board = await createBoard(BASE_URL, 'Follow check');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');
  const cara = await joinedPerson(person, board.links.edit, 'Cara Customer');
  const banner = cara.getByRole('status').filter({ hasText: 'Following Sam Seller' });

  // Cara follows Sam from the people list; Sam zooms and pans, and Cara's view goes with him.
  await cara.getByRole('button', { name: 'Follow Sam Seller' }).click();
  await expect(banner).toBeVisible();
  await sam.getByRole('button', { name: 'Zoom in' }).click();
  await wheelPan(sam, 240, 120);
  await expectSameView(cara, sam);
  expect((await view(cara)).zoom).toBeGreaterThan(0);
  await expect(cara.locator('.view-frame[data-follows="Sam Seller"]')).toBeVisible();
  await shot(cara, 'follow-following');

  // Cara drags the board herself: she stops following, and Sam's next move leaves her be.
  await drag(cara, await canvasPoint(cara, 0.5, 0.85), await canvasPoint(cara, 0.3, 0.7));
  await expect(banner).toHaveCount(0);
  const left = await view(cara);
  await wheelPan(sam, -300, 0);
  await cara.waitForTimeout(500);
  expect(await view(cara)).toEqual(left);

  // Sam brings everyone to his view; Cara follows again until he releases everyone.
  await sam.getByRole('button', { name: 'More' }).click();
  await sam.getByRole('menuitem', { name: 'Bring everyone here' }).click();
  await expect(banner).toBeVisible(FOLLOW);
  await expectSameView(cara, sam);
  await wheelPan(sam, 0, 200);
  await expectSameView(cara, sam);
  await shot(cara, 'follow-brought');
  // Someone who comes in meanwhile is brought too, rather than shown the whole board.
  const vic = await joinedPerson(person, board.links.view, 'Vic Viewer');
  await expect(vic.getByRole('status').filter({ hasText: 'Following Sam Seller' })).toBeVisible(
    FOLLOW,
  );
  await expectSameView(vic, sam);
  await shot(vic, 'follow-late-viewer');
  await sam.getByRole('button', { name: 'More' }).click();
  await sam.getByRole('menuitem', { name: 'Release everyone' }).click();
  await expect(banner).toHaveCount(0, FOLLOW);
  const released = await view(cara);
  await wheelPan(sam, 200, 0);
  await cara.waitForTimeout(500);
  expect(await view(cara)).toEqual(released);

  // The facilitator's menu action is not there for a customer.
  await expect(cara.getByRole('menuitem', { name: 'Bring everyone here' })).toHaveCount(0);
});

test('someone folded into "+N" in a crowded list can still be followed', async ({ person }) => {
  const board = await createBoard(BASE_URL, 'Crowded follow');
  const names = ['Ann Analyst', 'Bo Buyer', 'Di Director', 'Ed Engineer', 'Flo Finance'];
  for (const name of names) await joinedPerson(person, board.links.edit, name);
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');
  const list = sam.getByRole('list', { name: 'People here: 6' });
  await expect(list).toBeVisible();
  // Four avatars, then "+2" for the rest (the last to come in).
  const more = list.getByRole('button', { name: '2 others here' });
  await expect(more).toHaveText('+2');
  await more.click();
  const menu = sam.getByRole('menu', { name: 'Others here' });
  await expect(menu.getByRole('menuitemcheckbox')).toHaveCount(2);
  await shot(sam, 'follow-more-people');
  await sam.keyboard.press('ArrowDown');
  const last = menu.getByRole('menuitemcheckbox', { name: /Follow Flo Finance/ });
  await expect(last).toBeFocused();
  await sam.keyboard.press('Enter');
  await expect(sam.getByRole('status').filter({ hasText: 'Following Flo Finance' })).toBeVisible();
  await expect(more).toBeFocused();
  await more.click();
  const flo = menu.getByRole('menuitemcheckbox').filter({ hasText: 'Flo Finance' });
  await expect(flo).toHaveAttribute('aria-checked', 'true');
  await expect(flo).toHaveAccessibleName(/^Stop following Flo Finance/);
});
