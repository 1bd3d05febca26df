// @vitest-environment jsdom
// The count of changes not saved yet (connection.unsaved, what the badge and the warning before
// leaving show) against the real server and its acknowledgements: up while a change travels or
// the server is away, back to zero once the server has stored everything.
import { addNote, listNotes } from '@dartboard/board';
import { waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
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
  dataDir = node.fs.mkdtempSync(`${node.tmpdir}/dartboard-client-unsaved-`);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(() => {
  vi.unstubAllGlobals();
  node.fs.rmSync(dataDir, { recursive: true, force: true });
});

function connect(server: ServerProcess, board: CreatedBoard, name = 'Ann'): BoardConnection {
  const connection = connectBoard({
    serverUrl: `${server.wsUrl}/sync`,
    boardId: board.id,
    token: board.tokens.edit,
    name,
    role: 'edit',
  });
  cleanups.push(() => connection.destroy());
  return connection;
}

async function live(connection: BoardConnection): Promise<void> {
  await waitFor(() => expect(connection.status()).toBe('live'), { timeout: 10_000 });
}

/** Every value the count takes, in order. */
function recordCounts(connection: BoardConnection): number[] {
  const seen = [connection.unsaved()];
  const stop = connection.onChange(() => {
    const now = connection.unsaved();
    if (seen[seen.length - 1] !== now) seen.push(now);
  });
  cleanups.push(stop);
  return seen;
}

const note = (connection: BoardConnection, text: string) =>
  addNote(connection.doc, { text, x: 40, y: 40, author: 'Ann' });

/** What a newcomer gets from the server: only what it has stored. */
async function storedTexts(server: ServerProcess, board: CreatedBoard): Promise<string[]> {
  const other = connect(server, board, 'Newcomer');
  await live(other);
  return listNotes(other.doc)
    .map((n) => n.text)
    .sort();
}

describe('unsaved changes against the real server', () => {
  it('counts a live change until the server has stored it', async () => {
    const server = await startServer(node, cleanups, dataDir);
    const board = await createBoard(server, 'Acks');
    const ann = connect(server, board);
    await live(ann);
    // The board from the server is not a change of Ann's.
    expect(ann.unsaved()).toBe(0);
    const seen = recordCounts(ann);

    note(ann, 'first');
    expect(ann.unsaved()).toBe(1);
    await waitFor(() => expect(ann.unsaved()).toBe(0));
    expect(seen).toEqual([0, 1, 0]);
    expect(await storedTexts(server, board)).toEqual(['first']);
  });

  it('keeps counting while the server does not answer, and clears once it has stored them', async () => {
    const server = await startServer(node, cleanups, dataDir);
    const board = await createBoard(server, 'Paused');
    const ann = connect(server, board);
    await live(ann);

    // The socket stays open but nothing is processed: sent is not saved.
    server.child.kill('SIGSTOP');
    note(ann, 'one');
    note(ann, 'two');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ann.status()).toBe('live');
    expect(ann.unsaved()).toBe(2);

    server.child.kill('SIGCONT');
    await waitFor(() => expect(ann.unsaved()).toBe(0));
    expect(await storedTexts(server, board)).toEqual(['one', 'two']);
  });

  it('counts the changes made while the server is away, sent or not, until the next sync is acknowledged', async () => {
    const port = await node.process.freePort();
    const server = await startServer(node, cleanups, dataDir, port);
    const board = await createBoard(server, 'Outage');
    const ann = connect(server, board);
    await live(ann);
    const seen = recordCounts(ann);

    // One change goes out but the server stops before it can store it, then dies.
    server.child.kill('SIGSTOP');
    note(ann, 'sent, never stored');
    server.child.kill('SIGKILL');
    await server.exited;
    await waitFor(() => expect(ann.status()).toBe('reconnecting'));
    expect(ann.unsaved()).toBe(1);

    // Two more while it is down: nothing can be sent.
    note(ann, 'offline one');
    note(ann, 'offline two');
    expect(ann.unsaved()).toBe(3);

    const restarted = await startServer(node, cleanups, dataDir, port);
    await live(ann);
    await waitFor(() => expect(ann.unsaved()).toBe(0));
    expect(seen).toEqual([0, 1, 2, 3, 0]);
    expect(await storedTexts(restarted, board)).toEqual([
      'offline one',
      'offline two',
      'sent, never stored',
    ]);
  });
});
