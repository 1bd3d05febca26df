import { addNote, listNotes, listZones, moveNote, readNote, setNoteText } from '@dartboard/board';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  type CreatedBoard,
  connectClient,
  createBoard,
  openRawSocket,
  startServer,
  type TestClient,
  type TestServer,
  waitFor,
} from './helpers.js';

let server: TestServer;
let board: CreatedBoard;
const clients: TestClient[] = [];

function client(token: string, boardId = board.id): TestClient {
  const c = connectClient(server.wsUrl, boardId, token);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.cleanup());
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  board = await createBoard(server.url, { title: 'Sync' });
});

describe('relay', () => {
  it('gives a new client the DART board and makes two clients converge', async () => {
    board = await createBoard(server.url, { title: 'Sync' });
    const facilitator = client(board.tokens.facilitator);
    const customer = client(board.tokens.edit);
    await Promise.all([facilitator.synced, customer.synced]);
    expect(listZones(customer.doc).map((z) => z.title)).toEqual([
      'Dialogue',
      'Access',
      'Risk assessment',
      'Transparency',
    ]);

    const a = addNote(facilitator.doc, { x: 10, y: 10, author: 'Sam', text: 'Goals' });
    const b = addNote(customer.doc, { x: 20, y: 20, author: 'Chris', text: 'Budget' });
    await waitFor(
      'each sees the other',
      () => !!readNote(customer.doc, a) && !!readNote(facilitator.doc, b),
    );
    setNoteText(customer.doc, a, 'Goals for Q3');
    moveNote(facilitator.doc, b, 400, 300);
    await waitFor('convergence', () => {
      const left = JSON.stringify(listNotes(facilitator.doc));
      return (
        left === JSON.stringify(listNotes(customer.doc)) &&
        readNote(facilitator.doc, a)?.text === 'Goals for Q3'
      );
    });
    expect(readNote(customer.doc, b)).toMatchObject({ x: 400, y: 300, text: 'Budget' });
  });

  it('gives a late joiner the full board', async () => {
    const first = client(board.tokens.facilitator);
    await first.synced;
    for (let i = 0; i < 50; i++)
      addNote(first.doc, { x: i * 10, y: 0, author: 'Sam', text: `note ${i}` });
    const late = client(board.tokens.view);
    await late.synced;
    await waitFor('all notes', () => listNotes(late.doc).length === 50);
    expect(listNotes(late.doc).map((n) => n.text)).toEqual(listNotes(first.doc).map((n) => n.text));
  });

  it('does not echo an update back to the connection it came from', async () => {
    const raw = await openRawSocket(server.wsUrl, board.id, board.tokens.edit);
    const observer = client(board.tokens.view);
    await observer.synced;
    await waitFor('server sync step 1', () => raw.received.length > 0);
    const before = raw.received.length;

    const doc = new Y.Doc();
    addNote(doc, { x: 0, y: 0, author: 'Raw', text: 'from raw' });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
    raw.socket.send(encoding.toUint8Array(encoder));

    await waitFor('relay to the observer', () =>
      listNotes(observer.doc).some((n) => n.text === 'from raw'),
    );
    // Give a wrongly echoed frame time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const syncFrames = raw.received.slice(before).filter((frame) => frame[0] === 0);
    expect(syncFrames).toEqual([]);
    raw.socket.close();
  });

  it('relays presence between clients and removes it when a client leaves', async () => {
    const a = client(board.tokens.facilitator);
    const b = client(board.tokens.view);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { name: 'Sam', color: '#f00' });
    b.provider.awareness.setLocalStateField('user', { name: 'Viewer', color: '#0f0' });
    const aId = a.doc.clientID;
    const bId = b.doc.clientID;
    await waitFor(
      'b sees a',
      () => b.provider.awareness.getStates().get(aId)?.user?.name === 'Sam',
    );
    // A view link's presence flows too: the facilitator sees who is watching.
    await waitFor(
      'a sees b',
      () => a.provider.awareness.getStates().get(bId)?.user?.name === 'Viewer',
    );
    a.provider.disconnect();
    await waitFor('a gone for b', () => !b.provider.awareness.getStates().has(aId));
  });
});

describe('access on the socket', () => {
  it('refuses a wrong token with 401 and an unknown board with 404 before the upgrade', async () => {
    const { upgradeStatus } = await import('./helpers.js');
    expect(await upgradeStatus(`${server.wsUrl}/sync/${board.id}?token=${'x'.repeat(43)}`)).toBe(
      401,
    );
    expect(await upgradeStatus(`${server.wsUrl}/sync/${board.id}`)).toBe(401);
    expect(
      await upgradeStatus(`${server.wsUrl}/sync/unknownboard?token=${board.tokens.edit}`),
    ).toBe(404);
    expect(await upgradeStatus(`${server.wsUrl}/sync/${board.id}?token=${board.tokens.view}`)).toBe(
      101,
    );
  });

  it('drops every write from a view link: not applied, stored or relayed', async () => {
    const editor = client(board.tokens.edit);
    const viewer = client(board.tokens.view);
    await Promise.all([editor.synced, viewer.synced]);
    addNote(viewer.doc, { x: 0, y: 0, author: 'Viewer', text: 'sneaky' });
    const zone = listZones(viewer.doc)[0];
    if (!zone) throw new Error('no zone');
    viewer.doc.getMap('zones').delete(zone.id);
    addNote(editor.doc, { x: 0, y: 0, author: 'Editor', text: 'legit' });

    await waitFor('viewer sees the editor', () =>
      listNotes(viewer.doc).some((n) => n.text === 'legit'),
    );
    await server.app.rooms.loaded(board.id)?.flushed();
    expect(listNotes(editor.doc).map((n) => n.text)).toEqual(['legit']);
    expect(listZones(editor.doc)).toHaveLength(4);

    // A fresh client, loading from the server, sees no trace of the viewer's writes either.
    const fresh = client(board.tokens.facilitator);
    await fresh.synced;
    expect(listNotes(fresh.doc).map((n) => n.text)).toEqual(['legit']);
    expect(listZones(fresh.doc)).toHaveLength(4);
  });
});
