// `npm run bench:render`: how the board renders in headless Chromium, and how a peer does in
// the same harness. Starts the built server (as `npm start` does) with a throwaway data folder,
// fills a board through the stock y-websocket client, opens it in Chromium without a frame-rate
// cap and measures (1) the time from the document arriving to the board being drawn, (2) frame
// times while panning and zooming with wheel events, as a person scrolling would, and (3) the
// page's JS heap afterwards. The peer is Excalidraw (a dev dependency used only here): a small
// page (e2e/bench/excalidraw) built by Vite into a temporary folder and served to Chromium by
// request routing, given the same notes as rectangles with bound text, the same view and the
// same wheel events. A run with the CPU throttled 4x (CDP) stands for a mid-range phone.
// Prints Markdown tables; with --write it also replaces the render section of
// docs/benchmarks.md. Numbers vary with the machine's load: compare runs, do not assert on them.
// BENCH_SIZES=5000 measures Dartboard at those sizes only, BENCH_PEER_SIZES the same for
// Excalidraw and BENCH_THROTTLED_SIZES for the throttled runs (an empty value skips them; --write
// wants the defaults); BENCH_ONLY=35% measures only the scenarios whose name contains that text;
// BENCH_TRACE=1 also prints where each scenario's time went (Chromium trace events, summed per
// thread, nested ones included); BENCH_PROFILE=1 the page's script time by function
// (while opening the board, in total; while measuring, per frame).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addNote, boundsOf, READABLE_ZOOM } from '@dartboard/board';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { writeBenchmarkSection } from '../../apps/server/bench/benchmarksDoc.js';
import { freePort, spawnServer } from '../../apps/server/test/process.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.js';
import type { PeerView } from './excalidraw/main.js';
import { type BenchNote, benchNotes } from './notes.js';

function sizes(name: string, fallback: number[]): number[] {
  const value = process.env[name];
  if (value === undefined) return fallback;
  return value.split(',').filter(Boolean).map(Number);
}

const SIZES = sizes('BENCH_SIZES', [1000, 5000, 20000]);
const PEER_SIZES = sizes('BENCH_PEER_SIZES', [1000, 5000, 20000]);
const THROTTLED_SIZES = sizes('BENCH_THROTTLED_SIZES', [1000]);
const THROTTLE_RATE = 4;
const ONLY = process.env.BENCH_ONLY ?? '';
const TRACE = process.env.BENCH_TRACE === '1';
const PROFILE = process.env.BENCH_PROFILE === '1';
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
const PEER_ORIGIN = 'http://excalidraw.bench';
const EXCALIDRAW_VERSION = (
  JSON.parse(
    readFileSync(
      new URL('../../node_modules/@excalidraw/excalidraw/package.json', import.meta.url),
      'utf8',
    ),
  ) as { version: string }
).version;
const PEER = `Excalidraw ${EXCALIDRAW_VERSION}`;
/** The targets (docs/benchmarks.md, "Rendering"). */
const TARGET = {
  size: 20_000,
  peerSize: 5_000,
  ratio: 1.5,
  p95: 10,
  readyMs: 500,
  throttledFps: 60,
};

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
async function connect(wsUrl: string, board: CreatedBoard, doc: Y.Doc): Promise<WebsocketProvider> {
  const provider = new WebsocketProvider(`${wsUrl}/sync`, board.id, doc, {
    params: { token: board.tokens.edit },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return provider;
}

async function fillBoard(wsUrl: string, board: CreatedBoard, notes: BenchNote[]): Promise<void> {
  const doc = new Y.Doc();
  const provider = await connect(wsUrl, board, doc);
  // In batches, so that no single update comes near the relay's message size limit, and at
  // most 200 KiB a second: the relay closes a connection that sends more than 256 KiB a second.
  let sent = 0;
  doc.on('update', (update: Uint8Array) => {
    sent += update.byteLength;
  });
  const began = performance.now();
  for (let start = 0; start < notes.length; start += 250) {
    doc.transact(() => {
      for (const note of notes.slice(start, start + 250)) addNote(doc, note);
    });
    const due = (sent / (200 * 1024)) * 1000 - (performance.now() - began);
    if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
  }
  // A second client sees the notes once the relay has them (under load, some of the writer's
  // updates may still be on their way when it joins; it then receives them live).
  const check = new Y.Doc();
  const reader = await connect(wsUrl, board, check);
  const until = Date.now() + 60_000;
  while (check.getMap('notes').size < notes.length && Date.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const stored = check.getMap('notes').size;
  // Destroying the docs also stops their awareness timers, which would keep Node running.
  reader.destroy();
  check.destroy();
  provider.destroy();
  doc.destroy();
  if (stored !== notes.length)
    throw new Error(`board holds ${stored} notes, expected ${notes.length}`);
}

/** What the bench does in one app: open a board of notes, set up a scenario's view. */
interface Subject {
  name: string;
  /** The element wheel events go to. */
  target: string;
  /** How ctrl+wheel zooms: Dartboard multiplies by exp(-deltaY / 300), Excalidraw subtracts deltaY / 100. */
  zoom: 'exponential' | 'linear';
  open(page: Page, notes: BenchNote[]): Promise<{ total: number; afterSync: number }>;
  prepare(page: Page, setup: Scenario['setup']): Promise<void>;
}

function dartboard(server: { url: string; wsUrl: string }): Subject {
  return {
    name: 'Dartboard',
    target: '[data-testid="board-canvas"]',
    zoom: 'exponential',
    async open(page, notes) {
      const response = await fetch(`${server.url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Render bench, ${notes.length} notes` }),
      });
      const board = (await response.json()) as CreatedBoard;
      await fillBoard(server.wsUrl, board, notes);
      await page.context().addInitScript(() => localStorage.setItem('dartboard.name', 'Bench'));
      const ready = await openBoard(page, board.links.facilitator);
      // The outline panel, open on wide screens, closed for the scenarios: the canvas then
      // spans the window's width, as the peer's does.
      const outline = page.getByRole('button', { name: 'Outline', exact: true });
      if ((await outline.getAttribute('aria-pressed')) === 'true') await outline.click();
      return ready;
    },
    prepare,
  };
}

/** The peer's view for a scenario: the board's centre at 100 %, at 35 % or fitted (margin 48). */
function peerView(notes: BenchNote[], setup: Scenario['setup'] | 'opening'): PeerView {
  const bounds = boundsOf(notes) ?? { x: 0, y: 0, width: 1, height: 1 };
  const { width, height } = VIEWPORT;
  if (setup === 'opening') {
    // As Dartboard opens a board wider than the screen at READABLE_ZOOM: its top-left corner.
    const scale = READABLE_ZOOM;
    return { scale, x: 12 - bounds.x * scale, y: 12 - bounds.y * scale };
  }
  const fitted = Math.min(1, (width - 96) / bounds.width, (height - 96) / bounds.height);
  // Excalidraw zooms out to 10 % at most.
  const scale = setup === 'actual' ? 1 : setup === 'overview' ? 0.35 : Math.max(0.1, fitted);
  const cx = bounds.x + bounds.width / 2;
  const cy = bounds.y + bounds.height / 2;
  return { scale, x: width / 2 - cx * scale, y: height / 2 - cy * scale };
}

function excalidraw(root: string): Subject {
  let notes: BenchNote[] = [];
  return {
    name: PEER,
    target: 'canvas.excalidraw__canvas.interactive',
    zoom: 'linear',
    async open(page, given) {
      notes = given;
      await serve(page.context(), root);
      await page.goto(`${PEER_ORIGIN}/`);
      await page.waitForFunction(() => window.benchPeer !== undefined, null, { timeout: 60_000 });
      const view = peerView(notes, 'opening');
      const afterSync = await page.evaluate(
        ({ notes, view }) => window.benchPeer?.load(notes, view) ?? Number.NaN,
        { notes, view },
      );
      return { afterSync, total: await page.evaluate(() => performance.now()) };
    },
    async prepare(page, setup) {
      const view = peerView(notes, setup);
      await page.evaluate(
        ({ view, target }) => {
          window.benchPeer?.setView(view);
          // Excalidraw zooms about the last pointer position: the middle of the screen.
          const box = document.querySelector(target)?.getBoundingClientRect();
          if (!box) throw new Error(`no ${target}`);
          document.dispatchEvent(
            new PointerEvent('pointermove', {
              clientX: box.left + box.width / 2,
              clientY: box.top + box.height / 2,
            }),
          );
        },
        { view, target: 'canvas.excalidraw__canvas.interactive' },
      );
      await page.waitForTimeout(300);
    },
  };
}

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Serves the built peer page (and Excalidraw's fonts) at PEER_ORIGIN; nothing else loads. */
async function serve(context: BrowserContext, root: string): Promise<void> {
  const packageDist = fileURLToPath(
    new URL('../../node_modules/@excalidraw/excalidraw/dist/prod/', import.meta.url),
  );
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== PEER_ORIGIN) return route.abort();
    const path = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    for (const base of [root, packageDist]) {
      try {
        const body = readFileSync(join(base, path));
        return route.fulfill({
          body,
          contentType: MIME[extname(path)] ?? 'application/octet-stream',
        });
      } catch {}
    }
    return route.fulfill({ status: 404, body: 'not found' });
  });
}

/** Builds the peer page into a temporary folder and returns that folder. */
async function buildPeer(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'dartboard-bench-peer-'));
  await build({
    configFile: false,
    logLevel: 'error',
    root: fileURLToPath(new URL('./excalidraw/', import.meta.url)),
    define: { 'process.env.IS_PREACT': JSON.stringify('false') },
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 10_000 },
  });
  return outDir;
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
async function measure(page: Page, subject: Subject, motion: Motion): Promise<number[]> {
  return page.evaluate(
    async ({ motion, seconds, target, zoom }) => {
      const canvas = document.querySelector(target) as HTMLElement;
      const box = canvas.getBoundingClientRect();
      const frames: number[] = [];
      const end = performance.now() + seconds * 1000;
      let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      for (let t = 0; ; t++) {
        // Pan along a wide circle; zoom in for a second, then out for a second, and so on. Both
        // apps get the same zoom per event: Dartboard's exp(-deltaY / 300); Excalidraw, which
        // subtracts deltaY / 100 from its zoom, the deltaY that gives that factor.
        const angle = (t / 240) * Math.PI * 2;
        const delta = Math.floor(t / 60) % 2 === 0 ? -8 : 8;
        const deltaY =
          zoom === 'exponential'
            ? delta
            : 100 * (window.benchPeer?.zoom() ?? 1) * (1 - Math.exp(-delta / 300));
        const init: WheelEventInit =
          motion.kind === 'pan'
            ? { deltaX: Math.cos(angle) * motion.speed, deltaY: Math.sin(angle) * motion.speed }
            : { deltaY, ctrlKey: true };
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
    { motion, seconds: SECONDS_PER_SCENARIO, target: subject.target, zoom: subject.zoom },
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

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/** Main-thread script time per frame by function (self time), largest first. */
function printProfile(
  profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] },
  frameCount: number,
): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const frame = byId.get(samples[i] ?? -1)?.callFrame;
    if (!frame) continue;
    const file = frame.url.split('/').at(-1) ?? '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  const top = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [key, ms] of top) console.log(`  ${(ms / frameCount).toFixed(2)} ms/frame  ${key}`);
}

interface Frames {
  fps: number;
  p50: number;
  p95: number;
  max: number;
}

interface Run {
  subject: string;
  size: number;
  throttled: boolean;
  ready: { total: number; afterSync: number };
  scenarios: Map<string, Frames>;
  /** The page's JS heap after a garbage collection, bytes. */
  heap: number;
}

function frameText(frames: Frames | undefined): string {
  if (!frames) return '-';
  return `${frames.fps.toFixed(0)} fps, p50 ${frames.p50.toFixed(1)}, p95 ${frames.p95.toFixed(1)}, max ${frames.max.toFixed(0)} ms`;
}

async function runOne(
  browser: Awaited<ReturnType<typeof chromium.launch>>,
  subject: Subject,
  size: number,
  throttled: boolean,
): Promise<Run> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  // One session for the whole run: its emulation settings end when it is detached.
  const session = await context.newCDPSession(page);
  if (throttled) await session.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE_RATE });
  const label = `${subject.name}, ${size.toLocaleString('en')} notes${throttled ? `, CPU ${THROTTLE_RATE}x slower` : ''}`;
  try {
    if (PROFILE) await session.send('Profiler.enable');
    if (PROFILE) await session.send('Profiler.start');
    const ready = await subject.open(page, benchNotes(size));
    if (PROFILE) printProfile((await session.send('Profiler.stop')).profile, 1);
    console.log(`${label} | ready ${ready.afterSync.toFixed(0)} ms (${ready.total.toFixed(0)} ms)`);
    const scenarios = new Map<string, Frames>();
    for (const scenario of SCENARIOS.filter((s) => s.name.includes(ONLY))) {
      await subject.prepare(page, scenario.setup);
      if (TRACE) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      if (PROFILE) await session.send('Profiler.start');
      const frames = await measure(page, subject, scenario.motion);
      if (TRACE) printTrace(await browser.stopTracing(), frames.length);
      if (PROFILE) printProfile((await session.send('Profiler.stop')).profile, frames.length);
      const sorted = [...frames].sort((a, b) => a - b);
      const mean = frames.reduce((sum, f) => sum + f, 0) / frames.length;
      const result = {
        fps: 1000 / mean,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        max: sorted.at(-1) ?? Number.NaN,
      };
      scenarios.set(scenario.name, result);
      // Dartboard moves a painted picture instead of repainting when frames are slow.
      const picture = await page.evaluate(
        () => document.querySelector('[data-picture]')?.getAttribute('data-picture') ?? null,
      );
      const mode = picture ? ` | picture ${picture} at the end` : '';
      console.log(`${label} | ${scenario.name} | ${frameText(result)}${mode}`);
    }
    await session.send('HeapProfiler.collectGarbage');
    const heap = (await session.send('Runtime.getHeapUsage')).usedSize;
    console.log(`${label} | JS heap ${(heap / 2 ** 20).toFixed(0)} MB`);
    return { subject: subject.name, size, throttled, ready, scenarios, heap };
  } finally {
    await context.close();
  }
}

function tables(runs: Run[], version: string): string {
  const find = (subject: string, size: number, throttled: boolean) =>
    runs.find((r) => r.subject === subject && r.size === size && r.throttled === throttled);
  const groups = [
    ...new Set(runs.map((r) => `${r.throttled ? 1 : 0}:${String(r.size).padStart(6, '0')}`)),
  ].sort();
  const rows: string[][] = [];
  for (const group of groups) {
    const throttled = group.startsWith('1');
    const size = Number(group.slice(2));
    const ours = find('Dartboard', size, throttled);
    const peer = find(PEER, size, throttled);
    const label = `${size.toLocaleString('en')}${throttled ? `, CPU ${THROTTLE_RATE}x slower` : ''}`;
    const ready = (run: Run | undefined) =>
      run
        ? `${run.ready.afterSync.toFixed(0)} ms (${run.ready.total.toFixed(0)} ms from navigation)`
        : '-';
    rows.push([label, 'ready: document arrived → board drawn', ready(ours), ready(peer), '']);
    for (const scenario of SCENARIOS.filter((s) => s.name.includes(ONLY))) {
      const a = ours?.scenarios.get(scenario.name);
      const b = peer?.scenarios.get(scenario.name);
      rows.push([
        label,
        scenario.name,
        frameText(a),
        frameText(b),
        a && b ? `${(a.fps / b.fps).toFixed(1)}x` : '',
      ]);
    }
    const heap = (run: Run | undefined) => (run ? `${(run.heap / 2 ** 20).toFixed(0)} MB` : '-');
    rows.push([label, 'JS heap after the scenarios', heap(ours), heap(peer), '']);
  }

  const targets: string[][] = [];
  const big = find('Dartboard', TARGET.size, false);
  const peer = find(PEER, TARGET.peerSize, false);
  const yes = (ok: boolean) => (ok ? 'holds' : '**misses**');
  if (big) {
    for (const scenario of SCENARIOS.filter((s) => s.name.includes(ONLY))) {
      const a = big.scenarios.get(scenario.name);
      const b = peer?.scenarios.get(scenario.name);
      if (!a) continue;
      const need = b ? b.fps * TARGET.ratio : Number.NaN;
      const at = `${TARGET.size.toLocaleString('en')} notes, ${scenario.name}`;
      targets.push([
        `${at}: at least ${TARGET.ratio}x ${PEER} at ${TARGET.peerSize.toLocaleString('en')} notes (${b ? `${need.toFixed(0)} fps` : 'not measured'})`,
        `${a.fps.toFixed(0)} fps (${b ? (a.fps / b.fps).toFixed(1) : '?'}x)`,
        yes(a.fps >= need),
      ]);
      targets.push([
        `${at}: p95 at most ${TARGET.p95} ms`,
        `p95 ${a.p95.toFixed(1)} ms`,
        yes(a.p95 <= TARGET.p95),
      ]);
    }
    targets.push([
      `${TARGET.size.toLocaleString('en')} notes ready within ${TARGET.readyMs} ms of the document arriving`,
      `${big.ready.afterSync.toFixed(0)} ms`,
      yes(big.ready.afterSync <= TARGET.readyMs),
    ]);
  }
  for (const run of runs.filter((r) => r.throttled && r.subject === 'Dartboard'))
    for (const [name, frames] of run.scenarios)
      targets.push([
        `${run.size.toLocaleString('en')} notes, CPU ${THROTTLE_RATE}x slower, ${name}: at least ${TARGET.throttledFps} fps`,
        `${frames.fps.toFixed(0)} fps`,
        yes(frames.fps >= TARGET.throttledFps),
      ]);

  return [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${process.platform}/${process.arch}, headless Chromium ${version}, software rendering, ${VIEWPORT.width}x${VIEWPORT.height}, no frame-rate cap; ${PEER} in the same run.`,
    '',
    `| notes | measure | Dartboard | ${PEER} | fps ratio |`,
    '| --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    ...targets.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

const write = process.argv.includes('--write');
const peerRoot = await buildPeer();
const dataDir = mkdtempSync(join(tmpdir(), 'dartboard-bench-render-'));
// Boards hold at most 10,000 notes by default.
const server = await spawnServer(dataDir, await freePort(), { MAX_NOTES_PER_BOARD: '100000' });
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit', '--disable-gpu-vsync'],
});
const runs: Run[] = [];
try {
  const ours = dartboard(server);
  const peer = excalidraw(peerRoot);
  for (const size of [...new Set([...SIZES, ...PEER_SIZES])].sort((a, b) => a - b)) {
    if (SIZES.includes(size)) runs.push(await runOne(browser, ours, size, false));
    if (PEER_SIZES.includes(size)) runs.push(await runOne(browser, peer, size, false));
  }
  for (const size of THROTTLED_SIZES) {
    runs.push(await runOne(browser, ours, size, true));
    runs.push(await runOne(browser, peer, size, true));
  }
} finally {
  await browser.close();
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(peerRoot, { recursive: true, force: true });
}

const table = tables(runs, browser.version());
console.log(`\n${table}`);
if (write) {
  writeBenchmarkSection('render', table);
  console.log('docs/benchmarks.md updated');
}
