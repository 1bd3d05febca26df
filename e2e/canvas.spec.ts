import { NOTE_COLORS } from '@dartboard/board';
import type { Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import {
  addNoteAt,
  canvas,
  canvasColours,
  canvasPoint,
  createBoard,
  expect,
  join,
  joinedPerson,
  ownColour,
  shot,
  test,
  zoneSection,
} from './support.js';

// What the canvas itself shows, read from its pixels: notes are painted by a worker, the board
// by an opaque layer with its own grid. The other tests read the board from the outline; this
// one makes sure a person also sees it.

const BOARD = '#f6f5f2';
const GRID_DOT = '#d6d3d1';

test('the canvas shows each note with its colour and text, live, on the dotted board', async ({
  person,
}) => {
  const board = await createBoard(BASE_URL, 'Canvas');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam');
  const cara = await joinedPerson(person, board.links.edit, 'Cara');

  // Sam adds a note in the Transparency zone; both see the same fitted view of the board.
  const at = await canvasPoint(sam, 0.6, 0.7);
  await sam.mouse.dblclick(at.x, at.y);
  await sam.keyboard.type('Budget approval needs the CFO and the works council');
  await sam.keyboard.press('Escape');
  await expect(zoneSection(cara, 'Transparency')).toHaveAccessibleName('Transparency (1)');

  // Inside the note, well clear of its edges: a new note is centred where it was added.
  const inside = { x: at.x - 40, y: at.y - 34, width: 80, height: 60 };
  const colours = { yellow: NOTE_COLORS.yellow, pink: NOTE_COLORS.pink };
  await expect
    .poll(async () => {
      const seen = await canvasColours(cara, inside, colours);
      return seen.yellow > 1500 && seen.dark > 40;
    })
    .toBe(true);

  // A new colour shows on the other screen as soon as it arrives.
  await sam.getByRole('button', { name: 'Colour pink' }).click();
  await expect
    .poll(async () => {
      const seen = await canvasColours(cara, inside, colours);
      return seen.pink > 1500 && seen.yellow < 50 && seen.dark > 40;
    })
    .toBe(true);

  // Above the zones is the bare board, dotted.
  const top = await canvasPoint(cara, 0, 0);
  const corner = await canvasPoint(cara, 0.5, 0.04);
  const strip = { x: top.x, y: top.y, width: corner.x - top.x, height: corner.y - top.y };
  const bare = await canvasColours(cara, strip, { board: BOARD });
  expect(bare.board).toBeGreaterThan(strip.width * strip.height * 0.8);
  // Dots are antialiased: a little lighter than their colour.
  expect((await canvasColours(cara, strip, { dot: GRID_DOT }, 12)).dot).toBeGreaterThan(20);
  await shot(cara, 'canvas');
});

test('notes are still painted when the painting worker cannot start', async ({ person }) => {
  const board = await createBoard(BASE_URL, 'No worker');
  const sam = await person();
  // As if a policy or a proxy blocked the worker's script.
  await sam.route('**/assets/noteRaster.worker-*.js', (route) => route.abort());
  await sam.goto(board.links.facilitator);
  await join(sam, 'Sam');
  const at = await canvasPoint(sam, 0.6, 0.7);
  await sam.mouse.dblclick(at.x, at.y);
  await sam.keyboard.type('Still readable without the worker');
  await sam.keyboard.press('Escape');
  const inside = { x: at.x - 40, y: at.y - 34, width: 80, height: 60 };
  await expect
    .poll(async () => {
      const seen = await canvasColours(sam, inside, { yellow: NOTE_COLORS.yellow });
      return seen.yellow > 1500 && seen.dark > 40;
    })
    .toBe(true);
});

/** Wheel pans, one per frame, deltaX from `steps` in turn, until `until` holds or they run out. */
async function panFrames(page: Page, steps: number[], frames: number, until: string | null) {
  return page.evaluate(
    async ({ steps, frames, until }) => {
      const target = document.querySelector('[data-testid="board-canvas"]') as HTMLElement;
      const box = target.getBoundingClientRect();
      for (let i = 0; i < frames; i++) {
        if (until && document.querySelector(until)) return i;
        target.dispatchEvent(
          new WheelEvent('wheel', {
            deltaX: steps[i % steps.length],
            clientX: box.left + box.width / 2,
            clientY: box.top + box.height / 2,
            bubbles: true,
            cancelable: true,
          }),
        );
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return until && document.querySelector(until) ? frames : -1;
    },
    { steps, frames, until },
  );
}

const pictureTransform = (page: Page) =>
  page.evaluate(() => (document.querySelector('.board-picture') as HTMLElement).style.transform);

test('on a slow device a pan moves the painted board, which still shows every note in place', async ({
  person,
}) => {
  // Frames at a twentieth of the CPU's speed take a while on a busy machine.
  test.setTimeout(120_000);
  const board = await createBoard(BASE_URL, 'Slow device');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam');
  await addNoteAt(sam, 0.6, 0.7, 'Seen on a slow phone');
  const at = await canvasPoint(sam, 0.6, 0.7);
  const yellow = { yellow: NOTE_COLORS.yellow };
  const noteAt = (dx: number) => ({ x: at.x - 40 + dx, y: at.y - 30, width: 80, height: 60 });
  await expect
    .poll(async () => (await canvasColours(sam, noteAt(0), yellow)).yellow)
    .toBeGreaterThan(1500);
  await expect(canvas(sam)).toHaveAttribute('data-picture', 'painted');

  // As a phone's CPU: repainting the board on every frame of a pan cannot keep 60 fps.
  const cdp = await sam.context().newCDPSession(sam);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  // Back and forth, so that the board ends where it was.
  const moved = await panFrames(sam, [8, -8], 200, '[data-picture="moved"]');
  expect(moved).toBeGreaterThan(0);
  // What moves is a copy of the painted layers, in place of the stage (pictureCopy.ts).
  await expect(sam.locator('.board-picture')).toBeVisible();
  await expect(sam.locator('.board-stage')).toBeHidden();
  await panFrames(sam, [-8], moved % 2, null);
  // At rest the picture is repainted where the view is and no longer moved.
  await expect.poll(() => pictureTransform(sam)).toBe('');

  // A pan of 100 px within the painted margin moves the picture, without a repaint...
  await panFrames(sam, [100], 1, null);
  expect(await pictureTransform(sam)).toBe('matrix(1, 0, 0, 1, -100, 0)');
  // ...and the note shows 100 px further left, moved or repainted.
  await expect
    .poll(async () => (await canvasColours(sam, noteAt(-100), yellow)).yellow)
    .toBeGreaterThan(1500);
  await shot(sam, 'canvas-moved-picture');
  await expect.poll(() => pictureTransform(sam)).toBe('');
  expect((await canvasColours(sam, noteAt(-100), yellow)).yellow).toBeGreaterThan(1500);

  // Once the CPU keeps up again, the board goes back to repainting every frame: pans beyond the
  // margin repaint the larger picture, which is fast now.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const painted = await panFrames(sam, [600, -600], 400, '[data-picture="painted"]');
  expect(painted).toBeGreaterThan(0);
  await expect(sam.locator('.board-stage')).toBeVisible();
  await expect(sam.locator('.board-picture')).toBeHidden();
  await panFrames(sam, [-600], painted % 2, null);
  await expect
    .poll(async () => (await canvasColours(sam, noteAt(-100), yellow)).yellow)
    .toBeGreaterThan(1500);
});

test('on a slow device the moved board still shows the dots of a vote', async ({ person }) => {
  test.setTimeout(120_000);
  const board = await createBoard(BASE_URL, 'Slow vote');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam');
  await addNoteAt(sam, 0.6, 0.7, 'Worth a dot');
  const at = await canvasPoint(sam, 0.6, 0.7);
  await sam.getByRole('button', { name: 'More' }).click();
  await sam
    .getByRole('menu', { name: 'More' })
    .getByRole('menuitem', { name: 'Start vote' })
    .click();
  const form = sam.getByRole('dialog', { name: 'Start vote' });
  await form.getByRole('button', { name: 'Start vote' }).click();
  await sam.mouse.click(at.x, at.y);
  const bar = sam.getByRole('region', { name: 'Vote' });
  await expect(bar.getByRole('status')).toHaveText('Vote: 2 of 3 dots left');
  // Sam's dot, on the card's top edge, in his colour: drawn in a layer of its own.
  const dots = { dot: await ownColour(sam) };
  const card = { x: at.x - 70, y: at.y - 60, width: 140, height: 110 };
  await expect.poll(async () => (await canvasColours(sam, card, dots)).dot).toBeGreaterThan(50);
  const painted = (await canvasColours(sam, card, dots)).dot;

  const cdp = await sam.context().newCDPSession(sam);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  const moved = await panFrames(sam, [8, -8], 200, '[data-picture="moved"]');
  expect(moved).toBeGreaterThan(0);
  await panFrames(sam, [-8], moved % 2, null);
  await expect(sam.locator('.board-picture')).toBeVisible();
  await expect.poll(() => pictureTransform(sam)).toBe('');
  // The picture shown now is the copy of both layers: the dot is there as it was painted.
  const shown = (await canvasColours(sam, card, dots)).dot;
  expect(shown).toBeGreaterThan(painted * 0.8);
  await shot(sam, 'canvas-moved-vote');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});
