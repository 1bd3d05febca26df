import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectClient, createBoard, startServer, type TestServer, waitFor } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ heartbeatMs: 100 });
});
afterAll(() => server.cleanup());

describe('heartbeat', () => {
  it('drops a client that stops answering pings and keeps one that answers', async () => {
    const board = await createBoard(server.url);
    const live = connectClient(server.wsUrl, board.id, board.tokens.edit);
    // A client that has vanished: its socket is open but never answers a ping.
    const silent = new WebSocket(`${server.wsUrl}/sync/${board.id}?token=${board.tokens.view}`, {
      autoPong: false,
    });
    const opened = new Promise((resolve) => silent.once('open', resolve));
    try {
      await Promise.all([live.synced, opened]);
      const room = server.app.rooms.loaded(board.id);
      await waitFor('both joined', () => room?.connections.size === 2);
      await waitFor('silent client dropped', () => room?.connections.size === 1, 3000);
      // Several heartbeats later the answering client is still there.
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(room?.connections.size).toBe(1);
      expect(live.provider.wsconnected).toBe(true);
    } finally {
      live.destroy();
      silent.terminate();
    }
  });
});
