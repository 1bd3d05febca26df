import { readFile } from 'node:fs/promises';
import { addNote, type Card, SPIN_ZONES } from '@dartboard/board';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { writeBoard } from './boardReader.js';
import { BASE_URL } from './env.js';
import { expect, expectLive, join, joinedPerson, shot, test } from './support.js';

// The facilitator's Export menu: the session downloaded as Markdown, JSON and CSV under the
// server's file names, and "Copy summary" putting plain text and HTML on the clipboard. The
// cards are written by a stock client.

const HOSTILE = '=HYPERLINK("x") <img src=x onerror=alert(1)> & "quotes"';

async function spinBoard(title: string) {
  const response = await fetch(`${BASE_URL}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, template: 'spin' }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { links: { facilitator: string; edit: string } };
}

/** A few cards in the SPIN lanes, one with hostile text and one empty note. */
async function fill(link: string) {
  await writeBoard(
    link,
    (doc) => {
      let minute = 0;
      const card = (lane: number, slot: number, text: string, c: Card) => {
        const zone = SPIN_ZONES[lane];
        if (!zone) throw new Error('no lane');
        minute += 1;
        addNote(doc, {
          x: zone.x + 20 + (slot % 2) * 240,
          y: zone.y + 80 + Math.floor(slot / 2) * 180,
          text,
          author: 'Cara Customer',
          card: c,
          createdAt: Date.now() - 3_600_000 + minute * 60_000,
        });
      };
      card(0, 0, 'How many vehicles do you run today?', {
        kind: 'question',
        spin: 'situation',
        deckId: null,
      });
      card(2, 0, 'Drivers refuse tracking', { kind: 'risk', weight: 3 });
      card(3, 0, 'Pilot in one depot', { kind: 'idea', feasibility: 'realistic' });
      card(3, 1, 'Send the pilot plan', { kind: 'action', owner: 'Sam', due: '2026-12-01' });
      card(1, 0, HOSTILE, { kind: 'note' });
      card(1, 1, '', { kind: 'note' });
    },
    ({ notes }) => notes.length === 6,
  );
}

/** Chooses `item` in the Export menu and answers the file it downloads. */
async function exportFile(page: Page, item: string) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const menu = page.getByRole('menu', { name: 'Export' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('menuitem', { name: item }).click(),
  ]);
  const bytes = await readFile(await download.path());
  return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

const FILE_NAME = /^dartboard-acme-pilot-\d{4}-\d{2}-\d{2}\./;

test('the facilitator downloads every format from the Export menu; the customer has no Export menu', async ({
  person,
}) => {
  const board = await spinBoard('Acme pilot');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');
  await fill(board.links.facilitator);
  await expect(sam.getByText('Send the pilot plan')).toBeAttached();

  const button = sam.getByRole('button', { name: 'Export', exact: true });
  await expect(button).toHaveAttribute('aria-haspopup', 'menu');
  await button.click();
  const menu = sam.getByRole('menu', { name: 'Export' });
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Markdown (.md)',
    'JSON (.json)',
    'CSV (.csv)',
    'PDF (.pdf)',
    'SVG image (.svg)',
    'PNG image (.png)',
    'Copy summary…',
  ]);
  await expect(menu.getByRole('menuitem', { name: 'Markdown (.md)' })).toBeFocused();
  await shot(sam, 'export-menu');
  await sam.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();

  const md = await exportFile(sam, 'Markdown (.md)');
  expect(md.name).toMatch(new RegExp(`${FILE_NAME.source}md$`));
  expect(md.text).toContain('# Acme pilot');
  expect(md.text).toContain('| Send the pilot plan | Sam | 2026-12-01 |');

  const json = await exportFile(sam, 'JSON (.json)');
  expect(json.name).toMatch(new RegExp(`${FILE_NAME.source}json$`));
  const summary = JSON.parse(json.text) as { schemaVersion: number; noteCount: number };
  expect(summary).toMatchObject({ schemaVersion: 1, noteCount: 6 });

  const csv = await exportFile(sam, 'CSV (.csv)');
  expect(csv.name).toMatch(new RegExp(`${FILE_NAME.source}csv$`));
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(csv.text, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(5);
  expect(rows.map((row) => [row.kind, row.zone])).toEqual([
    ['question', 'Situation'],
    ['note', 'Problem'],
    ['risk', 'Implication'],
    ['idea', 'Need-payoff'],
    ['action', 'Need-payoff'],
  ]);
  expect(rows[1]?.text).toBe(`'${HOSTILE}`);
  expect(rows[4]).toMatchObject({ owner: 'Sam', due: '2026-12-01' });

  const pdf = await exportFile(sam, 'PDF (.pdf)');
  expect(pdf.name).toMatch(new RegExp(`${FILE_NAME.source}pdf$`));
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const svg = await exportFile(sam, 'SVG image (.svg)');
  expect(svg.name).toMatch(new RegExp(`${FILE_NAME.source}svg$`));
  expect(svg.text).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
  expect(svg.text).toContain('>Pilot in one<');
  const png = await exportFile(sam, 'PNG image (.png)');
  expect(png.name).toMatch(new RegExp(`${FILE_NAME.source}png$`));
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  const cara = await joinedPerson(person, board.links.edit, 'Cara Customer');
  await expect(cara.getByText('Send the pilot plan')).toBeAttached();
  await expect(cara.getByRole('button', { name: 'Export', exact: true })).toHaveCount(0);
  await expect(cara.getByRole('menuitem', { name: /Export|Copy summary/ })).toHaveCount(0);
});

test('Copy summary puts plain text and HTML on the clipboard, in the facilitator’s time zone', async ({
  browser,
}) => {
  const board = await spinBoard('Acme pilot');
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport: { width: 1400, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
    timezoneId: 'Europe/Berlin',
    locale: 'en-GB',
  });
  try {
    const sam = await context.newPage();
    await sam.goto(board.links.facilitator);
    await join(sam, 'Sam Seller');
    await expectLive(sam);
    await fill(board.links.facilitator);
    await expect(sam.getByText('Send the pilot plan')).toBeAttached();

    await sam.getByRole('button', { name: 'Export', exact: true }).click();
    await sam
      .getByRole('menu', { name: 'Export' })
      .getByRole('menuitem', { name: 'Copy summary…' })
      .click();
    const preview = sam.getByRole('dialog', { name: 'Summary preview' });
    await expect(preview.getByRole('heading', { name: 'Acme pilot' })).toBeVisible();
    await preview.getByRole('button', { name: 'Copy summary' }).click();
    await expect(preview.getByRole('status')).toHaveText(/^Copied/);
    await shot(sam, 'export-copied');

    const clip = await sam.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      if (!item) return null;
      const read = async (type: string) => (await item.getType(type)).text();
      return {
        types: [...item.types],
        text: await read('text/plain'),
        html: await read('text/html'),
      };
    });
    expect(clip?.types).toEqual(expect.arrayContaining(['text/plain', 'text/html']));
    const text = clip?.text ?? '';
    expect(text).toMatch(/^Acme pilot\n/);
    expect(text).toMatch(/exported \d{1,2} \w{3} \d{4}, \d\d:\d\d CET/);
    expect(text).toContain(`${HOSTILE} — Cara Customer`);
    expect(text).toContain('• Send the pilot plan · Owner: Sam · Due: 2026-12-01');
    expect(text).not.toMatch(/\\|\*\*|^#/m);
    const html = clip?.html ?? '';
    expect(html).toContain('<h1>Acme pilot</h1>');
    // Chromium hands the HTML back re-serialised: quotes in text come back bare.
    expect(html).toContain('=HYPERLINK("x") &lt;img src=x onerror=alert(1)&gt; &amp; "quotes"');
    expect(html).not.toContain('<img');
    expect(html).toMatch(/<table><thead><tr><th>What<\/th>/);
  } finally {
    await context.close();
  }
});
