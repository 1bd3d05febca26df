import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './process.js';

// Vitest global setup of the `postgres` project (vite.config.ts), beside the PostgreSQL
// cluster: a throwaway Redis on a free port, without persistence, in a temporary folder,
// stopped and deleted after the run. When it cannot be started, the tests that need it are
// skipped and this says why.

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Redis URL, or null with the reason the Redis tests are skipped. */
    redis: { url: string; skipped: null } | { url: null; skipped: string };
  }
}

/** Starts redis-server on `port` (default: a free one) and waits until it answers. */
export async function startRedis(
  port?: number,
): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const binary = process.env.REDIS_SERVER || 'redis-server';
  if (spawnSync(binary, ['--version']).status !== 0) {
    throw new Error(`${binary} is not installed; run \`bash scripts/ensure-redis.sh\``);
  }
  const dir = mkdtempSync(join(tmpdir(), 'dartboard-redis-'));
  port ??= await freePort();
  const child: ChildProcess = spawn(
    binary,
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
      ...['--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'warning'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ping = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' });
    if (ping.stdout?.trim() === 'PONG') break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, pid: child.pid as number, stop };
}

export default async function setup(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  try {
    const redis = await startRedis();
    project.provide('redis', { url: redis.url, skipped: null });
    return () => redis.stop();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`\n*** Redis tests SKIPPED: no throwaway Redis could be started.\n${reason}\n`);
    project.provide('redis', { url: null, skipped: reason.split('\n')[0] ?? reason });
    return undefined;
  }
}
