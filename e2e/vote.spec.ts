import type { Note, Zone } from '@dartboard/board';
import type { Page } from '@playwright/test';
import { readBoard } from './boardReader.js';
import { BASE_URL } from './env.js';
import {
  addNoteAt,
  canvas,
  createBoard,
  expect,
  joinedPerson,
  noteEntry,
  outline,
  ownColour,
  shot,
  test,
} from './support.js';

// Ground rules and dot voting: a customer agrees to the rules when joining and the facilitator
// sees it; a vote on one zone, with dots placed and taken back by clicking cards, none of which
// anyone else sees until "Reveal votes"; then everyone sees the counts, after a reload too.

interface Spot {
  x: number;
  y: number;
}

interface Report {
  zoom: number;
  zones: { x: number; y: number }[];
}

/** The page's layout probe (canvas/layoutProbe.ts): the zoom and the zones on screen. */
function layout(page: Page): Promise<Report | undefined> {
  return page.evaluate(() =>
    (window as { __dartboard?: { layout(): Report } }).__dartboard?.layout(),
  );
}

/** Where a board point is on this page (page pixels), from the zones' places on screen. */
async function onScreen(page: Page, zones: Zone[], point: Spot): Promise<Spot> {
  const report = await layout(page);
  const box = await canvas(page).boundingBox();
  const zone = zones[0];
  const shown = report?.zones[0];
  if (!report || !box || !zone || !shown) throw new Error('no layout report');
  return {
    x: box.x + shown.x + (point.x - zone.x) * report.zoom,
    y: box.y + shown.y + (point.y - zone.y) * report.zoom,
  };
}

async function cardCentre(page: Page, board: { notes: Note[]; zones: Zone[] }, text: string) {
  const note = board.notes.find((n) => n.text === text);
  if (!note) throw new Error(`no card "${text}"`);
  return onScreen(page, board.zones, { x: note.x + note.width / 2, y: note.y + note.height / 2 });
}

/** The first of this person's dots on a card (voteDots.ts in packages/board: on its top edge, at the right). */
async function firstDot(page: Page, board: { notes: Note[]; zones: Zone[] }, text: string) {
  const note = board.notes.find((n) => n.text === text);
  if (!note) throw new Error(`no card "${text}"`);
  const zoom = (await layout(page))?.zoom ?? 1;
  const r = Math.max(16, 7 / zoom);
  return onScreen(page, board.zones, { x: note.x + note.width - 12 - r, y: note.y });
}

/** Pixels of `hex` (#rrggbb) in a page box, with every layer of the board canvas composed. */
async function pixelsOf(page: Page, centre: Spot, hex: string): Promise<number> {
  return page.evaluate(
    ({ centre, hex }) => {
      const layers = [...document.querySelectorAll('[data-testid="board-canvas"] canvas')];
      const first = layers[0];
      if (!(first instanceof HTMLCanvasElement)) throw new Error('no board canvas');
      const frame = first.getBoundingClientRect();
      const ratio = first.width / frame.width;
      const size = Math.round(150 * ratio);
      const composed = document.createElement('canvas');
      composed.width = size;
      composed.height = size;
      const context = composed.getContext('2d');
      if (!context) throw new Error('no 2d context');
      const left = Math.round((centre.x - frame.left - 75) * ratio);
      const top = Math.round((centre.y - frame.top - 75) * ratio);
      for (const layer of layers) {
        if (layer instanceof HTMLCanvasElement) {
          context.drawImage(layer, left, top, size, size, 0, 0, size, size);
        }
      }
      const rgb = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
      const data = context.getImageData(0, 0, size, size).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (rgb.every((value, k) => Math.abs(value - (data[i + k] ?? 0)) <= 8)) count++;
      }
      return count;
    },
    { centre, hex },
  );
}

const BADGE = '#1e3a8a';

async function fromMore(page: Page, item: string) {
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menu', { name: 'More' }).getByRole('menuitem', { name: item }).click();
}

const voteBar = (page: Page) => page.getByRole('region', { name: 'Vote' });
const dotsLeft = (page: Page) => voteBar(page).getByRole('status');
const ranking = (page: Page) => voteBar(page).getByRole('list', { name: 'Cards by votes' });

test('ground rules agreed on joining; a dot vote on one zone, revealed to everyone', async ({
  person,
}) => {
  test.setTimeout(90_000);
  const created = await createBoard(BASE_URL, 'Acme vote');
  const sam = await joinedPerson(person, created.links.facilitator, 'Sam Seller');
  // The facilitator is not asked to agree on joining; the rules are one click away.
  await expect(sam.getByRole('dialog', { name: 'Ground rules' })).toHaveCount(0);
  await addNoteAt(sam, 0.15, 0.3, 'Pilot with two teams');
  await addNoteAt(sam, 0.33, 0.3, 'Training first');
  await addNoteAt(sam, 0.25, 0.75, 'Pricing risk');

  // The customer sees the ground rules on joining, and agrees.
  const cara = await joinedPerson(person, created.links.edit, 'Cara Customer', {
    groundRules: 'keep',
  });
  const rules = cara.getByRole('dialog', { name: 'Ground rules' });
  await expect(rules).toBeVisible();
  await expect(rules.getByRole('listitem').first()).toHaveText(/We talk as equals/);
  await rules.getByRole('button', { name: 'I agree' }).click();
  await expect(rules).toContainText('You agreed at');
  await expect(rules.getByRole('button', { name: 'Withdraw my agreement' })).toBeFocused();
  await shot(cara, 'ground-rules');
  await cara.keyboard.press('Escape');
  await expect(rules).toHaveCount(0);

  // The facilitator's panel says who agreed, and when.
  await sam.getByRole('button', { name: 'Ground rules' }).click();
  const samRules = sam.getByRole('dialog', { name: 'Ground rules' });
  await expect(samRules.getByRole('list', { name: /^Agreed \(1 of 2\)$/ })).toContainText(
    /Cara Customer at \d/,
  );
  await expect(samRules).toContainText('Not yet: Sam Seller');
  await samRules.getByRole('button', { name: 'Close ground rules' }).click();

  const vic = await joinedPerson(person, created.links.view, 'Vic Viewer');
  await expect(vic.getByRole('dialog', { name: 'Ground rules' })).toHaveCount(0);

  // A two-dot vote on the cards of Dialogue.
  await fromMore(sam, 'Start vote');
  const form = sam.getByRole('dialog', { name: 'Start vote' });
  await expect(form.getByLabel('Dots per person')).toHaveValue('3');
  await form.getByLabel('Dots per person').fill('2');
  await form.getByLabel('Cards to vote on').selectOption({ label: 'Dialogue' });
  await form.getByRole('button', { name: 'Start vote' }).click();
  await expect(dotsLeft(cara)).toHaveText('Vote: 2 of 2 dots left');
  await expect(voteBar(cara)).toContainText('on the cards in Dialogue');
  // Said politely to whoever does not watch the bar appear.
  await expect(cara.locator('[data-vote-news]')).toHaveText(
    'A vote has started: 2 dots each, on the cards in Dialogue.',
  );
  await expect(voteBar(sam)).toContainText('0 of 2 people have voted');

  // Cara clicks two cards, cannot place a third dot, takes one back and places it elsewhere.
  const board = await readBoard(created.links.edit);
  const pilot = await cardCentre(cara, board, 'Pilot with two teams');
  const training = await cardCentre(cara, board, 'Training first');
  await cara.mouse.click(pilot.x, pilot.y);
  await expect(dotsLeft(cara)).toHaveText('Vote: 1 of 2 dots left');
  await cara.mouse.click(training.x, training.y);
  await expect(dotsLeft(cara)).toHaveText('Vote: 0 of 2 dots left');
  await cara.mouse.click(pilot.x, pilot.y);
  await expect(cara.getByText(/^No dots left: you have used all your 2 dots/)).toBeVisible();
  await expect(dotsLeft(cara)).toHaveText('Vote: 0 of 2 dots left');
  await expect(voteBar(sam)).toContainText('1 of 2 people have voted');
  await shot(cara, 'vote-customer');
  const dot = await firstDot(cara, board, 'Training first');
  await cara.mouse.click(dot.x, dot.y);
  await expect(dotsLeft(cara)).toHaveText('Vote: 1 of 2 dots left');
  // A card outside the zone gets no dot.
  const pricing = await cardCentre(cara, board, 'Pricing risk');
  await cara.mouse.click(pricing.x, pricing.y);
  await expect(cara.getByText('This vote is only on the cards in Dialogue.')).toBeVisible();
  await cara.mouse.click(pilot.x, pilot.y);
  await expect(dotsLeft(cara)).toHaveText('Vote: 0 of 2 dots left');

  // Sam votes with the keyboard's way: the card selected in the outline, then "Place dot".
  await noteEntry(outline(sam), 'Training first').click();
  await voteBar(sam).getByRole('button', { name: 'Place dot' }).click();
  await expect(dotsLeft(sam)).toHaveText('Vote: 1 of 2 dots left');
  await expect(voteBar(sam)).toContainText('2 of 2 people have voted');

  // Before the reveal, each sees their own dots only, and the viewer none and nothing to place.
  const samColour = await ownColour(sam);
  const caraColour = await ownColour(cara);
  const samTraining = await cardCentre(sam, board, 'Training first');
  await expect.poll(() => pixelsOf(sam, samTraining, samColour)).toBeGreaterThan(50);
  await expect.poll(() => pixelsOf(cara, pilot, caraColour)).toBeGreaterThan(50);
  expect(await pixelsOf(cara, training, samColour)).toBe(0);
  await expect(voteBar(vic)).toContainText('Vote in progress');
  await expect(vic.getByRole('button', { name: 'Place dot' })).toHaveCount(0);
  await expect(voteBar(cara).getByRole('list')).toHaveCount(0);
  const vicPilot = await cardCentre(vic, board, 'Pilot with two teams');
  await vic.mouse.click(vicPilot.x, vicPilot.y);
  expect(await pixelsOf(vic, vicPilot, BADGE)).toBe(0);

  // Revealed: the counts on the cards and the ranking, for all three, after a reload too.
  await voteBar(sam).getByRole('button', { name: 'Reveal votes' }).click();
  await expect(vic.locator('[data-vote-news]')).toHaveText(
    'Votes revealed: every card now shows its count.',
  );
  for (const page of [sam, cara, vic]) {
    await expect(ranking(page).getByRole('listitem')).toHaveText([
      /^2 dots\s*Pilot with two teams\s*Cara Customer ×2$/,
      /^1 dot\s*Training first\s*Sam Seller$/,
    ]);
  }
  await expect.poll(() => pixelsOf(vic, vicPilot, BADGE)).toBeGreaterThan(100);
  await expect(voteBar(cara).getByRole('button', { name: 'Place dot' })).toHaveCount(0);
  await sam.keyboard.press('Escape');
  await vic.mouse.move(5, 5);
  await cara.mouse.move(5, 5);
  await shot(sam, 'vote');
  await cara.reload();
  await vic.reload();
  for (const page of [cara, vic]) {
    await expect(ranking(page).getByRole('listitem')).toHaveCount(2);
  }
  // The customer, back, is not asked to agree again.
  await expect(cara.getByRole('dialog', { name: 'Ground rules' })).toHaveCount(0);

  // On a phone: the result fits the width, and the rules are in "More", as a sheet.
  await cara.setViewportSize({ width: 390, height: 844 });
  const bar = await voteBar(cara).boundingBox();
  expect(bar && bar.x >= 0 && bar.x + bar.width <= 390).toBe(true);
  expect(await cara.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(cara, 'vote-phone');
  await fromMore(cara, 'Ground rules');
  const sheet = cara.getByRole('dialog', { name: 'Ground rules' });
  await expect(sheet).toContainText('You agreed at');
  const box = await sheet.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  await shot(cara, 'ground-rules-phone');
  await sheet.getByRole('button', { name: 'Close ground rules' }).click();
  await expect(cara.getByRole('button', { name: 'More' })).toBeFocused();
});
