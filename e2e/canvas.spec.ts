import { NOTE_COLORS } from '@dartboard/board';
import { BASE_URL } from './env.js';
import {
  canvasColours,
  canvasPoint,
  createBoard,
  expect,
  join,
  joinedPerson,
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
