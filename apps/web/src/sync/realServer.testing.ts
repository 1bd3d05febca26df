// The real server for the web client's integration tests: the built server started as
// `npm start` starts it (apps/server/test/process.ts), the `ws` client as the provider's
// WebSocket, a throwaway data folder.
//
// Node modules are imported by computed names, with the little of their API used here typed
// below, so that Node's type definitions stay out of the browser app's typecheck.

export interface ServerProcess {
  url: string;
  wsUrl: string;
  child: { kill(signal: string): boolean; exitCode: number | null; signalCode: string | null };
  exited: Promise<unknown>;
}
export interface NodeModules {
  process: {
    freePort(): Promise<number>;
    spawnServer(dataDir: string, port: number): Promise<ServerProcess>;
  };
  fs: {
    mkdtempSync(prefix: string): string;
    rmSync(path: string, options: { recursive: boolean; force: boolean }): void;
  };
  tmpdir: string;
  WebSocket: unknown;
}

const load = (name: string) => import(/* @vite-ignore */ name);
const SERVER_PROCESS = `${import.meta.url.slice(0, import.meta.url.lastIndexOf('/apps/web/'))}/apps/server/test/process.ts`;

export async function loadNode(): Promise<NodeModules> {
  const [process, fs, os, ws] = await Promise.all([
    load(SERVER_PROCESS),
    load('node:fs'),
    load('node:os'),
    load('ws'),
  ]);
  return { process, fs, tmpdir: os.tmpdir(), WebSocket: ws.WebSocket };
}

/** Cleanups run in reverse order by the test file's afterEach. */
export type Cleanups = (() => unknown)[];

/** Starts the server on `port` (a free one by default); killed when the test ends, if still up. */
export async function startServer(
  node: NodeModules,
  cleanups: Cleanups,
  dataDir: string,
  port?: number,
): Promise<ServerProcess> {
  const server = await node.process.spawnServer(dataDir, port ?? (await node.process.freePort()));
  cleanups.push(async () => {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGCONT');
      server.child.kill('SIGKILL');
      await server.exited;
    }
  });
  return server;
}

export interface CreatedBoard {
  id: string;
  tokens: { facilitator: string; edit: string; view: string };
}

/** Creates a DART board through the HTTP API. */
export async function createBoard(server: ServerProcess, title = 'Test'): Promise<CreatedBoard> {
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (response.status !== 201) throw new Error(`board not created: ${response.status}`);
  return (await response.json()) as CreatedBoard;
}
