import { writeBenchmarkSection } from '../benchmarksDoc.js';
import type { ColdResult, IdleResult, LoadResult } from './messages.js';
import type { PeerName } from './peer.js';

/**
 * A run whose generator used more than this share of its core measured the generator: it is
 * left out. So is a run whose generator's event loop was held up (by a burst of frames, or by
 * other work on its core) more than SATURATED_LOOP_MS at the 99th percentile and more than a
 * quarter of the median edit latency: then the delay could account for the figures. A server
 * that falls seconds behind and then sends its backlog at once also holds the loop up, but far
 * less than the latency it caused, and its run is kept.
 */
export const SATURATED_CPU = 0.8;
export const SATURATED_LOOP_MS = 20;

export interface LoadRun {
  workload: string;
  peer: PeerName;
  result: LoadResult;
}

export interface ColdRuns {
  peer: PeerName;
  cold: ColdResult[];
  /** The server's resident memory after each cold load. */
  loadedRssKiB: number[];
  idle: IdleResult[];
}

export function saturated(result: LoadResult): boolean {
  const medianLatency = percentile(
    [...result.edits.samples].sort((a, b) => a - b),
    50,
  );
  return (
    result.generatorCpuMs / result.windowMs > SATURATED_CPU ||
    (result.eventLoopP99Ms > SATURATED_LOOP_MS && result.eventLoopP99Ms > medianLatency / 4)
  );
}

/** p50 / p95 / p99 of one run's edits, for the progress lines. */
export function editLatencies(result: LoadResult): string {
  return latencies([result.edits.samples]);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  if (sorted.length % 2 === 1) return sorted[Math.floor(middle)] ?? Number.NaN;
  return ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

const ms = (value: number) =>
  Number.isNaN(value) ? '–' : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
const percent = (share: number) => `${Math.round(share * 100)} %`;

const delivered = (received: number, sent: number) =>
  `${((100 * received) / Math.max(1, sent)).toFixed(1)} % of ${sent.toLocaleString('en')}`;

function latencies(samples: number[][]): string {
  const all = samples.flat().sort((a, b) => a - b);
  if (all.length === 0) return '–';
  return [50, 95, 99].map((p) => ms(percentile(all, p))).join(' / ');
}

export function loadTable(runs: LoadRun[]): string {
  const rows: string[] = [];
  const keys = [...new Set(runs.map((run) => `${run.workload}\u0000${run.peer}`))];
  for (const key of keys) {
    const [workload, peer] = key.split('\u0000');
    const all = runs.filter((run) => run.workload === workload && run.peer === peer);
    const kept = all.filter((run) => !saturated(run.result)).map((run) => run.result);
    const generator = all
      .map(
        (run) =>
          `${percent(run.result.generatorCpuMs / run.result.windowMs)}, ${ms(run.result.eventLoopP99Ms)}`,
      )
      .join('; ');
    // When every run was left out, their figures are still shown, marked, so a smoke test on a
    // busy machine says something; they are not valid measures of the server.
    const shown = kept.length > 0 ? kept : all.map((run) => run.result);
    const sent = shown.reduce((sum, r) => sum + r.edits.sent, 0);
    const received = shown.reduce((sum, r) => sum + r.edits.received, 0);
    const cursors = shown.some((r) => r.cursors.sent > 0)
      ? latencies(shown.map((r) => r.cursors.samples))
      : '–';
    const cursorsSent = shown.reduce((sum, r) => sum + r.cursors.sent, 0);
    const cursorsReceived = shown.reduce((sum, r) => sum + r.cursors.received, 0);
    const problems = shown.reduce((sum, r) => sum + r.denied + r.closes.length, 0);
    rows.push(
      [
        workload,
        peer,
        latencies(shown.map((r) => r.edits.samples)),
        cursors,
        `${delivered(received, sent)}${cursorsSent > 0 ? `; cursors ${delivered(cursorsReceived, cursorsSent)}` : ''}${problems > 0 ? ` (${problems} refused or closed)` : ''}`,
        percent(median(shown.map((r) => r.serverCpuMs / r.windowMs))),
        `${mib(median(shown.map((r) => r.serverRssKiB)))} (${mib(Math.max(...shown.map((r) => r.serverPeakKiB)))})`,
        generator,
        kept.length > 0
          ? `${kept.length} of ${all.length}`
          : `0 of ${all.length}: generator held up, figures not valid`,
      ].join(' | '),
    );
  }
  return [
    '| workload | server | edit latency p50 / p95 / p99 | cursor latency p50 / p95 / p99 | delivered (edits; cursors) | server CPU (one core = 100 %) | server RSS at end (peak) | generator CPU, loop delay p99, per run | runs kept |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => (row.startsWith('|') ? row : `| ${row} |`)),
  ].join('\n');
}

export function coldTable(runs: ColdRuns[], notes: number): string {
  const rows = runs.map((run) => {
    const range = (values: number[]) => {
      if (values.length === 0) return '–';
      const sorted = [...values].sort((a, b) => a - b);
      const low = sorted[0] ?? Number.NaN;
      const high = sorted[sorted.length - 1] ?? Number.NaN;
      return values.length === 1 ? ms(low) : `${ms(median(values))} (${ms(low)}–${ms(high)})`;
    };
    const perConnection = run.idle.map(
      (idle) => (idle.rssKiB - idle.baseRssKiB) / idle.connections,
    );
    const idle =
      perConnection.length === 0
        ? '–'
        : `${median(perConnection).toFixed(1)} KiB (${run.idle[0]?.connections} connections)`;
    return `| ${run.peer} | ${range(run.cold.map((c) => c.upgradedMs))} | ${range(run.cold.map((c) => c.lastByteMs))} | ${range(run.cold.map((c) => c.holdsMs))} | ${run.loadedRssKiB.length > 0 ? mib(median(run.loadedRssKiB)) : '–'} | ${idle} |`;
  });
  return [
    `| server | connect → upgrade answered | connect → last byte of the document | connect → client holds all ${notes.toLocaleString('en')} notes | server RSS with the board loaded | memory per idle connection |`,
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** Replaces what lies between the bench:peers markers of docs/benchmarks.md. */
export function writeSection(markdown: string): void {
  writeBenchmarkSection('peers', markdown);
}
