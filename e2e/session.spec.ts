import type { Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import {
  addNoteAt,
  canvas,
  canvasPoint,
  createBoard,
  expect,
  joinedPerson,
  noteEntry,
  shot,
  test,
  zoneSection,
} from './support.js';

// A whole co-creation session as the README shows it: the salesperson and the customer fill
// all four DART zones, some notes in colour, and each sees the other's notes where they put them.

async function addNote(page: Page, fx: number, fy: number, text: string, colour?: string) {
  await addNoteAt(page, fx, fy, text);
  // The note stays selected after editing, so the toolbar colours it.
  if (colour) await page.getByRole('button', { name: `Colour ${colour}` }).click();
}

test('salesperson and customer fill the four DART zones together', async ({ person }) => {
  const board = await createBoard(BASE_URL, 'Acme renewal');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');
  const cara = await joinedPerson(person, board.links.edit, 'Cara Customer');

  await addNote(cara, 0.1, 0.24, 'Goal: onboarding in 2 weeks instead of 6');
  await addNote(sam, 0.29, 0.3, 'We decide together: no hard sell', 'green');
  await addNote(cara, 0.58, 0.24, 'Pay per active team, not per licence', 'pink');
  await addNote(sam, 0.77, 0.3, 'Pilot with two teams in Q1');
  await addNote(cara, 0.1, 0.66, 'Data migration could stall the pilot', 'orange');
  await addNote(sam, 0.29, 0.72, 'Exit clause after the pilot');
  await addNote(sam, 0.58, 0.66, 'Shared price sheet, updated monthly', 'blue');
  await addNote(cara, 0.77, 0.72, 'Weekly check-in on pilot metrics', 'purple');

  for (const page of [sam, cara]) {
    for (const zone of ['Dialogue', 'Access', 'Risk assessment', 'Transparency']) {
      await expect(zoneSection(page, zone)).toHaveAccessibleName(`${zone} (2)`);
    }
    await expect(zoneSection(page, 'Outside the zones')).toHaveAccessibleName(
      'Outside the zones (0)',
    );
  }
  await expect(
    noteEntry(zoneSection(sam, 'Risk assessment'), /Data migration could stall the pilot/),
  ).toContainText('Cara Customer');
  await expect(
    noteEntry(zoneSection(cara, 'Transparency'), /Shared price sheet, updated monthly/),
  ).toContainText('Sam Seller');

  // Cara points at a note; Sam sees her cursor with her name.
  await cara.keyboard.press('Escape');
  const pointing = await canvasPoint(cara, 0.66, 0.34);
  await cara.mouse.move(pointing.x, pointing.y, { steps: 5 });
  await expect(canvas(sam).getByText('Cara Customer')).toBeVisible();
  await sam.keyboard.press('Escape');
  await shot(sam, 'session');
});
