import type { Page } from '@playwright/test';
import {
  expect,
  join,
  joinedPerson,
  noteEntry,
  outline,
  type Person,
  shot,
  test,
  zoneSection,
} from './support.js';

// Templates from the landing page's picker, and the facilitator's zone palette: what a board
// starts with, and the zones added, renamed and removed while the customer watches.
const LIVE = { timeout: 1_000 };

/** The facilitator starts a session from the landing page with a template, and joins it. */
async function startSession(person: Person, title: string, template: string): Promise<Page> {
  const sam = await person();
  await sam.goto('/');
  await sam.getByLabel('Session title (optional)').fill(title);
  await sam.getByRole('radio', { name: template, exact: true }).check();
  await sam.getByRole('button', { name: 'New session' }).click();
  await expect(sam.getByRole('heading', { name: title })).toBeVisible();
  await join(sam, 'Sam Seller');
  return sam;
}

async function customerLink(sam: Page): Promise<string> {
  await sam.getByRole('button', { name: 'Share' }).click();
  const share = sam.getByRole('dialog', { name: 'Share this board' });
  const link = await share.getByLabel('Customer link', { exact: true }).inputValue();
  await share.getByRole('button', { name: 'Done' }).click();
  return link;
}

async function writeNoteIn(page: Page, zone: string, text: string): Promise<void> {
  await page.getByRole('button', { name: `Add note to ${zone}`, exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Note text' })).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await expect(noteEntry(zoneSection(page, zone), new RegExp(text))).toBeVisible();
}

/** A screenshot of the whole layout: nothing selected, the outline put away, zoomed to fit. */
async function layoutShot(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Outline', pressed: true }).click();
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  await shot(page, name);
}

test('the landing picker starts a SPIN board and a Journey board', async ({ person }) => {
  const first = await person();
  await first.goto('/');
  const picker = first.getByRole('group', { name: 'Template' });
  for (const name of ['DART', 'SPIN', 'Journey', 'Blank']) {
    await expect(picker.getByRole('radio', { name, exact: true })).toBeVisible();
  }
  await expect(picker.getByRole('radio', { name: 'DART', exact: true })).toBeChecked();
  await shot(first, 'template-picker');

  const spin = await startSession(person, 'Acme discovery', 'SPIN');
  const lanes = ['Situation', 'Problem', 'Implication', 'Need-payoff'];
  await expect(outline(spin).getByRole('heading', { level: 3 })).toHaveText(
    [...lanes, 'Outside the zones'].map((title) => new RegExp(`^${title} \\(\\d+\\)$`)),
  );
  await expect(zoneSection(spin, 'Situation')).toContainText('How do you work today?');
  // Four lanes are wider than the screen at a readable zoom: the whole board, to write in each.
  await spin.getByRole('button', { name: 'Zoom to fit' }).click();
  await writeNoteIn(spin, 'Situation', 'Three regional sales teams, one shared CRM');
  await writeNoteIn(spin, 'Problem', 'Quotes take a week to approve');
  await writeNoteIn(spin, 'Implication', 'Deals slip into the next quarter');
  await writeNoteIn(spin, 'Need-payoff', 'Same-day quotes would win the renewals');
  await layoutShot(spin, 'template-spin');

  const journey = await startSession(person, 'Acme pilot', 'Journey');
  const steps = ['Objective', 'Options', 'Ideation', 'Prototype', 'Test', 'Launch'];
  await expect(outline(journey).getByRole('heading', { level: 3 })).toHaveText(
    [...steps, 'Outside the zones'].map((title) => new RegExp(`^${title} \\(\\d+\\)$`)),
  );
  await expect(zoneSection(journey, 'Objective')).toContainText('value proposition');
  await writeNoteIn(journey, 'Objective', 'Faster quotes for regional sales teams');
  await writeNoteIn(journey, 'Options', 'Ask three reps how they quote today');
  await writeNoteIn(journey, 'Prototype', 'Clickable quote form, tested with two reps');
  await writeNoteIn(journey, 'Test', 'Success: a quote approved within one day');
  await layoutShot(journey, 'template-journey');
});

test('the facilitator adds, renames and removes zones on a blank board; the customer sees it all', async ({
  person,
}) => {
  const sam = await startSession(person, 'Acme open session', 'Blank');
  await expect(outline(sam).getByRole('heading', { level: 3 })).toHaveText([
    /^Outside the zones \(0\)$/,
  ]);
  const cara = await joinedPerson(person, await customerLink(sam), 'Cara Customer');
  await expect(cara.getByRole('button', { name: 'Add note', exact: true })).toBeVisible();
  await expect(cara.getByRole('button', { name: 'Add zone' })).toHaveCount(0);

  // The palette: every kind, grouped by method.
  await sam.getByRole('button', { name: 'Add zone' }).click();
  const palette = sam.getByRole('menu', { name: 'Add zone' });
  for (const group of ['DART', 'SPIN', 'Journey', 'Free']) {
    await expect(palette.getByRole('group', { name: group })).toBeVisible();
  }
  await expect(palette.getByRole('group', { name: 'SPIN' }).getByRole('menuitem')).toHaveText([
    'Situation',
    'Problem',
    'Implication',
    'Need-payoff',
  ]);
  await shot(sam, 'template-palette');
  await palette.getByRole('menuitem', { name: 'Risk assessment' }).click();
  await expect(palette).toBeHidden();
  await expect(zoneSection(cara, 'Risk assessment')).toBeVisible(LIVE);

  await sam.getByRole('button', { name: 'Add zone' }).click();
  await sam.getByRole('menuitem', { name: 'Free zone' }).click();
  await expect(zoneSection(cara, 'Free zone')).toBeVisible(LIVE);

  // The free zone gets a name of the facilitator's own.
  await zoneSection(sam, 'Free zone').getByRole('button', { name: 'Edit zone' }).click();
  await sam.getByRole('textbox', { name: 'Zone title' }).fill('Parking lot');
  await sam.getByRole('textbox', { name: 'Zone prompt' }).fill('Questions for after the session');
  await sam.getByRole('button', { name: 'Save' }).click();
  await expect(zoneSection(cara, 'Parking lot')).toContainText('Questions for after the session');

  // The customer writes in the new zones; the facilitator removes one, its note stays.
  await cara.getByRole('button', { name: 'Zoom to fit' }).click();
  await writeNoteIn(cara, 'Risk assessment', 'Budget freeze in Q3');
  await writeNoteIn(cara, 'Parking lot', 'Who signs the contract?');
  await expect(cara.getByRole('button', { name: 'Remove zone' })).toHaveCount(0);
  await sam.getByRole('button', { name: 'Zoom to fit' }).click();
  await sam.getByRole('button', { name: 'Move zone Risk assessment' }).click();
  const question = new Promise<string>((resolve) => {
    sam.once('dialog', (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    });
  });
  await shot(sam, 'template-added-zones');
  await sam.getByRole('button', { name: 'Remove zone' }).click();
  expect(await question).toBe(
    'Remove the zone “Risk assessment”? Its 1 note will stay on the board, outside the zones.',
  );
  await expect(zoneSection(cara, 'Risk assessment')).toHaveCount(0, LIVE);
  await expect(
    noteEntry(zoneSection(cara, 'Outside the zones'), /Budget freeze in Q3/),
  ).toBeVisible();
  await expect(noteEntry(zoneSection(cara, 'Parking lot'), /Who signs/)).toBeVisible();
  await expect(sam.getByRole('button', { name: 'Remove zone' })).toHaveCount(0);
  await expect(sam.getByRole('button', { name: 'Add note', exact: true })).toBeFocused();
});
