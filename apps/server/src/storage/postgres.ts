import pg from 'pg';
import { asBuffer } from './groupCommit.js';
import { appendQueue } from './postgresAppends.js';
import { migrate } from './postgresSchema.js';
import type { BoardRecord, Role, SealRecord, Storage, StoredDocument } from './types.js';

export interface PostgresOptions {
  /** postgres://user:password@host:port/database, with libpq's parameters (?sslmode=…). */
  url: string;
  /** Connections the pool opens at most. Default 10. */
  poolSize?: number;
  /** How long to wait for a connection before a query fails. Default 10 s. */
  connectTimeoutMs?: number;
  /**
   * Told of a pooled connection that failed while idle (the database restarted, say). The pool
   * drops it and opens another when needed; without this such errors are ignored.
   */
  onIdleError?: (error: Error) => void;
}

export const POSTGRES_DEFAULTS = { poolSize: 10, connectTimeoutMs: 10_000 } as const;

/** The URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
    return parsed.toString();
  } catch {
    return '(an unparsable URL)';
  }
}

/** Why a connection failed, also when Node reports it as an AggregateError with no message. */
function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map(describe).join('; ');
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return error.message || (typeof code === 'string' ? code : error.name);
  }
  return String(error);
}

type Row = Record<string, unknown>;
// bigint and bytea arrive as string and Buffer; the interface speaks number and Uint8Array.
const num = (value: unknown) => Number(value);
const bytes = (value: unknown) => new Uint8Array(value as Buffer);

function toBoard(row: Row): BoardRecord {
  return {
    id: String(row.id),
    title: String(row.title),
    template: String(row.template),
    createdAt: num(row.created_at),
  };
}

// A compaction's merged update takes the board's next number, as appends do (postgresAppends.ts):
// the board's row is locked and counted on. No row: no such board, and nothing is stored.
const APPEND_MERGED = `
  WITH next AS (UPDATE boards SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq)
  INSERT INTO board_updates (board_id, seq, data, created_at)
  SELECT $1, last_seq, $2, $3 FROM next
  RETURNING seq`;

/**
 * Boards in PostgreSQL, through a pool of connections. Opening connects and migrates the
 * database; when it cannot connect it rejects with a message naming the URL, password hidden.
 * Several servers may open one database at once, but see docs/operations.md: the relay does not
 * yet span servers.
 */
export async function openPostgresStorage(options: PostgresOptions): Promise<Storage> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? POSTGRES_DEFAULTS.poolSize,
    connectionTimeoutMillis: options.connectTimeoutMs ?? POSTGRES_DEFAULTS.connectTimeoutMs,
    application_name: 'dartboard',
  });
  // An idle connection's error would otherwise be an unhandled 'error' event, ending the process.
  pool.on('error', (error) => options.onIdleError?.(error));
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(
      `cannot connect to PostgreSQL at ${redactUrl(options.url)}: ${describe(error)}`,
    );
  }
  try {
    await migrate(client);
  } catch (error) {
    client.release(true);
    await pool.end().catch(() => undefined);
    throw error;
  }
  client.release();
  const appends = appendQueue(pool, transaction);

  /** Runs `work` in one transaction on one connection: all of it is stored, or none. */
  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      // A connection that cannot even roll back is closed rather than handed out again.
      client.release(broken);
    }
  }

  async function insertSeals(client: pg.PoolClient, boardId: string, seals: SealRecord[]) {
    for (const seal of seals) {
      await client.query(
        'INSERT INTO board_link_seals (board_id, holder_role, role, sealed) VALUES ($1, $2, $3, $4)',
        [boardId, seal.holder, seal.role, asBuffer(seal.sealed)],
      );
    }
  }

  async function insertToken(client: pg.PoolClient, boardId: string, role: Role, hash: Uint8Array) {
    await client.query(
      'INSERT INTO board_tokens (token_hash, board_id, role, created_at) VALUES ($1, $2, $3, $4)',
      [asBuffer(hash), boardId, role, Date.now()],
    );
  }

  let closed = false;
  return {
    async createBoard(board, tokens, initialUpdate, seals = []) {
      await transaction(async (client) => {
        await client.query(
          'INSERT INTO boards (id, title, template, created_at, last_seq) VALUES ($1, $2, $3, $4, 1)',
          [board.id, board.title, board.template, board.createdAt],
        );
        for (const token of tokens) await insertToken(client, board.id, token.role, token.hash);
        await insertSeals(client, board.id, seals);
        await client.query(
          'INSERT INTO board_updates (board_id, seq, data, created_at) VALUES ($1, 1, $2, $3)',
          [board.id, asBuffer(initialUpdate), board.createdAt],
        );
      });
    },
    async getBoard(id) {
      const { rows } = await pool.query(
        'SELECT id, title, template, created_at FROM boards WHERE id = $1',
        [id],
      );
      return rows[0] && toBoard(rows[0]);
    },
    async listBoards() {
      // COLLATE "C": ids in byte order, as SQLite sorts them, whatever the database's locale.
      const { rows } = await pool.query(
        'SELECT id, title, template, created_at FROM boards ORDER BY created_at, id COLLATE "C"',
      );
      return rows.map(toBoard);
    },
    async findRole(boardId, tokenHash) {
      const { rows } = await pool.query<{ role: Role }>(
        'SELECT role FROM board_tokens WHERE board_id = $1 AND token_hash = $2',
        [boardId, asBuffer(tokenHash)],
      );
      return rows[0]?.role;
    },
    async listSeals(boardId, holder) {
      const { rows } = await pool.query<{ role: Role; sealed: Buffer }>(
        'SELECT role, sealed FROM board_link_seals WHERE board_id = $1 AND holder_role = $2',
        [boardId, holder],
      );
      return rows.map((row) => ({ holder, role: row.role, sealed: bytes(row.sealed) }));
    },
    async replaceLink(boardId, role, tokenHash, seals) {
      await transaction(async (client) => {
        await client.query('DELETE FROM board_tokens WHERE board_id = $1 AND role = $2', [
          boardId,
          role,
        ]);
        await insertToken(client, boardId, role, tokenHash);
        await client.query('DELETE FROM board_link_seals WHERE board_id = $1', [boardId]);
        await insertSeals(client, boardId, seals);
      });
    },
    async loadDocument(boardId): Promise<StoredDocument> {
      const { rows } = await pool.query(
        'SELECT seq, data FROM board_updates WHERE board_id = $1 ORDER BY seq',
        [boardId],
      );
      return { updates: rows.map((row) => bytes(row.data)), lastSeq: num(rows.at(-1)?.seq ?? 0) };
    },
    async loadUpdatesSince(boardId, seq) {
      const { rows } = await pool.query(
        'SELECT seq, data FROM board_updates WHERE board_id = $1 AND seq > $2 ORDER BY seq',
        [boardId, seq],
      );
      return rows.map((row) => ({ seq: num(row.seq), update: bytes(row.data) }));
    },
    // Group commit (postgresAppends.ts): with synchronous_commit on (PostgreSQL's default) the
    // update is in the flushed write-ahead log when this resolves.
    appendUpdate(boardId, update) {
      return appends.append(boardId, update);
    },
    async compact(boardId, merged, throughSeq) {
      return transaction(async (client) => {
        await client.query('DELETE FROM board_updates WHERE board_id = $1 AND seq <= $2', [
          boardId,
          throughSeq,
        ]);
        const { rows } = await client.query(APPEND_MERGED, [boardId, asBuffer(merged), Date.now()]);
        if (!rows[0]) throw new Error(`cannot compact board ${boardId}: no such board`);
        return num(rows[0].seq);
      });
    },
    async loadPrep(boardId) {
      const { rows } = await pool.query<{ revision: number; data: string }>(
        'SELECT revision, data FROM board_prep WHERE board_id = $1',
        [boardId],
      );
      return rows[0] && { revision: rows[0].revision, data: rows[0].data };
    },
    // Compare and set in one statement each, so two saves from one revision cannot both win.
    async savePrep(boardId, data, expectedRevision) {
      const { rows } =
        expectedRevision === 0
          ? await pool.query<{ revision: number }>(
              `INSERT INTO board_prep (board_id, revision, data, updated_at) VALUES ($1, 1, $2, $3)
               ON CONFLICT (board_id) DO NOTHING RETURNING revision`,
              [boardId, data, Date.now()],
            )
          : await pool.query<{ revision: number }>(
              `UPDATE board_prep SET revision = revision + 1, data = $2, updated_at = $3
               WHERE board_id = $1 AND revision = $4 RETURNING revision`,
              [boardId, data, Date.now(), expectedRevision],
            );
      return rows[0]?.revision;
    },
    async recordVisit(boardId, visit) {
      await pool.query(
        `INSERT INTO board_visits (board_id, visitor, name, role, first_seen, last_seen)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (board_id, visitor) DO UPDATE SET
           name = excluded.name,
           role = excluded.role,
           first_seen = least(board_visits.first_seen, excluded.first_seen),
           last_seen = greatest(board_visits.last_seen, excluded.last_seen)`,
        [boardId, visit.visitor, visit.name, visit.role, visit.firstSeen, visit.lastSeen],
      );
    },
    async listVisits(boardId) {
      const { rows } = await pool.query(
        `SELECT visitor, name, role, first_seen, last_seen FROM board_visits
         WHERE board_id = $1 ORDER BY first_seen, visitor COLLATE "C"`,
        [boardId],
      );
      return rows.map((row) => ({
        visitor: String(row.visitor),
        name: String(row.name),
        role: row.role as Role,
        firstSeen: num(row.first_seen),
        lastSeen: num(row.last_seen),
      }));
    },
    async check() {
      await pool.query('SELECT 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await appends.drain();
      await pool.end();
    },
  };
}
