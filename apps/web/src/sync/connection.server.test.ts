// @vitest-environment jsdom
// The browser client's connection badge (useConnectionStatus) against the real server, started
// as `npm start` starts it: live once the board has arrived, reconnecting while the server is
// down, live again after a restart, offline when the browser says so.
import { act, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type BoardConnection, connectBoard } from './connection';
import {
  type Cleanups,
  type CreatedBoard,
  createBoard,
  loadNode,
  type NodeModules,
  type ServerProcess,
  startServer as startRealServer,
} from './realServer.testing';
import { renderStatus } from './renderStatus.testing';

let node: NodeModules;

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// jsdom's WebSocket does not work under Vitest (its events come from another realm), so the
// provider gets the `ws` client, the WebSocket that y-websocket itself supports in Node.
beforeAll(async () => {
  node = await loadNode();
  vi.stubGlobal('WebSocket', node.WebSocket);
});
afterAll(() => {
  vi.unstubAllGlobals();
});

function startServer(dataDir: string, port: number): Promise<ServerProcess> {
  return startRealServer(node, cleanups, dataDir, port);
}

const editLink = (board: CreatedBoard) => ({ id: board.id, token: board.tokens.edit });

function connect(server: ServerProcess, board: { id: string; token: string }): BoardConnection {
  const connection = connectBoard({
    serverUrl: `${server.wsUrl}/sync`,
    boardId: board.id,
    token: board.token,
    name: 'Ann',
    role: 'edit',
  });
  cleanups.push(() => connection.destroy());
  return connection;
}

function renderStatusUntilCleanup(connection: BoardConnection) {
  const rendered = renderStatus(connection);
  cleanups.push(() => rendered.hook.unmount());
  return rendered;
}

/** Makes the browser report `online`, and fires the event it would fire. */
function setOnline(online: boolean) {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
  cleanups.push(() => {
    Reflect.deleteProperty(window.navigator, 'onLine');
  });
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}

describe('useConnectionStatus against the real server', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = node.fs.mkdtempSync(`${node.tmpdir}/dartboard-client-status-`);
  });
  afterAll(() => {
    node.fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('goes from connecting to live once the board has arrived', async () => {
    const server = await startServer(dataDir, await node.process.freePort());
    const { hook, seen } = renderStatusUntilCleanup(
      connect(server, editLink(await createBoard(server, 'Status'))),
    );
    expect(seen[0]).toBe('connecting');
    await waitFor(() => expect(hook.result.current).toBe('live'));
    expect(seen).toEqual(['connecting', 'live']);
  });

  it('shows reconnecting while the server is down and live again after it restarts', async () => {
    const port = await node.process.freePort();
    const server = await startServer(dataDir, port);
    const board = editLink(await createBoard(server, 'Status'));
    const { hook, seen } = renderStatusUntilCleanup(connect(server, board));
    await waitFor(() => expect(hook.result.current).toBe('live'));

    server.child.kill('SIGKILL');
    await server.exited;
    await waitFor(() => expect(hook.result.current).toBe('reconnecting'));
    setOnline(false);
    expect(hook.result.current).toBe('offline');
    setOnline(true);
    expect(hook.result.current).toBe('reconnecting');

    await startServer(dataDir, port);
    await waitFor(() => expect(hook.result.current).toBe('live'), { timeout: 10_000 });
    expect(seen).toEqual(['connecting', 'live', 'reconnecting', 'offline', 'reconnecting', 'live']);
  });

  it('never shows live for a link the server refuses', async () => {
    const server = await startServer(dataDir, await node.process.freePort());
    const board = editLink(await createBoard(server, 'Status'));
    const connection = connect(server, { id: board.id, token: 'not-the-token-of-this-board' });
    const { hook, seen } = renderStatusUntilCleanup(connection);
    // Wait for two refused attempts: the first one and the retry.
    for (let attempt = 0; attempt < 2; attempt++) {
      await new Promise((resolve) => connection.provider.once('connection-close', resolve));
    }
    expect(hook.result.current).toBe('connecting');
    expect(seen).toEqual(['connecting']);
  });
});
