import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('uses WAL mode and records its schema version', async () => {
    const file = freshFile();
    const storage = openSqliteStorage({ file });
    await storage.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
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
