import { addNote, listNotes } from '@dartboard/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectClient,
  createBoard,
  openRawSocket,
  type RawSocket,
  startServer,
  type TestServer,
  waitFor,
} from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  // The writer floods on purpose; its own allowances are lifted so only the reader is at stake.
  server = await startServer({
    maxBufferedBytes: 256 * 1024,
    messagesPerSecond: 100_000,
    bytesPerSecond: 1024 * 1024 * 1024,
  });
});
afterAll(() => server.cleanup());

describe('a client that stops reading', () => {
  it('is disconnected instead of growing server memory, and the others carry on', async () => {
    const board = await createBoard(server.url);
    const writer = connectClient(server.wsUrl, board.id, board.tokens.edit);
    const reader = connectClient(server.wsUrl, board.id, board.tokens.view);
    let slow: RawSocket | undefined;
    try {
      await Promise.all([writer.synced, reader.synced]);
      const room = server.app.rooms.loaded(board.id);
      await waitFor('two connections', () => room?.connections.size === 2);
      const keepingUp = new Set(room?.connections);
      slow = await openRawSocket(server.wsUrl, board.id, board.tokens.view);
      await waitFor('three connections', () => room?.connections.size === 3);
      const slowOnServer = [...(room?.connections ?? [])].find((c) => !keepingUp.has(c));
      // The reader keeps up: whatever bursts the flood makes, it must never be let go.
      let readerDropped = false;
      reader.provider.on('status', ({ status }: { status: string }) => {
        if (status === 'disconnected') readerDropped = true;
      });
      // Stop reading from the socket: the kernel buffers fill, then the server's.
      const tcp = (slow.socket as unknown as { _socket: { pause(): void } })._socket;
      tcp.pause();

      const chunk = 'x'.repeat(9000);
      const stillThere = () => slowOnServer !== undefined && room?.connections.has(slowOnServer);
      for (let i = 0; i < 600 && stillThere(); i++) {
        addNote(writer.doc, { x: i, y: 0, author: 'Ann', text: chunk });
        if (i % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await waitFor('slow client dropped', () => !stillThere(), 10_000);
      expect(readerDropped).toBe(false);
      expect([...keepingUp].every((c) => room?.connections.has(c))).toBe(true);

      const marker = addNote(writer.doc, { x: 0, y: 0, author: 'Ann', text: 'still live' });
      await waitFor('reader gets the marker', () =>
        listNotes(reader.doc).some((n) => n.id === marker),
      );
      expect(writer.provider.wsconnected).toBe(true);
    } finally {
      writer.destroy();
      reader.destroy();
      slow?.socket.terminate();
    }
  });
});
