import { join } from 'node:path';
import { addNote, listNotes } from '@dartboard/board';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../src/storage/sqlite.js';
import type { Storage } from '../src/storage/types.js';
import { connectClient, createBoard, startServer, tempDataDir, waitFor } from './helpers.js';

// The real SQLite storage, with a switch that makes its next write fail as a full disk would.
function storageWithFaults(file: string): { storage: Storage; failNextAppend(): void } {
  const real = openSqliteStorage({ file });
  let fail = false;
  return {
    failNextAppend() {
      fail = true;
    },
    storage: {
      ...real,
      async appendUpdate(boardId, update) {
        if (fail) {
          fail = false;
          throw new Error('SQLITE_FULL: database or disk is full');
        }
        return real.appendUpdate(boardId, update);
      },
    },
  };
}

const dataDir = tempDataDir();
const faults = storageWithFaults(join(dataDir, 'dartboard.sqlite'));
const server = await startServer({ dataDir, storage: faults.storage });
afterAll(() => server.cleanup());

describe('a failed write', () => {
  it('closes the room with 1011; clients reconnect to a reloaded room and the change is stored after all', async () => {
    const board = await createBoard(server.url);
    const writer = connectClient(server.wsUrl, board.id, board.tokens.edit);
    const watcher = connectClient(server.wsUrl, board.id, board.tokens.view);
    try {
      await Promise.all([writer.synced, watcher.synced]);
      const closed = new Promise<number>((resolve) =>
        watcher.provider.once('connection-close', (event: { code: number } | null) =>
          resolve(event?.code ?? -1),
        ),
      );
      faults.failNextAppend();
      addNote(writer.doc, { x: 0, y: 0, author: 'Ann', text: 'must not be lost' });
      expect(await closed).toBe(1011);
      // Both clients reconnect by themselves; the writer's resync sends the note again.
      await waitFor('watcher gets the note', () =>
        listNotes(watcher.doc).some((n) => n.text === 'must not be lost'),
      );
      const stored = await server.app.storage.loadDocument(board.id);
      expect(stored.updates.length).toBeGreaterThan(1);
    } finally {
      writer.destroy();
      watcher.destroy();
    }
    // And a fresh client, loading from storage, has it too.
    const fresh = connectClient(server.wsUrl, board.id, board.tokens.view);
    await fresh.synced;
    expect(listNotes(fresh.doc).map((n) => n.text)).toEqual(['must not be lost']);
    fresh.destroy();
  });
});
