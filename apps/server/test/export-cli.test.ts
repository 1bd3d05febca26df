import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addNote, defaultPrep, type SessionSummary } from '@dartboard/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStorage } from '../src/storage/sqlite.js';
import {
  type CreatedBoard,
  connectClient,
  createBoard,
  saveFirstPrep,
  startServer,
  tempDataDir,
  waitFor,
} from './helpers.js';

// The export command on a data directory a real server wrote and left: run as a child process,
// as `npm run export` runs it (the built apps/server/dist/cli/export.js).

const CLI = join(dirname(fileURLToPath(import.meta.url)), '../dist/cli/export.js');

let dataDir: string;
let out: string;
let acme: CreatedBoard;
let other: CreatedBoard;

function runExport(...args: string[]) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, DATA_DIR: '', INIT_CWD: out },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  dataDir = tempDataDir();
  out = tempDataDir();
  const server = await startServer({ dataDir });
  try {
    acme = await createBoard(server.url, { title: 'Acme: renewal' });
    // A second board under the same title: --all must not write one over the other.
    other = await createBoard(server.url, { title: 'Acme: renewal' });
    const prep = {
      ...defaultPrep(),
      goal: 'Agree a pilot',
      summary: { goal: true, customer: false },
    };
    const saved = await saveFirstPrep(server.url, acme, prep);
    expect(saved.status).toBe(200);
    const cara = connectClient(server.wsUrl, acme.id, acme.tokens.edit);
    cara.provider.awareness.setLocalStateField('user', { name: 'Cara Customer', color: '#2563eb' });
    await cara.synced;
    addNote(cara.doc, { x: -900, y: -900, author: 'Cara Customer', text: 'Pilot in one depot' });
    await waitFor('the note on the server', () => {
      const room = server.app.rooms.loaded(acme.id);
      return !!room && room.doc.getMap('notes').size === 1;
    });
    for (let i = 0; i < 500 && (await server.app.storage.listVisits(acme.id)).length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    cara.destroy();
  } finally {
    await server.close();
  }
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('npm run export', () => {
  it('writes one board as Markdown, with its preparation choices and participants', () => {
    const file = join(out, 'acme.md');
    const result = runExport('--board', acme.id, '--data', dataDir, '--out', file);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${file}\n`);
    const md = readFileSync(file, 'utf8');
    expect(md).toMatch(/^# Acme: renewal\n/);
    expect(md).toContain('- Pilot in one depot — *Cara Customer*');
    expect(md).toContain('**Goal:** Agree a pilot');
    expect(md).toMatch(/Participants: Cara Customer \(participant, \d\d:\d\d/);
  });

  it('takes a board id that starts with "-", as one in 64 does', async () => {
    // Written straight into a data directory of its own: ids are random, this one is chosen.
    const dashDir = tempDataDir();
    const storage = openSqliteStorage({ file: join(dashDir, 'dartboard.sqlite') });
    const doc = new Y.Doc();
    addNote(doc, { x: 0, y: 0, author: 'Dana', text: 'Dash first' });
    const id = '-dashFirstBoard0';
    await storage.createBoard(
      { id, title: 'Dash', template: 'blank', createdAt: Date.now() },
      [],
      Y.encodeStateAsUpdate(doc),
    );
    await storage.close();
    const file = join(out, 'dash.md');
    const result = runExport('--board', id, '--data', dashDir, '--out', file);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('Dash first');
    // An option where a value belongs is still an option.
    expect(runExport('--board', '--all', '--data', dashDir).code).toBe(2);
    rmSync(dashDir, { recursive: true, force: true });
  });

  it('writes JSON into a folder under the download name, relative to where it was run', () => {
    mkdirSync(join(out, 'json'));
    const result = runExport(
      '--board',
      acme.id,
      '--data',
      dataDir,
      '--format',
      'json',
      '--out',
      'json',
    );
    expect(result.code).toBe(0);
    const [name] = readdirSync(join(out, 'json'));
    expect(name).toMatch(/^dartboard-acme-renewal-\d{4}-\d\d-\d\d\.json$/);
    const summary = JSON.parse(
      readFileSync(join(out, 'json', name ?? ''), 'utf8'),
    ) as SessionSummary;
    expect(summary.title).toBe('Acme: renewal');
    expect(summary.noteCount).toBe(1);
    expect(summary.session.goal).toBe('Agree a pilot');
    expect(summary.participants).toEqual([
      expect.objectContaining({ name: 'Cara Customer', role: 'edit' }),
    ]);
    expect(summary.participants[0]?.firstSeenAt).toMatch(/^\d{4}-/);
  });

  it('writes every board with --all, one file each', () => {
    const folder = join(out, 'all', 'nested');
    const result = runExport('--all', '--format', 'json', '--data', dataDir, '--out', folder);
    expect(result.code).toBe(0);
    const names = readdirSync(folder).sort();
    expect(names).toHaveLength(2);
    expect(names.filter((n) => /^dartboard-acme-renewal-[\d-]{10}(-2)?\.json$/.test(n))).toEqual(
      names,
    );
    expect(result.stdout.trim().split('\n').sort()).toEqual(names.map((n) => join(folder, n)));
    const counts = names.map(
      (n) => (JSON.parse(readFileSync(join(folder, n), 'utf8')) as SessionSummary).noteCount,
    );
    expect(counts.sort()).toEqual([0, 1]);
    expect(other.id).not.toBe(acme.id);
  });

  it.each([
    [['--board', 'nosuchboard'], 3, 'no board "nosuchboard"'],
    [['--board', 'x', '--format', 'docx'], 2, 'unknown format "docx": use one of md, json'],
    [['--all', '--board', 'x'], 2, 'give either --board <id> or --all'],
    [[], 2, 'give either --board <id> or --all'],
    [['--all', '--bogus'], 2, "Unknown option '--bogus'"],
  ])('refuses %o with exit %i and a message', (args, code, message) => {
    const result = runExport(...args, '--data', dataDir, '--out', join(out, 'refused'));
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(existsSync(join(out, 'refused'))).toBe(false);
  });

  it('refuses a missing data directory, creating nothing there', () => {
    const missing = join(out, 'no-data');
    const result = runExport('--all', '--data', missing);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`no data directory at ${missing}`);
    expect(existsSync(missing)).toBe(false);
    const empty = join(out, 'empty-data');
    mkdirSync(empty);
    const noDatabase = runExport('--all', '--data', empty);
    expect(noDatabase.code).toBe(3);
    expect(noDatabase.stderr).toContain('dartboard.sqlite is missing');
    expect(readdirSync(empty)).toEqual([]);
  });

  it('refuses an output it cannot write', () => {
    const blocker = join(out, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const single = runExport('--board', acme.id, '--data', dataDir, '--out', join(blocker, 'x.md'));
    expect(single.code).toBe(1);
    expect(single.stderr).toContain(`cannot write ${join(blocker, 'x.md')}`);
    const all = runExport('--all', '--data', dataDir, '--out', join(blocker, 'dir'));
    expect(all.code).toBe(1);
    expect(all.stderr).toContain(`cannot write to ${join(blocker, 'dir')}`);
  });
});
