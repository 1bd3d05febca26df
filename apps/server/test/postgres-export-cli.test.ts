import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addNote, type SessionSummary } from '@dartboard/board';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type CreatedBoard,
  connectClient,
  createBoard,
  startServer,
  tempDataDir,
  waitFor,
} from './helpers.js';
import { describePostgres, freshDatabaseUrl } from './postgres.js';

// The export command reading the PostgreSQL a real server wrote, as `npm run export` runs it.

const CLI = join(dirname(fileURLToPath(import.meta.url)), '../dist/cli/export.js');

let url: string;
let out: string;
let board: CreatedBoard;

function runExport(args: string[], env: Record<string, string> = {}) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, DATA_DIR: '', DATABASE_URL: '', INIT_CWD: out, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describePostgres('npm run export on PostgreSQL', () => {
  beforeAll(async () => {
    url = await freshDatabaseUrl();
    out = tempDataDir();
    const server = await startServer({ databaseUrl: url });
    try {
      board = await createBoard(server.url, { title: 'Exported from Postgres' });
      const writer = connectClient(server.wsUrl, board.id, board.tokens.edit);
      await writer.synced;
      addNote(writer.doc, { x: 10, y: 10, author: 'Ann', text: 'a note in PostgreSQL' });
      await waitFor('the note on the server', () => {
        const room = server.app.rooms.loaded(board.id);
        return !!room && room.doc.getMap('notes').size === 1;
      });
      writer.destroy();
    } finally {
      await server.cleanup();
    }
  });
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('reads the board from --database-url, and from DATABASE_URL', () => {
    for (const [args, env] of [
      [['--database-url', url], {}],
      [[], { DATABASE_URL: url }],
    ] as const) {
      const file = join(out, 'summary.json');
      const result = runExport(
        ['--board', board.id, '--format', 'json', '--out', file, ...args],
        env,
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const summary = JSON.parse(readFileSync(file, 'utf8')) as SessionSummary;
      expect(summary.title).toBe('Exported from Postgres');
      expect(summary.noteCount).toBe(1);
      rmSync(file);
    }
  });

  it('names the database, password hidden, when the board is not there', () => {
    const result = runExport(['--board', 'nosuchboard', '--database-url', url]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('no board "nosuchboard" in postgres://postgres:***@');
  });

  it('takes either --data or --database-url, not both', () => {
    const result = runExport(['--all', '--data', out, '--database-url', url]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give either --data or --database-url');
  });
});
