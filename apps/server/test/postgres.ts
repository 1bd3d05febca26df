import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';

// For tests that need PostgreSQL: the throwaway cluster postgresCluster.ts started for this run
// (its file also declares the injected value's type).

const cluster = inject('postgres');

/**
 * `describe`, skipped with the reason in its name (and on stderr) when there is no cluster, so
 * a run without PostgreSQL says so instead of passing quietly.
 */
export function describePostgres(name: string, body: () => void): void {
  if (cluster.url === null) {
    console.warn(`${name}: SKIPPED, no PostgreSQL (${cluster.skipped})`);
    describe.skip(`${name} (SKIPPED: no PostgreSQL: ${cluster.skipped})`, body);
  } else {
    describe(name, body);
  }
}

/**
 * A URL to a new, empty schema of the test cluster: a fresh database for one test, far quicker
 * to make than a CREATE DATABASE. The schema is the connection's search_path, as libpq's
 * `options` parameter sets it.
 */
export async function freshDatabaseUrl(): Promise<string> {
  if (cluster.url === null) throw new Error(`no PostgreSQL: ${cluster.skipped}`);
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  return `${cluster.url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}
