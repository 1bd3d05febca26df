import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import { createBoard, expect, join, joinedPerson, shot, test } from './support.js';

// The co-creation tools a facilitator runs a session with: a countdown everyone sees (the same
// for someone who joins late), the six stages with the agreed test metrics, and ending the
// session read-only with its summary.

/** Seconds the page's timer shows ("0:57" is 57). */
async function timerSeconds(page: Page): Promise<number> {
  const text = (await page.getByRole('timer', { name: 'Timer' }).textContent()) ?? '';
  const [minutes, seconds] = text.split(':').map(Number);
  return (minutes ?? 0) * 60 + (seconds ?? 0);
}

/**
 * No two controls of the top bar and the session row overlap, and none runs off the screen
 * (the stage list may scroll sideways on a phone: its steps are checked against the list).
 */
async function expectSessionRowFits(page: Page, what: string) {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const boxes = [...document.querySelectorAll('header, .session-bar')].flatMap((area) =>
      [...area.querySelectorAll('a, button:not(.stage), input, select, h1, [role="timer"], ol')]
        .map((element) => ({
          name: element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '',
          box: element.getBoundingClientRect(),
        }))
        .filter(({ box }) => box.width > 0 && box.height > 0),
    );
    for (const [i, a] of boxes.entries()) {
      if (a.box.left < -0.5 || a.box.right > window.innerWidth + 0.5) {
        found.push(`"${a.name}" runs off the screen`);
      }
      for (const b of boxes.slice(i + 1)) {
        const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (w > 0.5 && h > 0.5) found.push(`"${a.name}" overlaps "${b.name}"`);
      }
    }
    return found;
  });
  expect(problems, what).toEqual([]);
}

async function fromMore(page: Page, item: string) {
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menu', { name: 'More' }).getByRole('menuitem', { name: item }).click();
}

test('timer, stages, metrics and ending a session read-only', async ({ person }) => {
  const board = await createBoard(BASE_URL, 'Acme co-creation');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam Seller');

  // A one-minute timer; the customer joins a few seconds later and sees the same time left.
  await fromMore(sam, 'Start timer');
  const dialog = sam.getByRole('dialog', { name: 'Start timer' });
  await dialog.getByLabel('1 minute').check();
  await shot(sam, 'session-tools-start-timer');
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(sam.getByRole('timer', { name: 'Timer' })).toHaveText(/^0:5\d|1:00$/);
  await sam.waitForTimeout(3_000);
  // Cara's computer clock is 45 s fast: the page counts on the server's clock, not hers.
  const cara = await person();
  await cara.clock.setSystemTime(Date.now() + 45_000);
  await cara.goto(board.links.edit);
  await join(cara, 'Cara Customer');
  expect((await cara.evaluate(() => Date.now())) - Date.now()).toBeGreaterThan(40_000);
  const caraTimer = cara.getByRole('timer', { name: 'Timer' });
  await expect(caraTimer).toBeVisible();
  const [samLeft, caraLeft] = await Promise.all([timerSeconds(sam), timerSeconds(cara)]);
  expect(Math.abs(samLeft - caraLeft)).toBeLessThanOrEqual(2);
  expect(caraLeft).toBeLessThan(58);
  // The customer gets no timer controls.
  await expect(cara.getByRole('button', { name: 'Pause timer' })).toHaveCount(0);
  await shot(cara, 'session-tools-timer-customer');

  await sam.getByRole('button', { name: 'Pause timer' }).click();
  await expect(cara.getByText('Paused')).toBeVisible();
  const paused = await timerSeconds(sam);
  await sam.waitForTimeout(1_500);
  expect(await timerSeconds(cara)).toBe(paused);
  await sam.getByRole('button', { name: 'Reset timer' }).click();
  await expect(caraTimer).toHaveText('1:00');

  // Stages: the facilitator shows them and moves to Test; the customer follows.
  await fromMore(sam, 'Show stages');
  const stages = (page: Page) => page.getByRole('navigation', { name: 'Stages' });
  await expect(stages(cara).locator('[aria-current="step"]')).toHaveText(/Objective/);
  await stages(sam).getByRole('button', { name: 'Next step' }).click();
  await expect(stages(cara).locator('[aria-current="step"]')).toHaveText(/Options/);
  await stages(sam).getByRole('button', { name: 'Test' }).click();
  await expect(stages(cara).locator('[aria-current="step"]')).toHaveText(/Test/);
  await expect(stages(cara).getByRole('button')).toHaveCount(0);

  const metrics = (page: Page) => page.getByRole('region', { name: 'Test metrics' });
  await metrics(sam).getByLabel('Metric').fill('Onboarding time');
  await metrics(sam).getByLabel('Target').fill('under 2 days');
  await metrics(sam).getByRole('button', { name: 'Add metric' }).click();
  await expect(metrics(cara)).toContainText('Onboarding time — target: under 2 days');
  await expect(metrics(cara).getByRole('button', { name: 'Add metric' })).toHaveCount(0);
  await shot(sam, 'session-tools-stages-facilitator');
  for (const width of [1440, 1024, 390, 360]) {
    await sam.setViewportSize({ width, height: 800 });
    await expectSessionRowFits(sam, `facilitator at ${width} px`);
  }
  await sam.setViewportSize({ width: 1400, height: 900 });
  await shot(cara, 'session-tools-stages-customer');

  // The customer adds a note while the session runs.
  await cara.getByRole('button', { name: 'Add note', exact: true }).click();
  await cara.keyboard.type('Pilot in Q1');
  await cara.keyboard.press('Escape');
  await cara.keyboard.press('Escape');
  await expect(sam.getByText('Pilot in Q1')).toBeAttached();
  await sam.keyboard.press('Escape');
  await shot(sam, 'session-tools');

  // End the session read-only: the summary opens, and downloads with the stages and metrics.
  await fromMore(sam, 'End session');
  const ending = sam.getByRole('dialog', { name: 'End session' });
  await expect(ending.getByLabel('Make the board read-only for everyone else')).toBeChecked();
  await ending.getByRole('button', { name: 'End session' }).click();
  const preview = sam.getByRole('dialog', { name: 'Summary preview' });
  const [download] = await Promise.all([
    sam.waitForEvent('download'),
    preview.getByRole('button', { name: 'Download Markdown' }).click(),
  ]);
  await preview.getByRole('button', { name: 'Close' }).click();
  const markdown = await readFile(await download.path(), 'utf8');
  expect(markdown).toContain('Session ended ');
  expect(markdown).toContain('## Stages');
  expect(markdown).toMatch(/- Test — began .* \(current\)/);
  expect(markdown).toContain('## Test metrics');
  expect(markdown).toContain('- Success: Onboarding time — target: under 2 days');

  // The customer can no longer add notes, and is told why.
  await expect(
    cara.getByText('The facilitator has ended this session. The board is read-only now.'),
  ).toBeVisible();
  await expect(cara.getByRole('button', { name: 'Add note', exact: true })).toHaveCount(0);
  await cara.locator('canvas').first().hover();
  await cara.keyboard.press('n');
  await expect(cara.locator('.notice')).toHaveText(/The facilitator has ended this session\./);
  await shot(cara, 'session-tools-ended-customer');
  // The facilitator still can.
  await expect(sam.getByRole('button', { name: 'Add note', exact: true })).toBeVisible();
  // On a phone the session row wraps under the top bar.
  await sam.setViewportSize({ width: 360, height: 740 });
  await expectSessionRowFits(sam, 'facilitator at 360 px, ended');
  await shot(sam, 'session-tools-ended-phone');
});

test('at zero the timer says so and glows softly', async ({ person }) => {
  const board = await createBoard(BASE_URL, 'Timer check');
  const sam = await person();
  // The page's clock only: the minute passes at once. (The jump also trips the client's silence
  // timeout, so the page reconnects meanwhile; the timer is computed locally and stays right.)
  await sam.clock.install();
  await sam.goto(board.links.facilitator);
  await join(sam, 'Sam Seller');
  await fromMore(sam, 'Start timer');
  const dialog = sam.getByRole('dialog', { name: 'Start timer' });
  await dialog.getByLabel('1 minute').check();
  await dialog.getByRole('button', { name: 'Start' }).click();
  await sam.getByRole('button', { name: 'Timer sound' }).click();
  await expect(sam.getByRole('button', { name: 'Timer sound' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await sam.clock.fastForward(61_000);
  await expect(sam.getByRole('timer', { name: 'Timer' })).toHaveText('0:00');
  await expect(sam.getByRole('status').filter({ hasText: 'Time is up' })).toBeVisible();
  await shot(sam, 'session-tools-timer-done');
  // Nothing left to pause; reset brings the full minute back.
  await expect(sam.getByRole('button', { name: 'Pause timer' })).toHaveCount(0);
  await sam.getByRole('button', { name: 'Reset timer' }).click();
  await expect(sam.getByRole('timer', { name: 'Timer' })).toHaveText('1:00');
});
