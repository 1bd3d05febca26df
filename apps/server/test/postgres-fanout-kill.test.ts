import { rmSync } from 'node:fs';
import { addNote, listNotes } from '@dartboard/board';
import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openPostgresStorage } from '../src/storage/postgres.js';
import { describeFanOut, redisUrl } from './fanout.js';
import { connectClient, createBoard, type TestClient, tempDataDir, waitFor } from './helpers.js';
import { freshDatabaseUrl } from './postgres.js';
import { freePort, type ServerProcess, spawnServer } from './process.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

async function instance(env: Record<string, string>): Promise<ServerProcess> {
  const dataDir = tempDataDir();
  const server = await spawnServer(dataDir, await freePort(), env);
  cleanups.push(() => {
    server.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  return server;
}

function track<T extends { destroy(): void }>(thing: T): T {
  cleanups.push(() => thing.destroy());
  return thing;
}

const texts = (doc: Y.Doc) => new Set(listNotes(doc).map((note) => note.text));

/** The board as PostgreSQL holds it, read without any server. */
async function storedTexts(url: string, boardId: string): Promise<Set<string>> {
  const storage = await openPostgresStorage({ url });
  try {
    const doc = new Y.Doc();
    for (const update of (await storage.loadDocument(boardId)).updates) Y.applyUpdate(doc, update);
    return texts(doc);
  } finally {
    await storage.close();
  }
}

describeFanOut('an instance killed with kill -9', () => {
  it('loses nothing anyone saw, and the other instance serves its clients after they reconnect', async () => {
    const url = await freshDatabaseUrl();
    const env = { DATABASE_URL: url, REDIS_URL: redisUrl() };
    const [a, b] = [await instance(env), await instance(env)];
    const board = await createBoard(a.url);
    const onA: TestClient = track(connectClient(a.wsUrl, board.id, board.tokens.edit));
    const onB: TestClient = track(connectClient(b.wsUrl, board.id, board.tokens.edit));
    await Promise.all([onA.synced, onB.synced]);

    // Both write steadily; A is killed mid-stream, and its client keeps writing offline.
    let rounds = 0;
    const writing = setInterval(() => {
      addNote(onA.doc, { x: rounds, y: 0, author: 'Ann', text: `a${rounds}` });
      addNote(onB.doc, { x: rounds, y: 50, author: 'Bo', text: `b${rounds}` });
      rounds++;
    }, 10);
    await waitFor('B has seen a good part of A', () => listNotes(onB.doc).length > 40, 10_000);
    a.child.kill('SIGKILL');
    await a.exited;
    await new Promise((resolve) => setTimeout(resolve, 200));
    clearInterval(writing);

    // What each client saw of the other's writing came through a server: it is stored.
    const seenFromA = [...texts(onB.doc)].filter((text) => text.startsWith('a'));
    const seenFromB = [...texts(onA.doc)].filter((text) => text.startsWith('b'));
    expect(seenFromA.length).toBeGreaterThan(0);
    const stored = await storedTexts(url, board.id);
    expect(seenFromA.filter((text) => !stored.has(text))).toEqual([]);
    expect(seenFromB.filter((text) => !stored.has(text))).toEqual([]);

    // A's client reconnects to B (a balancer would send it there): a new provider, same doc.
    onA.provider.destroy();
    const moved = track(
      new WebsocketProvider(`${b.wsUrl}/sync`, board.id, onA.doc, {
        params: { token: board.tokens.edit },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        maxBackoffTime: 200,
      }),
    );
    const everything = new Set<string>();
    for (let i = 0; i < rounds; i++) everything.add(`a${i}`).add(`b${i}`);
    await waitFor(
      'A’s client holds the whole board',
      () => texts(onA.doc).size === everything.size,
    );
    const reader = track(connectClient(b.wsUrl, board.id, board.tokens.view));
    await reader.synced;
    await waitFor(
      'a fresh client of B holds everything',
      () => texts(reader.doc).size === everything.size,
    );
    expect(texts(reader.doc)).toEqual(everything);
    expect(moved.synced).toBe(true);
    expect(await storedTexts(url, board.id)).toEqual(everything);
  });

  it('exits 0 on SIGTERM: its Redis connections do not hold the process open', async () => {
    const url = await freshDatabaseUrl();
    const server = await instance({ DATABASE_URL: url, REDIS_URL: redisUrl() });
    const board = await createBoard(server.url);
    const c = track(connectClient(server.wsUrl, board.id, board.tokens.edit));
    await c.synced;
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});
