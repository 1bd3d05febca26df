import type { PoolClient } from 'pg';

/**
 * The PostgreSQL schema, one entry per version; `dartboard_migrations` records which versions a
 * database has. Never edit an applied entry: add the next one. The tables mirror SQLite's (see
 * docs/schema.md); times are bigint milliseconds since the epoch, as the Storage interface
 * and the SQLite file hold them.
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'boards, tokens, seals, updates, preparations, visits',
    sql: `
      CREATE TABLE boards (
        id text PRIMARY KEY,
        title text NOT NULL,
        template text NOT NULL,
        created_at bigint NOT NULL,
        -- The sequence number of the board's latest update: appends lock this row to count on.
        last_seq bigint NOT NULL DEFAULT 0
      );
      CREATE TABLE board_tokens (
        token_hash bytea PRIMARY KEY,
        board_id text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('facilitator', 'edit', 'view')),
        created_at bigint NOT NULL
      );
      CREATE INDEX board_tokens_board ON board_tokens (board_id, role);
      CREATE TABLE board_link_seals (
        board_id text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        holder_role text NOT NULL CHECK (holder_role IN ('facilitator', 'edit', 'view')),
        role text NOT NULL CHECK (role IN ('facilitator', 'edit', 'view')),
        sealed bytea NOT NULL,
        PRIMARY KEY (board_id, holder_role, role)
      );
      CREATE TABLE board_updates (
        board_id text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        data bytea NOT NULL,
        created_at bigint NOT NULL,
        PRIMARY KEY (board_id, seq)
      );
      CREATE TABLE board_prep (
        board_id text PRIMARY KEY REFERENCES boards (id) ON DELETE CASCADE,
        revision integer NOT NULL,
        data text NOT NULL,
        updated_at bigint NOT NULL
      );
      CREATE TABLE board_visits (
        board_id text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        visitor text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('facilitator', 'edit', 'view')),
        first_seen bigint NOT NULL,
        last_seen bigint NOT NULL,
        PRIMARY KEY (board_id, visitor)
      );`,
  },
];

// Any fixed number does; this one spells "dartmigr" in ASCII. Advisory locks are per database.
const MIGRATION_LOCK = 0x646172746d696772n;

/**
 * Brings the database to the latest schema version in one transaction, under an advisory lock
 * so that servers starting at once wait for each other instead of racing to create the tables.
 * Refuses a database that a newer server has migrated further.
 */
export async function migrate(client: PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    // Released by COMMIT or ROLLBACK, or when the connection drops.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
    await client.query(`CREATE TABLE IF NOT EXISTS dartboard_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM dartboard_migrations',
    );
    const current = rows[0]?.version ?? 0;
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    if (current > latest) {
      throw new Error(
        `database schema version ${current} is newer than this server (${latest}); upgrade the server`,
      );
    }
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO dartboard_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
