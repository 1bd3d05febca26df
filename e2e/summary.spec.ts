import { readFile } from 'node:fs/promises';
import { addNote, type Card, SPIN_ZONES, startVote } from '@dartboard/board';
import type { Page } from '@playwright/test';
import { writeBoard } from './boardReader.js';
import { BASE_URL } from './env.js';
import { expect, joinedPerson, shot, test } from './support.js';

// The facilitator previews the session summary in the page, as a document to send the customer,
// and downloads it as Markdown or JSON. The cards are written by a stock client: the page has no
// controls for card kinds yet.

const SIX = ['Ground rules', 'Questions', 'Risks and benefits', 'Votes', 'Actions', 'Commitments'];

async function fromMore(page: Page, item: string) {
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menu', { name: 'More' }).getByRole('menuitem', { name: item }).click();
}

async function spinBoard(title: string) {
  const response = await fetch(`${BASE_URL}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, template: 'spin' }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { links: { facilitator: string; edit: string } };
}

/** A short SPIN conversation with its risks, benefits, ideas, actions and commitments. */
function fillSession(doc: Parameters<Parameters<typeof writeBoard>[1]>[0]) {
  let minute = 0;
  const card = (lane: number, slot: number, text: string, author: string, c: Card) => {
    const zone = SPIN_ZONES[lane];
    if (!zone) throw new Error('no lane');
    minute += 1;
    return addNote(doc, {
      x: zone.x + 20 + (slot % 2) * 240,
      y: zone.y + 80 + Math.floor(slot / 2) * 180,
      text,
      author,
      card: c,
      createdAt: Date.now() - 3_600_000 + minute * 60_000,
    });
  };
  const ask = (lane: number, slot: number, text: string, spin: 'situation' | 'problem') =>
    card(lane, slot, text, 'Sam Seller', { kind: 'question', spin, deckId: null });
  const fleet = ask(0, 0, 'How many vehicles do you run today?', 'situation');
  card(0, 1, '140 trucks in three depots', 'Cara Customer', { kind: 'answer', answerTo: fleet });
  const routes = ask(1, 0, 'Where do routes go wrong most often?', 'problem');
  card(1, 1, 'Returns run empty\nafter the Friday drops', 'Cara Customer', {
    kind: 'answer',
    answerTo: routes,
  });
  card(2, 2, 'Drivers refuse tracking', 'Cara Customer', { kind: 'risk', weight: 3 });
  card(2, 3, 'Hardware cost', 'Cara Customer', { kind: 'risk', weight: 2 });
  card(3, 2, 'Fewer empty kilometres', 'Sam Seller', { kind: 'benefit', weight: 3 });
  card(3, 3, 'Happier dispatchers', 'Cara Customer', { kind: 'benefit', weight: 1 });
  card(3, 4, 'Pilot in one depot', 'Cara Customer', { kind: 'idea', feasibility: 'realistic' });
  card(3, 6, 'Send the pilot plan', 'Sam Seller', {
    kind: 'action',
    owner: 'Sam | Sales',
    due: '2026-12-01',
  });
  card(3, 7, 'Ask the works council', 'Cara Customer', {
    kind: 'action',
    owner: 'Cara Customer',
    due: '',
  });
  card(3, 8, 'Provide one depot for the pilot', 'Cara Customer', {
    kind: 'commitment',
    side: 'customer',
  });
  card(3, 9, 'Install the trackers free of charge', 'Sam Seller', {
    kind: 'commitment',
    side: 'supplier',
  });
  card(1, 4, '<img src=x onerror=alert(1)> **not bold**', 'Cara Customer', { kind: 'note' });
  startVote(doc, { dots: 3 }, Date.now());
}

test('the facilitator previews the summary as a document and downloads it', async ({ person }) => {
  const board = await spinBoard('Acme Logistics: fleet telematics');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');
  await writeBoard(board.links.facilitator, fillSession, ({ notes }) => notes.length === 14);
  await expect(sam.getByText('Install the trackers free of charge')).toBeAttached();

  await fromMore(sam, 'Preview summary');
  const preview = sam.getByRole('dialog', { name: 'Summary preview' });
  await expect(preview).toBeVisible();
  for (const heading of SIX) {
    await expect(preview.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  await expect(
    preview.getByRole('heading', { name: 'Acme Logistics: fleet telematics' }),
  ).toBeVisible();
  // Questions with their answers, risks beside benefits, actions as a table.
  const questions = preview.getByRole('region', { name: 'Questions' });
  await expect(questions.getByRole('heading', { name: 'Situation' })).toBeVisible();
  await expect(questions).toContainText('140 trucks in three depots');
  const sides = preview.getByRole('region', { name: 'Risks and benefits' }).getByRole('table');
  await expect(sides.getByRole('columnheader')).toHaveText(['Risks', 'Benefits']);
  await expect(sides.getByRole('row').nth(1)).toContainText(
    /High: Drivers refuse tracking.*High: Fewer empty kilometres/,
  );
  const actions = preview.getByRole('region', { name: 'Actions' }).getByRole('table');
  await expect(actions.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    'Send the pilot plan',
    'Sam | Sales',
    '2026-12-01',
  ]);
  await expect(preview.getByRole('region', { name: 'Votes' })).toContainText(
    'The vote is still open',
  );
  // What people wrote is shown as the text they typed, never as markup.
  await expect(preview.getByText('<img src=x onerror=alert(1)> **not bold**')).toBeVisible();
  await expect(preview.locator('img')).toHaveCount(0);
  await expect(preview.locator('article strong', { hasText: 'not bold' })).toHaveCount(0);
  // The co-creation part of the document, for the screenshot.
  await questions
    .getByRole('heading', { name: 'Questions' })
    .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await shot(sam, 'summary');

  const [markdownFile] = await Promise.all([
    sam.waitForEvent('download'),
    preview.getByRole('button', { name: 'Download Markdown' }).click(),
  ]);
  expect(markdownFile.suggestedFilename()).toMatch(
    /^dartboard-acme-logistics-fleet-telematics-\d{4}-\d{2}-\d{2}\.md$/,
  );
  const markdown = await readFile(await markdownFile.path(), 'utf8');
  const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
  for (const heading of SIX) expect(headings).toContain(`## ${heading}`);
  expect(markdown).toContain('| Send the pilot plan | Sam \\| Sales | 2026-12-01 |');
  expect(markdown).toContain('| Risks | Benefits |');
  expect(markdown).toContain('\\<img src=x onerror=alert(1)\\> \\*\\*not bold\\*\\*');

  const [jsonFile] = await Promise.all([
    sam.waitForEvent('download'),
    preview.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  expect(jsonFile.suggestedFilename()).toMatch(/\.json$/);
  const json = JSON.parse(await readFile(await jsonFile.path(), 'utf8'));
  expect(json.actions[0]).toMatchObject({ owner: 'Sam | Sales', due: '2026-12-01' });

  // Escape closes the preview and gives focus back to the menu button it came from.
  await sam.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);
  await expect(sam.getByRole('button', { name: 'More' })).toBeFocused();
});

test('ending the session opens the summary preview; an empty board says so', async ({ person }) => {
  const board = await spinBoard('Quiet session');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');
  await fromMore(sam, 'End session');
  await sam
    .getByRole('dialog', { name: 'End session' })
    .getByRole('button', { name: 'End session' })
    .click();
  const preview = sam.getByRole('dialog', { name: 'Summary preview' });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('status')).toHaveText(/no notes yet/);
  await expect(preview).toContainText('Session ended');
  await expect(preview.getByRole('region', { name: 'Actions' })).toContainText('No action items.');
  await preview.getByRole('button', { name: 'Close' }).click();
  await expect(preview).toHaveCount(0);
});
