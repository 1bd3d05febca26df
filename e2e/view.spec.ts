import type { Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import { canvasPoint, createBoard, expect, joinedPerson, test, zoneSection } from './support.js';

// The board opens framed: all four zones in view, centred in the canvas, when they fit at a
// zoom where text stays readable (50 % or more); otherwise at 50 % from the first zone, top
// left. It stays framed whatever size the canvas settles at, until the person moves the view.

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

  // A smaller window, before Sam touches the view: the board is framed again, smaller, but no
  // smaller than 50 %, where the zones no longer fit beside the outline.
  await sam.setViewportSize({ width: 1000, height: 700 });
  await expect.poll(() => zoomPercent(sam)).toBeLessThan(opened);
  expect(await zoomPercent(sam)).toBe(50);
  // From the first zone at the top left: a note double-clicked low on the left lands below it.
  const at = await canvasPoint(sam, 0.3, 0.8);
  await sam.mouse.dblclick(at.x, at.y);
  await sam.keyboard.type('Low on the left');
  await sam.keyboard.press('Escape');
  await expect(zoneSection(sam, 'Risk assessment')).toHaveAccessibleName('Risk assessment (1)');

  // Once Sam zooms, a resize leaves the view alone.
  await sam.getByRole('button', { name: 'Zoom in' }).click();
  const chosen = await zoomPercent(sam);
  await sam.setViewportSize({ width: 1300, height: 850 });
  await expect(sam.getByRole('region', { name: 'Outline' })).toBeVisible();
  await sam.waitForTimeout(200);
  expect(await zoomPercent(sam)).toBe(chosen);
});
