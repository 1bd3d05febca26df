// `npm run bench:export`: how long each export format takes and how much memory it needs for
// boards of 100, 1,000 and 5,000 cards (`-- --cards 100` for one size), and how long the main
// thread's event loop stalls meanwhile (what live sessions on the same server would feel). Each
// export is the route's: the board's stored updates handed to the export pool, the
// file's bytes back. Each measurement runs in a fresh Node process, so its peak memory (maxRSS,
// the pool's threads included) is its own. With --write it replaces the export section of
// docs/benchmarks.md. Numbers vary with the machine's load: compare runs, do not assert on them.
import { execFileSync } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  addNote,
  applyTemplate,
  CARD_KINDS,
  emptyCard,
  joinSession,
  placeDot,
  revealVotes,
  startVote,
} from '@dartboard/board';
import * as Y from 'yjs';
import { createExportPool, type ExportPool } from '../src/export/exportPool.js';
import { EXPORT_FORMATS, isExportFormat } from '../src/export/formats.js';
import { writeBenchmarkSection } from './benchmarksDoc.js';

const SIZES = [100, 1_000, 5_000];
const WORDS = 'Größe año łódź quote approval pilot region finance discount rollout'.split(' ');

const STEP_X = 240;
const STEP_Y = 220;

/** Columns of the square-ish grid the cards are laid out in. */
const columns = (cards: number) => Math.ceil(Math.sqrt(cards));

/**
 * A SPIN board with `cards` cards of every kind in a square grid from its first lane onwards,
 * and a revealed vote.
 */
function sampleBoard(cards: number): Y.Doc {
  const doc = new Y.Doc();
  applyTemplate(doc, { title: `Bench ${cards}`, template: 'spin', createdAt: Date.now() });
  const ids: string[] = [];
  for (let i = 0; i < cards; i++) {
    const kind = CARD_KINDS[i % CARD_KINDS.length] ?? 'note';
    const words = Array.from({ length: 4 + (i % 9) }, (_, k) => WORDS[(i + k) % WORDS.length]);
    ids.push(
      addNote(doc, {
        x: 16 + (i % columns(cards)) * STEP_X,
        y: 130 + Math.floor(i / columns(cards)) * STEP_Y,
        author: `Person ${i % 7}`,
        text: words.join(' '),
        createdAt: 1_795_000_000_000 + i,
        card: emptyCard(kind),
      }),
    );
  }
  startVote(doc, { dots: 3 }, Date.now());
  for (let p = 0; p < 6; p++) {
    const person = `person${String(p).padStart(16, '0')}`;
    joinSession(doc, person, `Person ${p}`, 'edit', Date.now());
    for (let d = 0; d < 3; d++) placeDot(doc, person, ids[(p * 7 + d * 13) % ids.length] ?? '');
  }
  revealVotes(doc, Date.now());
  return doc;
}

/**
 * The PNG scale that keeps a board of `cards` within the picture limits (16,000 px a side,
 * 64 Mpx), as a facilitator exporting a huge board would have to choose: 1 when it fits.
 */
function fittingScale(cards: number): string {
  const width = Math.max(3240, columns(cards) * STEP_X + 80);
  const height = Math.max(1560, Math.ceil(cards / columns(cards)) * STEP_Y + 210);
  const scale = Math.min(1, 15_000 / width, 15_000 / height, Math.sqrt(60e6 / (width * height)));
  return scale.toFixed(2);
}

/** The route's export of a board stored as `updates` as `format`: the updates in, the file out. */
function exportBoard(pool: ExportPool, updates: Uint8Array[], format: string, cards: number) {
  return pool.run({
    format,
    updates,
    summary: { now: new Date().toISOString() },
    options: format === 'png' ? { scale: fittingScale(cards) } : {},
    thisYear: new Date().getFullYear(),
  });
}

/** One measurement, in this process: prints `{ ms, bytes, maxRssMiB, stallMs }` as JSON. */
async function measureOne(cards: number, format: string): Promise<void> {
  if (!isExportFormat(format)) throw new Error(`unknown format ${format}`);
  // As the board is stored after its last compaction: one update.
  const stored = [Y.encodeStateAsUpdate(sampleBoard(cards))];
  const pool = createExportPool({ timeoutMs: 600_000 });
  // A small export first, so that starting a thread and loading its code is not timed.
  await exportBoard(pool, [Y.encodeStateAsUpdate(sampleBoard(1))], format, 1);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const started = performance.now();
  const { body } = await exportBoard(pool, stored, format, cards);
  const ms = performance.now() - started;
  // The histogram records a stall once the loop runs its timer again.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, bytes: body.byteLength, maxRssMiB, stallMs: delay.max / 1e6 }));
  await pool.close();
  process.exit(0);
}

/** The same process building the board and doing nothing else: the floor under each peak. */
function baseline(cards: number): void {
  sampleBoard(cards);
  console.log(JSON.stringify({ maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const args = process.argv.slice(2);
const { values: flags } = parseArgs({
  args,
  strict: false,
  options: { cards: { type: 'string' }, write: { type: 'boolean' } },
});
if (flags.write === true && flags.cards !== undefined) {
  throw new Error('--write replaces the whole table: leave out --cards');
}
if (args[0] === '--one') {
  await measureOne(Number(args[1]), String(args[2]));
} else if (args[0] === '--baseline') {
  baseline(Number(args[1]));
} else {
  const self = fileURLToPath(import.meta.url);
  const run = (...extra: string[]) =>
    JSON.parse(
      execFileSync(process.execPath, [...process.execArgv, self, ...extra], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      })
        .trim()
        .split('\n')
        .at(-1) ?? '{}',
    );
  const size = (bytes: number) =>
    bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
  const rows: string[] = [];
  const sizes = typeof flags.cards === 'string' ? [Number(flags.cards)] : SIZES;
  for (const cards of sizes) {
    const floor = run('--baseline', String(cards)).maxRssMiB as number;
    for (const format of Object.keys(EXPORT_FORMATS)) {
      const result = run('--one', String(cards), format);
      const line = `| ${cards.toLocaleString('en')} | ${format} | ${Math.round(result.ms)} ms | ${Math.round(result.maxRssMiB)} MiB (+${Math.max(0, Math.round(result.maxRssMiB - floor))}) | ${Math.round(result.stallMs)} ms | ${size(result.bytes)} |`;
      console.error(line);
      rows.push(line);
    }
  }
  const table = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${process.platform}/${process.arch}, Node ${process.version}; each row a fresh process.`,
    '',
    '| cards | format | time | peak memory (above building the board) | longest event-loop stall | output |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  console.log(table);
  if (flags.write === true) {
    writeBenchmarkSection('export', table);
    console.log('\nWritten to docs/benchmarks.md');
  }
}
