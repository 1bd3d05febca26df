import type { CDPSession, Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import {
  addNoteAt,
  type Box,
  canvasColours,
  canvasPoint,
  createBoard,
  expect,
  join,
  joinedPerson,
  shot,
  test,
} from './support.js';

// A phone in a meeting: one finger taps, drags and long-presses, two fingers pinch. Touches go
// in through the browser's own input pipeline (CDP Input.dispatchTouchEvent), as a touchscreen's
// would, so the page sees the pointer, touch and gesture events a phone sends.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const PINK = '#f9a8d4';

type Point = { x: number; y: number };

/** Fingers on the screen of `page`. */
async function fingers(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: Point[]) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })),
    });
  const between = (a: Point, b: Point, t: number) => ({
    x: a.x + (b.x - a.x) * t,
    y: a.y + (b.y - a.y) * t,
  });
  return {
    async tap(at: Point) {
      await touch('touchStart', [at]);
      await touch('touchEnd', []);
    },
    async doubleTap(at: Point) {
      await this.tap(at);
      await page.waitForTimeout(80);
      await this.tap(at);
    },
    async longPress(at: Point) {
      await touch('touchStart', [at]);
      await page.waitForTimeout(800);
      await touch('touchEnd', []);
    },
    async drag(from: Point, to: Point) {
      await touch('touchStart', [from]);
      for (let step = 1; step <= 12; step++) {
        await touch('touchMove', [between(from, to, step / 12)]);
      }
      await touch('touchEnd', []);
    },
    /** Two fingers `from` px apart about `centre`, spread (or closed) to `to` px apart. */
    async pinch(centre: Point, from: number, to: number) {
      const pair = (d: number) => [
        { x: centre.x - d / 2, y: centre.y },
        { x: centre.x + d / 2, y: centre.y },
      ];
      await touch('touchStart', pair(from));
      for (let step = 1; step <= 12; step++) {
        await touch('touchMove', pair(from + ((to - from) * step) / 12));
      }
      await touch('touchEnd', []);
    },
  };
}

async function zoomPercent(page: Page): Promise<number> {
  const zoom = page.getByRole('button', { name: /^Zoom \d+%, reset to 100%$/ });
  return Number((await zoom.getAttribute('aria-label'))?.match(/\d+/)?.[0]);
}

/** A small square of the canvas around a point. */
const around = (p: Point): Box => ({ x: p.x - 8, y: p.y - 8, width: 16, height: 16 });

async function pinkAt(page: Page, p: Point): Promise<number> {
  return (await canvasColours(page, around(p), { pink: PINK })).pink;
}

test('on a phone a finger adds, edits, drags and opens a note; two fingers zoom', async ({
  browser,
}) => {
  const board = await createBoard(BASE_URL, 'Touch check');
  const context = await browser.newContext({ ...PHONE, baseURL: BASE_URL });
  try {
    const page = await context.newPage();
    await page.goto(board.links.facilitator);
    await join(page, 'Sam Seller');
    const finger = await fingers(page);
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    // The middle of the board is the gap between the four zones.
    const middle = await canvasPoint(page, 0.5, 0.5);

    // Two fingers spreading apart zoom in about the point between them.
    const fitted = await zoomPercent(page);
    await finger.pinch(middle, 40, 200);
    await expect.poll(() => zoomPercent(page)).toBeGreaterThan(fitted * 3);

    // A double tap on empty board adds a note there and opens it for typing: inside Dialogue,
    // up and left of the gap between the zones (a note is never put in the gap itself).
    const spot = { x: middle.x - 60, y: middle.y - 60 };
    await finger.doubleTap(spot);
    const editor = page.getByRole('textbox', { name: 'Note text' });
    await expect(editor).toBeFocused();
    await page.keyboard.type('Tapped in');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Delete note' })).toHaveCount(0);

    // A long press opens the note's actions; Escape or a tap elsewhere closes them.
    const actions = page.getByRole('menu', { name: 'Note actions' });
    await finger.longPress(spot);
    await expect(actions).toBeVisible();
    await shot(page, 'phone');
    for (const name of ['Edit text', 'Lock', 'Delete note']) {
      await expect(actions.getByRole('menuitem', { name, exact: true })).toBeVisible();
    }
    await expect(actions.getByRole('menuitemradio', { name: 'Colour pink' })).toBeVisible();
    await expect(actions.getByRole('menuitem', { name: 'Edit text' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(actions.getByRole('menuitemradio', { name: 'Colour yellow' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(actions).toHaveCount(0);
    await finger.longPress(spot);
    await expect(actions).toBeVisible();
    await finger.tap(await canvasPoint(page, 0.5, 0.15));
    await expect(actions).toHaveCount(0);

    // Colour from the long-press menu: the note turns pink.
    await finger.longPress(spot);
    await actions.getByRole('menuitemradio', { name: 'Colour pink' }).tap();
    await expect(actions).toHaveCount(0);
    await expect.poll(() => pinkAt(page, spot)).toBeGreaterThan(100);

    // One finger drags the note; the board stays put under it.
    const below = { x: spot.x, y: spot.y + 160 };
    const zoomBefore = await zoomPercent(page);
    await finger.drag(spot, below);
    await expect.poll(() => pinkAt(page, below)).toBeGreaterThan(100);
    expect(await pinkAt(page, spot)).toBe(0);
    expect(await zoomPercent(page)).toBe(zoomBefore);

    // A double tap on the note edits its text.
    await finger.doubleTap(below);
    await expect(editor).toBeFocused();
    await expect(editor).toHaveValue('Tapped in');
    await page.keyboard.press('Escape');

    // "Delete note" from the long-press menu deletes it, once.
    await finger.longPress(below);
    await actions.getByRole('menuitem', { name: 'Delete note' }).tap();
    await expect.poll(() => pinkAt(page, below)).toBe(0);
    await page.getByRole('button', { name: 'Outline' }).tap();
    await expect(page.getByRole('region', { name: 'Outline' })).toContainText('0 notes in 4 zones');
  } finally {
    await context.close();
  }
});

test('the note actions open from the keyboard and a right click too', async ({ person }) => {
  const board = await createBoard(BASE_URL, 'Keyboard check');
  const cara = await joinedPerson(person, board.links.edit, 'Cara Customer');
  await addNoteAt(cara, 0.3, 0.3, 'Weekly check-in');
  const actions = cara.getByRole('menu', { name: 'Note actions' });

  // Shift+F10 on the selected note; arrows, Enter and Escape as in any menu.
  await cara.keyboard.press('Shift+F10');
  await expect(actions.getByRole('menuitem', { name: 'Edit text' })).toBeFocused();
  // A customer has no lock to offer.
  await expect(actions.getByRole('menuitem', { name: /Lock/ })).toHaveCount(0);
  await cara.keyboard.press('ArrowDown');
  await cara.keyboard.press('ArrowDown');
  await cara.keyboard.press('ArrowDown');
  await expect(actions.getByRole('menuitemradio', { name: 'Colour pink' })).toBeFocused();
  await cara.keyboard.press('Enter');
  await expect(actions).toHaveCount(0);
  await expect(cara.getByRole('button', { name: 'Colour pink' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await cara.keyboard.press('Shift+F10');
  await expect(actions).toBeVisible();
  await cara.keyboard.press('Escape');
  await expect(actions).toHaveCount(0);
  // The board keeps its selection: Escape closed the menu only.
  await expect(cara.getByRole('button', { name: 'Delete note' })).toBeVisible();

  // A right click on the note, then "Delete note".
  const note = await canvasPoint(cara, 0.3, 0.3);
  await cara.mouse.click(note.x, note.y, { button: 'right' });
  await actions.getByRole('menuitem', { name: 'Delete note' }).click();
  await expect(cara.getByText('0 notes in 4 zones')).toBeVisible();
});
