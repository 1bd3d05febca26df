import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { asBuffer, type PendingAppend } from './groupCommit.js';
import type {
  BoardRecord,
  Role,
  SealRecord,
  Storage,
  StoredDocument,
  TokenRecord,
  VisitRecord,
} from './types.js';

// Each entry moves the schema one version up; PRAGMA user_version records how far a file is.
const MIGRATIONS = [
  `CREATE TABLE boards (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     template TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE board_tokens (
     token_hash BLOB PRIMARY KEY,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     role TEXT NOT NULL CHECK (role IN ('facilitator', 'edit', 'view')),
     created_at INTEGER NOT NULL
   );
   CREATE INDEX board_tokens_board ON board_tokens(board_id);
   CREATE TABLE board_updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     data BLOB NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX board_updates_board ON board_updates(board_id, seq);`,
  `CREATE TABLE board_link_seals (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     holder_role TEXT NOT NULL CHECK (holder_role IN ('facilitator', 'edit', 'view')),
     role TEXT NOT NULL CHECK (role IN ('facilitator', 'edit', 'view')),
     sealed BLOB NOT NULL,
     PRIMARY KEY (board_id, holder_role, role)
   );`,
  `CREATE TABLE board_prep (
     board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
     revision INTEGER NOT NULL,
     data TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );`,
  `CREATE TABLE board_visits (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     visitor TEXT NOT NULL,
     name TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('facilitator', 'edit', 'view')),
     first_seen INTEGER NOT NULL,
     last_seen INTEGER NOT NULL,
     PRIMARY KEY (board_id, visitor)
   );`,
];

export interface SqliteOptions {
  /** Path of the database file; its folder is created when missing, unless `mustExist`. */
  file: string;
  /** Refuse to create the file (or its folder): for tools that read an existing database. */
  mustExist?: boolean;
  /**
   * 'normal' (default) survives a crash or kill of the server process; 'full' also survives
   * power loss, at the cost of an fsync per update.
   */
  synchronous?: 'normal' | 'full';
}

/** The embedded default storage: one SQLite file in WAL mode. */
export function openSqliteStorage(options: SqliteOptions): Storage {
  if (!options.mustExist) mkdirSync(dirname(options.file), { recursive: true });
  const db = new Database(options.file, { fileMustExist: options.mustExist ?? false });
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const insertBoard = db.prepare(
    'INSERT INTO boards (id, title, template, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertToken = db.prepare(
    'INSERT INTO board_tokens (token_hash, board_id, role, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertUpdate = db.prepare(
    'INSERT INTO board_updates (board_id, data, created_at) VALUES (?, ?, ?)',
  );
  // Group commit: the updates appended in one turn of the event loop (every room's frames that
  // one read of the sockets brought) are written in one transaction, one WAL commit for all
  // instead of one each. Each append resolves once its transaction has committed, so the relay
  // still stores before it relays. Should the transaction fail (an update for a board that was
  // deleted), each update is tried alone, so that one bad append fails only itself.
  let appends: PendingAppend[] = [];
  const insertOne = (item: PendingAppend) =>
    Number(insertUpdate.run(item.boardId, asBuffer(item.update), Date.now()).lastInsertRowid);
  const insertAll = db.transaction((items: PendingAppend[]) => items.map(insertOne));
  function commitAppends(): void {
    const items = appends;
    appends = [];
    if (items.length === 0) return;
    let seqs: number[] | undefined;
    try {
      if (!db.open) throw new Error('The database is closed.');
      seqs = insertAll(items);
    } catch (error) {
      if (items.length === 1 || !db.open) {
        for (const item of items) item.reject(error);
        return;
      }
    }
    if (seqs) {
      for (const [index, item] of items.entries()) item.resolve(seqs[index] ?? 0);
      return;
    }
    for (const item of items) {
      try {
        item.resolve(insertOne(item));
      } catch (error) {
        item.reject(error);
      }
    }
  }

  const selectBoard = db.prepare<
    [string],
    { id: string; title: string; template: string; created_at: number }
  >('SELECT id, title, template, created_at FROM boards WHERE id = ?');
  const selectBoards = db.prepare<
    [],
    { id: string; title: string; template: string; created_at: number }
  >('SELECT id, title, template, created_at FROM boards ORDER BY created_at, id');
  const selectRole = db.prepare<[string, Buffer], { role: Role }>(
    'SELECT role FROM board_tokens WHERE board_id = ? AND token_hash = ?',
  );
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM board_updates WHERE board_id = ? ORDER BY seq',
  );
  const selectUpdatesSince = db.prepare<[string, number], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM board_updates WHERE board_id = ? AND seq > ? ORDER BY seq',
  );
  const deleteUpdates = db.prepare('DELETE FROM board_updates WHERE board_id = ? AND seq <= ?');
  const insertSeal = db.prepare(
    'INSERT INTO board_link_seals (board_id, holder_role, role, sealed) VALUES (?, ?, ?, ?)',
  );
  const selectSeals = db.prepare<[string, string], { role: Role; sealed: Buffer }>(
    'SELECT role, sealed FROM board_link_seals WHERE board_id = ? AND holder_role = ?',
  );
  const deleteSeals = db.prepare('DELETE FROM board_link_seals WHERE board_id = ?');
  const deleteTokens = db.prepare('DELETE FROM board_tokens WHERE board_id = ? AND role = ?');
  const selectPrep = db.prepare<[string], { revision: number; data: string }>(
    'SELECT revision, data FROM board_prep WHERE board_id = ?',
  );
  const insertPrep = db.prepare(
    'INSERT INTO board_prep (board_id, revision, data, updated_at) VALUES (?, 1, ?, ?)',
  );
  const updatePrep = db.prepare(
    'UPDATE board_prep SET revision = revision + 1, data = ?, updated_at = ? WHERE board_id = ? AND revision = ?',
  );
  const upsertVisit = db.prepare(
    `INSERT INTO board_visits (board_id, visitor, name, role, first_seen, last_seen)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (board_id, visitor) DO UPDATE SET
       name = excluded.name,
       role = excluded.role,
       first_seen = min(first_seen, excluded.first_seen),
       last_seen = max(last_seen, excluded.last_seen)`,
  );
  const selectVisits = db.prepare<
    [string],
    { visitor: string; name: string; role: Role; first_seen: number; last_seen: number }
  >(
    'SELECT visitor, name, role, first_seen, last_seen FROM board_visits WHERE board_id = ? ORDER BY first_seen, visitor',
  );

  const insertSeals = (boardId: string, seals: SealRecord[]) => {
    for (const seal of seals) {
      insertSeal.run(boardId, seal.holder, seal.role, asBuffer(seal.sealed));
    }
  };
  const createBoard = db.transaction(
    (board: BoardRecord, tokens: TokenRecord[], initialUpdate: Uint8Array, seals: SealRecord[]) => {
      insertBoard.run(board.id, board.title, board.template, board.createdAt);
      for (const token of tokens) {
        insertToken.run(asBuffer(token.hash), board.id, token.role, board.createdAt);
      }
      insertSeals(board.id, seals);
      insertUpdate.run(board.id, asBuffer(initialUpdate), board.createdAt);
    },
  );
  const replaceLink = db.transaction(
    (boardId: string, role: Role, tokenHash: Uint8Array, seals: SealRecord[]) => {
      deleteTokens.run(boardId, role);
      insertToken.run(asBuffer(tokenHash), boardId, role, Date.now());
      deleteSeals.run(boardId);
      insertSeals(boardId, seals);
    },
  );
  const compact = db.transaction((boardId: string, merged: Uint8Array, throughSeq: number) => {
    deleteUpdates.run(boardId, throughSeq);
    return Number(insertUpdate.run(boardId, asBuffer(merged), Date.now()).lastInsertRowid);
  });

  // Compare and set in one transaction, so two saves from the same revision cannot both win.
  const savePrep = db.transaction((boardId: string, data: string, expectedRevision: number) => {
    const now = Date.now();
    if (expectedRevision === 0) {
      if (selectPrep.get(boardId)) return undefined;
      insertPrep.run(boardId, data, now);
      return 1;
    }
    const changed = updatePrep.run(data, now, boardId, expectedRevision).changes;
    return changed === 1 ? expectedRevision + 1 : undefined;
  });

  return {
    async createBoard(board, tokens, initialUpdate, seals = []) {
      createBoard(board, tokens, initialUpdate, seals);
    },
    async getBoard(id) {
      const row = selectBoard.get(id);
      return (
        row && { id: row.id, title: row.title, template: row.template, createdAt: row.created_at }
      );
    },
    async listBoards() {
      return selectBoards.all().map((row) => ({
        id: row.id,
        title: row.title,
        template: row.template,
        createdAt: row.created_at,
      }));
    },
    async findRole(boardId, tokenHash) {
      return selectRole.get(boardId, asBuffer(tokenHash))?.role;
    },
    async listSeals(boardId, holder) {
      return selectSeals
        .all(boardId, holder)
        .map((row) => ({ holder, role: row.role, sealed: new Uint8Array(row.sealed) }));
    },
    async replaceLink(boardId, role, tokenHash, seals) {
      replaceLink(boardId, role, tokenHash, seals);
    },
    async loadDocument(boardId): Promise<StoredDocument> {
      const rows = selectUpdates.all(boardId);
      return {
        updates: rows.map((row) => new Uint8Array(row.data)),
        lastSeq: rows.at(-1)?.seq ?? 0,
      };
    },
    async loadUpdatesSince(boardId, seq) {
      return selectUpdatesSince
        .all(boardId, seq)
        .map((row) => ({ seq: row.seq, update: new Uint8Array(row.data) }));
    },
    appendUpdate(boardId, update) {
      return new Promise<number>((resolve, reject) => {
        appends.push({ boardId, update, resolve, reject });
        if (appends.length === 1) setImmediate(commitAppends);
      });
    },
    async compact(boardId, merged, throughSeq) {
      return compact(boardId, merged, throughSeq);
    },
    async loadPrep(boardId) {
      const row = selectPrep.get(boardId);
      return row && { revision: row.revision, data: row.data };
    },
    async savePrep(boardId, data, expectedRevision) {
      return savePrep(boardId, data, expectedRevision);
    },
    async recordVisit(boardId, visit) {
      upsertVisit.run(
        boardId,
        visit.visitor,
        visit.name,
        visit.role,
        visit.firstSeen,
        visit.lastSeen,
      );
    },
    async listVisits(boardId): Promise<VisitRecord[]> {
      return selectVisits.all(boardId).map((row) => ({
        visitor: row.visitor,
        name: row.name,
        role: row.role,
        firstSeen: row.first_seen,
        lastSeen: row.last_seen,
      }));
    },
    async check() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (appends.length > 0) commitAppends();
      if (db.open) db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(
      `database schema version ${version} is newer than this server (${MIGRATIONS.length}); upgrade the server`,
    );
  }
  db.transaction(() => {
    for (let next = version; next < MIGRATIONS.length; next++) {
      db.exec(MIGRATIONS[next] ?? '');
      db.pragma(`user_version = ${next + 1}`);
    }
  })();
}
