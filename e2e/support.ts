import { mkdirSync } from 'node:fs';
import { dirname, join as joinPath } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BrowserContext,
  test as base,
  expect,
  type Locator,
  type Page,
} from '@playwright/test';
import { BASE_URL } from './env.js';

const ROOT = joinPath(dirname(fileURLToPath(import.meta.url)), '..');

export { expect };

/**
 * `test` with `person`: opens a page for one more person in their own browser context (own
 * storage, own cookies), like a second laptop. Every context is closed when the test ends, so
 * no page of an earlier test stays connected and busy while later tests run.
 */
export const test = base.extend<{ person: Person }>({
  person: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (baseURL = BASE_URL) => {
      const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } });
      contexts.push(context);
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

/** Opens a page for one more person, as the `person` fixture does. */
export type Person = (baseURL?: string) => Promise<Page>;

/**
 * `groundRules`: a customer (edit link) joining a board for the first time is shown the ground
 * rules beside the board; they are closed unless the test keeps them ('keep').
 */
export interface JoinOptions {
  groundRules?: 'close' | 'keep';
}

/** One more person who opens `link` and joins as `name`, once their board is live. */
export async function joinedPerson(
  person: Person,
  link: string,
  name: string,
  options: JoinOptions = {},
): Promise<Page> {
  const page = await person();
  await page.goto(link);
  await join(page, name, options);
  return page;
}

/** Answers the join form, if it is shown, and waits until the board is live. */
export async function join(page: Page, name: string, options: JoinOptions = {}): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  const customer = await page.getByText('You can add and edit notes').isVisible();
  await page.getByRole('button', { name: 'Join' }).click();
  await expectLive(page);
  if (customer && options.groundRules !== 'keep') {
    const rules = page.getByRole('dialog', { name: 'Ground rules' });
    await rules.getByRole('button', { name: 'Close ground rules' }).click();
    await expect(rules).toHaveCount(0);
  }
}

export async function expectLive(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: 'Connection: Live' })).toBeVisible({
    timeout: 10_000,
  });
}

export function outline(page: Page): Locator {
  return page.getByRole('region', { name: 'Outline' });
}

/** The outline's section for a zone (or "Outside the zones"). */
export function zoneSection(page: Page, title: string): Locator {
  return outline(page).getByRole('region', { name: new RegExp(`^${title} \\(\\d+\\)$`) });
}

/** A note's entry in the outline, found by its text. */
export function noteEntry(scope: Locator, text: string | RegExp): Locator {
  return scope.getByRole('button', { name: text });
}

export function canvas(page: Page): Locator {
  return page.getByTestId('board-canvas');
}

/** A point on the canvas as fractions of its size. */
export async function canvasPoint(
  page: Page,
  fx: number,
  fy: number,
): Promise<{ x: number; y: number }> {
  const box = await canvas(page).boundingBox();
  if (!box) throw new Error('the canvas is not on screen');
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

/** Double-clicks a point of the canvas (fractions of its size), types a note and closes it. */
export async function addNoteAt(page: Page, fx: number, fy: number, text: string): Promise<void> {
  const at = await canvasPoint(page, fx, fy);
  await page.mouse.dblclick(at.x, at.y);
  await expect(page.getByRole('textbox', { name: 'Note text' })).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

/** Drags with the mouse in small steps, as a person would. */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  options: { release?: boolean } = {},
) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  if (options.release !== false) await page.mouse.up();
}

/**
 * Saves a screenshot under test-results/screens; with UPDATE_DOCS_SCREENSHOTS=1 also under
 * docs/screenshots, where the README shows them.
 */
export async function shot(page: Page, name: string): Promise<void> {
  const targets = [joinPath(ROOT, 'test-results', 'screens')];
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1')
    targets.push(joinPath(ROOT, 'docs', 'screenshots'));
  for (const dir of targets) {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: joinPath(dir, `${name}.png`) });
  }
}

export interface CreatedBoard {
  id: string;
  links: { facilitator: string; edit: string; view: string };
}

/** Creates a board through the API, as an integration would (a DART board by default). */
export async function createBoard(
  baseURL: string,
  title: string,
  template?: 'dart' | 'spin' | 'journey' | 'blank',
): Promise<CreatedBoard> {
  const response = await fetch(`${baseURL}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(template ? { title, template } : { title }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as CreatedBoard;
}

/** A rectangle in page pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * How many pixels of the board's canvases inside `box` have each of `colours` (#rrggbb, each
 * channel within `tolerance`), plus `dark`: pixels dark enough to be text. Reads what the
 * canvas shows, as a person would see it.
 */
export async function canvasColours<Name extends string>(
  page: Page,
  box: Box,
  colours: Record<Name, string>,
  tolerance = 6,
): Promise<Record<Name | 'dark', number>> {
  const counts = await page.evaluate(
    ({ box, colours, tolerance }) => {
      // The board's layers, or on a slow device the copy of them that is moved: those shown.
      const shown = [
        ...document.querySelectorAll<HTMLCanvasElement>('[data-testid="board-canvas"] canvas'),
      ].filter((canvas) => canvas.getClientRects().length > 0);
      const element = shown[0];
      if (!element) throw new Error('no board canvas');
      const frame = element.getBoundingClientRect();
      const ratio = element.width / frame.width;
      // Composed on a canvas of their own: the moved copy shows a bitmap and has no 2D context.
      const copy = document.createElement('canvas');
      copy.width = element.width;
      copy.height = element.height;
      const context = copy.getContext('2d');
      for (const layer of shown) context?.drawImage(layer, 0, 0);
      const data = context?.getImageData(
        Math.round((box.x - frame.left) * ratio),
        Math.round((box.y - frame.top) * ratio),
        Math.round(box.width * ratio),
        Math.round(box.height * ratio),
      ).data;
      if (!data) throw new Error('the board canvas cannot be read');
      const targets = Object.entries(colours).map(([name, hex]) => ({
        name,
        rgb: [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)),
      }));
      const counts: Record<string, number> = { dark: 0 };
      for (const { name } of targets) counts[name] = 0;
      for (let i = 0; i < data.length; i += 4) {
        const pixel = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
        if (pixel.reduce((sum, value) => sum + value) < 3 * 90)
          counts.dark = (counts.dark ?? 0) + 1;
        for (const { name, rgb } of targets)
          if (rgb.every((value, k) => Math.abs(value - (pixel[k] ?? 0)) <= tolerance))
            counts[name] = (counts[name] ?? 0) + 1;
      }
      return counts;
    },
    { box, colours: colours as Record<string, string>, tolerance },
  );
  return counts as Record<Name | 'dark', number>;
}

/** This page's own colour, as its avatar shows it (#rrggbb). */
export async function ownColour(page: Page): Promise<string> {
  return page.evaluate(() => {
    const avatar = document.querySelector('.people li .avatar');
    const rgb = avatar ? getComputedStyle(avatar).backgroundColor.match(/\d+/g) : null;
    if (!rgb) throw new Error('no avatar');
    return `#${rgb
      .slice(0, 3)
      .map((v) => Number(v).toString(16).padStart(2, '0'))
      .join('')}`;
  });
}
