import { addNote, listNotes } from '@dartboard/board';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import {
  collectCloses,
  collectRefusals,
  connectClient,
  createBoard,
  openRawSocket,
  type RawSocket,
  startServer,
  type TestServer,
  upgradeStatus,
  waitFor,
} from './helpers.js';

// Each limit, when hit, answers that one client with a documented close code, status or
// refusal, and leaves everyone else and everything stored as it was.

async function withServer(
  options: Parameters<typeof startServer>[0],
  run: (server: TestServer) => Promise<void>,
) {
  const server = await startServer(options);
  try {
    await run(server);
  } finally {
    await server.cleanup();
  }
}

/** Waits until the server closed a raw socket, or it has stayed open for `ms`. */
async function closedWithin(raw: RawSocket, ms: number) {
  return Promise.race([
    raw.closed,
    new Promise<undefined>((r) => setTimeout(() => r(undefined), ms)),
  ]);
}

describe('quotas', () => {
  it('notes per board: the note past the limit is refused with a sentence, the rest kept', async () => {
    await withServer({ maxNotesPerBoard: 3 }, async (server) => {
      const board = await createBoard(server.url);
      const chris = connectClient(server.wsUrl, board.id, board.tokens.edit);
      const refusals = collectRefusals(chris);
      await chris.synced;
      for (let i = 0; i < 4; i++) {
        addNote(chris.doc, { x: i, y: 0, author: 'Chris', text: `n${i}`, createdAt: i + 1 });
      }
      await waitFor('refusal', () => refusals.length === 1);
      expect(refusals[0]).toBe('This board is full: it holds at most 3 notes.');
      await waitFor('back to three', () => listNotes(chris.doc).length === 3);
      const viewer = connectClient(server.wsUrl, board.id, board.tokens.view);
      await viewer.synced;
      expect(listNotes(viewer.doc).map((n) => n.text)).toEqual(['n0', 'n1', 'n2']);
      expect(chris.provider.wsconnected).toBe(true);
      chris.destroy();
      viewer.destroy();
    });
  });

  it('stored bytes per board: a write past the limit is refused, stored content stays', async () => {
    await withServer({ maxBoardBytes: 14_000 }, async (server) => {
      const board = await createBoard(server.url);
      const sam = connectClient(server.wsUrl, board.id, board.tokens.facilitator);
      const refusals = collectRefusals(sam);
      await sam.synced;
      addNote(sam.doc, { x: 0, y: 0, author: 'Sam', text: 'a'.repeat(8000) });
      addNote(sam.doc, { x: 0, y: 0, author: 'Sam', text: 'b'.repeat(8000) });
      await waitFor('refusal', () => refusals.length === 1);
      expect(refusals[0]).toBe('This board is full: it has reached its storage limit.');
      const viewer = connectClient(server.wsUrl, board.id, board.tokens.view);
      await viewer.synced;
      expect(listNotes(viewer.doc).map((n) => n.text[0])).toEqual(['a']);
      sam.destroy();
      viewer.destroy();
    });
  });

  it('connections per board: one too many is closed with 4503 and gets in once someone leaves', async () => {
    await withServer({ maxConnectionsPerBoard: 2 }, async (server) => {
      const board = await createBoard(server.url);
      const first = await openRawSocket(server.wsUrl, board.id, board.tokens.edit);
      const second = await openRawSocket(server.wsUrl, board.id, board.tokens.view);
      const third = await openRawSocket(server.wsUrl, board.id, board.tokens.view);
      expect(await third.closed).toEqual({ code: 4503, reason: 'too many people on this board' });
      expect(await closedWithin(second, 100)).toBeUndefined();
      first.socket.close();
      await first.closed;
      await waitFor(
        'a free place',
        () => server.app.rooms.loaded(board.id)?.connections.size === 1,
      );
      const fourth = await openRawSocket(server.wsUrl, board.id, board.tokens.view);
      expect(await closedWithin(fourth, 200)).toBeUndefined();
      second.socket.close();
      fourth.socket.close();
    });
  });

  it('connections per address: one too many is closed with 4529, over all boards', async () => {
    await withServer({ maxConnectionsPerAddress: 2 }, async (server) => {
      const a = await createBoard(server.url);
      const b = await createBoard(server.url);
      const one = await openRawSocket(server.wsUrl, a.id, a.tokens.edit);
      const two = await openRawSocket(server.wsUrl, b.id, b.tokens.edit);
      const three = await openRawSocket(server.wsUrl, b.id, b.tokens.view);
      expect(await three.closed).toEqual({
        code: 4529,
        reason: 'too many connections from this address',
      });
      one.socket.close();
      two.socket.close();
    });
  });

  it('messages per second: a flooding connection is closed with 4429, the others stay', async () => {
    await withServer({ messagesPerSecond: 10 }, async (server) => {
      const board = await createBoard(server.url);
      const sam = connectClient(server.wsUrl, board.id, board.tokens.facilitator);
      const closes = collectCloses(sam);
      await sam.synced;
      const flooder = await openRawSocket(server.wsUrl, board.id, board.tokens.view);
      const query = encoding.createEncoder();
      encoding.writeVarUint(query, 3);
      for (let i = 0; i < 200; i++) flooder.socket.send(encoding.toUint8Array(query));
      expect(await flooder.closed).toEqual({ code: 4429, reason: 'too many messages' });
      // Normal editing stays under the allowance.
      for (let i = 0; i < 20; i++) {
        addNote(sam.doc, { x: i, y: 0, author: 'Sam', text: `${i}` });
        await new Promise((resolve) => setTimeout(resolve, 120));
      }
      expect(closes).toEqual([]);
      expect(sam.provider.wsconnected).toBe(true);
      sam.destroy();
    });
  });

  it('board look-ups and websocket upgrades per address per minute: 429 past the limit', async () => {
    await withServer({ requestsPerMinute: 3 }, async (server) => {
      const board = await createBoard(server.url);
      const get = () =>
        fetch(`${server.url}/api/boards/${board.id}`, {
          headers: { authorization: `Bearer ${board.tokens.view}` },
        });
      for (let i = 0; i < 3; i++) expect((await get()).status).toBe(200);
      const limited = await get();
      expect(limited.status).toBe(429);
      expect(await limited.json()).toMatchObject({ error: 'too_many_requests' });
      const url = `${server.wsUrl}/sync/${board.id}?token=${board.tokens.view}`;
      for (let i = 0; i < 3; i++) expect(await upgradeStatus(url)).toBe(101);
      expect(await upgradeStatus(url)).toBe(429);
    });
  });
});

describe('TRUST_PROXY', () => {
  const post = (server: TestServer, forwardedFor: string) =>
    fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('with the proxy address set, each forwarded client has its own rate limit', async () => {
    await withServer({ trustProxy: ['127.0.0.1'], createBoardsPerMinute: 1 }, async (server) => {
      expect((await post(server, '203.0.113.1')).status).toBe(201);
      expect((await post(server, '203.0.113.2')).status).toBe(201);
      expect((await post(server, '203.0.113.1')).status).toBe(429);
    });
  });

  it('from an address that is not the proxy, X-Forwarded-For cannot pick the rate-limit key', async () => {
    await withServer({ trustProxy: ['10.0.0.1/32'], createBoardsPerMinute: 1 }, async (server) => {
      expect((await post(server, '203.0.113.1')).status).toBe(201);
      expect((await post(server, '203.0.113.2')).status).toBe(429);
    });
  });

  it('a hop count trusts that many proxies', async () => {
    await withServer({ trustProxy: 1, createBoardsPerMinute: 1 }, async (server) => {
      expect((await post(server, '203.0.113.1')).status).toBe(201);
      expect((await post(server, '203.0.113.2')).status).toBe(201);
    });
  });
});

describe('/healthz', () => {
  it('answers 503 with a reason when storage does not answer', async () => {
    await withServer({}, async (server) => {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      await server.app.storage.close();
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'unavailable',
        reason: 'storage does not answer',
      });
    });
  });
});
