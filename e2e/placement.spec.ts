import { type Note, rectContainsRect, rectsIntersect, type Zone, zoneBody } from '@dartboard/board';
import type { Page } from '@playwright/test';
import { readBoard } from './boardReader.js';
import { BASE_URL } from './env.js';
import {
  canvas,
  canvasPoint,
  createBoard,
  drag,
  expect,
  join,
  joinedPerson,
  noteEntry,
  shot,
  test,
  zoneSection,
} from './support.js';

// Where new notes land, zones that carry their notes, and copy, paste and duplicate. The board
// is read back by an independent Yjs client (boardReader.ts), not from the page.

/** Every note lies wholly inside one zone's body, and no two notes overlap. */
function expectTidy(notes: readonly Note[], zones: readonly Zone[]) {
  for (const [i, a] of notes.entries()) {
    for (const b of notes.slice(i + 1)) {
      expect(rectsIntersect(a, b), `"${a.text}" overlaps "${b.text}"`).toBe(false);
    }
    const holders = zones.filter((zone) => rectContainsRect(zoneBody(zone), a));
    expect(
      holders.map((zone) => zone.title),
      `zone of "${a.text}"`,
    ).toHaveLength(1);
  }
}

async function typeNote(page: Page, text: string) {
  await expect(page.getByRole('textbox', { name: 'Note text' })).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

const widths = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: 'laptop', viewport: { width: 1280, height: 800 } },
  { name: 'tablet', viewport: { width: 1024, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

for (const { name, viewport } of widths) {
  test(`ten notes from "Add note" and N land apart, each inside a zone (${name})`, async ({
    person,
  }) => {
    const board = await createBoard(BASE_URL, 'Placement');
    // The page opens at the screen's size, as it would on that device.
    const sam = await person();
    await sam.setViewportSize(viewport);
    await sam.goto(board.links.facilitator);
    await join(sam, 'Sam Seller');
    for (let i = 1; i <= 5; i++) {
      await sam.getByRole('button', { name: 'Add note', exact: true }).click();
      await typeNote(sam, `Button ${i}`);
    }
    // N under the pointer, left where the four zones meet: the worst place to put a note.
    const meet = await canvasPoint(sam, 0.5, 0.5);
    await sam.mouse.move(meet.x, meet.y);
    for (let i = 1; i <= 5; i++) {
      await sam.keyboard.press('n');
      await typeNote(sam, `Key ${i}`);
    }
    await shot(sam, `placement-ten-notes-${name}`);
    const { notes, zones } = await readBoard(board.links.facilitator);
    expect(notes).toHaveLength(10);
    expectTidy(notes, zones);
  });
}

test('each zone has its own "Add note to" button, reachable by keyboard', async ({ person }) => {
  const board = await createBoard(BASE_URL, 'Zone buttons');
  const cara = await joinedPerson(person, board.links.edit, 'Cara Customer');
  await cara.getByRole('button', { name: 'Add note to Access' }).click();
  await typeNote(cara, 'Self-service portal');
  await cara.getByRole('button', { name: 'Add note to Risk assessment' }).focus();
  await cara.keyboard.press('Enter');
  await typeNote(cara, 'Data migration');
  // "Add note" now aims at the zone Cara last worked in.
  await cara.getByRole('button', { name: 'Add note', exact: true }).click();
  await typeNote(cara, 'Downtime');
  await expect(zoneSection(cara, 'Access')).toHaveAccessibleName('Access (1)');
  await expect(zoneSection(cara, 'Risk assessment')).toHaveAccessibleName('Risk assessment (2)');
  // Only the facilitator gets the handles that move zones.
  await expect(cara.getByRole('button', { name: /^Move zone/ })).toHaveCount(0);
  const { notes, zones } = await readBoard(board.links.edit);
  expectTidy(notes, zones);
});

test('moving a zone carries its notes; Shift+drag on its header selects instead', async ({
  person,
}) => {
  const board = await createBoard(BASE_URL, 'Frames');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');
  for (const text of ['Goals', 'Doubts']) {
    await sam.getByRole('button', { name: 'Add note to Dialogue' }).click();
    await typeNote(sam, text);
  }
  await sam.keyboard.press('Escape');
  const before = await readBoard(board.links.facilitator);
  const dialogue = before.zones.find((zone) => zone.title === 'Dialogue') as Zone;

  // A rubber band from the Dialogue header selects both notes; the zone stays put.
  const box = await canvas(sam).boundingBox();
  const handleBox = await sam.getByRole('button', { name: 'Move zone Dialogue' }).boundingBox();
  if (!box || !handleBox) throw new Error('no canvas');
  await sam.keyboard.down('Shift');
  await drag(
    sam,
    { x: box.x + 30, y: handleBox.y + 10 },
    { x: handleBox.x, y: box.y + box.height * 0.45 },
  );
  await sam.keyboard.up('Shift');
  await expect(sam.getByRole('button', { name: 'Delete 2 notes' })).toBeVisible();
  expect((await readBoard(board.links.facilitator)).zones).toEqual(before.zones);

  // Dragged by its handle, the zone takes its notes along.
  const handle = { x: handleBox.x + handleBox.width / 2, y: handleBox.y + handleBox.height / 2 };
  await drag(sam, handle, { x: handle.x + 120, y: handle.y + 60 });
  // And by keyboard: the handle moves with the arrow keys.
  await sam.getByRole('button', { name: 'Move zone Dialogue' }).focus();
  await sam.keyboard.press('ArrowDown');
  await expect(sam.getByRole('button', { name: 'Move zone Dialogue' })).toBeFocused();
  await shot(sam, 'placement-zone-moved');

  await expect
    .poll(async () => {
      const after = await readBoard(board.links.facilitator);
      const moved = after.zones.find((zone) => zone.id === dialogue.id) as Zone;
      return after.notes.map((note) => {
        const old = before.notes.find((n) => n.id === note.id) as Note;
        return [note.x - old.x - (moved.x - dialogue.x), note.y - old.y - (moved.y - dialogue.y)];
      });
    })
    .toEqual([
      [0, 0],
      [0, 0],
    ]);
  const after = await readBoard(board.links.facilitator);
  const moved = after.zones.find((zone) => zone.id === dialogue.id) as Zone;
  expect(moved.x - dialogue.x).toBeGreaterThan(100);
  expect(moved.y - dialogue.y).toBeGreaterThan(50);
  // The Outline still files both notes under Dialogue.
  await expect(zoneSection(sam, 'Dialogue')).toHaveAccessibleName('Dialogue (2)');
});

test('copy, paste and duplicate notes; pasted lines become notes', async ({ person }) => {
  const board = await createBoard(BASE_URL, 'Clipboard');
  const cara = await joinedPerson(person, board.links.edit, 'Cara Customer');
  await cara.getByRole('button', { name: 'Add note to Access' }).click();
  await typeNote(cara, 'Usage-based pricing');
  // The note stays selected after editing.
  await cara.keyboard.press('ControlOrMeta+c');
  await cara.keyboard.press('ControlOrMeta+v');
  await expect(noteEntry(zoneSection(cara, 'Access'), /Usage-based pricing/)).toHaveCount(2);
  await cara.keyboard.press('ControlOrMeta+d');
  await expect(noteEntry(zoneSection(cara, 'Access'), /Usage-based pricing/)).toHaveCount(3);

  // Text copied elsewhere (three lines from a mail) pastes as three notes in the zone in use.
  await cara.evaluate(() => navigator.clipboard.writeText('Pilot in Q1\n\nTwo sites\r\nTraining'));
  await cara.keyboard.press('Escape');
  await cara.keyboard.press('ControlOrMeta+v');
  for (const text of ['Pilot in Q1', 'Two sites', 'Training']) {
    await expect(noteEntry(zoneSection(cara, 'Access'), new RegExp(text))).toHaveCount(1);
  }
  await shot(cara, 'placement-pasted');
  const { notes, zones } = await readBoard(board.links.edit);
  expect(notes).toHaveLength(6);
  expectTidy(notes, zones);

  // A viewer cannot paste, and is told why.
  const vic = await joinedPerson(person, board.links.view, 'Vic Viewer');
  await vic.evaluate(() => navigator.clipboard.writeText('Sneaky'));
  await vic.keyboard.press('ControlOrMeta+v');
  await expect(vic.getByRole('status').filter({ hasText: /view/i }).first()).toBeVisible();
  expect((await readBoard(board.links.view)).notes).toHaveLength(6);
});

test('the facilitator renames a zone in place; everyone sees it', async ({ person }) => {
  const board = await createBoard(BASE_URL, 'Rename');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');
  const cara = await joinedPerson(person, board.links.edit, 'Cara Customer');
  // The header row: level with the zone's buttons, left of them.
  const plus = await sam.getByRole('button', { name: 'Add note to Dialogue' }).boundingBox();
  if (!plus) throw new Error('no zone buttons');
  const header = { x: plus.x - 150, y: plus.y + plus.height / 2 };
  await sam.mouse.dblclick(header.x, header.y);
  const title = sam.getByRole('textbox', { name: 'Zone title' });
  await expect(title).toBeFocused();
  await title.fill('Goals & ground rules');
  await sam.getByRole('textbox', { name: 'Zone prompt' }).fill('What does success look like?');
  await shot(sam, 'placement-zone-editor');
  await sam.keyboard.press('Enter');
  await expect(title).toHaveCount(0);
  await expect(zoneSection(cara, 'Goals & ground rules')).toBeVisible();
  // The customer's double-click on the header opens no editor.
  const their = await cara.getByRole('button', { name: /^Add note to Goals/ }).boundingBox();
  if (!their) throw new Error('no zone buttons');
  await cara.mouse.dblclick(their.x - 150, their.y + their.height / 2);
  await expect(cara.getByRole('textbox', { name: 'Zone title' })).toHaveCount(0);
});

test('two people who add a note to one zone at once never get them stacked', async ({ person }) => {
  const board = await createBoard(BASE_URL, 'Race');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');
  const cara = await joinedPerson(person, board.links.edit, 'Cara Customer');
  // Cara is cut off for a moment, so neither sees the other's note before choosing a spot:
  // both take the first free spot of Access.
  await cara.context().setOffline(true);
  await cara.getByRole('button', { name: 'Add note to Access' }).click();
  await typeNote(cara, 'From Cara');
  await sam.getByRole('button', { name: 'Add note to Access' }).click();
  await typeNote(sam, 'From Sam');
  await cara.context().setOffline(false);
  await expect(noteEntry(zoneSection(sam, 'Access'), /From Cara/)).toBeVisible({
    timeout: 10_000,
  });
  // The later note moves to the next free spot, on both screens.
  await expect
    .poll(async () => {
      const { notes } = await readBoard(board.links.facilitator);
      return notes.length === 2 && !rectsIntersect(notes[0] as Note, notes[1] as Note);
    })
    .toBe(true);
  const { notes, zones } = await readBoard(board.links.facilitator);
  expectTidy(notes, zones);
  await expect(zoneSection(cara, 'Access')).toHaveAccessibleName('Access (2)');
});
