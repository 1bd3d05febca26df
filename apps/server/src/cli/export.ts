import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULTS } from '../app.js';
import { createExportPool, type ExportPool } from '../export/exportPool.js';
import { ExportOptionError, type ExportOptions } from '../export/exportTask.js';
import { EXPORT_FORMATS, isExportFormat } from '../export/formats.js';
import { summaryOptions } from '../export/summaryOptions.js';
import { openPostgresStorage, redactUrl } from '../storage/postgres.js';
import { openSqliteStorage } from '../storage/sqlite.js';
import type { BoardRecord, Storage } from '../storage/types.js';

// `npm run export -- --board <id> --format pdf --out <file>`: session summaries written from the
// data directory, without a running server, in every format of the download route (the same
// EXPORT_FORMATS registry, run in the same export pool). See docs/operations.md.

const USAGE = `Usage: npm run export -- (--board <id> | --all) [options]

  --board <id>      export one board
  --all             export every board, one file each, named like the download
  --format <name>   ${Object.keys(EXPORT_FORMATS).join(', ')} (default md)
  --out <path>      the file to write (--board), or the folder to write into (--all, created
                    if missing); default: the current folder, under the download's name
  --data <dir>      the server's data directory (default: $DATA_DIR, else ${DEFAULTS.dataDir})
  --database-url <url>
                    the server's PostgreSQL, postgres://… (default: $DATABASE_URL unless --data)
  --zone <id>       format option, as the route's zone=
  --scale <n>       format option, as the route's scale=
  --help            show this

Exit codes: 0 done, 1 could not read or write, 2 wrong arguments or format, 3 data directory,
database or board not found.`;

/** Per board: no live session waits here, so only a stuck export is stopped. */
const EXPORT_TIMEOUT_MS = 5 * 60_000;

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const EXIT_NOT_FOUND = 3;

/** A failure the user is told about in one line, with the exit code it ends in. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Arguments {
  boardId: string | undefined;
  /** A name of EXPORT_FORMATS. */
  format: string;
  out: string | undefined;
  dataDir: string;
  /** PostgreSQL to read instead of the data directory. */
  databaseUrl: string | undefined;
  options: ExportOptions;
}

/** The options that take a value: a board or zone id may itself start with "-". */
const VALUE_OPTIONS = new Set([
  '--board',
  '--format',
  '--out',
  '--data',
  '--database-url',
  '--zone',
  '--scale',
]);

const FLAGS = new Set(['--all', '--help', '-h', '--']);

/**
 * `--board -AbC` as `--board=-AbC`: a board id is base64url, so one in 64 starts with "-", which
 * parseArgs would otherwise take for an option of its own.
 */
function joinValues(args: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    const isOption = next === undefined || VALUE_OPTIONS.has(next) || FLAGS.has(next);
    if (VALUE_OPTIONS.has(arg) && !isOption && next?.startsWith('-')) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

function readArguments(args: string[]): Arguments | 'help' {
  let values: ReturnType<typeof parse>['values'];
  const parse = (argv: string[]) =>
    parseArgs({
      args: argv,
      strict: true,
      options: {
        board: { type: 'string' },
        all: { type: 'boolean' },
        format: { type: 'string', default: 'md' },
        out: { type: 'string' },
        data: { type: 'string' },
        'database-url': { type: 'string' },
        zone: { type: 'string' },
        scale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  try {
    ({ values } = parse(joinValues(args)));
  } catch (error) {
    throw new CliError(`${reason(error)}\n\n${USAGE}`, EXIT_USAGE);
  }
  if (values.help) return 'help';
  if ((values.board === undefined) === (values.all !== true)) {
    throw new CliError(`give either --board <id> or --all\n\n${USAGE}`, EXIT_USAGE);
  }
  const format = values.format;
  if (!isExportFormat(format)) {
    const list = Object.keys(EXPORT_FORMATS).join(', ');
    throw new CliError(`unknown format "${format}": use one of ${list}`, EXIT_USAGE);
  }
  const databaseUrl =
    values['database-url'] ?? (values.data === undefined ? process.env.DATABASE_URL : undefined);
  if (values['database-url'] !== undefined && values.data !== undefined) {
    throw new CliError(`give either --data or --database-url\n\n${USAGE}`, EXIT_USAGE);
  }
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new CliError('the database URL must start with postgres:// or postgresql://', EXIT_USAGE);
  }
  // npm runs scripts from the project's root: paths the user typed are theirs (INIT_CWD); the
  // default data directory is the server's, which `npm start` also resolves from the root.
  const typedFrom = process.env.INIT_CWD || process.cwd();
  return {
    boardId: values.board,
    format,
    out: values.out === undefined ? undefined : resolve(typedFrom, values.out),
    dataDir:
      values.data === undefined
        ? resolve(process.env.DATA_DIR || DEFAULTS.dataDir)
        : resolve(typedFrom, values.data),
    databaseUrl: databaseUrl || undefined,
    options: { zone: values.zone, scale: values.scale },
  };
}

/** Where the boards are read from, for messages: the data directory or the database. */
function source(args: Arguments): string {
  return args.databaseUrl ? redactUrl(args.databaseUrl) : args.dataDir;
}

async function openStorage(args: Arguments): Promise<Storage> {
  if (args.databaseUrl) {
    // Unlike a missing SQLite file, an empty database is not refused: it is migrated, as a
    // server start would, and has no boards.
    return openPostgresStorage({ url: args.databaseUrl }).catch((error: unknown) => {
      throw new CliError(reason(error), EXIT_FAILED);
    });
  }
  const dataDir = args.dataDir;
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    throw new CliError(`no data directory at ${dataDir}`, EXIT_NOT_FOUND);
  }
  const file = join(dataDir, 'dartboard.sqlite');
  if (!existsSync(file)) {
    throw new CliError(`no database in ${dataDir} (dartboard.sqlite is missing)`, EXIT_NOT_FOUND);
  }
  try {
    return openSqliteStorage({ file, mustExist: true });
  } catch (error) {
    throw new CliError(`cannot open ${file}: ${reason(error)}`, EXIT_FAILED);
  }
}

/** The board's summary in `format`, with its file name as the download would have it. */
async function render(
  pool: ExportPool,
  storage: Storage,
  board: BoardRecord,
  args: Arguments,
  now: Date,
): Promise<{ name: string; body: Uint8Array }> {
  try {
    const [{ updates }, summary] = await Promise.all([
      storage.loadDocument(board.id),
      summaryOptions(storage, board.id, now),
    ]);
    const { body, fileName } = await pool.run({
      format: args.format,
      updates,
      summary,
      options: args.options,
      thisYear: now.getFullYear(),
    });
    return { name: fileName.name, body };
  } catch (error) {
    if (error instanceof ExportOptionError) throw new CliError(error.message, EXIT_USAGE);
    throw new CliError(`cannot export board ${board.id}: ${reason(error)}`, EXIT_FAILED);
  }
}

function write(path: string, body: Uint8Array): void {
  try {
    writeFileSync(path, body);
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${reason(error)}`, EXIT_FAILED);
  }
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** The folder `--all` writes into, created when missing. */
function outputFolder(path: string): string {
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    throw new CliError(`cannot write to ${path}: ${reason(error)}`, EXIT_FAILED);
  }
  if (!isDirectory(path)) throw new CliError(`${path} is not a folder`, EXIT_FAILED);
  return path;
}

/** `name`, or `name-2`, `name-3`… before its extension when this run already wrote `name`. */
function unique(name: string, used: Set<string>): string {
  const dot = name.lastIndexOf('.');
  let candidate = name;
  for (let n = 2; used.has(candidate); n++) {
    candidate = `${name.slice(0, dot)}-${n}${name.slice(dot)}`;
  }
  used.add(candidate);
  return candidate;
}

async function exportBoards(args: Arguments): Promise<void> {
  const storage = await openStorage(args);
  const pool = createExportPool({ timeoutMs: EXPORT_TIMEOUT_MS });
  try {
    const now = new Date();
    if (args.boardId !== undefined) {
      const board = await storage.getBoard(args.boardId);
      if (!board)
        throw new CliError(`no board "${args.boardId}" in ${source(args)}`, EXIT_NOT_FOUND);
      // A big board's picture or report takes seconds: say what runs, on a terminal only.
      const progress = process.stderr.isTTY;
      if (progress) process.stderr.write(`exporting board ${board.id} as ${args.format}…`);
      const { name, body } = await render(pool, storage, board, args, now).finally(() => {
        if (progress) process.stderr.write('\r\x1b[K');
      });
      const out = args.out ?? resolve(process.env.INIT_CWD || process.cwd());
      const path = isDirectory(out) ? join(out, name) : out;
      write(path, body);
      process.stdout.write(`${path}\n`);
      return;
    }
    const boards = await storage.listBoards();
    const folder = outputFolder(args.out ?? resolve(process.env.INIT_CWD || process.cwd()));
    if (boards.length === 0) process.stderr.write(`no boards in ${source(args)}\n`);
    const used = new Set<string>();
    // Progress on a terminal only; the paths written go to stdout, one a line, as they are.
    const progress = process.stderr.isTTY;
    for (const [index, board] of boards.entries()) {
      const { name, body } = await render(pool, storage, board, args, now);
      const path = join(folder, unique(name, used));
      write(path, body);
      // The progress line is cleared first, so paths and progress do not mix on one terminal.
      if (progress) process.stderr.write('\r\x1b[K');
      process.stdout.write(`${path}\n`);
      if (progress) process.stderr.write(`${index + 1}/${boards.length} boards`);
    }
    if (progress && boards.length > 0) process.stderr.write('\n');
  } finally {
    await pool.close();
    await storage.close();
  }
}

async function main(argv: string[]): Promise<number> {
  try {
    const args = readArguments(argv);
    if (args === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    await exportBoards(args);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`dartboard export: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`dartboard export: ${reason(error)}\n`);
    return EXIT_FAILED;
  }
}

process.exitCode = await main(process.argv.slice(2));
