import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildServer, DEFAULTS } from './app.js';
import { buildMetricsServer } from './metrics.js';
import { POSTGRES_DEFAULTS } from './storage/postgres.js';

// The only place that reads the environment and listens. See docs/operations.md.

function fail(message: string): never {
  console.error(`dartboard: ${message}`);
  process.exit(1);
}

function integer(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function publicUrl(): string | undefined {
  const raw = process.env.PUBLIC_URL;
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    return url.toString();
  } catch {
    return fail(`PUBLIC_URL must be an http(s) URL, got "${raw}"`);
  }
}

/**
 * TRUST_PROXY: 'false' or unset (trust no forwarding headers), 'true' (trust any sender),
 * a number of proxy hops, or comma-separated proxy addresses and CIDR ranges.
 */
function trustProxy(): boolean | number | string[] {
  const raw = (process.env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return integer('TRUST_PROXY', 0, 0, 100);
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const version = isIP(address ?? '');
    const maxBits = version === 6 ? 128 : 32;
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (version === 0 || !validBits || extra !== undefined) {
      fail(
        `TRUST_PROXY must be true, false, a hop count or proxy addresses/CIDR ranges, got "${entry}"`,
      );
    }
  }
  return entries;
}

/** DATABASE_URL: PostgreSQL (postgres:// or postgresql://) instead of SQLite under DATA_DIR. */
function databaseUrl(): string | undefined {
  const raw = process.env.DATABASE_URL;
  if (!raw) return undefined;
  let protocol = '';
  try {
    protocol = new URL(raw).protocol;
  } catch {
    // reported below, without the URL: it may hold a password
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    fail('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  return raw;
}

/** REDIS_URL: share boards with other servers on the same PostgreSQL database. */
function redisUrl(database: string | undefined): string | undefined {
  const raw = process.env.REDIS_URL;
  if (!raw) return undefined;
  let protocol = '';
  try {
    protocol = new URL(raw).protocol;
  } catch {
    // reported below, without the URL: it may hold a password
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:') {
    fail('REDIS_URL must be a redis:// or rediss:// URL');
  }
  // Servers can only share boards they all read from one database.
  if (!database) fail('REDIS_URL needs DATABASE_URL: servers sharing boards need PostgreSQL');
  return raw;
}

const synchronous = process.env.SQLITE_SYNCHRONOUS ?? 'normal';
if (synchronous !== 'normal' && synchronous !== 'full') {
  fail(`SQLITE_SYNCHRONOUS must be "normal" or "full", got "${synchronous}"`);
}

const host = process.env.HOST || '127.0.0.1';
const port = integer('PORT', 8080, 0, 65535);
const database = databaseUrl();
// Prometheus metrics on their own listener, off unless METRICS_PORT is set; localhost by default
// so that only the machine's own scraper (or one told to bind wider) can read them.
const metricsPort = process.env.METRICS_PORT ? integer('METRICS_PORT', 0, 1, 65535) : undefined;
const metricsHost = process.env.METRICS_HOST || '127.0.0.1';
const server = buildServer({
  dataDir: process.env.DATA_DIR || DEFAULTS.dataDir,
  databaseUrl: database,
  redisUrl: redisUrl(database),
  databasePoolSize: integer('DATABASE_POOL_SIZE', POSTGRES_DEFAULTS.poolSize, 1, 1000),
  sqliteSynchronous: synchronous,
  webRoot: process.env.WEB_ROOT || fileURLToPath(new URL('../../web/dist', import.meta.url)),
  publicUrl: publicUrl(),
  trustProxy: trustProxy(),
  maxMessageBytes: integer('MAX_MESSAGE_BYTES', DEFAULTS.maxMessageBytes, 1024, 64 * 1024 * 1024),
  createBoardsPerMinute: integer(
    'CREATE_BOARDS_PER_MINUTE',
    DEFAULTS.createBoardsPerMinute,
    1,
    1_000_000,
  ),
  requestsPerMinute: integer('REQUESTS_PER_MINUTE', DEFAULTS.requestsPerMinute, 1, 1_000_000),
  maxNotesPerBoard: integer('MAX_NOTES_PER_BOARD', DEFAULTS.maxNotesPerBoard, 1, 1_000_000),
  maxBoardBytes: integer('MAX_BOARD_BYTES', DEFAULTS.maxBoardBytes, 64 * 1024, 2 ** 40),
  maxConnectionsPerBoard: integer(
    'MAX_CONNECTIONS_PER_BOARD',
    DEFAULTS.maxConnectionsPerBoard,
    1,
    100_000,
  ),
  maxConnectionsPerAddress: integer(
    'MAX_CONNECTIONS_PER_ADDRESS',
    DEFAULTS.maxConnectionsPerAddress,
    1,
    100_000,
  ),
  messagesPerSecond: integer('MESSAGES_PER_SECOND', DEFAULTS.messagesPerSecond, 10, 100_000),
  maxPresenceBytes: integer('MAX_PRESENCE_BYTES', DEFAULTS.maxPresenceBytes, 256, 1024 * 1024),
  exportTimeoutMs: integer('EXPORT_TIMEOUT_MS', DEFAULTS.exportTimeoutMs, 1000, 3_600_000),
  logger: { level: process.env.LOG_LEVEL || 'info' },
  metrics: metricsPort !== undefined,
});
// Opening storage may fail (PostgreSQL unreachable, a database from a newer version): one line.
const app = await server.catch((error: unknown) =>
  fail(`could not start: ${error instanceof Error ? error.message : String(error)}`),
);
const metricsServer = app.metrics ? buildMetricsServer(app.metrics) : undefined;

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  const force = setTimeout(() => {
    app.log.error('shutdown took too long; exiting');
    process.exit(1);
  }, 10_000);
  force.unref();
  await metricsServer?.close();
  await app.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  await app.listen({ host, port });
  if (metricsServer) {
    await metricsServer.listen({ host: metricsHost, port: metricsPort });
    app.log.info({ host: metricsHost, port: metricsPort }, 'metrics on /metrics');
  }
} catch (error) {
  app.log.error({ err: error }, 'could not start');
  process.exit(1);
}
