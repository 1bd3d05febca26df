import type { Locator, Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import {
  addNoteAt,
  canvas,
  canvasPoint,
  createBoard,
  expect,
  expectLive,
  joinedPerson,
  noteEntry,
  outline,
  shot,
  test,
  zoneSection,
} from './support.js';

// What people rely on to know who is here and what they do: their colour, the messages when
// someone comes and goes, the view-only banner, changes read out, the outline by keyboard, and
// the facilitator's titles.

const LIVE = { timeout: 1_000 };

function people(page: Page): Locator {
  return page.getByRole('list', { name: /^People here: \d+$/ });
}

/** The background colour of a person's avatar in the people list, found by their name. */
async function avatarColour(page: Page, name: string): Promise<string> {
  const avatar = people(page).getByRole('listitem').filter({ hasText: name }).locator('.avatar');
  return avatar.evaluate((element) => getComputedStyle(element).backgroundColor);
}

function announcements(page: Page): Locator {
  return page.locator('[aria-live="polite"].visually-hidden');
}

test('people keep their colour across reloads, are told who comes and goes, and a viewer knows they only look', async ({
  person,
}) => {
  const board = await createBoard(BASE_URL, 'People check');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam (Sales)');
  await expect(people(sam).getByRole('listitem').first().locator('.avatar')).toHaveText('SS');
  const samColour = await avatarColour(sam, 'Sam (Sales) (you)');

  const cara = await joinedPerson(person, board.links.edit, 'Cara Customer');
  await expect(sam.getByText('Cara Customer joined')).toBeVisible(LIVE);
  await shot(sam, 'people-joined');
  expect(await avatarColour(cara, 'Sam (Sales)')).toBe(samColour);

  // Sam's cursor on Cara's screen has his colour too.
  const at = await canvasPoint(sam, 0.5, 0.4);
  await sam.mouse.move(at.x, at.y, { steps: 4 });
  const cursor = cara.locator('.cursor-label', { hasText: 'Sam (Sales)' });
  await expect(cursor).toBeVisible(LIVE);
  expect(await cursor.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
    samColour,
  );

  // A reload: the same colour, on his screen and on Cara's.
  await sam.reload();
  await expectLive(sam);
  // Whoever was here already did not just join; a quick reload is no news to the others.
  await expect(sam.getByText('Cara Customer joined')).toHaveCount(0);
  await expect(cara.getByText('Sam (Sales) left')).toHaveCount(0);
  expect(await avatarColour(sam, 'Sam (Sales) (you)')).toBe(samColour);
  await expect(people(cara)).toHaveAccessibleName('People here: 2');
  expect(await avatarColour(cara, 'Sam (Sales)')).toBe(samColour);

  // A viewer is told in words that they only look; the others see them come.
  const vic = await joinedPerson(person, board.links.view, 'Vic Viewer');
  await expect(
    vic.getByRole('status').filter({
      hasText: 'View only: you can look and follow along, but not change the board.',
    }),
  ).toBeVisible();
  await expect(sam.getByText('Vic Viewer joined')).toBeVisible(LIVE);
  await expect(cara.getByText('Sam (Sales) left')).toHaveCount(0);
  await shot(vic, 'people-viewer');

  // Cara closes her tab: after a short grace time, Sam is told she left.
  await cara.close();
  await expect(sam.getByText('Cara Customer left')).toBeVisible({ timeout: 5_000 });
  await expect(people(sam)).toHaveAccessibleName('People here: 2');
  await shot(sam, 'people-left');
});

test("the other person's changes are read out politely", async ({ person }) => {
  const board = await createBoard(BASE_URL, 'Announcements');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');
  const cara = await joinedPerson(person, board.links.edit, 'Cara Customer');

  await addNoteAt(cara, 0.75, 0.25, 'Single sign-on for the pilot');
  await expect(announcements(sam)).toHaveText('Cara Customer added a note to Access', {
    timeout: 5_000,
  });
  // Nothing is read out to Cara about her own note.
  await expect(announcements(cara)).toHaveText('');

  await noteEntry(outline(cara), /Single sign-on/).click();
  await outline(cara)
    .getByLabel('Zone', { exact: true })
    .selectOption({ label: 'Risk assessment' });
  await expect(announcements(sam)).toHaveText('Cara Customer moved a note to Risk assessment', {
    timeout: 5_000,
  });
});

test('the outline works from the keyboard and keeps focus, and its arrow keys never move notes', async ({
  person,
}) => {
  const board = await createBoard(BASE_URL, 'Outline keys');
  const ann = await joinedPerson(person, board.links.facilitator, 'Ann');
  // Three notes in the Dialogue zone (top left), well apart.
  await addNoteAt(ann, 0.12, 0.3, 'first note');
  await addNoteAt(ann, 0.3, 0.3, 'second note');
  await addNoteAt(ann, 0.2, 0.42, 'third note');
  await expect(zoneSection(ann, 'Dialogue')).toHaveAccessibleName('Dialogue (3)');

  // Select the first note in the outline, then Tab past its text and kind to its zone picker
  // and move it.
  await noteEntry(outline(ann), /first note/).click();
  await ann.keyboard.press('Tab');
  await expect(outline(ann).getByLabel('Text', { exact: true })).toBeFocused();
  await ann.keyboard.press('Tab');
  await expect(outline(ann).getByLabel('Card kind', { exact: true })).toBeFocused();
  await ann.keyboard.press('Tab');
  const zone = outline(ann).getByLabel('Zone', { exact: true });
  await expect(zone).toBeFocused();
  await zone.selectOption({ label: 'Transparency' });
  await expect(noteEntry(zoneSection(ann, 'Transparency'), /first note/)).toBeVisible();
  await expect(zone).toBeFocused();
  await shot(ann, 'outline-moved');

  // Back to the note, then between the notes with the arrow keys: the canvas does not move.
  await ann.keyboard.press('Shift+Tab');
  await ann.keyboard.press('Shift+Tab');
  await ann.keyboard.press('Shift+Tab');
  await expect(noteEntry(outline(ann), /first note/)).toBeFocused();
  await ann.waitForTimeout(300);
  const before = await canvas(ann).screenshot();
  // In outline order: Dialogue (second, third), then Transparency (first).
  await ann.keyboard.press('ArrowUp');
  await expect(noteEntry(outline(ann), /third note/)).toBeFocused();
  await ann.keyboard.press('ArrowUp');
  await expect(noteEntry(outline(ann), /second note/)).toBeFocused();
  await ann.keyboard.press('ArrowDown');
  await expect(noteEntry(outline(ann), /third note/)).toBeFocused();
  await ann.keyboard.press('End');
  await expect(noteEntry(outline(ann), /first note/)).toBeFocused();
  await ann.keyboard.press('Home');
  await expect(noteEntry(outline(ann), /second note/)).toBeFocused();
  await ann.keyboard.press('ArrowLeft');
  await ann.keyboard.press('ArrowRight');
  await ann.waitForTimeout(300);
  expect((await canvas(ann).screenshot()).equals(before)).toBe(true);
  await expect(noteEntry(zoneSection(ann, 'Transparency'), /first note/)).toBeVisible();

  // The notes are one stop for Tab: the one last focused.
  await ann.keyboard.press('Shift+Tab');
  await expect(noteEntry(outline(ann), /second note/)).not.toBeFocused();
  await ann.keyboard.press('Tab');
  await expect(noteEntry(outline(ann), /second note/)).toBeFocused();

  // Deleting the focused note from the outline leaves focus on the note that took its place.
  await ann.keyboard.press('Enter');
  await ann.keyboard.press('Delete');
  await expect(noteEntry(outline(ann), /second note/)).toHaveCount(0);
  await expect(noteEntry(outline(ann), /third note/)).toBeFocused();
});

test('the facilitator renames the session and a zone in place, and the customer sees it', async ({
  person,
}) => {
  const board = await createBoard(BASE_URL, 'Acme renewal');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');
  const cara = await joinedPerson(person, board.links.edit, 'Cara Customer');
  await expect(cara.getByRole('button', { name: 'Edit title' })).toHaveCount(0);
  await expect(cara.getByRole('button', { name: 'Edit zone' })).toHaveCount(0);

  await sam.getByRole('button', { name: 'Edit title' }).click();
  const title = sam.getByRole('textbox', { name: 'Session title' });
  await expect(title).toBeFocused();
  await title.fill('Acme renewal, week 2');
  await shot(sam, 'title-editing');
  await title.press('Enter');
  await expect(sam.getByRole('button', { name: 'Edit title' })).toBeFocused();
  await expect(cara.getByRole('heading', { level: 1 })).toHaveText('Acme renewal, week 2', LIVE);
  await expect(cara).toHaveTitle('Acme renewal, week 2 · Dartboard');

  // Escape leaves it as it was; a double-click on the title opens it too.
  await sam.getByRole('heading', { level: 1 }).dblclick();
  await title.fill('Not this');
  await title.press('Escape');
  await expect(sam.getByRole('heading', { level: 1 })).toHaveText('Acme renewal, week 2');

  await zoneSection(sam, 'Access').getByRole('button', { name: 'Edit zone' }).click();
  const zoneTitle = outline(sam).getByLabel('Zone title');
  await expect(zoneTitle).toBeFocused();
  await zoneTitle.fill('Access & support');
  await outline(sam).getByLabel('Zone prompt').fill('Who can reach whom, and how fast?');
  await shot(sam, 'zone-editing');
  await outline(sam).getByLabel('Zone prompt').press('Enter');
  await expect(
    zoneSection(sam, 'Access & support').getByRole('button', { name: 'Edit zone' }),
  ).toBeFocused();
  await expect(zoneSection(cara, 'Access & support')).toContainText(
    'Who can reach whom, and how fast?',
    LIVE,
  );
  await shot(cara, 'zone-renamed');
});
