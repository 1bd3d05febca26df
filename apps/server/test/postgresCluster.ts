import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './process.js';

// Vitest global setup of the `postgres` project (vite.config.ts): a throwaway PostgreSQL cluster
// in a temporary folder on a free port, started before the PostgreSQL tests and deleted after
// them. When it cannot be started, those tests are skipped and this says why.

declare module 'vitest' {
  export interface ProvidedContext {
    /** The cluster's superuser URL, or null with the reason the PostgreSQL tests are skipped. */
    postgres: { url: string; skipped: null } | { url: null; skipped: string };
  }
}

/** POSTGRES_BIN, else the newest installed PostgreSQL's bin folder (Debian's layout). */
function binaries(): string | undefined {
  const chosen = process.env.POSTGRES_BIN;
  if (chosen) return existsSync(join(chosen, 'initdb')) ? chosen : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/** The uid to run PostgreSQL as when we are root (it refuses to run as root), else undefined. */
function postgresUid(): number | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  if (id.status !== 0) throw new Error('running as root, and there is no postgres user to run as');
  return Number(id.stdout.trim());
}

/**
 * Starts a throwaway cluster: its superuser URL, its data folder (postmaster.pid names the
 * postmaster) and how to stop and delete it. Also used by `npm run bench:instances`.
 */
export async function startCluster(): Promise<{ url: string; data: string; stop: () => void }> {
  const bin = binaries();
  if (!bin) {
    throw new Error(
      `PostgreSQL is not installed (no initdb in ${process.env.POSTGRES_BIN || '/usr/lib/postgresql/<version>/bin'}); run \`bash scripts/ensure-postgres.sh\``,
    );
  }
  const uid = postgresUid();
  const dir = mkdtempSync(join(tmpdir(), 'dartboard-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'log');
  const passwordFile = join(dir, 'password');
  const password = randomBytes(12).toString('hex');
  writeFileSync(passwordFile, password);
  if (uid !== undefined) {
    chownSync(dir, uid, -1);
    chownSync(passwordFile, uid, -1);
  }
  const run = (command: string, args: string[]) => {
    const [file, argv] =
      uid === undefined
        ? [join(bin, command), args]
        : ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]];
    const result = spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) {
      const logged = existsSync(log) ? readFileSync(log, 'utf8') : '';
      const why = result.error?.message ?? result.stderr;
      throw new Error(`${command} failed: ${why}\n${logged}`.trim());
    }
  };
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    run('initdb', [
      ...['-D', data, '-U', 'postgres', '--pwfile', passwordFile, '-E', 'UTF8'],
      // Trust on the socket in our own folder only; over TCP the tests log in with the password.
      ...['--auth-local=trust', '--auth-host=scram-sha-256', '--no-sync'],
    ]);
  } catch (error) {
    remove();
    throw error;
  }
  const port = await freePort();
  try {
    run('pg_ctl', [
      ...['-D', data, '-l', log, '-w', '-t', '60'],
      ...['-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start'],
    ]);
  } catch (error) {
    remove();
    throw error;
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    data,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        remove();
      }
    },
  };
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  try {
    const cluster = await startCluster();
    project.provide('postgres', { url: cluster.url, skipped: null });
    return () => cluster.stop();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(
      `\n*** PostgreSQL tests SKIPPED: no throwaway cluster could be started.\n${reason}\n`,
    );
    project.provide('postgres', { url: null, skipped: reason.split('\n')[0] ?? reason });
    return undefined;
  }
}
