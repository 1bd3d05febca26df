// Cold load and idle connections. `upload` fills a board with notes in the schema of
// docs/schema.md (packages/board's addNote) and waits until a second client receives all of
// them; `cold` is a fresh client (in a fresh process, against a freshly restarted server) timed
// from creating its socket until its document holds every note; `idle` opens connections that
// sync and then stay quiet, and reads the server's resident memory before and after.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { addNote } from '@dartboard/board';
import * as Y from 'yjs';
import { openAll, RawClient } from './client.js';
import type { ColdJob, ColdResult, IdleJob, IdleResult, UploadJob } from './messages.js';
import type { BoardRef } from './peer.js';
import { memoryKiB } from './proc.js';

/** Notes per uploaded update: Dartboard takes frames of at most 1 MiB (MAX_MESSAGE_BYTES). */
const CHUNK = 1_000;

/** A board of `count` notes in a grid, as people would leave it, added `CHUNK` at a time. */
export function bigBoardUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let start = 0; start < count; start += CHUNK) {
    doc.transact(() => {
      for (let i = start; i < Math.min(count, start + CHUNK); i++) {
        addNote(doc, {
          x: (i % 100) * 220,
          y: Math.floor(i / 100) * 180,
          author: `Person ${i % 12}`,
          text: `Note number ${i}: an idea worth a few words`,
        });
      }
    });
  }
  return updates;
}

/** A client that applies what it receives and resolves once its board holds `notes` notes. */
function loadingClient(board: BoardRef, notes: number) {
  const doc = new Y.Doc();
  let lastFrameAt = 0;
  let bytes = 0;
  let resolveDone: (at: { lastByte: number; holds: number }) => void = () => {};
  const done = new Promise<{ lastByte: number; holds: number }>((resolve) => {
    resolveDone = resolve;
  });
  const client = new RawClient(board, {
    stateVector: () => Y.encodeStateVector(doc),
    answer: (stateVector) => Y.encodeStateAsUpdate(doc, stateVector),
    update(update, arrivedAt) {
      lastFrameAt = arrivedAt;
      bytes += update.byteLength;
      Y.applyUpdate(doc, update, 'server');
      if (doc.getMap('notes').size >= notes) {
        resolveDone({ lastByte: lastFrameAt, holds: performance.now() });
      }
    },
  });
  return { client, doc, done, bytes: () => bytes };
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function runUpload(job: UploadJob): Promise<{ bytes: number }> {
  const updates = bigBoardUpdates(job.notes);
  const writer = new RawClient(job.board);
  await writer.synced;
  for (const update of updates) writer.sendUpdate(update);
  const check = loadingClient(job.board, job.notes);
  await within(check.done, 120_000, 'the upload');
  if (writer.denied > 0) throw new Error(`the server refused ${writer.denied} uploaded updates`);
  // Let the servers that store after relaying (y-leveldb) or on a debounce (Hocuspocus: 2 s
  // after the last change) write before they are stopped.
  await sleep(3_000);
  await Promise.all([writer.close(), check.client.close()]);
  return { bytes: updates.reduce((sum, update) => sum + update.byteLength, 0) };
}

export async function runCold(job: ColdJob): Promise<ColdResult> {
  const loading = loadingClient(job.board, job.notes);
  const { lastByte, holds } = await within(loading.done, 120_000, 'the cold load');
  const start = loading.client.times.start;
  await loading.client.close();
  return {
    upgradedMs: loading.client.times.upgraded - start,
    lastByteMs: lastByte - start,
    holdsMs: holds - start,
    bytes: loading.bytes(),
  };
}

export async function runIdle(job: IdleJob): Promise<IdleResult> {
  // One connection per board first, so the boards are loaded before the baseline.
  const first = await openAll(job.boards.length, (i) => new RawClient(job.boards[i] as BoardRef));
  await sleep(2_000);
  const base = memoryKiB(job.serverPid).rss;
  const count = job.boards.length * job.perBoard;
  const rest = await openAll(
    count,
    (i) => new RawClient(job.boards[i % job.boards.length] as BoardRef),
  );
  await sleep(3_000);
  const rss = memoryKiB(job.serverPid).rss;
  await Promise.all([...first, ...rest].map((client) => client.close()));
  return { connections: count, baseRssKiB: base, rssKiB: rss };
}
