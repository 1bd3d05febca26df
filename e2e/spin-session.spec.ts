import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import {
  createBoard,
  expect,
  joinedPerson,
  noteEntry,
  outline,
  shot,
  test,
  zoneSection,
} from './support.js';

// A whole SPIN co-creation session, as a salesperson runs it with a customer while a colleague
// watches: prepared questions asked and answered, ground rules agreed, cards of every kind, a
// vote, a timer the late viewer sees, following and "Bring everyone here", and the end, whose
// downloaded summary holds all of it.

const SITUATION = 'How do your regional teams prepare a quote today?';
const PROBLEM = 'Where does a quote wait longest for approval?';
const ANSWER_1 = 'Each region uses its own spreadsheet';
const ANSWER_2 = 'Finance signs every discount by hand';
const DUE = `${new Date().getUTCFullYear() + 1}-01-15`;

const prepPanel = (page: Page) => page.getByRole('complementary', { name: 'Preparation' });
const tools = (page: Page) => page.getByRole('toolbar', { name: 'Board tools' });
const voteBar = (page: Page) => page.getByRole('region', { name: 'Vote' });

/** The deck's item that holds the question field `label` ("Problem question 1"). */
function deckItem(page: Page, label: string) {
  return prepPanel(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('textbox', { name: label, exact: true }) });
}

async function fromMore(page: Page, item: string) {
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menu', { name: 'More' }).getByRole('menuitem', { name: item }).click();
}

async function typeCard(page: Page, text: string) {
  await expect(page.getByRole('textbox', { name: 'Note text' })).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

async function addCard(page: Page, item: string, text: string) {
  await tools(page).getByRole('button', { name: 'Add card' }).click();
  await page.getByRole('menu', { name: 'Add card' }).getByRole('menuitem', { name: item }).click();
  await typeCard(page, text);
}

/** Selects a card in the outline and puts one dot on it ("Place dot", the keyboard's way). */
async function dot(page: Page, text: string | RegExp) {
  await noteEntry(outline(page), text).click();
  await voteBar(page).getByRole('button', { name: 'Place dot' }).click();
}

function seconds(text: string): number {
  const [minutes, secs] = text.split(':').map(Number);
  return (minutes ?? 0) * 60 + (secs ?? 0);
}

test('a SPIN session, prepared, run and closed, ends in a summary that holds it all', async ({
  person,
}) => {
  test.setTimeout(240_000);
  const board = await createBoard(BASE_URL, 'Acme quoting: discovery', 'spin');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');

  // Before the meeting: the customer, the goal, and two questions of the deck made his own.
  await sam.getByRole('button', { name: 'Prepare', exact: true }).click();
  const prep = prepPanel(sam);
  await prep.getByLabel('Customer name', { exact: true }).fill('Dana Reyes');
  await prep.getByLabel('Company', { exact: true }).fill('Acme Logistics');
  await prep.getByRole('textbox', { name: 'Session goal' }).fill('Agree the scope of a pilot');
  await prep.getByRole('checkbox', { name: 'The session goal' }).check();
  await prep.getByRole('checkbox', { name: 'The customer and company' }).check();
  await prep.getByRole('textbox', { name: 'Situation question 1', exact: true }).fill(SITUATION);
  await prep.getByRole('textbox', { name: 'Problem question 1', exact: true }).fill(PROBLEM);
  await prep.getByRole('textbox', { name: 'Private notes' }).fill('Dana decides; the CFO signs.');
  await expect(prep.getByRole('status')).toHaveText('Saved');
  await shot(sam, 'spin-session-prepare');

  // The customer joins and agrees to the ground rules; she never sees the preparation.
  const cara = await joinedPerson(person, board.links.edit, 'Cara Customer', {
    groundRules: 'keep',
  });
  const rules = cara.getByRole('dialog', { name: 'Ground rules' });
  await rules.getByRole('button', { name: 'I agree' }).click();
  await expect(rules).toContainText('You agreed at');
  await cara.keyboard.press('Escape');
  await expect(cara.getByRole('button', { name: 'Prepare' })).toHaveCount(0);

  // Sam asks both questions; they land in their SPIN lanes on Cara's screen.
  await deckItem(sam, 'Situation question 1').getByRole('button', { name: 'Ask' }).click();
  await deckItem(sam, 'Problem question 1').getByRole('button', { name: 'Ask' }).click();
  await expect(deckItem(sam, 'Problem question 1')).toContainText('Asked');
  await expect(noteEntry(zoneSection(cara, 'Situation'), SITUATION)).toBeVisible();
  await expect(noteEntry(zoneSection(cara, 'Problem'), PROBLEM)).toBeVisible();
  await sam.getByRole('button', { name: 'Prepare', exact: true }).click();

  // Cara answers both, then writes a risk, a benefit, an action item and a commitment.
  for (const [question, answer] of [
    [SITUATION, ANSWER_1],
    [PROBLEM, ANSWER_2],
  ] as const) {
    await noteEntry(outline(cara), question).click();
    await outline(cara).getByRole('button', { name: 'Answer', exact: true }).click();
    await typeCard(cara, answer);
  }
  await addCard(cara, 'Add risk card', 'Finance may resist automatic approval');
  await tools(cara).getByRole('combobox', { name: 'Weight' }).selectOption('High');
  await addCard(cara, 'Add benefit card', 'Quotes out the same day');
  await tools(cara).getByRole('combobox', { name: 'Weight' }).selectOption('Medium');
  await addCard(sam, 'Add action item card', 'Send the pilot proposal');
  await tools(sam).getByRole('textbox', { name: 'Owner' }).fill('Sam Seller');
  await tools(sam).getByLabel('Due date').fill(DUE);
  await addCard(cara, 'Add commitment card', 'Name two reps for the pilot');
  await tools(cara).getByRole('combobox', { name: 'Side' }).selectOption('Customer');
  await expect(outline(sam)).toContainText('Commitment, customer: Name two reps for the pilot');
  await expect(outline(sam).getByRole('list', { name: 'Answers (1)' })).toHaveCount(2);
  await sam.keyboard.press('Escape');
  await shot(sam, 'spin-session-board');

  // A three-dot vote on the whole board: Cara and Sam vote, Sam reveals.
  await fromMore(sam, 'Start vote');
  const form = sam.getByRole('dialog', { name: 'Start vote' });
  await expect(form.getByLabel('Dots per person')).toHaveValue('3');
  await form.getByRole('button', { name: 'Start vote' }).click();
  await expect(voteBar(cara).getByRole('status')).toHaveText('Vote: 3 of 3 dots left');
  await dot(cara, ANSWER_2);
  await dot(cara, ANSWER_2);
  await dot(cara, 'Quotes out the same day');
  await expect(voteBar(cara).getByRole('status')).toHaveText('Vote: 0 of 3 dots left');
  await dot(sam, ANSWER_2);
  await expect(voteBar(sam)).toContainText('2 of 2 people have voted');
  await voteBar(sam).getByRole('button', { name: 'Reveal votes' }).click();
  const ranking = voteBar(cara).getByRole('list', { name: 'Cards by votes' });
  await expect(ranking.getByRole('listitem').first()).toContainText(ANSWER_2);
  await expect(ranking.getByRole('listitem').first()).toContainText('3');
  await shot(cara, 'spin-session-votes');

  // A five-minute timer; a colleague with the view link joins late and sees the same time.
  await fromMore(sam, 'Start timer');
  const timerDialog = sam.getByRole('dialog', { name: 'Start timer' });
  await timerDialog.getByLabel('5 minutes', { exact: true }).check();
  await timerDialog.getByRole('button', { name: 'Start' }).click();
  await sam.waitForTimeout(2_000);
  const vic = await joinedPerson(person, board.links.view, 'Vic Viewer');
  const vicTimer = vic.getByRole('timer', { name: 'Timer' });
  await expect(vicTimer).toHaveText(/^4:5\d$/);
  const samLeft = seconds((await sam.getByRole('timer', { name: 'Timer' }).textContent()) ?? '');
  expect(Math.abs(samLeft - seconds((await vicTimer.textContent()) ?? ''))).toBeLessThanOrEqual(2);

  // Vic follows Sam; Sam brings everyone to his view, then releases them.
  await vic.getByRole('button', { name: 'Follow Sam Seller' }).click();
  await expect(vic.getByRole('status').filter({ hasText: 'Following Sam Seller' })).toBeVisible();
  await fromMore(sam, 'Bring everyone here');
  const caraFollows = cara.getByRole('status').filter({ hasText: 'Following Sam Seller' });
  await expect(caraFollows).toBeVisible();
  await shot(cara, 'spin-session-brought');
  await fromMore(sam, 'Release everyone');
  await expect(caraFollows).toHaveCount(0);

  // The end: read-only for the others, the summary previewed, then downloaded.
  await fromMore(sam, 'End session');
  const ending = sam.getByRole('dialog', { name: 'End session' });
  await ending.getByRole('button', { name: 'End session' }).click();
  const preview = sam.getByRole('dialog', { name: 'Summary preview' });
  for (const heading of [
    'Ground rules',
    'Questions',
    'Risks and benefits',
    'Votes',
    'Actions',
    'Commitments',
  ]) {
    await expect(preview.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  await shot(sam, 'spin-session-summary');
  await expect(
    cara.getByText('The facilitator has ended this session. The board is read-only now.'),
  ).toBeVisible();
  const [download] = await Promise.all([
    sam.waitForEvent('download'),
    preview.getByRole('button', { name: 'Download Markdown' }).click(),
  ]);
  const markdown = await readFile(await download.path(), 'utf8');
  await writeFile(test.info().outputPath('summary.md'), markdown);
  const section = (title: string) => markdown.split(`\n## ${title}\n`)[1]?.split('\n## ')[0] ?? '';

  expect(markdown).toMatch(/^# Acme quoting: discovery\n/);
  expect(markdown).toContain('**Goal:** Agree the scope of a pilot');
  expect(markdown).toContain('**Customer:** Dana Reyes (Acme Logistics)');
  expect(markdown).not.toContain('the CFO signs');
  expect(markdown).toMatch(/Participants: .*Sam Seller.*Cara Customer/);
  expect(section('Ground rules')).toMatch(
    /Agreed by Cara Customer \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)/,
  );
  const questions = section('Questions');
  expect(questions.indexOf('Situation')).toBeLessThan(questions.indexOf('Problem'));
  for (const text of [SITUATION, PROBLEM, ANSWER_1, ANSWER_2]) {
    expect(questions).toContain(text.slice(0, 30));
  }
  expect(questions.indexOf(ANSWER_1)).toBeLessThan(questions.indexOf(PROBLEM.slice(0, 20)));
  const risks = section('Risks and benefits');
  expect(risks).toMatch(/\| Risks \| Benefits \|/);
  expect(risks).toMatch(/Finance may resist automatic approval.*\|.*Quotes out the same day/);
  const votes = section('Votes');
  expect(votes.split('\n').find((line) => /^1\. /.test(line))).toMatch(
    new RegExp(`^1\\. ${ANSWER_2} — \\*\\*3 dots\\*\\* \\(Sam Seller, Cara Customer ×2\\)`),
  );
  expect(section('Actions')).toContain(`| Send the pilot proposal | Sam Seller | ${DUE} |`);
  expect(section('Commitments')).toMatch(/Customer[\s\S]*Name two reps for the pilot/);
});
