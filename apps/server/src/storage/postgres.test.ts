import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { describePostgres, freshDatabaseUrl } from '../../test/postgres.js';
import { freePort } from '../../test/process.js';
import { storageContract } from './contract.js';
import { openPostgresStorage } from './postgres.js';
import type { Storage } from './types.js';

const opened: Storage[] = [];
async function open(url: string, poolSize?: number): Promise<Storage> {
  const storage = await openPostgresStorage({ url, poolSize });
  opened.push(storage);
  return storage;
}
afterEach(async () => {
  for (const storage of opened.splice(0)) await storage.close();
});

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const board = (id: string) => ({ id, title: `Board ${id}`, template: 'dart', createdAt: 1000 });

describePostgres('PostgreSQL storage', () => {
  storageContract(async () => {
    const url = await freshDatabaseUrl();
    return { storage: await open(url), reopen: () => open(url) };
  });

  it('records its migrations once, and a reopen applies none again', async () => {
    const url = await freshDatabaseUrl();
    await (await open(url)).createBoard(board('a'), [], new Uint8Array([1]));
    const first = await query(url, 'SELECT version, name, applied_at FROM dartboard_migrations');
    expect(first.map((row) => row.version)).toEqual([1]);
    const again = await open(url);
    expect(await again.getBoard('a')).toEqual(board('a'));
    expect(await query(url, 'SELECT version, name, applied_at FROM dartboard_migrations')).toEqual(
      first,
    );
  });

  it('lets several servers open one new database at once: one migrates, all work', async () => {
    const url = await freshDatabaseUrl();
    const stores = await Promise.all([open(url), open(url), open(url), open(url)]);
    expect(await query(url, 'SELECT version FROM dartboard_migrations')).toEqual([{ version: 1 }]);
    await stores[0]?.createBoard(board('shared'), [], new Uint8Array([1]));
    for (const storage of stores) expect(await storage.getBoard('shared')).toEqual(board('shared'));
  });

  it('refuses a database a newer server has migrated, with a message that says so', async () => {
    const url = await freshDatabaseUrl();
    await open(url);
    await query(url, "INSERT INTO dartboard_migrations (version, name) VALUES (99, 'future')");
    await expect(openPostgresStorage({ url })).rejects.toThrow(
      /schema version 99 is newer than this server \(1\)/,
    );
  });

  it('numbers parallel appends to one board, from two servers, in order and keeps them all', async () => {
    const url = await freshDatabaseUrl();
    const [one, two] = [await open(url, 4), await open(url, 4)];
    await one.createBoard(board('busy'), [], new Uint8Array([0]));
    const updates = Array.from({ length: 60 }, (_, i) => new Uint8Array([i + 1, i >> 8]));
    const seqs = await Promise.all(
      updates.map((update, i) => (i % 2 ? one : two).appendUpdate('busy', update)),
    );
    // Every number once, 2 to 61 (the board's first update is 1).
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 2));
    const stored = await two.loadDocument('busy');
    expect(stored.lastSeq).toBe(61);
    // In sequence order: each update where its number says.
    const bySeq = new Map(seqs.map((seq, i) => [seq, updates[i]]));
    expect(stored.updates).toEqual([
      new Uint8Array([0]),
      ...[...bySeq.keys()].sort((a, b) => a - b).map((seq) => bySeq.get(seq)),
    ]);
  });

  it('stores no update for a board that does not exist', async () => {
    const storage = await open(await freshDatabaseUrl());
    await expect(storage.appendUpdate('nope', new Uint8Array([1]))).rejects.toThrow(
      /no such board/,
    );
    expect((await storage.loadDocument('nope')).updates).toEqual([]);
  });

  it('numbers the appends of one turn per board, from 1 without a gap; a missing board fails alone', async () => {
    const storage = await open(await freshDatabaseUrl());
    await storage.createBoard(board('a'), [], new Uint8Array([0]));
    await storage.createBoard(board('b'), [], new Uint8Array([0]));
    const results = await Promise.allSettled([
      storage.appendUpdate('a', new Uint8Array([1])),
      storage.appendUpdate('nope', new Uint8Array([2])),
      storage.appendUpdate('b', new Uint8Array([3])),
      storage.appendUpdate('a', new Uint8Array([4])),
    ]);
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value : 'no'))).toEqual([
      2,
      'no',
      2,
      3,
    ]);
  });

  it("numbers two servers' batches of the same boards, taken in opposite orders, without a gap", async () => {
    const url = await freshDatabaseUrl();
    const [one, two] = [await open(url, 4), await open(url, 4)];
    const ids = ['p', 'q', 'r', 's'];
    for (const id of ids) await one.createBoard(board(id), [], new Uint8Array([0]));
    // Each turn, one server appends to the boards in one order, the other in the reverse, so
    // their batches hold the same boards at once.
    const appended: Promise<number>[] = [];
    for (let turn = 0; turn < 20; turn++) {
      for (const id of ids) appended.push(one.appendUpdate(id, new Uint8Array([1, turn])));
      for (const id of [...ids].reverse())
        appended.push(two.appendUpdate(id, new Uint8Array([2, turn])));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(appended);
    for (const id of ids) {
      const rows = await query<{ seq: string; data: Buffer }>(
        url,
        'SELECT seq, data FROM board_updates WHERE board_id = $1 ORDER BY seq',
        [id],
      );
      expect(rows.map((row) => Number(row.seq))).toEqual(
        Array.from({ length: 41 }, (_, i) => i + 1),
      );
      // Each server's updates in the order it appended them.
      for (const server of [1, 2]) {
        const turns = rows.filter((row) => row.data[0] === server).map((row) => row.data[1]);
        expect(turns).toEqual(Array.from({ length: 20 }, (_, turn) => turn));
      }
    }
  });

  it('fails only the board whose update cannot be stored when one batch holds several', async () => {
    const url = await freshDatabaseUrl();
    const storage = await open(url);
    await storage.createBoard(board('good'), [], new Uint8Array([0]));
    await storage.createBoard(board('bad'), [], new Uint8Array([0]));
    // A row already under the number the bad board's next update will take: its insert fails.
    await query(url, "INSERT INTO board_updates VALUES ('bad', 2, '\\x01', 0)");
    const results = await Promise.allSettled([
      storage.appendUpdate('good', new Uint8Array([1])),
      storage.appendUpdate('bad', new Uint8Array([2])),
      storage.appendUpdate('good', new Uint8Array([3])),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await storage.loadDocument('good')).updates).toEqual([
      new Uint8Array([0]),
      new Uint8Array([1]),
      new Uint8Array([3]),
    ]);
  });

  it('answers the health check until it is closed', async () => {
    const storage = await openPostgresStorage({ url: await freshDatabaseUrl() });
    await expect(storage.check()).resolves.toBeUndefined();
    await storage.close();
    await expect(storage.check()).rejects.toThrow();
    await storage.close();
  });

  it('says so when the password is wrong, without showing it', async () => {
    const url = new URL(await freshDatabaseUrl());
    url.password = 'wrong-secret';
    const error = await openPostgresStorage({ url: url.toString() }).catch((e: Error) => e);
    expect(String(error)).toMatch(/cannot connect to PostgreSQL at postgres:\/\/postgres:\*\*\*@/);
    expect(String(error)).toMatch(/password authentication failed/);
    expect(String(error)).not.toContain('wrong-secret');
  });
});

describe('PostgreSQL storage without a database', () => {
  it('fails to open with the URL (password hidden) and the reason', async () => {
    const port = await freePort();
    const url = `postgres://dartboard:secret-pw@127.0.0.1:${port}/boards`;
    const error = await openPostgresStorage({ url, connectTimeoutMs: 2000 }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toContain(
      `cannot connect to PostgreSQL at postgres://dartboard:***@127.0.0.1:${port}/boards: `,
    );
    expect(String(error)).toContain('ECONNREFUSED');
    expect(String(error)).not.toContain('secret-pw');
  });
});
