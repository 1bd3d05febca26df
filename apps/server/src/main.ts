import { fileURLToPath } from 'node:url';
import { buildServer, DEFAULTS } from './app.js';

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

const synchronous = process.env.SQLITE_SYNCHRONOUS ?? 'normal';
if (synchronous !== 'normal' && synchronous !== 'full') {
  fail(`SQLITE_SYNCHRONOUS must be "normal" or "full", got "${synchronous}"`);
}

const host = process.env.HOST || '127.0.0.1';
const port = integer('PORT', 8080, 0, 65535);
const app = await buildServer({
  dataDir: process.env.DATA_DIR || DEFAULTS.dataDir,
  sqliteSynchronous: synchronous,
  webRoot: process.env.WEB_ROOT || fileURLToPath(new URL('../../web/dist', import.meta.url)),
  publicUrl: publicUrl(),
  trustProxy: process.env.TRUST_PROXY === 'true',
  maxMessageBytes: integer('MAX_MESSAGE_BYTES', DEFAULTS.maxMessageBytes, 1024, 64 * 1024 * 1024),
  createBoardsPerMinute: integer(
    'CREATE_BOARDS_PER_MINUTE',
    DEFAULTS.createBoardsPerMinute,
    1,
    1_000_000,
  ),
  logger: { level: process.env.LOG_LEVEL || 'info' },
});

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
  await app.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  await app.listen({ host, port });
} catch (error) {
  app.log.error({ err: error }, 'could not start');
  process.exit(1);
}
