import { describe, inject } from 'vitest';

// For tests of servers sharing boards: they need the throwaway PostgreSQL (postgres.ts) and the
// throwaway Redis (redisServer.ts) of the `postgres` project.

const cluster = inject('postgres');
const redis = inject('redis');

/** `describe`, skipped with the reason in its name (and on stderr) without PostgreSQL or Redis. */
export function describeFanOut(name: string, body: () => void): void {
  const missing =
    cluster.url === null
      ? `no PostgreSQL: ${cluster.skipped}`
      : redis.url === null
        ? `no Redis: ${redis.skipped}`
        : undefined;
  if (missing) {
    console.warn(`${name}: SKIPPED, ${missing}`);
    describe.skip(`${name} (SKIPPED: ${missing})`, body);
  } else {
    describe(name, body);
  }
}

export function redisUrl(): string {
  if (redis.url === null) throw new Error(`no Redis: ${redis.skipped}`);
  return redis.url;
}
