import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storageContract } from './contract.js';
import { openSqliteStorage } from './sqlite.js';

const dirs: string[] = [];
function freshFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dartboard-sqlite-'));
  dirs.push(dir);
  return join(dir, 'nested', 'dartboard.sqlite');
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('SQLite storage', () => {
  storageContract(async () => {
    const file = freshFile();
    return {
      storage: openSqliteStorage({ file }),
      reopen: async () => openSqliteStorage({ file }),
    };
  });

  it('commits the appends of one turn together; one that fails does not take the others', async () => {
    const storage = openSqliteStorage({ file: freshFile() });
    const board = { title: 'B', template: 'dart', createdAt: 1 };
    await storage.createBoard({ id: 'a', ...board }, [], new Uint8Array([0]));
    await storage.createBoard({ id: 'b', ...board }, [], new Uint8Array([0]));
    const results = await Promise.allSettled([
      storage.appendUpdate('a', new Uint8Array([1])),
      storage.appendUpdate('nope', new Uint8Array([2])),
      storage.appendUpdate('b', new Uint8Array([3])),
      storage.appendUpdate('a', new Uint8Array([4])),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect((await storage.loadDocument('a')).updates).toEqual([
      new Uint8Array([0]),
      new Uint8Array([1]),
      new Uint8Array([4]),
    ]);
    expect((await storage.loadDocument('b')).updates).toEqual([
      new Uint8Array([0]),
      new Uint8Array([3]),
    ]);
    await storage.close();
  });

  it('uses WAL mode and records its schema version', async () => {
    const file = freshFile();
    const storage = openSqliteStorage({ file });
    await storage.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    db.close();
  });

  it('gives a database from before preparations their table, keeping its boards', async () => {
    const file = freshFile();
    const first = openSqliteStorage({ file });
    await first.createBoard(
      { id: 'old', title: 'Old', template: 'dart', createdAt: 1 },
      [],
      new Uint8Array([1]),
    );
    await first.close();
    // As the previous version left it: schema version 2, no board_prep table (nor later ones).
    const db = new Database(file);
    db.exec('DROP TABLE board_prep; DROP TABLE board_visits');
    db.pragma('user_version = 2');
    db.close();
    const storage = openSqliteStorage({ file });
    expect(await storage.getBoard('old')).toMatchObject({ title: 'Old' });
    expect(await storage.loadPrep('old')).toBeUndefined();
    expect(await storage.savePrep('old', '{}', 0)).toBe(1);
    await storage.close();
  });

  it('gives a database from before visits their table, keeping its boards', async () => {
    const file = freshFile();
    const first = openSqliteStorage({ file });
    await first.createBoard(
      { id: 'old', title: 'Old', template: 'dart', createdAt: 1 },
      [],
      new Uint8Array([1]),
    );
    await first.close();
    // As the previous version left it: schema version 3, no board_visits table.
    const db = new Database(file);
    db.exec('DROP TABLE board_visits');
    db.pragma('user_version = 3');
    db.close();
    const storage = openSqliteStorage({ file });
    expect(await storage.listVisits('old')).toEqual([]);
    await storage.recordVisit('old', {
      visitor: 'edit:Lee',
      name: 'Lee',
      role: 'edit',
      firstSeen: 5,
      lastSeen: 6,
    });
    expect(await storage.listVisits('old')).toHaveLength(1);
    await storage.close();
  });

  it('opens only an existing file when told it must exist, creating no folder', async () => {
    const file = freshFile();
    expect(() => openSqliteStorage({ file, mustExist: true })).toThrow();
    expect(existsSync(dirname(file))).toBe(false);
  });

  it('refuses a database written by a newer version, with a message that says so', async () => {
    const file = freshFile();
    await openSqliteStorage({ file }).close();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openSqliteStorage({ file })).toThrow(
      /schema version 99 is newer than this server/,
    );
  });
});
