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
import type { LatencySamples, LoadJob, LoadResult } from './messages.js';
import { cpuMs, memoryKiB } from './proc.js';
import { awarenessUpdate, readAwareness } from './protocol.js';

const DRAIN_MS = 2_000;
/** The event-loop delay histogram samples this often; each sample includes this much. */
const LOOP_RESOLUTION_MS = 1;

/** When each change was created: client id → key (clock) → performance.now(). */
class Ledger {
  private readonly pending = new Map<number, Map<number, number>>();
  windowStart = Number.POSITIVE_INFINITY;
  windowEnd = Number.POSITIVE_INFINITY;
  readonly result: LatencySamples = { sent: 0, received: 0, samples: [] };

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
    }
  }
}

export async function runLoad(job: LoadJob, onClose: (what: string) => void): Promise<LoadResult> {
  const edits = new Ledger();
  const cursors = new Ledger();
  const closes: string[] = [];
  const unexpected = (code: number, reason: string) => {
    closes.push(`${code} ${reason}`);
    onClose(`${code} ${reason}`);
  };

  // Probes first, so they see every edit.
  const probes = await openAll(
    job.boards.length,
    (i) =>
      new RawClient(
        job.boards[i] as LoadJob['boards'][number],
        {
          update(update, arrivedAt) {
            for (const [client, clock] of Y.parseUpdateMeta(update).to) {
              edits.arrived(client, clock, arrivedAt);
            }
          },
          awareness(update, arrivedAt) {
            readAwareness(update, (client, clock) => cursors.arrived(client, clock, arrivedAt));
          },
        },
        unexpected,
      ),
  );

  interface Writer {
    client: RawClient;
    doc: Y.Doc;
    note: string;
    moves: number;
    presenceClock: number;
    user: { name: string; color: string; role: string };
  }
  const writers: Writer[] = [];
  const clients = await openAll(job.boards.length * job.writersPerBoard, (i) => {
    const doc = new Y.Doc();
    const client = new RawClient(
      job.boards[Math.floor(i / job.writersPerBoard)] as LoadJob['boards'][number],
      {
        stateVector: () => Y.encodeStateVector(doc),
        answer: (stateVector) => Y.encodeStateAsUpdate(doc, stateVector),
      },
      unexpected,
    );
    doc.on('update', (update: Uint8Array) => client.sendUpdate(update));
    const user = { name: `Writer ${i}`, color: '#3366ff', role: 'edit' };
    writers.push({ client, doc, note: '', moves: 0, presenceClock: 0, user });
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

  const timers: NodeJS.Timeout[] = [];
  const every = (periodMs: number, tick: () => void) => {
    // A random phase for each client, as people do not move in step.
    const start = setTimeout(() => {
      tick();
      timers.push(setInterval(tick, periodMs));
    }, Math.random() * periodMs);
    timers.push(start);
  };
  for (const writer of writers) {
    const id = writer.doc.clientID;
    every(1000 / job.editsPerSecond, () => {
      const at = performance.now();
      writer.moves++;
      moveNote(writer.doc, writer.note, writer.moves % 1000, Math.floor(writer.moves / 1000));
      edits.created(id, Y.getState(writer.doc.store, id), at);
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
  const startCpu = process.cpuUsage();
  const startServerCpu = cpuMs(job.serverPid);
  const windowStart = performance.now();
  edits.windowStart = cursors.windowStart = windowStart;
  loop.enable();
  await sleep(job.windowMs);
  const windowEnd = performance.now();
  edits.windowEnd = cursors.windowEnd = windowEnd;
  loop.disable();
  const serverCpuMs = cpuMs(job.serverPid) - startServerCpu;
  const used = process.cpuUsage(startCpu);
  const memory = memoryKiB(job.serverPid);

  for (const timer of timers) clearInterval(timer);
  await sleep(DRAIN_MS);
  await Promise.all([...probes, ...clients].map((client) => client.close()));
  const denied = [...probes, ...clients].reduce((sum, client) => sum + client.denied, 0);
  return {
    edits: edits.result,
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
  };
}
