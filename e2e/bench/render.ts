// `npm run bench:render`: how the board renders in headless Chromium with 1,000 and 5,000
// notes. Starts the built server (as `npm start` does) with a throwaway data folder, fills a
// board through the stock y-websocket client, opens it in Chromium without a frame-rate cap
// and measures (1) the time from the document arriving to the board being drawn and (2) frame
// times while panning and zooming with wheel events, as a person scrolling would. Prints a
// Markdown table; with --write it also replaces the render section of docs/benchmarks.md.
// Numbers vary with the machine's load: compare runs, do not assert on them. BENCH_SIZES=5000
// measures one board size only (for quick comparisons; --write wants both); BENCH_ONLY=35%
// measures only the scenarios whose name contains that text; BENCH_TRACE=1 also prints where
// each scenario's time went (Chromium trace events, summed per thread, nested ones included).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote, NOTE_COLORS } from '@dartboard/board';
import { chromium, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { freePort, spawnServer } from '../../apps/server/test/process.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.js';

const SIZES = process.env.BENCH_SIZES?.split(',').map(Number) ?? [1000, 5000];
const ONLY = process.env.BENCH_ONLY ?? '';
const TRACE = process.env.BENCH_TRACE === '1';
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'cc',
  'gpu',
  'blink',
  'v8',
];
const VIEWPORT = { width: 1400, height: 900 };
const SECONDS_PER_SCENARIO = 4;
const COLORS = Object.values(NOTE_COLORS);
const WORDS = 'pricing risk onboarding budget timeline security pilot renewal scope value'.split(
  ' ',
);

interface CreatedBoard {
  id: string;
  tokens: { facilitator: string; edit: string };
  links: { facilitator: string };
}

/** Wheel input for one frame: t is the frame number. */
type Motion = { kind: 'pan'; speed: number } | { kind: 'zoom' };

interface Scenario {
  name: string;
  /** Prepares the view before measuring (runs in the page). */
  setup: 'fit' | 'actual' | 'overview';
  motion: Motion;
}

const SCENARIOS: Scenario[] = [
  { name: 'pan at 100%', setup: 'actual', motion: { kind: 'pan', speed: 24 } },
  {
    name: 'pan at 35% (most notes drawn in detail)',
    setup: 'overview',
    motion: { kind: 'pan', speed: 24 },
  },
  { name: 'pan, whole board in view', setup: 'fit', motion: { kind: 'pan', speed: 12 } },
  { name: 'zoom in and out across the board', setup: 'fit', motion: { kind: 'zoom' } },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** A Node client on the board with its edit link, once it has synced. */
async function connect(wsUrl: string, board: CreatedBoard, doc: Y.Doc): Promise<WebsocketProvider> {
  const provider = new WebsocketProvider(`${wsUrl}/sync`, board.id, doc, {
    params: { token: board.tokens.edit },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return provider;
}

async function fillBoard(wsUrl: string, board: CreatedBoard, count: number): Promise<void> {
  const doc = new Y.Doc();
  const provider = await connect(wsUrl, board, doc);
  const columns = Math.ceil(Math.sqrt(count * 2));
  // In batches, so that no single update comes near the relay's message size limit.
  for (let start = 0; start < count; start += 500) {
    doc.transact(() => {
      for (let i = start; i < Math.min(count, start + 500); i++) {
        const words = Array.from({ length: 3 + (i % 9) }, (_, k) => WORDS[(i + k) % WORDS.length]);
        addNote(doc, {
          x: (i % columns) * 220,
          y: 400 + Math.floor(i / columns) * 180,
          author: `Person ${i % 7}`,
          color: COLORS[i % COLORS.length],
          text: `${i}: ${words.join(' ')}`,
        });
      }
    });
  }
  // The relay answers a sync request only after everything before it is stored.
  const check = new Y.Doc();
  const reader = await connect(wsUrl, board, check);
  const stored = check.getMap('notes').size;
  // Destroying the docs also stops their awareness timers, which would keep Node running.
  reader.destroy();
  check.destroy();
  provider.destroy();
  doc.destroy();
  if (stored !== count) throw new Error(`board holds ${stored} notes, expected ${count}`);
}

/** Opens the board and returns the time from the document arriving to it being drawn. */
async function openBoard(page: Page, link: string): Promise<{ total: number; afterSync: number }> {
  await page.goto(link);
  await page.getByRole('status', { name: 'Connection: Live' }).waitFor({ timeout: 60_000 });
  // No named inner functions in page code: tsx would wrap them in a helper the page lacks.
  return page.evaluate(async () => {
    for (const name of ['dartboard:synced', 'dartboard:rendered'])
      while (performance.getEntriesByName(name).length === 0)
        await new Promise((resolve) => setTimeout(resolve, 5));
    const synced = performance.getEntriesByName('dartboard:synced')[0]?.startTime ?? 0;
    // The frame after the render is the one that shows it.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const drawn = performance.now();
    return { total: drawn, afterSync: drawn - synced };
  });
}

async function prepare(page: Page, setup: Scenario['setup']): Promise<void> {
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  if (setup === 'actual')
    await page.getByRole('button', { name: /^Zoom \d+%, reset to 100%$/ }).click();
  if (setup === 'overview') {
    // Zoom in from the fitted view, a few wheel steps at a time, until 35%.
    await page.evaluate(async () => {
      const canvas = document.querySelector('[data-testid="board-canvas"]') as HTMLElement;
      const box = canvas.getBoundingClientRect();
      const zoomButton = document.querySelector(
        '[aria-label^="Zoom "][aria-label$="reset to 100%"]',
      );
      for (let i = 0; i < 200; i++) {
        const percent = Number(zoomButton?.getAttribute('aria-label')?.match(/\d+/)?.[0] ?? 0);
        if (percent >= 35) break;
        canvas.dispatchEvent(
          new WheelEvent('wheel', {
            deltaY: -10,
            ctrlKey: true,
            clientX: box.left + box.width / 2,
            clientY: box.top + box.height / 2,
            bubbles: true,
            cancelable: true,
          }),
        );
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    });
  }
  await page.waitForTimeout(300);
}

/** Drives wheel input once per animation frame and returns every frame's duration in ms. */
async function measure(page: Page, motion: Motion): Promise<number[]> {
  return page.evaluate(
    async ({ motion, seconds }) => {
      const canvas = document.querySelector('[data-testid="board-canvas"]') as HTMLElement;
      const box = canvas.getBoundingClientRect();
      const frames: number[] = [];
      const end = performance.now() + seconds * 1000;
      let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      for (let t = 0; ; t++) {
        // Pan along a wide circle; zoom in for a second, then out for a second, and so on.
        const angle = (t / 240) * Math.PI * 2;
        const init: WheelEventInit =
          motion.kind === 'pan'
            ? { deltaX: Math.cos(angle) * motion.speed, deltaY: Math.sin(angle) * motion.speed }
            : { deltaY: Math.floor(t / 60) % 2 === 0 ? -8 : 8, ctrlKey: true };
        canvas.dispatchEvent(
          new WheelEvent('wheel', {
            ...init,
            clientX: box.left + box.width / 2,
            clientY: box.top + box.height / 2,
            bubbles: true,
            cancelable: true,
          }),
        );
        const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
        frames.push(now - last);
        last = now;
        if (now > end) return frames;
      }
    },
    { motion, seconds: SECONDS_PER_SCENARIO },
  );
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Time per frame by thread and event, largest first: where a scenario's frames went. */
function printTrace(buffer: Buffer, frameCount: number): void {
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const threads = new Map<string, string>();
  for (const event of events)
    if (event.ph === 'M' && event.name === 'thread_name')
      threads.set(`${event.pid}:${event.tid}`, event.args?.name ?? '?');
  const totals = new Map<string, number>();
  for (const event of events) {
    if (event.ph !== 'X' || !event.dur) continue;
    const key = `${threads.get(`${event.pid}:${event.tid}`) ?? event.tid} | ${event.name}`;
    totals.set(key, (totals.get(key) ?? 0) + event.dur / 1000);
  }
  const top = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [key, ms] of top) console.log(`  ${(ms / frameCount).toFixed(2)} ms/frame  ${key}`);
}

const write = process.argv.includes('--write');
const dataDir = mkdtempSync(join(tmpdir(), 'dartboard-bench-render-'));
const server = await spawnServer(dataDir, await freePort());
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit', '--disable-gpu-vsync'],
});
const rows: string[][] = [];
try {
  for (const size of SIZES) {
    const response = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: `Render bench, ${size} notes` }),
    });
    const board = (await response.json()) as CreatedBoard;
    await fillBoard(server.wsUrl, board, size);

    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(() => localStorage.setItem('dartboard.name', 'Bench'));
    const page = await context.newPage();
    const load = await openBoard(page, board.links.facilitator);
    const label = `${size.toLocaleString('en')} notes`;
    rows.push([
      label,
      'ready: document arrived → board drawn',
      `${load.afterSync.toFixed(0)} ms (${load.total.toFixed(0)} ms from navigation)`,
    ]);
    console.log(rows.at(-1)?.join(' | '));
    for (const scenario of SCENARIOS.filter((s) => s.name.includes(ONLY))) {
      await prepare(page, scenario.setup);
      if (TRACE) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      const frames = await measure(page, scenario.motion);
      if (TRACE) printTrace(await browser.stopTracing(), frames.length);
      const sorted = [...frames].sort((a, b) => a - b);
      const mean = frames.reduce((sum, f) => sum + f, 0) / frames.length;
      rows.push([
        label,
        scenario.name,
        `${(1000 / mean).toFixed(0)} fps, p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`,
      ]);
      console.log(rows.at(-1)?.join(' | '));
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
}

const version = browser.version();
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${process.platform}/${process.arch}, headless Chromium ${version}, software rendering, ${VIEWPORT.width}x${VIEWPORT.height}, no frame-rate cap.`,
  '',
  '| board | measure | result |',
  '| --- | --- | --- |',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
].join('\n');
console.log(`\n${table}`);

if (write) {
  const path = new URL('../../docs/benchmarks.md', import.meta.url);
  const doc = readFileSync(path, 'utf8');
  const start = '<!-- bench:render:start -->';
  const end = '<!-- bench:render:end -->';
  if (!doc.includes(start)) throw new Error(`docs/benchmarks.md lacks ${start}`);
  writeFileSync(
    path,
    `${doc.slice(0, doc.indexOf(start) + start.length)}\n${table}\n${doc.slice(doc.indexOf(end))}`,
  );
  console.log('docs/benchmarks.md updated');
}
