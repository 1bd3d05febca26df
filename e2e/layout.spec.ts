import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import { createBoard, expect, join, joinedPerson, outline, shot, test } from './support.js';

// The chrome around the board holds up on every screen a meeting happens on: nothing in the top
// bar, the toolbar or the zoom controls covers anything else or runs off the screen, for each
// role, with and without a note selected, from a wide monitor down to a small phone.

interface Screen {
  name: string;
  options: BrowserContextOptions;
  /** Three more people join, so that the people list has to show "+N". */
  crowd?: boolean;
}

const SCREENS: Screen[] = [
  { name: 'desktop-1440', options: { viewport: { width: 1440, height: 900 } } },
  { name: 'laptop-1280', options: { viewport: { width: 1280, height: 800 } }, crowd: true },
  { name: 'tablet-1024', options: { viewport: { width: 1024, height: 768 }, hasTouch: true } },
  {
    name: 'phone-landscape-844',
    options: { viewport: { width: 844, height: 390 }, isMobile: true, hasTouch: true },
  },
  {
    name: 'phone-390',
    options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  },
  {
    name: 'phone-360',
    options: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
    crowd: true,
  },
];

const LONG_TITLE = 'Acme Corporation: renewal and expansion workshop with the operations team';

/** One person's page in a browser context of this screen's kind; closed by the caller. */
async function openAs(browser: Browser, screen: Screen, link: string, name: string) {
  const context = await browser.newContext({ ...screen.options, baseURL: BASE_URL });
  const page = await context.newPage();
  await page.goto(link);
  await join(page, name);
  return page;
}

interface Placed {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Every visible control of the top bar, the toolbar and the zoom controls, with its box: the
 * buttons, links, inputs and headings, the people list and the connection badge.
 */
function controlsOnScreen(page: Page): Promise<Placed[]> {
  return page.evaluate(() => {
    const areas = document.querySelectorAll('header, [role="toolbar"], main fieldset');
    const controls = new Set<Element>();
    for (const area of areas) {
      for (const element of area.querySelectorAll(
        'a, button, input, h1, [role="status"], ul, .tag, .toolbar-label',
      )) {
        controls.add(element);
      }
    }
    return [...controls].flatMap((element) => {
      // A control inside another (an avatar's "Follow" button in the people list) is checked
      // as part of it: lying within its own list is not covering anything.
      for (const other of controls) if (other !== element && other.contains(element)) return [];
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') return [];
      const name =
        element.getAttribute('aria-label') ?? element.textContent?.trim() ?? element.tagName;
      return [{ name, x: box.x, y: box.y, width: box.width, height: box.height }];
    });
  });
}

function overlap(a: Placed, b: Placed): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0.5 && h > 0.5;
}

/** No two controls overlap, and each is wholly on screen. */
async function expectNothingCovered(page: Page, what: string) {
  const size = page.viewportSize();
  if (!size) throw new Error('no viewport');
  const placed = await controlsOnScreen(page);
  expect(placed.length, `${what}: controls found`).toBeGreaterThan(4);
  const problems: string[] = [];
  for (const [i, a] of placed.entries()) {
    const inside =
      a.x >= -0.5 &&
      a.y >= -0.5 &&
      a.x + a.width <= size.width + 0.5 &&
      a.y + a.height <= size.height + 0.5;
    if (!inside) problems.push(`"${a.name}" runs off the screen`);
    for (const b of placed.slice(i + 1)) {
      if (overlap(a, b)) problems.push(`"${a.name}" overlaps "${b.name}"`);
    }
  }
  expect(problems, what).toEqual([]);
}

/** What a finger or a click at the middle of "Add note" lands on is "Add note". */
async function expectAddNoteClickable(page: Page, what: string) {
  const add = page.getByRole('button', { name: 'Add note', exact: true });
  await expect(add, what).toBeVisible();
  const hitsItself = await add.evaluate((button) => {
    const box = button.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return hit !== null && button.contains(hit);
  });
  expect(hitsItself, `${what}: "Add note" is not covered`).toBe(true);
}

const isPhone = (screen: Screen) => (screen.options.viewport?.width ?? 0) < 720;

/**
 * A phone's top bar: "Share" and the exports wait in the "More" menu, which works by
 * touch and keyboard and stays on screen; "Outline" opens a sheet over the whole board.
 */
async function expectPhoneChrome(page: Page, screen: Screen) {
  const more = page.getByRole('button', { name: 'More' });
  await more.tap();
  const menu = page.getByRole('menu', { name: 'More' });
  await expect(menu.getByRole('menuitem', { name: 'Share' })).toBeFocused();
  for (const item of ['Export Markdown (.md)', 'Export JSON (.json)', 'Export CSV (.csv)']) {
    await expect(menu.getByRole('menuitem', { name: item })).toBeVisible();
  }
  const box = await menu.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= (screen.options.viewport?.width ?? 0)).toBe(
    true,
  );
  await shot(page, `layout-${screen.name}-more-menu`);
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Export Markdown (.md)' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(more).toBeFocused();
  await more.tap();
  await menu.getByRole('menuitem', { name: 'Share' }).tap();
  const dialog = page.getByRole('dialog', { name: 'Share this board' });
  await expect(dialog.getByLabel('Customer link', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).tap();

  // Offline with a change not saved: the badge says so in words, and still nothing overlaps.
  await page.context().setOffline(true);
  await expect(page.getByRole('status', { name: /^Connection: Offline/ })).toBeVisible();
  await page.keyboard.press('n');
  await page.keyboard.type('Written offline');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('status', { name: /not saved yet/ })).toBeVisible();
  await expectNothingCovered(page, `${screen.name}, offline`);
  await shot(page, `layout-${screen.name}-offline`);
  await page.context().setOffline(false);
  await expect(page.getByRole('status', { name: 'Connection: Live' })).toBeVisible({
    timeout: 10_000,
  });

  const toggle = page.getByRole('button', { name: 'Outline' });
  await toggle.tap();
  const sheet = outline(page);
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('2 notes in 4 zones');
  expect((await sheet.boundingBox())?.width).toBe(screen.options.viewport?.width);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await shot(page, `layout-${screen.name}-outline`);
  await toggle.tap();
  await expect(sheet).toHaveCount(0);
}

for (const screen of SCREENS) {
  test(`nothing in the chrome overlaps at ${screen.name}`, async ({ browser, person }) => {
    const board = await createBoard(BASE_URL, LONG_TITLE);
    const sam = await openAs(browser, screen, board.links.facilitator, 'Sam Seller');
    const cara = await openAs(browser, screen, board.links.edit, 'Cara Customer');
    const vic = await openAs(browser, screen, board.links.view, 'Vic Viewer');
    try {
      await sam.getByRole('button', { name: 'Add note', exact: true }).click();
      await sam.keyboard.type('Pilot with two teams in Q1');
      await sam.keyboard.press('Escape');
      const crowd = screen.crowd ? ['Ann Analyst', 'Bo Buyer', 'Di Director'] : [];
      for (const name of crowd) await joinedPerson(person, board.links.edit, name);
      await expect(
        vic.getByRole('list', { name: `People here: ${3 + crowd.length}` }),
      ).toBeAttached();

      const people = [
        { page: sam, role: 'facilitator', editor: true },
        { page: cara, role: 'customer', editor: true },
        { page: vic, role: 'viewer', editor: false },
      ];
      for (const { page, role, editor } of people) {
        await expect(page.getByRole('heading', { name: LONG_TITLE })).toBeVisible();
        await page.keyboard.press('Escape');
        await expectNothingCovered(page, `${screen.name}, ${role}, nothing selected`);
        if (editor) await expectAddNoteClickable(page, `${screen.name}, ${role}`);
        await shot(page, `layout-${screen.name}-${role}`);

        await page.keyboard.press('ControlOrMeta+a');
        if (editor) {
          await expect(page.getByRole('button', { name: 'Delete note' })).toBeVisible();
        }
        await expectNothingCovered(page, `${screen.name}, ${role}, a note selected`);
        if (editor) await expectAddNoteClickable(page, `${screen.name}, ${role}, a note selected`);
        await shot(page, `layout-${screen.name}-${role}-selected`);
        await page.keyboard.press('Escape');
      }
      if (isPhone(screen)) await expectPhoneChrome(sam, screen);
    } finally {
      await Promise.all([sam, cara, vic].map((page) => page.context().close()));
    }
  });
}
