import { type BoardMeta, listNotes, listZones, readMeta, type Zone } from '@dartboard/board';
import WebSocket from 'ws';
import {
  connectClient,
  createBoard,
  openRawSocket,
  type RawSocket,
  startServer,
  type TestClient,
  type TestServer,
  waitFor,
} from '../helpers.js';
import { Forger, type FuzzContext } from './forger.js';
import { hex, MAX_MESSAGE_BYTES, type Role } from './frames.js';
import { type Honest, honestClient, honestStep } from './honest.js';
import {
  type HonestOutcome,
  honestOutcome,
  presenceIds,
  presenceName,
  type StoredBoard,
  storedBoard,
} from './inspect.js';
import { Rng } from './rng.js';

// The fuzz behind fuzz.test.ts (`npm test`, 3,000 frames) and `npm run fuzz` (many more): hostile
// frames (random bytes, truncated messages, garbage and forged updates, forged presence, unknown
// roots...) sent with edit and view links while two honest people keep editing. runFuzz() only
// runs it and reports what happened; the test judges the outcome.
//
// Every random choice comes from a seed, so the same seed sends the same hostile frames (the
// honest clients' timing, and so the exact interleaving, still varies from run to run).

/** Hostile connections sending at once (each one frame at a time, waiting for the server). */
const WORKERS = 4;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pings and waits for the pong; false when the socket closed instead. */
function roundTrip(socket: WebSocket): Promise<boolean> {
  if (socket.readyState !== WebSocket.OPEN) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (open: boolean) => {
      socket.off('pong', onPong);
      socket.off('close', onClose);
      resolve(open);
    };
    const onPong = () => done(true);
    const onClose = () => done(false);
    socket.on('pong', onPong);
    socket.on('close', onClose);
    socket.ping();
  });
}

interface Stats {
  sent: number;
  byKind: Map<string, { sent: number; closes: Map<number, number> }>;
  sockets: { edit: number; view: number };
  /** Closes the server should never send for anything a client does. */
  internalErrors: string[];
}

function countKind(stats: Stats, kind: string) {
  const entry = stats.byKind.get(kind) ?? { sent: 0, closes: new Map<number, number>() };
  entry.sent++;
  stats.byKind.set(kind, entry);
  return entry;
}

export interface FuzzOptions {
  /** Hostile frames to send, over all hostile connections. */
  frames: number;
  /** Seed of every random choice of the hostile senders and the honest clients. */
  seed: number;
}

export interface FuzzOutcome {
  /** Hostile frames actually sent. */
  sent: number;
  /** Closes that only a server fault explains (1011, 1006...), with the frame before each. */
  internalErrors: string[];
  /** The awareness ids of the honest clients, sorted. */
  honestIds: number[];
  honest: HonestOutcome[];
  /** Whether the honest clients ended with the same notes. */
  converged: boolean;
  /** Every note the honest clients wrote and did not delete, with the text last given to it. */
  expected: Map<string, string>;
  /** The board when the fuzz started. */
  initial: { meta: BoardMeta; zones: Zone[] };
  /** The board as a restarted server loads it from disk. */
  stored: StoredBoard;
}

/**
 * Starts a server on a fresh data folder and a board with two honest clients (a facilitator
 * and an edit link) that keep editing while `frames` hostile frames are sent, one at a time per
 * connection, from WORKERS connections at once with edit and view links. Then reads what the
 * honest clients ended with, restarts the server on the same folder and reads the stored board
 * with a fresh view client. Judges nothing: the caller checks the outcome.
 */
export async function runFuzz({ frames, seed }: FuzzOptions): Promise<FuzzOutcome> {
  const started = performance.now();
  // Yjs prints "Changed the client-id because another client seems to be using it" on the
  // room's document each time the relay puts back a refused write; counted, not printed.
  let clientIdWarnings = 0;
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (args.some((arg) => String(arg).includes('Changed the client-id'))) clientIdWarnings++;
    else log(...args);
  };
  const server = await startServer({
    maxMessageBytes: MAX_MESSAGE_BYTES,
    // One frame at a time per socket, but far faster than a person: rates are not under test
    // here. The refusal limit still is: a socket closed for it (4429) is simply replaced.
    messagesPerSecond: 1_000_000,
    bytesPerSecond: 1024 * 1024 * 1024,
    requestsPerMinute: 1_000_000,
  });
  let restarted: TestServer | undefined;
  let viewer: TestClient | undefined;
  const honest: Honest[] = [];
  try {
    const board = await createBoard(server.url, { title: 'Fuzz' });
    honest.push(honestClient(server, board, board.tokens.facilitator, 'honest-a'));
    honest.push(honestClient(server, board, board.tokens.edit, 'honest-b'));
    const [alice, bob] = honest as [Honest, Honest];
    await Promise.all(honest.map((h) => h.client.synced));
    await waitFor(
      'each honest client to see the other',
      () => presenceName(alice, bob) === bob.name && presenceName(bob, alice) === alice.name,
    );
    const initial = { meta: readMeta(alice.client.doc), zones: listZones(alice.client.doc) };
    const context: FuzzContext = {
      room() {
        const room = server.app.rooms.loaded(board.id);
        if (!room) throw new Error('the room is not loaded');
        return room;
      },
      honestIds: honest.map((h) => h.client.doc.clientID),
    };

    // The honest people edit until the hostile frames are all sent.
    let fuzzing = true;
    const honestLoops = honest.map(async (h, index) => {
      const rng = new Rng(seed ^ (0x5eed + index));
      while (fuzzing) {
        honestStep(h, rng);
        await sleep(5 + rng.int(25));
      }
    });

    const stats: Stats = {
      sent: 0,
      byKind: new Map(),
      sockets: { edit: 0, view: 0 },
      internalErrors: [],
    };
    const worker = async (index: number, count: number) => {
      const rng = new Rng(seed + index * 0x9e3779b9);
      const forger = new Forger(rng, context, `w${index}`);
      let raw: RawSocket | undefined;
      let role: Role = 'edit';
      let budget = 0;
      for (let i = 0; i < count; i++) {
        if (!raw) {
          role = rng.chance(0.5) ? 'edit' : 'view';
          raw = await openRawSocket(server.wsUrl, board.id, board.tokens[role]);
          raw.socket.on('error', () => {});
          stats.sockets[role]++;
          // Sockets are also given up now and then, taking their presence with them.
          budget = 1 + rng.int(rng.chance(0.2) ? 400 : 60);
        }
        const hostile = forger.next(role);
        const entry = countKind(stats, hostile.kind);
        raw.socket.send(hostile.data);
        stats.sent++;
        // Done once the server has read the frame and handled everything it queued.
        let open = await roundTrip(raw.socket);
        if (open) {
          await context.room().flushed();
          open = await roundTrip(raw.socket);
        }
        if (!open) {
          const { code, reason } = await raw.closed;
          entry.closes.set(code, (entry.closes.get(code) ?? 0) + 1);
          if (code === 1011 || code === 1006 || code < 1000) {
            stats.internalErrors.push(
              `${code} ${reason} after ${hostile.kind} (${role} link): ${hex(hostile.data)}`,
            );
          }
          raw = undefined;
          continue;
        }
        raw.received.length = 0;
        if (--budget === 0) {
          raw.socket.close();
          await raw.closed;
          raw = undefined;
        }
      }
      if (raw) {
        raw.socket.close();
        await raw.closed;
      }
    };
    await Promise.all(
      Array.from({ length: WORKERS }, (_, index) =>
        worker(index, Math.floor(frames / WORKERS) + (index < frames % WORKERS ? 1 : 0)),
      ),
    );
    fuzzing = false;
    await Promise.all(honestLoops);
    const fuzzedMs = performance.now() - started;
    log(
      [
        `fuzz: ${stats.sent} frames on ${stats.sockets.edit} edit and ${stats.sockets.view} view` +
          ` sockets in ${(fuzzedMs / 1000).toFixed(1)} s; honest notes written:` +
          ` ${alice.written} + ${bob.written}, text edits: ${alice.edits} + ${bob.edits};` +
          ` Yjs client-id warnings: ${clientIdWarnings}`,
        ...[...stats.byKind]
          .sort((a, b) => b[1].sent - a[1].sent)
          .map(([kind, { sent, closes }]) => {
            const codes = [...closes].map(([code, n]) => `${code}×${n}`).join(' ');
            return `  ${String(sent).padStart(6)}  ${kind}${codes ? `  (closed: ${codes})` : ''}`;
          }),
      ].join('\n'),
    );

    // What the honest clients ended with, once they agree (or have had ample time to).
    const notesJson = (h: Honest) => JSON.stringify(listNotes(h.client.doc));
    const converged = await waitFor(
      'the honest clients to converge',
      () => notesJson(alice) === notesJson(bob),
      15_000,
    ).then(
      () => true,
      () => false,
    );
    const honestIds = [...context.honestIds].sort((a, b) => a - b);
    // Presence of the closed hostile sockets has gone, or is about to.
    await waitFor(
      'only honest presence to remain',
      () => honest.every((h) => JSON.stringify(presenceIds(h)) === JSON.stringify(honestIds)),
      3000,
    ).catch(() => undefined);
    const outcomes = honest.map((h, index) => honestOutcome(h, honest[1 - index] as Honest));
    const expected = new Map([...alice.own, ...bob.own]);

    // The board stored on disk, as a restarted server loads it.
    for (const h of honest) h.client.destroy();
    await server.close();
    restarted = await startServer({ dataDir: server.dataDir });
    viewer = connectClient(restarted.wsUrl, board.id, board.tokens.view);
    await viewer.synced;
    const stored = storedBoard(viewer.doc);
    log(`fuzz: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return {
      sent: stats.sent,
      internalErrors: stats.internalErrors,
      honestIds,
      honest: outcomes,
      converged,
      expected,
      initial,
      stored,
    };
  } finally {
    console.log = log;
    for (const h of honest) h.client.destroy();
    viewer?.destroy();
    await restarted?.close();
    await server.cleanup();
  }
}
