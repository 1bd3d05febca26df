import type pg from 'pg';
import { asBuffer, type PendingAppend } from './groupCommit.js';

// Group commit for PostgreSQL: the updates appended while the last batch was being written (or
// in one turn of the event loop, when none was) are stored together, in one statement and one
// flush of the write-ahead log, instead of one commit (and one flush) each. Each append resolves
// with its number once its batch has committed, so the relay still stores before it relays.
// Batches are written one after another, so a board's updates are numbered in the order they
// were appended (the Storage contract).

/** The most updates one batch holds, and about the most bytes; the rest wait for the next. */
const MAX_BATCH_UPDATES = 1000;
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

// The boards' rows are locked in the order of their ids first, so two servers writing batches
// of the same boards wait for each other instead of deadlocking.
const LOCK_BOARDS = 'SELECT id FROM boards WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE';

// Each board's counter moves on by its updates in the batch; they take the numbers after the
// old value, in the order given. A board that does not exist matches no row: none of its
// updates is stored, and it is missing from the result.
const APPEND_MANY = `
  WITH input AS (
    SELECT board_id, data, ord
    FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t (board_id, data, ord)
  ),
  counts AS (SELECT board_id, count(*) AS n FROM input GROUP BY board_id),
  bumped AS (
    UPDATE boards SET last_seq = boards.last_seq + counts.n
    FROM counts WHERE boards.id = counts.board_id
    RETURNING boards.id, boards.last_seq - counts.n AS base
  ),
  stored AS (
    INSERT INTO board_updates (board_id, seq, data, created_at)
    SELECT input.board_id, bumped.base + row_number() OVER (PARTITION BY input.board_id ORDER BY input.ord),
      input.data, $3::bigint
    FROM input JOIN bumped ON bumped.id = input.board_id
  )
  SELECT id, base FROM bumped`;

export interface AppendQueue {
  append(boardId: string, update: Uint8Array): Promise<number>;
  /** Settles once every update appended so far is stored or has failed. */
  drain(): Promise<void>;
}

/**
 * `transaction` runs its work in one transaction on one of `pool`'s connections. The statements
 * are prepared once per connection (named), as they run many times a second.
 */
export function appendQueue(
  pool: pg.Pool,
  transaction: <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>,
): AppendQueue {
  let waiting: PendingAppend[] = [];
  let writing: Promise<void> | undefined;
  let scheduled = false;

  function schedule(): void {
    if (scheduled || writing) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      writing = writeNext().finally(() => {
        writing = undefined;
        if (waiting.length > 0) schedule();
      });
    });
  }

  async function writeNext(): Promise<void> {
    const batch = takeBatch();
    if (batch.length === 0) return;
    const boards = new Set(batch.map((item) => item.boardId));
    if (boards.size === 1) {
      await write(batch, false);
      return;
    }
    // Several boards: their rows locked in order first, in one transaction. Should that fail,
    // each board's updates are tried again on their own, so that an error one board causes
    // fails only that board (an update stored twice, should the failure have hidden a commit,
    // changes nothing: Yjs applies it once).
    const written = await write(batch, true).then(
      () => true,
      () => false,
    );
    if (written) return;
    for (const board of boards)
      await write(
        batch.filter((item) => item.boardId === board),
        false,
      );
  }

  /**
   * Stores `items` with one statement, committed on its own (one board) or in a transaction
   * that first locks the boards' rows. Settles each item; rejects (having settled nothing) only
   * when the transaction failed.
   */
  async function write(items: PendingAppend[], inTransaction: boolean): Promise<void> {
    const store = async (client: pg.Pool | pg.PoolClient) => {
      const { rows } = await client.query<{ id: string; base: string }>({
        name: 'dartboard-append-many',
        text: APPEND_MANY,
        values: [
          items.map((item) => item.boardId),
          items.map((item) => asBuffer(item.update)),
          Date.now(),
        ],
      });
      return new Map(rows.map((row) => [row.id, Number(row.base)]));
    };
    let bases: Map<string, number>;
    if (!inTransaction) {
      try {
        bases = await store(pool);
      } catch (error) {
        for (const item of items) item.reject(error);
        return;
      }
    } else {
      bases = await transaction(async (client) => {
        const ids = [...new Set(items.map((item) => item.boardId))];
        await client.query({ name: 'dartboard-lock-boards', text: LOCK_BOARDS, values: [ids] });
        return store(client);
      });
    }
    for (const item of items) {
      const base = bases.get(item.boardId);
      if (base === undefined) {
        item.reject(new Error(`cannot store an update of board ${item.boardId}: no such board`));
        continue;
      }
      bases.set(item.boardId, base + 1);
      item.resolve(base + 1);
    }
  }

  function takeBatch(): PendingAppend[] {
    let bytes = 0;
    let count = 0;
    while (count < waiting.length && count < MAX_BATCH_UPDATES && bytes < MAX_BATCH_BYTES) {
      bytes += (waiting[count] as PendingAppend).update.byteLength;
      count++;
    }
    const batch = waiting.slice(0, count);
    waiting = waiting.slice(count);
    return batch;
  }

  return {
    append(boardId, update) {
      return new Promise<number>((resolve, reject) => {
        waiting.push({ boardId, update, resolve, reject });
        schedule();
      });
    },
    async drain() {
      while (writing || scheduled || waiting.length > 0) {
        if (writing) await writing;
        else await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}
