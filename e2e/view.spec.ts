import type { Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import { canvasPoint, createBoard, expect, joinedPerson, test, zoneSection } from './support.js';

// The board opens framed: all four zones in view, centred in the canvas, whatever size the
// canvas settles at; once the person moves the view, it stays where they put it.

function zoomLabel(page: Page) {
  return page.getByRole('button', { name: /^Zoom \d+%, reset to 100%$/ });
}

async function zoomPercent(page: Page): Promise<number> {
  const label = (await zoomLabel(page).getAttribute('aria-label')) ?? '';
  return Number(label.match(/\d+/)?.[0]);
}

test('the opening view stays framed while the window settles, until the person moves it', async ({
  person,
}) => {
  const board = await createBoard(BASE_URL, 'Framing');
  const sam = await joinedPerson(person, board.links.facilitator, 'Sam');
  const opened = await zoomPercent(sam);

  // A smaller window, before Sam touches the view: the board is framed again, smaller.
  await sam.setViewportSize({ width: 1000, height: 700 });
  await expect.poll(() => zoomPercent(sam)).toBeLessThan(opened);
  // Framed means centred: a note double-clicked just right of the middle lands on the right.
  const at = await canvasPoint(sam, 0.6, 0.7);
  await sam.mouse.dblclick(at.x, at.y);
  await sam.keyboard.type('Right of the middle');
  await sam.keyboard.press('Escape');
  await expect(zoneSection(sam, 'Transparency')).toHaveAccessibleName('Transparency (1)');

  // Once Sam zooms, a resize leaves the view alone.
  await sam.getByRole('button', { name: 'Zoom in' }).click();
  const chosen = await zoomPercent(sam);
  await sam.setViewportSize({ width: 1300, height: 850 });
  await expect(sam.getByRole('region', { name: 'Outline' })).toBeVisible();
  await sam.waitForTimeout(200);
  expect(await zoomPercent(sam)).toBe(chosen);
});
