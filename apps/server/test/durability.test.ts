import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { addNote, listNotes } from '@dartboard/board';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, createBoard, type TestClient, tempDataDir, waitFor } from './helpers.js';
import { freePort, type ServerProcess, spawnServer } from './process.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function track(client: TestClient): TestClient {
  cleanups.push(() => client.destroy());
  return client;
}

function trackProcess(server: ServerProcess): ServerProcess {
  cleanups.push(() => server.child.kill('SIGKILL'));
  return server;
}

describe('the server process', () => {
  it('keeps every change another client has seen through kill -9', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const first = trackProcess(await spawnServer(dataDir, port));
    const board = await createBoard(first.url, { title: 'Crash test' });
    const writer = track(connectClient(first.wsUrl, board.id, board.tokens.edit));
    const watcher = track(connectClient(first.wsUrl, board.id, board.tokens.view));
    await Promise.all([writer.synced, watcher.synced]);

    // Write steadily and kill the server mid-stream, once the watcher has seen a good part.
    let written = 0;
    const writing = setInterval(() => {
      for (let i = 0; i < 5; i++) {
        addNote(writer.doc, { x: written, y: 0, author: 'Ann', text: `note ${written}` });
        written++;
      }
    }, 2);
    await waitFor('watcher sees 100 notes', () => listNotes(watcher.doc).length >= 100, 10_000);
    first.child.kill('SIGKILL');
    const seen = listNotes(watcher.doc).map((note) => note.text);
    clearInterval(writing);
    expect((await first.exited).signal).toBe('SIGKILL');
    writer.provider.disconnect();
    watcher.provider.disconnect();

    const second = trackProcess(await spawnServer(dataDir, port));
    const reader = track(connectClient(second.wsUrl, board.id, board.tokens.view));
    await reader.synced;
    const restored = new Set(listNotes(reader.doc).map((note) => note.text));
    const lost = seen.filter((text) => !restored.has(text));
    expect(lost).toEqual([]);
    expect(seen.length).toBeGreaterThanOrEqual(100);
  });

  it('shuts down on SIGTERM: clients are told, rooms compacted, the process exits 0', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const server = trackProcess(await spawnServer(dataDir, port));
    const board = await createBoard(server.url);
    const c = track(connectClient(server.wsUrl, board.id, board.tokens.edit));
    await c.synced;
    for (let i = 0; i < 20; i++) addNote(c.doc, { x: i, y: 0, author: 'Ann', text: `n${i}` });
    const closeCode = new Promise<number>((resolve) =>
      c.provider.once('connection-close', (event: { code: number } | null) =>
        resolve(event?.code ?? -1),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.child.kill('SIGTERM');
    expect(await closeCode).toBe(1001);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    c.provider.disconnect();
    const db = new Database(join(dataDir, 'dartboard.sqlite'), { readonly: true });
    const rows = db
      .prepare('SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?')
      .get(board.id);
    db.close();
    expect(rows).toEqual({ n: 1 });

    const again = trackProcess(await spawnServer(dataDir, port));
    const reader = track(connectClient(again.wsUrl, board.id, board.tokens.view));
    await reader.synced;
    expect(listNotes(reader.doc)).toHaveLength(20);
  });
});
