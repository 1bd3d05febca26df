import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { addNote, listNotes, readMeta } from '@dartboard/board';
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import {
  connectClient,
  createBoard,
  startServer,
  type TestClient,
  type TestServer,
  waitFor,
} from './helpers.js';
import { describePostgres, freshDatabaseUrl } from './postgres.js';

const servers: TestServer[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.cleanup();
});

async function server(databaseUrl: string) {
  const started = await startServer({ databaseUrl });
  servers.push(started);
  return started;
}

function client(s: TestServer, boardId: string, token: string) {
  const c = connectClient(s.wsUrl, boardId, token);
  clients.push(c);
  return c;
}

describePostgres('the server on PostgreSQL', () => {
  it('keeps a board across a restart, in the database and not in the data folder', async () => {
    const url = await freshDatabaseUrl();
    const first = await server(url);
    expect(await (await fetch(`${first.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const board = await createBoard(first.url, { title: 'On Postgres' });
    const writer = client(first, board.id, board.tokens.edit);
    await writer.synced;
    const id = addNote(writer.doc, { x: 1, y: 2, author: 'Ann', text: 'stored in PostgreSQL' });
    await waitFor('the note in the room', () => {
      const room = first.app.rooms.loaded(board.id);
      return !!room && listNotes(room.doc).length === 1;
    });
    writer.destroy();
    await first.close();

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const { rows } = await db.query('SELECT title FROM boards');
    await db.end();
    expect(rows).toEqual([{ title: 'On Postgres' }]);
    expect(existsSync(join(first.dataDir, 'dartboard.sqlite'))).toBe(false);

    const second = await server(url);
    const reader = client(second, board.id, board.tokens.view);
    await reader.synced;
    expect(readMeta(reader.doc).title).toBe('On Postgres');
    expect(listNotes(reader.doc).map((note) => [note.id, note.text])).toEqual([
      [id, 'stored in PostgreSQL'],
    ]);
  });
});
