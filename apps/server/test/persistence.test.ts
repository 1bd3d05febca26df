import { addNote, listNotes, readMeta, setNoteText } from '@dartboard/board';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connectClient,
  createBoard,
  startServer,
  type TestClient,
  type TestServer,
  tempDataDir,
  waitFor,
} from './helpers.js';

const servers: TestServer[] = [];
const clients: TestClient[] = [];

async function server(options: Parameters<typeof startServer>[0] = {}) {
  const started = await startServer(options);
  servers.push(started);
  return started;
}

function client(s: TestServer, boardId: string, token: string) {
  const c = connectClient(s.wsUrl, boardId, token);
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.cleanup();
});

describe('persistence', () => {
  it('keeps a board across a server restart', async () => {
    const dataDir = tempDataDir();
    const first = await server({ dataDir });
    const board = await createBoard(first.url, { title: 'Restart me' });
    const writer = client(first, board.id, board.tokens.edit);
    await writer.synced;
    const id = addNote(writer.doc, { x: 1, y: 2, author: 'Ann', text: 'survives' });
    await waitFor('stored', () => {
      const room = first.app.rooms.loaded(board.id);
      return !!room && listNotes(room.doc).length === 1;
    });
    writer.destroy();
    await first.close();

    const second = await server({ dataDir });
    const reader = client(second, board.id, board.tokens.view);
    await reader.synced;
    expect(readMeta(reader.doc).title).toBe('Restart me');
    expect(listNotes(reader.doc).map((n) => [n.id, n.text])).toEqual([[id, 'survives']]);
  });

  it('loads the whole stored document before answering the first sync', async () => {
    const s = await server();
    const board = await createBoard(s.url);
    // 3,000 separate stored updates, so that loading takes a while.
    const source = new Y.Doc();
    source.on('update', (update: Uint8Array) => void s.app.storage.appendUpdate(board.id, update));
    for (let i = 0; i < 3000; i++) addNote(source, { x: i, y: 0, author: 'Ann', text: `n${i}` });

    const c = client(s, board.id, board.tokens.edit);
    let notesAtFirstSync = -1;
    c.provider.once('sync', () => {
      notesAtFirstSync = listNotes(c.doc).length;
    });
    await c.synced;
    expect(notesAtFirstSync).toBe(3000);
  });

  it('unloads an idle room and compacts its log into one update', async () => {
    const s = await server({ idleUnloadMs: 50 });
    const board = await createBoard(s.url);
    const c = client(s, board.id, board.tokens.edit);
    await c.synced;
    for (let i = 0; i < 30; i++) addNote(c.doc, { x: i, y: 0, author: 'Ann', text: `n${i}` });
    await waitFor('30 updates stored', () => {
      const room = s.app.rooms.loaded(board.id);
      return !!room && listNotes(room.doc).length === 30;
    });
    c.destroy();
    await waitFor(
      'room unloaded',
      () => s.app.rooms.loaded(board.id) === undefined && s.app.rooms.size === 0,
    );
    const stored = await s.app.storage.loadDocument(board.id);
    expect(stored.updates).toHaveLength(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.updates[0] ?? new Uint8Array());
    expect(listNotes(doc)).toHaveLength(30);
  });

  it('compacts a busy room in the background, keeping the log short and the content whole', async () => {
    const s = await server({ compactAfterUpdates: 20 });
    const board = await createBoard(s.url);
    const c = client(s, board.id, board.tokens.edit);
    await c.synced;
    const id = addNote(c.doc, { x: 0, y: 0, author: 'Ann', text: '' });
    let text = '';
    for (let i = 0; i < 200; i++) {
      text += String(i % 10);
      setNoteText(c.doc, id, text);
      // Separate updates, as typing produces them.
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor('all typed text on the server', () => {
      const room = s.app.rooms.loaded(board.id);
      return !!room && listNotes(room.doc)[0]?.text === text;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await s.app.rooms.loaded(board.id)?.flushed();
    const stored = await s.app.storage.loadDocument(board.id);
    expect(stored.updates.length).toBeLessThanOrEqual(21);
    const doc = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    expect(listNotes(doc)[0]?.text).toBe(text);
  });

  it('loses nothing when clients come and go while rooms unload and reload', async () => {
    const s = await server({ idleUnloadMs: 1 });
    const board = await createBoard(s.url);
    for (let i = 0; i < 15; i++) {
      const c = client(s, board.id, board.tokens.edit);
      await c.synced;
      expect(listNotes(c.doc)).toHaveLength(i);
      addNote(c.doc, { x: i, y: 0, author: 'Ann', text: `visit ${i}` });
      await waitFor('stored', () => {
        const room = s.app.rooms.loaded(board.id);
        return !!room && listNotes(room.doc).length === i + 1;
      });
      c.destroy();
      await new Promise((resolve) => setTimeout(resolve, i % 3));
    }
    const last = client(s, board.id, board.tokens.view);
    await last.synced;
    expect(listNotes(last.doc)).toHaveLength(15);
  });
});
