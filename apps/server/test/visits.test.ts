import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { personIdFor, type SessionSummary } from '@dartboard/board';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../src/storage/sqlite.js';
import type { Storage, VisitRecord } from '../src/storage/types.js';
import {
  connectClient,
  createBoard,
  startServer,
  type TestClient,
  type TestServer,
  tempDataDir,
  waitFor,
} from './helpers.js';

// Who was on a board: the room records each connection's name and role from its presence, and
// when it first and last was there, in the board_visits table.

const WRITER_KEY = 'writer-key-of-caras-browser-0123456789';

let server: TestServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.cleanup();
  server = undefined;
});

function arrive(wsUrl: string, boardId: string, token: string, name: string, writerKey?: string) {
  const client = connectClient(wsUrl, boardId, token, writerKey);
  client.provider.awareness.setLocalStateField('user', { name, color: '#2563eb' });
  clients.push(client);
  return client;
}

async function visitsOf(storage: Storage, boardId: string, count: number): Promise<VisitRecord[]> {
  let visits: VisitRecord[] = [];
  const deadline = Date.now() + 5000;
  while (visits.length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} visits, got ${visits.length}`);
    visits = await storage.listVisits(boardId);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return visits;
}

/** Every byte the server left in its data folder (the database and any companion files). */
function dataBytes(dataDir: string): Buffer {
  return Buffer.concat(readdirSync(dataDir).map((file) => readFileSync(join(dataDir, file))));
}

describe('visits', () => {
  it('records name, role, first and last seen of each connection, and never a token', async () => {
    server = await startServer();
    const board = await createBoard(server.url, { title: 'Visits' });
    const before = Date.now();
    const cara = arrive(server.wsUrl, board.id, board.tokens.edit, 'Cara Customer', WRITER_KEY);
    const vic = arrive(server.wsUrl, board.id, board.tokens.view, 'Vic Viewer');
    await Promise.all([cara.synced, vic.synced]);
    const seen = await visitsOf(server.app.storage, board.id, 2);
    const byName = [...seen].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName).toEqual([
      expect.objectContaining({
        visitor: `person:${personIdFor(board.id, WRITER_KEY)}`,
        name: 'Cara Customer',
        role: 'edit',
      }),
      expect.objectContaining({ visitor: 'view:Vic Viewer', name: 'Vic Viewer', role: 'view' }),
    ]);
    for (const visit of seen) {
      expect(visit.firstSeen).toBeGreaterThanOrEqual(before);
      expect(visit.lastSeen).toBe(visit.firstSeen);
    }

    // Leaving writes when they were last there.
    await new Promise((resolve) => setTimeout(resolve, 20));
    vic.destroy();
    await waitFor(
      'the viewer left',
      () => server?.app.rooms.loaded(board.id)?.connections.size === 1,
    );
    const viewer = async () =>
      (await server?.app.storage.listVisits(board.id))?.find((visit) => visit.role === 'view');
    const started = (await viewer())?.firstSeen ?? 0;
    for (let i = 0; i < 100 && ((await viewer())?.lastSeen ?? 0) <= started; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await viewer())?.lastSeen).toBeGreaterThan(started);

    const { dataDir } = server;
    await server.close();
    const db = new Database(join(dataDir, 'dartboard.sqlite'), { readonly: true });
    const rows = db
      .prepare('SELECT name, role, first_seen, last_seen FROM board_visits WHERE board_id = ?')
      .all(board.id) as { name: string; role: string; first_seen: number; last_seen: number }[];
    db.close();
    expect(rows.map((row) => [row.name, row.role]).sort()).toEqual([
      ['Cara Customer', 'edit'],
      ['Vic Viewer', 'view'],
    ]);
    for (const row of rows) expect(row.last_seen).toBeGreaterThanOrEqual(row.first_seen);
    const bytes = dataBytes(dataDir);
    for (const secret of [...Object.values(board.tokens), WRITER_KEY]) {
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
  });

  it('writes a visit once while presence moves, again after the interval and on leaving', async () => {
    const file = join(tempDataDir(), 'dartboard.sqlite');
    const real = openSqliteStorage({ file });
    let writes = 0;
    const storage: Storage = {
      ...real,
      recordVisit(boardId, visit) {
        writes++;
        return real.recordVisit(boardId, visit);
      },
    };
    server = await startServer({ storage, visitWriteIntervalMs: 500 });
    const board = await createBoard(server.url);
    const cara = arrive(server.wsUrl, board.id, board.tokens.edit, 'Cara', WRITER_KEY);
    await cara.synced;
    const [first] = await visitsOf(storage, board.id, 1);
    for (let i = 0; i < 40; i++) {
      cara.provider.awareness.setLocalStateField('cursor', { x: i, y: i });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(writes).toBe(1);
    // A name change within the interval is kept for the next write.
    cara.provider.awareness.setLocalStateField('user', { name: 'Cara C.', color: '#2563eb' });
    await new Promise((resolve) => setTimeout(resolve, 600));
    cara.provider.awareness.setLocalStateField('cursor', { x: 0, y: 0 });
    let again: VisitRecord | undefined;
    for (let i = 0; i < 500 && again?.name !== 'Cara C.'; i++) {
      [again] = await storage.listVisits(board.id);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(again).toMatchObject({ name: 'Cara C.', firstSeen: first?.firstSeen });
    // At most one write per interval: the join, then one in a later interval (two if a slow
    // machine handled the cursor moves late).
    expect(writes).toBeGreaterThanOrEqual(2);
    expect(writes).toBeLessThanOrEqual(3);
    const beforeLeaving = writes;
    expect(again?.lastSeen).toBeGreaterThan(first?.lastSeen ?? Number.POSITIVE_INFINITY);
    cara.destroy();
    await waitFor('the leaving write', () => writes === beforeLeaving + 1);
  });

  it('lists the visitors in the summary, with their roles and times', async () => {
    server = await startServer();
    const board = await createBoard(server.url, { title: 'Visits' });
    const cara = arrive(server.wsUrl, board.id, board.tokens.edit, 'Cara Customer', WRITER_KEY);
    const vic = arrive(server.wsUrl, board.id, board.tokens.view, 'Vic Viewer');
    await Promise.all([cara.synced, vic.synced]);
    await visitsOf(server.app.storage, board.id, 2);
    const get = (format: string) =>
      fetch(`${server?.url}/api/boards/${board.id}/summary?format=${format}`, {
        headers: { authorization: `Bearer ${board.tokens.facilitator}` },
      });
    const json = (await (await get('json')).json()) as SessionSummary;
    expect(json.participants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Cara Customer', role: 'edit' }),
        expect.objectContaining({ name: 'Vic Viewer', role: 'view' }),
      ]),
    );
    for (const participant of json.participants) {
      expect(participant.firstSeenAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(participant.lastSeenAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    const md = await (await get('md')).text();
    expect(md).toMatch(/Participants: .*Cara Customer \(participant, \d\d:\d\d( UTC|–)/);
    expect(md).toMatch(/Vic Viewer \(observer, \d\d:\d\d/);
  });
});
