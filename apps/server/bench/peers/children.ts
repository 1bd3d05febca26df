// The child processes of a benchmark (servers and the load generator), each pinned to a core
// with taskset. Every one still running is killed when the benchmark ends, however it ends, so
// no server is left behind.
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Job } from './messages.js';
import { RESULT_PREFIX } from './messages.js';

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

/** Starts `node …args` on `core`, its output piped. */
export function pinned(
  core: string,
  args: string[],
  env: Record<string, string> = {},
): ChildProcess {
  const child = spawn('taskset', ['-c', core, process.execPath, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Resolves with the exit code once `child` has exited (at once if it has). */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Asks `child` to stop (SIGTERM), kills it if it has not after 10 s, and waits for it. */
export async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited(child);
  clearTimeout(timer);
}

const generatorScript = fileURLToPath(new URL('./generator.ts', import.meta.url));

/**
 * Runs one job in a fresh load generator on `core` (its job file in `jobDir`) and returns what
 * it printed as its result; its stderr passes through.
 */
export async function generate<T>(job: Job, core: string, jobDir: string): Promise<T> {
  const path = join(jobDir, 'job.json');
  writeFileSync(path, JSON.stringify(job));
  const child = pinned(core, ['--import', 'tsx', generatorScript, path]);
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 10 * 60_000);
  const code = await exited(child);
  clearTimeout(timer);
  const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (code !== 0 || !line) throw new Error(`the generator failed (exit ${code})`);
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as T;
}
