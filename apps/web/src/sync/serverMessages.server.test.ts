// @vitest-environment jsdom
// What the server tells a page besides the board, against the real server: a refused change
// reaches the notice over the board, a replaced link ends the connection for good, a full board
// says so while the page keeps trying.
import { listZones, moveZone, refusalMessage } from '@dartboard/board';
import { waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '../api';
import { createUiStore } from '../state/ui';
import { showRefusals } from '../ui/serverNotices';
import { type BoardConnection, connectBoard } from './connection';
import {
  type Cleanups,
  type CreatedBoard,
  createBoard,
  loadNode,
  type NodeModules,
  type ServerProcess,
  startServer,
} from './realServer.testing';

let node: NodeModules;
let dataDir: string;
const cleanups: Cleanups = [];

beforeAll(async () => {
  node = await loadNode();
  // jsdom's WebSocket does not work under Vitest; the provider gets the `ws` client.
  vi.stubGlobal('WebSocket', node.WebSocket);
  dataDir = node.fs.mkdtempSync(`${node.tmpdir}/dartboard-client-messages-`);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.unstubAllEnvs();
});
afterAll(() => {
  vi.unstubAllGlobals();
  node.fs.rmSync(dataDir, { recursive: true, force: true });
});

function connect(
  server: ServerProcess,
  board: CreatedBoard,
  role: Exclude<Role, 'view'> = 'edit',
): BoardConnection {
  const connection = connectBoard({
    serverUrl: `${server.wsUrl}/sync`,
    boardId: board.id,
    token: board.tokens[role],
    name: role === 'edit' ? 'Cara' : 'Sam',
    role,
  });
  cleanups.push(() => connection.destroy());
  return connection;
}

async function live(connection: BoardConnection): Promise<void> {
  await waitFor(() => expect(connection.status()).toBe('live'), { timeout: 10_000 });
}

describe('messages from the real server', () => {
  it('shows a refused change as a notice, and the board snaps back', async () => {
    const server = await startServer(node, cleanups, dataDir);
    const board = await createBoard(server, 'Refusals');
    const cara = connect(server, board);
    await live(cara);
    const ui = createUiStore();
    cleanups.push(showRefusals(cara, ui));

    const [zone] = listZones(cara.doc);
    if (!zone) throw new Error('the DART board has zones');
    // The page would not offer it; a page that sends it anyway is refused by the server.
    moveZone(cara.doc, zone.id, zone.x + 300, zone.y);
    await waitFor(() =>
      expect(ui.getState().notice?.text).toBe(refusalMessage('edit', 'zone.move')),
    );
    expect(ui.getState().notice?.text).toBe('Only the facilitator can move zones.');
    await waitFor(() => expect(listZones(cara.doc)[0]?.x).toBe(zone.x));
    // A refused change is processed too: nothing is left to save.
    await waitFor(() => expect(cara.unsaved()).toBe(0));
  });

  it('ends in the replaced state when the facilitator replaces the link in use', async () => {
    const server = await startServer(node, cleanups, dataDir);
    const board = await createBoard(server, 'Replaced');
    const cara = connect(server, board);
    const sam = connect(server, board, 'facilitator');
    await live(cara);
    await live(sam);
    expect(cara.problem()).toBeUndefined();

    const response = await fetch(`${server.url}/api/boards/${board.id}/links/rotate`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${board.tokens.facilitator}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ role: 'edit' }),
    });
    expect(response.status).toBe(200);

    await waitFor(() => expect(cara.problem()).toBe('link_replaced'));
    expect(cara.status()).not.toBe('live');
    // It does not knock again with a link that no longer works.
    expect(cara.provider.shouldConnect).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(cara.provider.ws).toBeNull();
    // Other links are not touched.
    expect(sam.status()).toBe('live');
    expect(sam.problem()).toBeUndefined();
  });

  it('ends in the too-many-changes state when a page keeps sending refused changes', async () => {
    const server = await startServer(node, cleanups, dataDir);
    const board = await createBoard(server, 'Flood');
    const cara = connect(server, board);
    await live(cara);
    const [zone] = listZones(cara.doc);
    if (!zone) throw new Error('the DART board has zones');

    // Far more refused changes than the server takes in a minute (30).
    for (let i = 1; i <= 40; i++) moveZone(cara.doc, zone.id, zone.x + i, zone.y);
    await waitFor(() => expect(cara.problem()).toBe('too_many_changes'));
    expect(cara.provider.shouldConnect).toBe(false);
    // What was never acknowledged is not saved.
    expect(cara.unsaved()).toBeGreaterThan(0);
  });

  it('says the board is full while it keeps trying, and gets in once there is room', async () => {
    vi.stubEnv('MAX_CONNECTIONS_PER_BOARD', '1');
    const server = await startServer(node, cleanups, dataDir);
    const board = await createBoard(server, 'Full');
    const sam = connect(server, board, 'facilitator');
    await live(sam);

    const cara = connect(server, board);
    await waitFor(() => expect(cara.problem()).toBe('board_busy'));
    expect(cara.status()).toBe('connecting');
    // Still trying: the provider has not given up.
    expect(cara.provider.shouldConnect).toBe(true);

    sam.destroy();
    await live(cara);
    expect(cara.problem()).toBeUndefined();
  });
});
