import type { Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import { canvas, createBoard, expect, expectLive, join, shot, test } from './support.js';

// A board shown through a shared screen: at the zoom it opens at, every text in view is at
// least its minimum size on screen, and the zones are what is framed. The sizes come from the
// page's own layout report (window.__dartboard.layout()), computed by the functions that paint.

/** The page's layout report, as apps/web canvas/layoutProbe.ts gives it. */
interface LayoutReport {
  zoom: number;
  screen: { width: number; height: number };
  minimum: { noteText: number; author: number; title: number; prompt: number };
  sizes: {
    noteText: number | null;
    author: number | null;
    title: number | null;
    prompt: number | null;
  };
  notesInView: number;
  notesShowingMore: number;
  zones: { title: string; x: number; y: number; width: number; height: number }[];
}

type ZoneBox = LayoutReport['zones'][number];

const LONG_NOTE =
  'Die Straßenbahn-Lösung für den Betriebshof braucht eine Freigabe durch den Aufsichtsrat, ' +
  'bevor wir im nächsten Quartal mit dem Pilotbetrieb auf der Linie 7 beginnen und Daten sammeln.';

const NOTES: { zone: string; at: [number, number]; text: string }[] = [
  { zone: 'Dialogue', at: [0.25, 0.45], text: LONG_NOTE },
  { zone: 'Dialogue', at: [0.75, 0.45], text: 'Agree the ground rules first' },
  { zone: 'Dialogue', at: [0.75, 0.8], text: 'Who decides on the customer side?' },
  { zone: 'Access', at: [0.3, 0.45], text: 'Pilot with two teams' },
  { zone: 'Risk assessment', at: [0.3, 0.45], text: 'Data migration could stall' },
  { zone: 'Transparency', at: [0.3, 0.45], text: 'Shared pricing sheet' },
];

const SCREENS = [
  { name: '1440x900', viewport: { width: 1440, height: 900 }, allZones: true },
  { name: '1280x800', viewport: { width: 1280, height: 800 }, allZones: true },
  { name: '1024x768', viewport: { width: 1024, height: 768 }, allZones: false },
  {
    name: '390x844',
    viewport: { width: 390, height: 844 },
    allZones: false,
    phone: { isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  },
];

function layout(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const probe = (window as { __dartboard?: { layout(): LayoutReport } }).__dartboard;
    if (!probe) throw new Error('no layout report on this page');
    return probe.layout();
  });
}

function zoneOf(report: LayoutReport, title: string): ZoneBox {
  const zone = report.zones.find((each) => each.title === title);
  if (!zone) throw new Error(`no zone ${title}`);
  return zone;
}

const whole = (zone: ZoneBox, screen: LayoutReport['screen']) =>
  zone.x >= 0 &&
  zone.y >= 0 &&
  zone.x + zone.width <= screen.width &&
  zone.y + zone.height <= screen.height;

const partly = (zone: ZoneBox, screen: LayoutReport['screen']) =>
  zone.x < screen.width &&
  zone.y < screen.height &&
  zone.x + zone.width > 0 &&
  zone.y + zone.height > 0;

/** Adds each note whose spot is on screen at the opening view; returns how many were added. */
async function addNotes(page: Page): Promise<number> {
  const report = await layout(page);
  const box = await canvas(page).boundingBox();
  if (!box) throw new Error('the canvas is not on screen');
  let added = 0;
  for (const { zone: title, at, text } of NOTES) {
    const zone = zoneOf(report, title);
    const x = zone.x + zone.width * at[0];
    const y = zone.y + zone.height * at[1];
    // Clear of the toolbar and zoom buttons at the bottom of the canvas.
    if (x < 100 || y < 100 || x > report.screen.width - 100 || y > report.screen.height - 140)
      continue;
    await page.mouse.dblclick(box.x + x, box.y + y);
    await expect(page.getByRole('textbox', { name: 'Note text' })).toBeFocused();
    await page.keyboard.type(text);
    await page.keyboard.press('Escape');
    added += 1;
  }
  return added;
}

for (const { name, viewport, allZones, phone } of SCREENS) {
  test.describe(name, () => {
    test.use({ viewport, ...phone });

    test(`text is readable at the opening zoom, with the zones in view (${name})`, async ({
      page,
    }) => {
      const board = await createBoard(BASE_URL, `Legibility ${name}`);
      await page.goto(board.links.facilitator);
      await join(page, 'Sam Seller');
      const added = await addNotes(page);
      expect(added).toBeGreaterThanOrEqual(2);

      await page.reload();
      await expectLive(page);
      await expect.poll(async () => (await layout(page)).notesInView).toBeGreaterThanOrEqual(added);
      // Let images painted at the resting zoom arrive before the screenshot.
      await page.waitForTimeout(400);
      const report = await layout(page);
      const { sizes, minimum, screen } = report;

      expect(sizes.noteText).toBeGreaterThanOrEqual(minimum.noteText);
      expect(sizes.author).toBeGreaterThanOrEqual(minimum.author);
      expect(sizes.title).toBeGreaterThanOrEqual(minimum.title);
      expect(sizes.prompt).toBeGreaterThanOrEqual(minimum.prompt);
      // The 200-character note keeps its size and says there is more.
      expect(report.notesShowingMore).toBeGreaterThanOrEqual(1);

      const first = zoneOf(report, 'Dialogue');
      if (allZones) {
        for (const zone of report.zones) expect(whole(zone, screen), zone.title).toBe(true);
      } else if (phone) {
        // The first zone across the width, from its left edge (the title side).
        expect(first.x).toBeGreaterThanOrEqual(0);
        expect(first.x).toBeLessThan(24);
        expect(first.x + first.width).toBeGreaterThanOrEqual(screen.width);
        expect(first.y).toBeGreaterThanOrEqual(0);
        expect(first.y + first.height).toBeLessThanOrEqual(screen.height);
      } else {
        expect(whole(first, screen)).toBe(true);
        for (const zone of report.zones) expect(partly(zone, screen), zone.title).toBe(true);
      }
      await shot(page, `legibility-${name}`);
    });
  });
}
