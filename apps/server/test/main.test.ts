import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from './helpers.js';
import { freePort } from './process.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

function start(env: Record<string, string>) {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first`);
  return spawnSync(process.execPath, [MAIN], {
    env: { ...process.env, DATA_DIR: tempDataDir(), LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 10_000,
  });
}

describe('configuration from the environment', () => {
  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535, got "eighty"'],
    [{ PORT: '70000' }, 'PORT must be a whole number'],
    [{ PUBLIC_URL: 'ftp://example.com' }, 'PUBLIC_URL must be an http(s) URL'],
    [{ SQLITE_SYNCHRONOUS: 'off' }, 'SQLITE_SYNCHRONOUS must be "normal" or "full"'],
    [{ MAX_MESSAGE_BYTES: '12' }, 'MAX_MESSAGE_BYTES must be a whole number from 1024'],
    [{ TRUST_PROXY: '10.0.0.300' }, 'TRUST_PROXY must be true, false, a hop count or proxy'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY must be true, false, a hop count or proxy'],
    [{ MAX_NOTES_PER_BOARD: '0' }, 'MAX_NOTES_PER_BOARD must be a whole number from 1'],
    [{ MESSAGES_PER_SECOND: 'lots' }, 'MESSAGES_PER_SECOND must be a whole number'],
    [{ DATABASE_URL: 'mysql://db/boards' }, 'DATABASE_URL must be a postgres:// or postgresql://'],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE must be a whole number from 1 to 1000'],
    [{ REDIS_URL: 'redis://127.0.0.1:6379' }, 'REDIS_URL needs DATABASE_URL'],
    [
      { DATABASE_URL: 'postgres://db/boards', REDIS_URL: 'http://cache' },
      'REDIS_URL must be a redis:// or rediss:// URL',
    ],
  ])('refuses %o at start with a message naming the variable', (env, message) => {
    const result = start(env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`dartboard: ${message}`);
  });

  it('stops with one line naming an unreachable DATABASE_URL, without its password', async () => {
    const port = await freePort();
    const result = start({
      DATABASE_URL: `postgres://dartboard:secret-pw@127.0.0.1:${port}/boards`,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `dartboard: could not start: cannot connect to PostgreSQL at postgres://dartboard:***@127.0.0.1:${port}/boards: `,
    );
    expect(result.stderr).not.toContain('secret-pw');
  });
});
