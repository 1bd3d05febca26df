// `npm run bench:relay`: measures the relay with the real server, real SQLite and the stock
// y-websocket client, and prints a Markdown table. With --write it also replaces the relay
// section of docs/benchmarks.md. Numbers vary with the machine's load: compare runs, do not
// assert on them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addNote, buildSummary, listNotes, moveNote, summaryToMarkdown } from '@dartboard/board';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { buildServer } from '../src/app.js';
import { writeBenchmarkSection } from './benchmarksDoc.js';

type Row = [string, string];
// Every stock provider adds a process 'exit' listener in Node.
process.setMaxListeners(200);
const rows: Row[] = [];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

async function until(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('benchmark timed out');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'dartboard-bench-'));
// The burst below is a flood by design: the per-connection allowances are lifted so it measures
// the relay (review, storage, relay) and not the rate limit.
const app = await buildServer({
  dataDir,
  webRoot: null,
  idleUnloadMs: 60_000,
  messagesPerSecond: 1_000_000,
  bytesPerSecond: 1024 * 1024 * 1024,
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no port');
const base = `http://127.0.0.1:${address.port}`;
const wsBase = base.replace('http', 'ws');

async function createBoard(): Promise<{ id: string; token: string }> {
  const response = await fetch(`${base}/api/boards`, { method: 'POST' });
  const body = (await response.json()) as { id: string; tokens: { edit: string } };
  return { id: body.id, token: body.tokens.edit };
}

function connect(board: { id: string; token: string }) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${wsBase}/sync`, board.id, doc, {
    params: { token: board.token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  const destroy = () => {
    provider.destroy();
    doc.destroy();
  };
  return { doc, provider, synced, destroy };
}

// 1. Latency: one client moves a note, the other sees it.
{
  const board = await createBoard();
  const a = connect(board);
  const b = connect(board);
  await Promise.all([a.synced, b.synced]);
  const id = addNote(a.doc, { x: 0, y: 0, author: 'Bench' });
  await until(() => listNotes(b.doc).length === 1);
  const notes = b.doc.getMap('notes');
  const samples: number[] = [];
  for (let i = 1; i <= 1000; i++) {
    const seen = new Promise<void>((resolve) => {
      const observer = () => {
        notes.unobserveDeep(observer);
        resolve();
      };
      notes.observeDeep(observer);
    });
    const start = performance.now();
    moveNote(a.doc, id, i, i);
    await seen;
    samples.push(performance.now() - start);
  }
  samples.sort((x, y) => x - y);
  rows.push([
    'Edit latency, client to client (1,000 note moves, stored before relay)',
    `p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))}, p99 ${ms(percentile(samples, 99))}`,
  ]);

  // 2. Throughput: a burst of separate updates.
  const burst = 5000;
  const start = performance.now();
  for (let i = 0; i < burst; i++) moveNote(a.doc, id, -i, i);
  await until(() => b.doc.getMap('notes').size === 1 && listNotes(b.doc)[0]?.x === -(burst - 1));
  const seconds = (performance.now() - start) / 1000;
  rows.push([
    'Burst of 5,000 separate updates, relayed and stored',
    `${Math.round(burst / seconds)} updates/s`,
  ]);
  a.destroy();
  b.destroy();
}

// 3. Load time: a big board, and a board with a long edit history, compacted or not.
async function loadTime(updates: Uint8Array[]): Promise<number> {
  const board = await createBoard();
  for (const update of updates) await app.storage.appendUpdate(board.id, update);
  const start = performance.now();
  const client = connect(board);
  await client.synced;
  const elapsed = performance.now() - start;
  client.destroy();
  return elapsed;
}
{
  const big = new Y.Doc();
  for (let i = 0; i < 5000; i++) {
    addNote(big, {
      x: (i % 100) * 220,
      y: Math.floor(i / 100) * 180,
      author: 'Bench',
      text: `Note number ${i}`,
    });
  }
  const bigUpdate = Y.encodeStateAsUpdate(big);
  await loadTime([bigUpdate]); // warm-up
  rows.push(['First sync of a 5,000-note board', ms(await loadTime([bigUpdate]))]);

  // 200 notes moved 20,000 times in all, as a long session's drags would be.
  const busy = new Y.Doc();
  const history: Uint8Array[] = [];
  busy.on('update', (update: Uint8Array) => history.push(update));
  const ids = Array.from({ length: 200 }, (_, i) =>
    addNote(busy, { x: i, y: 0, author: 'Bench', text: `n${i}` }),
  );
  for (let i = 0; i < 20_000; i++) moveNote(busy, ids[i % ids.length] ?? '', i, i);
  rows.push([
    `First sync of a 200-note board after 20,000 moves, log as stored without compaction (${history.length.toLocaleString('en')} updates)`,
    ms(await loadTime(history)),
  ]);
  rows.push([
    'The same board after compaction (1 update)',
    ms(await loadTime([Y.encodeStateAsUpdate(busy)])),
  ]);

  const summaryStart = performance.now();
  const markdown = summaryToMarkdown(buildSummary(big, { now: new Date() }));
  rows.push([
    'Markdown summary of 5,000 notes',
    `${ms(performance.now() - summaryStart)} (${Math.round(markdown.length / 1024)} KiB)`,
  ]);
}

// 4. Memory of loaded rooms.
{
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const clients = [];
  for (let r = 0; r < 50; r++) {
    const board = await createBoard();
    const source = new Y.Doc();
    for (let i = 0; i < 200; i++)
      addNote(source, { x: i, y: 0, author: 'Bench', text: `Room ${r} note ${i}` });
    await app.storage.appendUpdate(board.id, Y.encodeStateAsUpdate(source));
    const client = connect(board);
    await client.synced;
    clients.push(client);
  }
  for (const client of clients) client.destroy();
  global.gc?.();
  const perRoom = (process.memoryUsage().heapUsed - before) / 50 / 1024;
  rows.push([
    'Heap per loaded room of 200 notes (50 rooms, server and client in one process)',
    global.gc ? `${Math.round(perRoom)} KiB` : 'run with --expose-gc',
  ]);
}

await app.close();
rmSync(dataDir, { recursive: true, force: true });

const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${process.platform}/${process.arch}, Node ${process.version}, loopback, SQLite synchronous=NORMAL.`,
  '',
  '| measure | result |',
  '| --- | --- |',
  ...rows.map(([measure, result]) => `| ${measure} | ${result} |`),
].join('\n');
console.log(table);

if (process.argv.includes('--write')) {
  writeBenchmarkSection('relay', table);
  console.log('\nWritten to docs/benchmarks.md');
}
