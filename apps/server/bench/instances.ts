// `npm run bench:instances`: Dartboard on PostgreSQL and Redis as one server against two sharing
// the same boards, under bench:peers' documents workload (50 and 100 boards × 10 writers × 2
// edits/s). A throwaway PostgreSQL cluster and a throwaway Redis (the `postgres` test project's,
// test/postgresCluster.ts and test/redisServer.ts) are started for the run. The servers,
// PostgreSQL (the postmaster and every backend it forks) and Redis are pinned to core 0; the load
// generator (bench/peers/generator.ts) to core 1. With two servers, the writers of each board
// are split between them and each board's probe listens on one of them, so half the edits a
// probe sees crossed from one server to the other through Redis.
//
//   --quick                          short windows, one repetition (a smoke test)
//   --boards 10,50,100               the documents loads to run (boards of 10 writers; default these)
//   --window 15 --warmup 5 --reps 3  the measured window and warm-up in seconds, repetitions
//   --server-log                     pass the servers' output through to stderr
//   --write                          replace the bench:instances section of docs/operations.md
//
// Numbers vary with the machine's load: compare runs, do not assert on them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startCluster } from '../test/postgresCluster.js';
import { freePort } from '../test/process.js';
import { startRedis } from '../test/redisServer.js';
import { writeBenchmarkSection } from './benchmarksDoc.js';
import { generate as generateOn, pinned, stop } from './peers/children.js';
import { dartboard, LIFTED_LIMITS } from './peers/dartboard.js';
import type { LoadJob, LoadResult } from './peers/messages.js';
import { editLatencies, saturated } from './peers/table.js';

const SERVER_CORE = '0';
const GENERATOR_CORE = '1';
const WRITERS_PER_BOARD = 10;
const EDITS_PER_SECOND = 2;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  if (index < 0) return undefined;
  const value = process.argv[index + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}
function seconds(name: string): number | undefined {
  const value = option(name);
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value)) throw new Error(`${name} takes seconds, got ${value}`);
  return Number(value) * 1000;
}

const quick = process.argv.includes('--quick');
const showServerLog = process.argv.includes('--server-log');
const settings = quick
  ? { reps: 1, warmupMs: 1_000, windowMs: 5_000 }
  : { reps: 3, warmupMs: 5_000, windowMs: 15_000 };
settings.windowMs = seconds('--window') ?? settings.windowMs;
settings.warmupMs = seconds('--warmup') ?? settings.warmupMs;
settings.reps = Number(option('--reps') ?? settings.reps);
const boardCounts = (option('--boards') ?? '10,50,100').split(',').map(Number);
if (boardCounts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--boards: numbers');
const SERVER_COUNTS = [1, 2];

// Every folder is removed when this process ends, however it ends (children.ts kills the
// servers and the generator).
const cleanups: Array<() => void> = [];
const jobDir = mkdtempSync(join(tmpdir(), 'bench-instances-'));
process.on('exit', () => {
  for (const cleanup of cleanups.reverse()) {
    try {
      cleanup();
    } catch {}
  }
  rmSync(jobDir, { recursive: true, force: true });
});
/** Pins a running process (all its threads) to `core`; what it forks later inherits that. */
function pin(pid: number, core: string): void {
  const result = spawnSync('taskset', ['-a', '-p', '-c', core, String(pid)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`taskset ${pid}: ${result.stderr}`);
}

/** The processes whose parent is `pid`. */
function childPids(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {}
  }
  return found;
}

// The shared storage and fan-out, for the whole run: each run creates fresh boards.
const cluster = await startCluster();
cleanups.push(() => cluster.stop());
const postmaster = Number(
  readFileSync(join(cluster.data, 'postmaster.pid'), 'utf8').split('\n')[0],
);
for (const pid of [postmaster, ...childPids(postmaster)]) pin(pid, SERVER_CORE);
const redis = await startRedis();
cleanups.push(() => {
  process.kill(redis.pid, 'SIGKILL');
});
pin(redis.pid, SERVER_CORE);
const versions = {
  postgres: /\d+\.\d+/.exec(spawnSync('psql', ['--version'], { encoding: 'utf8' }).stdout)?.[0],
  redis: /v=(\S+)/.exec(spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).stdout)?.[1],
};

interface Server {
  pid: number;
  port: number;
  metricsPort: number;
  stop(): Promise<void>;
}

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

async function startServer(name: string): Promise<Server> {
  const port = await freePort();
  const metricsPort = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-instances-data-'));
  const child = pinned(SERVER_CORE, [main], {
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: cluster.url,
    REDIS_URL: redis.url,
    METRICS_PORT: String(metricsPort),
    LOG_LEVEL: 'warn',
    ...LIFTED_LIMITS,
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
    if (showServerLog) process.stderr.write(`[${name}] ${chunk.toString()}`);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name} did not start`);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited at start:\n${log}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`${name} did not answer /healthz:\n${log}`);
    await sleep(100);
  }
  return {
    pid,
    port,
    metricsPort,
    async stop() {
      await stop(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const generate = (job: LoadJob) => generateOn<LoadResult>(job, GENERATOR_CORE, jobDir);

interface Run {
  boards: number;
  servers: number;
  result: LoadResult;
}

async function measure(boards: number, serverCount: number, rep: number): Promise<LoadResult> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < serverCount; i++) servers.push(await startServer(`dartboard ${i + 1}`));
    const first = servers[0] as Server;
    const refs = await dartboard.createBoards(first.port, boards, `rep${rep}`);
    return await generate({
      mode: 'load',
      boards: refs.map((ref) => ({
        ...ref,
        urls: servers.map((s) => ref.url.replace(`:${first.port}/`, `:${s.port}/`)),
      })),
      writersPerBoard: WRITERS_PER_BOARD,
      editsPerSecond: EDITS_PER_SECOND,
      cursorsPerSecond: 0,
      warmupMs: settings.warmupMs,
      windowMs: settings.windowMs,
      serverPid: first.pid,
      watch: {
        processes: [
          ...servers.map((s, i) => ({ name: `dartboard ${i + 1}`, pid: s.pid })),
          { name: 'postgres', pid: postmaster, tree: true },
          { name: 'redis', pid: redis.pid },
        ],
        metricsUrls: servers.map((s) => `http://127.0.0.1:${s.metricsPort}/metrics`),
        core: Number(SERVER_CORE),
      },
    });
  } finally {
    for (const server of servers) await server.stop();
  }
}

const runs: Run[] = [];
const started = Date.now();
const loadAtStart = loadavg()[0] ?? Number.NaN;
for (let rep = 1; rep <= settings.reps; rep++) {
  for (const boards of boardCounts) {
    for (const servers of SERVER_COUNTS) {
      const result = await measure(boards, servers, rep);
      runs.push({ boards, servers, result });
      const w = result.watched;
      const share = (ms: number | undefined) =>
        `${Math.round((100 * (ms ?? 0)) / result.windowMs)} %`;
      const cpu = Object.entries(w?.cpuMs ?? {})
        .map(([name, ms]) => `${name} ${share(ms)}`)
        .join(', ');
      console.error(
        `[${Math.round((Date.now() - started) / 1000)} s] ${boards} boards, ${servers} server(s), run ${rep}: ` +
          `${result.edits.received}/${result.edits.sent} edits, ${editLatencies(result)}` +
          `${result.crossEdits ? ` (across servers ${editLatencies({ ...result, edits: result.crossEdits })})` : ''}` +
          `${result.localEdits ? ` (same server ${editLatencies({ ...result, edits: result.localEdits })})` : ''}, ` +
          `${w?.stored ?? 0} stored, ${cpu}, core ${SERVER_CORE} busy ${share(w?.coreBusyMs)}; generator CPU ${share(result.generatorCpuMs)}, ` +
          `loop p99 ${result.eventLoopP99Ms.toFixed(1)} ms${saturated(result) ? ' (generator saturated: left out)' : ''}`,
      );
      // Let PostgreSQL's background work of this run settle before the next one.
      await sleep(2_000);
    }
  }
}

// ---- The tables ----

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
const ms = (value: number) =>
  Number.isNaN(value) ? '–' : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
function latencies(samples: number[][]): string {
  const all = samples.flat().sort((a, b) => a - b);
  if (all.length === 0) return '–';
  return [50, 95, 99].map((p) => ms(percentile(all, p))).join(' / ');
}
const percent = (share: number) => `${Math.round(share * 100)} %`;
/** CPU time of `name` (a prefix: `dartboard` sums the servers) over the runs, ms. */
const cpuOf = (results: LoadResult[], name: string) =>
  results.reduce(
    (sum, r) =>
      sum +
      Object.entries(r.watched?.cpuMs ?? {})
        .filter(([process]) => process.startsWith(name))
        .reduce((s, [, cpu]) => s + cpu, 0),
    0,
  );
const windowOf = (results: LoadResult[]) => results.reduce((sum, r) => sum + r.windowMs, 0);
const storedOf = (results: LoadResult[]) =>
  results.reduce((sum, r) => sum + (r.watched?.stored ?? 0), 0);

const rows: string[] = [];
const costRows: string[] = [];
for (const boards of boardCounts) {
  for (const servers of SERVER_COUNTS) {
    const all = runs.filter((run) => run.boards === boards && run.servers === servers);
    const kept = all.filter((run) => !saturated(run.result)).map((run) => run.result);
    const shown = kept.length > 0 ? kept : all.map((run) => run.result);
    const window = windowOf(shown);
    const stored = storedOf(shown);
    const sent = shown.reduce((sum, r) => sum + r.edits.sent, 0);
    const received = shown.reduce((sum, r) => sum + r.edits.received, 0);
    const share = (name: string) => cpuOf(shown, name) / window;
    const perServer = Array.from({ length: servers }, (_, i) =>
      percent(share(`dartboard ${i + 1}`)),
    ).join(' + ');
    const total = share('dartboard') + share('postgres') + share('redis');
    const busy = shown.reduce((sum, r) => sum + (r.watched?.coreBusyMs ?? 0), 0) / window;
    const generator = all
      .map(
        (run) =>
          `${percent(run.result.generatorCpuMs / run.result.windowMs)}, ${ms(run.result.eventLoopP99Ms)}`,
      )
      .join('; ');
    const cross = shown.some((r) => r.crossEdits)
      ? latencies(shown.map((r) => r.crossEdits?.samples ?? []))
      : '–';
    const local = shown.some((r) => r.localEdits)
      ? latencies(shown.map((r) => r.localEdits?.samples ?? []))
      : '–';
    const label = `${boards} boards × ${WRITERS_PER_BOARD} writers × ${EDITS_PER_SECOND} edits/s`;
    const serversLabel = servers === 1 ? 'one server' : `${servers} servers`;
    rows.push(
      `| ${label} | ${serversLabel} | ${latencies(shown.map((r) => r.edits.samples))} | ${local} | ${cross} | ` +
        `${((100 * received) / Math.max(1, sent)).toFixed(1)} % of ${sent.toLocaleString('en')} | ` +
        `${Math.round(stored / (window / 1000)).toLocaleString('en')} | ${perServer} | ${percent(share('postgres'))} | ` +
        `${percent(share('redis'))} | ${percent(total)} / ${percent(Math.max(0, busy - total))} | ${generator} | ` +
        `${kept.length > 0 ? `${kept.length} of ${all.length}` : `0 of ${all.length}: generator held up, figures not valid`} |`,
    );
    const micro = (name: string) =>
      stored > 0 ? (1000 * cpuOf(shown, name)) / stored : Number.NaN;
    const perCore = (name: string) => {
      const us = micro(name);
      return Number.isFinite(us) && us > 0 ? Math.round(1e6 / us).toLocaleString('en') : '–';
    };
    costRows.push(
      `| ${label} | ${serversLabel} | ${micro('dartboard').toFixed(0)} µs | ${micro('postgres').toFixed(0)} µs | ` +
        `${micro('redis').toFixed(0)} µs | ${(micro('dartboard') + micro('postgres') + micro('redis')).toFixed(0)} µs | ` +
        `${perCore('dartboard')} | ${perCore('postgres')} | ${perCore('redis')} |`,
    );
  }
}

const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const markdown = [
  `Measured ${when} UTC on linux/x64 (${cpus().length} cores), Node ${process.version}, PostgreSQL ${versions.postgres}, Redis ${versions.redis}` +
    `${quick ? ', a --quick run (a smoke test)' : ''}: ${settings.reps === 1 ? 'one run' : `${settings.reps} runs`} of ${settings.windowMs / 1000} s after ` +
    `${settings.warmupMs / 1000} s of warm-up per row; the servers, PostgreSQL and Redis share core ${SERVER_CORE}, the generator has core ${GENERATOR_CORE}; ` +
    `load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? Number.NaN).toFixed(1)} at the end.`,
  [
    `| load | Dartboard | edit latency p50 / p95 / p99 | writer on the probe's server | writer on the other server | delivered | updates stored per second | Dartboard CPU (per server) | PostgreSQL CPU | Redis CPU | core ${SERVER_CORE}: these / anything else | generator CPU, loop delay p99, per run | runs kept |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n'),
  'CPU time per stored update (the CPU time of the window divided by the updates the servers stored in it), and the updates per second one core of each would carry at that cost:',
  [
    '| load | Dartboard | Dartboard per update | PostgreSQL per update | Redis per update | all three | one core of Dartboard: updates/s | one core of PostgreSQL: updates/s | one core of Redis: updates/s |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...costRows,
  ].join('\n'),
].join('\n\n');
console.log(markdown);
if (process.argv.includes('--write')) {
  writeBenchmarkSection('instances', markdown, 'operations.md');
  console.log('\nWritten to docs/operations.md');
}
await redis.stop();
cluster.stop();
cleanups.length = 0;
process.exit(0);
