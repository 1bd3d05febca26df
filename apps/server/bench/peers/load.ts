// The documents and meeting workloads: per board, `writersPerBoard` clients that each move their
// own note `editsPerSecond` times a second (and send a cursor `cursorsPerSecond` times a second),
// and one probe that only listens. Every change is keyed by what identifies it on the wire (for
// an edit its client id and the clock after it; for a cursor its client id and presence clock),
// so the probe can look up when it was created and record the time to its arrival. Writers do
// not apply what they receive: a real client would, but here it would only load the generator.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { addNote, moveNote } from '@dartboard/board';
import * as Y from 'yjs';
import { openAll, RawClient } from './client.js';
import type { LatencySamples, LoadJob, LoadResult, Watch, Watched } from './messages.js';
import type { BoardRef } from './peer.js';
import { coreBusyMs, cpuMs, memoryKiB, treeCpuMs } from './proc.js';
import { awarenessUpdate, readAwareness } from './protocol.js';
import { Series } from './series.js';

const DRAIN_MS = 2_000;
/** The event-loop delay histogram samples this often; each sample includes this much. */
const LOOP_RESOLUTION_MS = 1;

/** When each change was created: client id → key (clock) → performance.now(). */
class Ledger {
  private readonly pending = new Map<number, Map<number, number>>();
  windowStart = Number.POSITIVE_INFINITY;
  windowEnd = Number.POSITIVE_INFINITY;
  readonly result: LatencySamples = { sent: 0, received: 0, samples: [] };
  /** With `--series`, the latencies second by second. */
  readonly series: Series | undefined;

  constructor(options: { series?: boolean } = {}) {
    this.series = options.series ? new Series() : undefined;
  }

  created(client: number, key: number, at: number): void {
    let byKey = this.pending.get(client);
    if (!byKey) {
      byKey = new Map();
      this.pending.set(client, byKey);
    }
    byKey.set(key, at);
    if (at >= this.windowStart && at < this.windowEnd) this.result.sent++;
  }

  arrived(client: number, key: number, at: number): void {
    const byKey = this.pending.get(client);
    const createdAt = byKey?.get(key);
    if (createdAt === undefined) return;
    byKey?.delete(key);
    if (createdAt >= this.windowStart && createdAt < this.windowEnd) {
      this.result.received++;
      this.result.samples.push(Math.round((at - createdAt) * 1000) / 1000);
      this.series?.add(createdAt - this.windowStart, at - createdAt);
    }
  }
}

/** Board `board` as its client number `index` reaches it, and through which server. */
function through(board: BoardRef, index: number): { ref: BoardRef; server: number } {
  if (!board.urls || board.urls.length === 0) return { ref: board, server: 0 };
  const server = index % board.urls.length;
  return { ref: { ...board, url: board.urls[server] ?? board.url }, server };
}

/** The sum of the servers' dartboard_updates_stored_total. */
async function storedTotal(urls: string[]): Promise<number> {
  let sum = 0;
  for (const url of urls) {
    const text = await (await fetch(url)).text();
    const value = /^dartboard_updates_stored_total (\S+)$/m.exec(text)?.[1];
    if (value === undefined) throw new Error(`${url}: no dartboard_updates_stored_total`);
    sum += Number(value);
  }
  return sum;
}

function cpuOf(watch: Watch): Record<string, number> {
  return Object.fromEntries(
    watch.processes.map((p) => [p.name, p.tree ? treeCpuMs(p.pid) : cpuMs(p.pid)]),
  );
}

export async function runLoad(job: LoadJob, onClose: (what: string) => void): Promise<LoadResult> {
  const edits = new Ledger({ series: Boolean(process.env.BENCH_SERIES) });
  /** Edits whose writer reached the board through another server than its probe, and the rest. */
  const crossEdits = new Ledger();
  const localEdits = new Ledger();
  const spread = job.boards.some((board) => (board.urls?.length ?? 0) > 1);
  const cursors = new Ledger();
  const closes: string[] = [];
  const unexpected = (code: number, reason: string) => {
    closes.push(`${code} ${reason}`);
    onClose(`${code} ${reason}`);
  };

  // Probes first, so they see every edit.
  const probeServers: number[] = [];
  const probes = await openAll(job.boards.length, (i) => {
    const { ref, server } = through(job.boards[i] as BoardRef, i);
    probeServers[i] = server;
    return new RawClient(
      ref,
      {
        update(update, arrivedAt) {
          for (const [client, clock] of Y.parseUpdateMeta(update).to) {
            edits.arrived(client, clock, arrivedAt);
            crossEdits.arrived(client, clock, arrivedAt);
            localEdits.arrived(client, clock, arrivedAt);
          }
        },
        awareness(update, arrivedAt) {
          readAwareness(update, (client, clock) => cursors.arrived(client, clock, arrivedAt));
        },
      },
      unexpected,
    );
  });

  interface Writer {
    client: RawClient;
    doc: Y.Doc;
    note: string;
    /** Whether it reaches its board through another server than the board's probe. */
    cross: boolean;
    moves: number;
    presenceClock: number;
    user: { name: string; color: string; role: string };
  }
  const writers: Writer[] = [];
  const clients = await openAll(job.boards.length * job.writersPerBoard, (i) => {
    const doc = new Y.Doc();
    const boardIndex = Math.floor(i / job.writersPerBoard);
    const { ref, server } = through(job.boards[boardIndex] as BoardRef, i % job.writersPerBoard);
    const cross = server !== probeServers[boardIndex];
    const client = new RawClient(
      ref,
      {
        stateVector: () => Y.encodeStateVector(doc),
        answer: (stateVector) => Y.encodeStateAsUpdate(doc, stateVector),
      },
      unexpected,
    );
    doc.on('update', (update: Uint8Array) => client.sendUpdate(update));
    const user = { name: `Writer ${i}`, color: '#3366ff', role: 'edit' };
    writers.push({ client, doc, note: '', cross, moves: 0, presenceClock: 0, user });
    return client;
  });
  if (clients.length !== writers.length) throw new Error('writers out of step');

  for (const [i, writer] of writers.entries()) {
    const x = (i % job.writersPerBoard) * 240;
    writer.note = addNote(writer.doc, { x, y: 0, author: writer.user.name, text: `Note ${i}` });
    if (job.cursorsPerSecond > 0) {
      writer.client.sendAwareness(
        awarenessUpdate(writer.doc.clientID, writer.presenceClock, {
          user: writer.user,
          cursor: null,
        }),
      );
    }
  }

  const timers = new Set<NodeJS.Timeout>();
  const every = (periodMs: number, tick: () => void) => {
    // A random phase for each client, as people do not move in step, and kept: each tick is
    // due a period after the last one was due. setInterval would not keep it, as Node restarts
    // every interval handled in one pass of its timer list from the same moment: late ticks
    // bunch up and stay bunched, and under load most clients came to edit in the same half of
    // each period.
    let due = performance.now() + Math.random() * periodMs;
    const schedule = () => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        tick();
        due += periodMs;
        schedule();
      }, due - performance.now());
      timers.add(timer);
    };
    schedule();
  };
  for (const writer of writers) {
    const id = writer.doc.clientID;
    every(1000 / job.editsPerSecond, () => {
      const at = performance.now();
      writer.moves++;
      moveNote(writer.doc, writer.note, writer.moves % 1000, Math.floor(writer.moves / 1000));
      const clock = Y.getState(writer.doc.store, id);
      edits.created(id, clock, at);
      (writer.cross ? crossEdits : localEdits).created(id, clock, at);
    });
    if (job.cursorsPerSecond > 0) {
      every(1000 / job.cursorsPerSecond, () => {
        const at = performance.now();
        writer.presenceClock++;
        const cursor = { x: Math.round(Math.random() * 4000), y: Math.round(Math.random() * 3000) };
        writer.client.sendAwareness(
          awarenessUpdate(id, writer.presenceClock, { user: writer.user, cursor }),
        );
        cursors.created(id, writer.presenceClock, at);
      });
    }
  }

  await sleep(job.warmupMs);
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const startStored = job.watch ? await storedTotal(job.watch.metricsUrls) : 0;
  const startWatched = job.watch ? cpuOf(job.watch) : {};
  const core = job.watch?.core;
  const startCoreBusy = core === undefined ? 0 : coreBusyMs(core);
  const startCpu = process.cpuUsage();
  const startServerCpu = cpuMs(job.serverPid);
  const windowStart = performance.now();
  edits.windowStart =
    crossEdits.windowStart =
    localEdits.windowStart =
    cursors.windowStart =
      windowStart;
  loop.enable();
  await sleep(job.windowMs);
  const windowEnd = performance.now();
  edits.windowEnd = crossEdits.windowEnd = localEdits.windowEnd = cursors.windowEnd = windowEnd;
  loop.disable();
  const serverCpuMs = cpuMs(job.serverPid) - startServerCpu;
  const used = process.cpuUsage(startCpu);
  let watched: Watched | undefined;
  if (job.watch) {
    const endWatched = cpuOf(job.watch);
    const coreBusy = core === undefined ? undefined : coreBusyMs(core) - startCoreBusy;
    const stored = (await storedTotal(job.watch.metricsUrls)) - startStored;
    const cpu = Object.fromEntries(
      Object.entries(endWatched).map(([name, ms]) => [name, ms - (startWatched[name] ?? 0)]),
    );
    watched = { cpuMs: cpu, stored, ...(coreBusy === undefined ? {} : { coreBusyMs: coreBusy }) };
  }
  const memory = memoryKiB(job.serverPid);

  for (const timer of timers) clearTimeout(timer);
  await sleep(DRAIN_MS);
  if (edits.series) process.stderr.write(`${edits.series.lines('edits').join('\n')}\n`);
  await Promise.all([...probes, ...clients].map((client) => client.close()));
  const denied = [...probes, ...clients].reduce((sum, client) => sum + client.denied, 0);
  return {
    edits: edits.result,
    ...(spread ? { crossEdits: crossEdits.result, localEdits: localEdits.result } : {}),
    cursors: cursors.result,
    windowMs: windowEnd - windowStart,
    serverCpuMs,
    serverRssKiB: memory.rss,
    serverPeakKiB: memory.peak,
    generatorCpuMs: (used.user + used.system) / 1000,
    eventLoopP99Ms: Math.max(0, loop.percentile(99) / 1e6 - LOOP_RESOLUTION_MS),
    eventLoopMaxMs: Math.max(0, loop.max / 1e6 - LOOP_RESOLUTION_MS),
    denied,
    closes,
    ...(watched ? { watched } : {}),
  };
}
