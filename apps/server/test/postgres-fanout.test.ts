import { addNote, listNotes } from '@dartboard/board';
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import type { ServerOptions } from '../src/app.js';
import { describeFanOut, redisUrl } from './fanout.js';
import {
  collectCloses,
  connectClient,
  createBoard,
  startServer,
  type TestClient,
  type TestServer,
  waitFor,
} from './helpers.js';
import { freshDatabaseUrl } from './postgres.js';
import { freePort } from './process.js';
import { startRedis } from './redisServer.js';

// Two servers on one PostgreSQL database and one Redis, in this process; the kill -9 case is
// in postgres-fanout-kill.test.ts.

const servers: TestServer[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.cleanup();
});

async function instance(databaseUrl: string, options: ServerOptions = {}) {
  const started = await startServer({ databaseUrl, redisUrl: redisUrl(), ...options });
  servers.push(started);
  return started;
}

function client(s: TestServer, boardId: string, token: string) {
  const c = connectClient(s.wsUrl, boardId, token);
  clients.push(c);
  return c;
}

const texts = (c: TestClient) => new Set(listNotes(c.doc).map((note) => note.text));

describeFanOut('servers sharing boards through Redis', () => {
  it('converges clients of two instances on the same board, typically within a second', async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = [await instance(url), await instance(url)];
    const board = await createBoard(a.url);
    const onA = client(a, board.id, board.tokens.edit);
    const onB = client(b, board.id, board.tokens.edit);
    await Promise.all([onA.synced, onB.synced]);
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const [writer, reader] = i % 2 === 0 ? [onA, onB] : [onB, onA];
      const started = performance.now();
      addNote(writer.doc, { x: i * 10, y: 0, author: 'Ann', text: `note ${i}` });
      await waitFor(`note ${i} on the other instance`, () => texts(reader).has(`note ${i}`));
      delays.push(performance.now() - started);
    }
    expect(texts(onA)).toEqual(texts(onB));
    expect(listNotes(onA.doc)).toHaveLength(6);
    delays.sort((x, y) => x - y);
    expect(delays[3]).toBeLessThan(1000);
  });

  it('gives a client of either instance the full board written on the other', async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = [await instance(url), await instance(url)];
    const board = await createBoard(a.url);
    // One client idles on B, so B has the room loaded while A's are written.
    const idle = client(b, board.id, board.tokens.view);
    const writer = client(a, board.id, board.tokens.edit);
    await Promise.all([idle.synced, writer.synced]);
    for (let i = 0; i < 20; i++) addNote(writer.doc, { x: i, y: 0, author: 'Ann', text: `n${i}` });
    await waitFor('B holds every note', () => {
      const room = b.app.rooms.loaded(board.id);
      return !!room && listNotes(room.doc).length === 20;
    });
    const late = client(b, board.id, board.tokens.view);
    await late.synced;
    expect(texts(late)).toEqual(texts(writer));
  });

  it('carries presence both ways, with the role the first instance stamped', async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = [await instance(url), await instance(url)];
    const board = await createBoard(a.url);
    const onA = client(a, board.id, board.tokens.facilitator);
    const onB = client(b, board.id, board.tokens.view);
    await Promise.all([onA.synced, onB.synced]);
    onA.provider.awareness.setLocalStateField('user', { name: 'Fay', role: 'view' });
    onB.provider.awareness.setLocalStateField('user', { name: 'Vic', role: 'facilitator' });
    const seen = (c: TestClient, id: number) =>
      c.provider.awareness.getStates().get(id)?.user as { name: string; role: string } | undefined;
    await waitFor('Fay on B', () => seen(onB, onA.doc.clientID)?.name === 'Fay');
    await waitFor('Vic on A', () => seen(onA, onB.doc.clientID)?.name === 'Vic');
    expect(seen(onB, onA.doc.clientID)?.role).toBe('facilitator');
    expect(seen(onA, onB.doc.clientID)?.role).toBe('view');
    onA.provider.awareness.setLocalStateField('cursor', { x: 5, y: 6 });
    await waitFor('the cursor on B', () => {
      const state = onB.provider.awareness.getStates().get(onA.doc.clientID);
      return (state?.cursor as { x: number } | undefined)?.x === 5;
    });
    onA.destroy();
    await waitFor(
      'Fay gone from B',
      () => !onB.provider.awareness.getStates().has(onA.doc.clientID),
    );
  });

  it('reads an update it never heard of from storage when a later one shows the gap', async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = [await instance(url), await instance(url)];
    // A third server on the database without Redis: what it stores is never published, as if
    // the message had been lost.
    const silent = await startServer({ databaseUrl: url });
    servers.push(silent);
    const board = await createBoard(a.url);
    const onA = client(a, board.id, board.tokens.edit);
    const onB = client(b, board.id, board.tokens.edit);
    const unheard = client(silent, board.id, board.tokens.edit);
    await Promise.all([onA.synced, onB.synced, unheard.synced]);
    addNote(unheard.doc, { x: 0, y: 0, author: 'Sid', text: 'never published' });
    await waitFor('stored', () => {
      const room = silent.app.rooms.loaded(board.id);
      return !!room && listNotes(room.doc).length === 1;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(texts(onA).has('never published')).toBe(false);
    addNote(onA.doc, { x: 0, y: 0, author: 'Ann', text: 'published' });
    for (const c of [onA, onB]) {
      await waitFor(
        'both notes',
        () => texts(c).has('never published') && texts(c).has('published'),
      );
    }
  });

  it('loses nothing when both instances compact the same board while clients write on each', async () => {
    const url = await freshDatabaseUrl();
    const options = { compactAfterUpdates: 4, idleUnloadMs: 50 };
    const [a, b] = [await instance(url, options), await instance(url, options)];
    const board = await createBoard(a.url);
    const onA = client(a, board.id, board.tokens.edit);
    const onB = client(b, board.id, board.tokens.edit);
    await Promise.all([onA.synced, onB.synced]);
    for (let i = 0; i < 40; i++) {
      addNote(onA.doc, { x: i, y: 0, author: 'Ann', text: `a${i}` });
      addNote(onB.doc, { x: i, y: 50, author: 'Bo', text: `b${i}` });
      if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor(
      'both clients hold all 80',
      () => texts(onA).size === 80 && texts(onB).size === 80,
    );
    for (const c of clients.splice(0)) c.destroy();
    for (const s of servers.splice(0)) await s.cleanup();

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const { rows } = await db.query('SELECT count(*)::int AS n FROM board_updates');
    await db.end();
    // Compacted: far fewer rows than the 81 updates written.
    expect(rows[0].n).toBeLessThan(20);
    const fresh = await instance(url);
    const reader = client(fresh, board.id, board.tokens.view);
    await reader.synced;
    expect(texts(reader).size).toBe(80);
  });

  it('serves its own clients through a Redis outage and catches up from storage after it', async () => {
    const url = await freshDatabaseUrl();
    const port = await freePort();
    let redis = await startRedis(port);
    try {
      const [a, b] = [
        await instance(url, { redisUrl: redis.url }),
        await instance(url, { redisUrl: redis.url }),
      ];
      const board = await createBoard(a.url);
      const writer = client(a, board.id, board.tokens.edit);
      const sameInstance = client(a, board.id, board.tokens.view);
      const otherInstance = client(b, board.id, board.tokens.view);
      await Promise.all([writer.synced, sameInstance.synced, otherInstance.synced]);
      await redis.stop();
      addNote(writer.doc, { x: 0, y: 0, author: 'Ann', text: 'during the outage' });
      await waitFor('the note on the same instance', () =>
        texts(sameInstance).has('during the outage'),
      );
      redis = await startRedis(port);
      // ioredis reconnects within 2 s; then B reads what it missed from storage.
      await waitFor(
        'the note on the other instance',
        () => texts(otherInstance).has('during the outage'),
        10_000,
      );
    } finally {
      await redis.stop();
    }
  });

  it('refuses to start, naming the URL without its password, when Redis cannot be reached', async () => {
    const url = await freshDatabaseUrl();
    const port = await freePort();
    await expect(
      startServer({ databaseUrl: url, redisUrl: `redis://:secret-pw@127.0.0.1:${port}` }),
    ).rejects.toThrow(`cannot connect to Redis at redis://:***@127.0.0.1:${port}`);
  });

  it('closes the connections of a replaced link on every instance with 4401', async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = [await instance(url), await instance(url)];
    const board = await createBoard(a.url);
    const onB = client(b, board.id, board.tokens.edit);
    const stays = client(b, board.id, board.tokens.view);
    const [closes, untouched] = [collectCloses(onB), collectCloses(stays)];
    await Promise.all([onB.synced, stays.synced]);
    const response = await fetch(`${a.url}/api/boards/${board.id}/links/rotate`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${board.tokens.facilitator}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ role: 'edit' }),
    });
    expect(response.status).toBe(200);
    await waitFor('the edit link closed on B', () => closes.length > 0, 2000);
    expect(closes[0]).toEqual({ code: 4401, reason: 'link replaced' });
    expect(untouched).toEqual([]);
  });
});
