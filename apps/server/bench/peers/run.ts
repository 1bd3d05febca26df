// `npm run bench:peers`: Dartboard against @y/websocket-server and Hocuspocus, and against the
// floor, a bare forwarder (forwarderServer.mjs) that stores nothing. Each server runs
// in its own process pinned to core 0, with its storage in a fresh folder; the load generator
// (generator.ts) runs in another process pinned to core 1. Prints the tables; with --write it
// also replaces the bench:peers section of docs/benchmarks.md.
//
//   --quick                          short windows, one repetition (a smoke test)
//   --only dartboard,y-websocket     some servers (default all four)
//   --workload documents,meeting     some workloads: documents, meeting, cold (default all)
//   --boards 100                     only the documents rows of that many boards (50 or 100)
//   --write                          write the tables into docs/benchmarks.md
//   --window 15 --warmup 5 --reps 3  the measured window and warm-up in seconds, repetitions
//   --server-log                     pass the servers' output through to stderr
//   --server-node-args a,b           Node options for the servers (e.g. --cpu-prof)
//   --series                         each run's edit latencies second by second, on stderr
//
// Numbers vary with the machine's load: compare runs, do not assert on them.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { generate as generateOn, pinned, stop } from './children.js';
import { dartboard, LIFTED_LIMITS } from './dartboard.js';
import { forwarder } from './forwarder.js';
import { hocuspocus } from './hocuspocus.js';
import type { ColdResult, IdleResult, Job, LoadResult } from './messages.js';
import { PEER_NAMES, type Peer, type PeerName } from './peer.js';
import { memoryKiB } from './proc.js';
import {
  type ColdRuns,
  coldTable,
  editLatencies,
  type LoadRun,
  loadTable,
  saturated,
  writeSection,
} from './table.js';
import { yWebsocket } from './yWebsocket.js';

const SERVER_CORE = '0';
const GENERATOR_CORE = '1';
const COLD_NOTES = 10_000;

type Workload = 'documents' | 'meeting' | 'cold';
const WORKLOADS: readonly Workload[] = ['documents', 'meeting', 'cold'];

/** `--name a,b` or `--name=a,b` (the second for values that start with --). */
function option(name: string): string[] | undefined {
  const joined = process.argv.find((arg) => arg.startsWith(`${name}=`));
  if (joined) return joined.slice(name.length + 1).split(',');
  const index = process.argv.indexOf(name);
  if (index < 0) return undefined;
  const value = process.argv[index + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value.split(',');
}

function chosen<T extends string>(name: string, all: readonly T[]): T[] {
  const values = option(name) ?? [...all];
  for (const value of values) {
    if (!all.includes(value as T)) throw new Error(`${name}: use ${all.join(', ')}; got ${value}`);
  }
  return values as T[];
}

const quick = process.argv.includes('--quick');
const showServerLog = process.argv.includes('--server-log');
// Read by the generator (load.ts), which inherits the environment.
if (process.argv.includes('--series')) process.env.BENCH_SERIES = '1';
const peers = chosen<PeerName>('--only', PEER_NAMES).map(
  (name) => ({ dartboard, 'y-websocket': yWebsocket, hocuspocus, forwarder })[name],
);
const workloads = chosen<Workload>('--workload', WORKLOADS);
const settings = quick
  ? { reps: 1, warmupMs: 1_000, windowMs: 5_000, idlePerBoard: 20 }
  : { reps: 3, warmupMs: 5_000, windowMs: 15_000, idlePerBoard: 50 };
const seconds = (name: string) => {
  const value = option(name)?.[0];
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value)) throw new Error(`${name} takes seconds, got ${value}`);
  return Number(value) * 1000;
};
settings.windowMs = seconds('--window') ?? settings.windowMs;
settings.warmupMs = seconds('--warmup') ?? settings.warmupMs;
settings.reps = Number(option('--reps')?.[0] ?? settings.reps);
// For profiling one server, e.g. --server-node-args=--cpu-prof,--cpu-prof-dir=/tmp/prof
const serverNodeArgs = option('--server-node-args') ?? [];

interface LoadShape {
  label: string;
  workload: Workload;
  boards: number;
  writersPerBoard: number;
  editsPerSecond: number;
  cursorsPerSecond: number;
}
const SHAPES: LoadShape[] = [
  {
    label: 'documents: 50 boards × 10 writers × 2 edits/s',
    workload: 'documents',
    boards: 50,
    writersPerBoard: 10,
    editsPerSecond: 2,
    cursorsPerSecond: 0,
  },
  {
    label: 'documents: 100 boards × 10 writers × 2 edits/s',
    workload: 'documents',
    boards: 100,
    writersPerBoard: 10,
    editsPerSecond: 2,
    cursorsPerSecond: 0,
  },
  {
    label: 'meeting: 20 boards × 5 people, cursor 30/s + 1 edit/s',
    workload: 'meeting',
    boards: 20,
    writersPerBoard: 5,
    editsPerSecond: 1,
    cursorsPerSecond: 30,
  },
];

// Every temporary folder is removed when this process ends, however it ends (children.ts
// kills the servers and the generator), so no server or storage is left behind.
const folders = new Set<string>();
process.on('exit', () => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), `bench-peers-${prefix}-`));
  folders.add(folder);
  return folder;
}

function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  folders.delete(folder);
}
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

interface RunningServer {
  pid: number;
  port: number;
  stop(): Promise<void>;
}

async function startServer(peer: Peer, dataDir: string): Promise<RunningServer> {
  const port = await freePort();
  const { args, env } = peer.command(port, dataDir);
  const child = pinned(SERVER_CORE, [...serverNodeArgs, ...args], env);
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
    if (showServerLog) process.stderr.write(`[${peer.name}] ${chunk.toString()}`);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${peer.name} did not start`);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${peer.name} exited at start:\n${log}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${peer.name} did not listen:\n${log}`);
      await sleep(100);
    }
  }
  return {
    pid,
    port,
    stop: () => stop(child),
  };
}

const jobDir = temporaryFolder('jobs');
const generate = <T>(job: Job) => generateOn<T>(job, GENERATOR_CORE, jobDir);

/** A server on a fresh, empty storage folder for the length of `use`. */
async function withServer<T>(
  peer: Peer,
  use: (server: RunningServer, dataDir: string) => Promise<T>,
  dataDir = temporaryFolder(peer.name),
  keep = false,
): Promise<T> {
  const server = await startServer(peer, dataDir);
  try {
    return await use(server, dataDir);
  } finally {
    await server.stop();
    if (!keep) removeFolder(dataDir);
  }
}

const loadRuns: LoadRun[] = [];
const coldRuns: ColdRuns[] = [];
const boardCounts = option('--boards')?.map(Number);
const shapes = SHAPES.filter(
  (shape) =>
    workloads.includes(shape.workload) &&
    (shape.workload !== 'documents' || !boardCounts || boardCounts.includes(shape.boards)),
);
const started = Date.now();
const loadAtStart = loadavg()[0] ?? Number.NaN;

for (let rep = 1; rep <= settings.reps; rep++) {
  for (const shape of shapes) {
    for (const peer of peers) {
      const result = await withServer(peer, async (server) => {
        const boards = await peer.createBoards(server.port, shape.boards, `rep${rep}`);
        return generate<LoadResult>({
          mode: 'load',
          boards,
          writersPerBoard: shape.writersPerBoard,
          editsPerSecond: shape.editsPerSecond,
          cursorsPerSecond: shape.cursorsPerSecond,
          warmupMs: settings.warmupMs,
          windowMs: settings.windowMs,
          serverPid: server.pid,
        });
      });
      loadRuns.push({ workload: shape.label, peer: peer.name, result });
      const flag = saturated(result) ? ' (generator saturated: left out)' : '';
      console.error(
        `[${Math.round((Date.now() - started) / 1000)} s] ${shape.label}, ${peer.name}, run ${rep}: ` +
          `${result.edits.received}/${result.edits.sent} edits, ${editLatencies(result)}, server CPU ${Math.round((100 * result.serverCpuMs) / result.windowMs)} %, ` +
          `generator CPU ${Math.round((100 * result.generatorCpuMs) / result.windowMs)} %, loop p99 ${result.eventLoopP99Ms.toFixed(1)} ms${flag}`,
      );
    }
  }
}

if (workloads.includes('cold')) {
  for (const peer of peers.filter((peer) => !peer.loadOnly)) {
    const runs: ColdRuns = { peer: peer.name, cold: [], loadedRssKiB: [], idle: [] };
    const dataDir = temporaryFolder(`${peer.name}-cold`);
    try {
      const [board] = await withServer(
        peer,
        async (server) => {
          const boards = await peer.createBoards(server.port, 1, 'cold');
          const board = boards[0];
          if (!board) throw new Error('no board');
          await generate({ mode: 'upload', board, notes: COLD_NOTES });
          return boards;
        },
        dataDir,
        true,
      );
      if (!board) throw new Error('no board');
      for (let rep = 1; rep <= settings.reps; rep++) {
        // Restarted on its storage each time, so the board is loaded from disk by the client's
        // connection; a fresh generator process is the fresh client.
        await withServer(
          peer,
          async (server) => {
            const cold = await generate<ColdResult>({
              mode: 'cold',
              board: { ...board, url: board.url.replace(/:\d+/, `:${server.port}`) },
              notes: COLD_NOTES,
            });
            runs.cold.push(cold);
            runs.loadedRssKiB.push(memoryKiB(server.pid).rss);
            console.error(
              `[${Math.round((Date.now() - started) / 1000)} s] cold load, ${peer.name}, run ${rep}: ` +
                `last byte ${cold.lastByteMs.toFixed(0)} ms, holds every note ${cold.holdsMs.toFixed(0)} ms`,
            );
          },
          dataDir,
          true,
        );
      }
    } finally {
      removeFolder(dataDir);
    }
    for (let rep = 1; rep <= settings.reps; rep++) {
      const idle = await withServer(peer, async (server) => {
        const boards = await peer.createBoards(server.port, 10, `idle${rep}`);
        return generate<IdleResult>({
          mode: 'idle',
          boards,
          perBoard: settings.idlePerBoard,
          serverPid: server.pid,
        });
      });
      runs.idle.push(idle);
    }
    coldRuns.push(runs);
  }
}
removeFolder(jobDir);

const sections = [
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on linux/x64, Node ${process.version}` +
    `${quick ? ', a --quick run (a smoke test)' : ''}: ${settings.reps === 1 ? 'one run' : `${settings.reps} runs`} of ${settings.windowMs / 1000} s after ${settings.warmupMs / 1000} s of warm-up per row; ` +
    `servers on core ${SERVER_CORE}, generator on core ${GENERATOR_CORE}; load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? Number.NaN).toFixed(1)} at the end. Dartboard with ${Object.entries(
      LIFTED_LIMITS,
    )
      .map(([name, value]) => `${name}=${value}`)
      .join(', ')}.`,
];
if (loadRuns.length > 0) sections.push(loadTable(loadRuns));
if (coldRuns.length > 0) sections.push(coldTable(coldRuns, COLD_NOTES));
const markdown = sections.join('\n\n');
console.log(markdown);
if (process.argv.includes('--write')) {
  writeSection(markdown);
  console.log('\nWritten to docs/benchmarks.md');
}
