import { addNote, listNotes, readNote, setNoteText } from '@dartboard/board';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  type CreatedBoard,
  connectClient,
  createBoard,
  openRawSocket,
  type RawSocket,
  startServer,
  type TestServer,
  waitFor,
} from './helpers.js';

// Updates that cannot be applied whole: missing dependencies, and clients that keep sending
// refused writes.

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.cleanup());

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1 messages the server sent on a raw socket (its state vector, asking for more). */
function stepOnes(raw: RawSocket): number {
  return raw.received.filter((frame) => {
    const decoder = decoding.createDecoder(frame);
    return decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 0;
  }).length;
}

describe('an update whose dependencies the server lacks', () => {
  let board: CreatedBoard;
  it('is not kept pending: the server refuses it and asks the writer for what it lacks', async () => {
    board = await createBoard(server.url);
    const raw = await openRawSocket(server.wsUrl, board.id, board.tokens.edit);
    await waitFor('greeting', () => stepOnes(raw) === 1);
    // A note the server never saw, and an edit of it sent alone.
    const other = new Y.Doc();
    const id = addNote(other, { x: 0, y: 0, author: 'Ann', text: 'Base' });
    const base = Y.encodeStateVector(other);
    setNoteText(other, id, 'Base, edited');
    const edit = Y.encodeStateAsUpdate(other, base);
    raw.socket.send(updateFrame(edit));
    await waitFor('a resync request', () => stepOnes(raw) === 2);
    const room = server.app.rooms.loaded(board.id);
    await room?.flushed();
    expect(room?.doc.store.pendingStructs).toBeNull();
    expect(room?.doc.store.pendingDs).toBeNull();
    expect(readNote(room?.doc ?? new Y.Doc(), id)).toBeUndefined();

    // The writer answers with everything the server lacks, and all of it applies.
    raw.socket.send(updateFrame(Y.encodeStateAsUpdate(other)));
    const viewer = connectClient(server.wsUrl, board.id, board.tokens.view);
    await viewer.synced;
    await waitFor('the note', () => readNote(viewer.doc, id)?.text === 'Base, edited');
    viewer.destroy();
    raw.socket.close();
  });
});

describe('an item whose right neighbour the server lacks', () => {
  it('is refused whole, so it cannot wait unreviewed and land when that neighbour arrives', async () => {
    const board = await createBoard(server.url);
    const facilitator = connectClient(server.wsUrl, board.id, board.tokens.facilitator);
    await facilitator.synced;
    const raw = await openRawSocket(server.wsUrl, board.id, board.tokens.edit);
    await waitFor('greeting', () => stepOnes(raw) === 1);
    // A forger with the edit link writes a new title beside the current one, naming as its
    // right neighbour an item of a client the server has never heard from.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(facilitator.doc));
    const meta = forger.getMap('meta');
    const title = (meta as unknown as { _map: Map<string, Y.Item> })._map.get('title');
    const absent = new Y.Doc();
    forger.transact((transaction) => {
      const id = Y.createID(forger.clientID, Y.getState(forger.store, forger.clientID));
      const item = new Y.Item(
        id,
        title ?? null,
        title?.lastId ?? null,
        null,
        Y.createID(absent.clientID, 0),
        meta,
        'title',
        new Y.ContentAny(['Hijacked']),
      );
      item.integrate(transaction, 0);
    });
    raw.socket.send(
      updateFrame(Y.encodeStateAsUpdate(forger, Y.encodeStateVector(facilitator.doc))),
    );
    await waitFor('a resync request', () => stepOnes(raw) === 2);
    const room = server.app.rooms.loaded(board.id);
    await room?.flushed();
    expect(room?.doc.store.pendingStructs).toBeNull();

    // The neighbour arrives (an honest-looking note); the forged title must not come with it.
    addNote(absent, { x: 0, y: 0, author: 'Ann', text: 'Hello' });
    raw.socket.send(updateFrame(Y.encodeStateAsUpdate(absent)));
    await waitFor('the note', () => listNotes(facilitator.doc).length === 1);
    await room?.flushed();
    expect(room?.doc.getMap('meta').get('title')).toBe(facilitator.doc.getMap('meta').get('title'));
    expect(facilitator.doc.getMap('meta').get('title')).not.toBe('Hijacked');
    facilitator.destroy();
    raw.socket.close();
  });
});

describe('items that name each other as neighbours', () => {
  it('are refused, and the server goes on serving the board', async () => {
    const board = await createBoard(server.url);
    const raw = await openRawSocket(server.wsUrl, board.id, board.tokens.view);
    await waitFor('greeting', () => stepOnes(raw) === 1);
    // Two values of a client the server never heard from, each set right after the other: a
    // ring that has no end to walk to.
    const encoder = encoding.createEncoder();
    for (const n of [1, 2, 4242, 0]) encoding.writeVarUint(encoder, n);
    for (const other of [1, 0]) {
      encoding.writeUint8(encoder, 0x80 | 8);
      for (const n of [4242, other, 1]) encoding.writeVarUint(encoder, n);
      encoding.writeAny(encoder, 'ring');
    }
    encoding.writeVarUint(encoder, 0);
    raw.socket.send(updateFrame(encoding.toUint8Array(encoder)));
    await waitFor('a refusal', () => raw.received.some((frame) => frame[0] === 2));

    const facilitator = connectClient(server.wsUrl, board.id, board.tokens.facilitator);
    await facilitator.synced;
    addNote(facilitator.doc, { x: 0, y: 0, author: 'Sam', text: 'still here' });
    const viewer = connectClient(server.wsUrl, board.id, board.tokens.view);
    await viewer.synced;
    await waitFor('note', () => listNotes(viewer.doc).length === 1);
    viewer.destroy();
    facilitator.destroy();
    raw.socket.close();
  });
});

describe('a client that keeps sending refused writes', () => {
  it('is closed with 4429 while the others carry on', async () => {
    const board = await createBoard(server.url);
    const honest = connectClient(server.wsUrl, board.id, board.tokens.facilitator);
    await honest.synced;
    const raw = await openRawSocket(server.wsUrl, board.id, board.tokens.edit);
    const forger = new Y.Doc();
    for (let i = 0; i < 200; i++) {
      const before = Y.encodeStateVector(forger);
      forger.getMap('meta').set('title', `Forged ${i}`);
      raw.socket.send(updateFrame(Y.encodeStateAsUpdate(forger, before)));
    }
    const closed = await raw.closed;
    expect(closed).toEqual({ code: 4429, reason: 'too many refused changes' });
    addNote(honest.doc, { x: 0, y: 0, author: 'Sam', text: 'still here' });
    const viewer = connectClient(server.wsUrl, board.id, board.tokens.view);
    await viewer.synced;
    await waitFor('note', () => listNotes(viewer.doc).length === 1);
    expect(honest.provider.wsconnected).toBe(true);
    viewer.destroy();
    honest.destroy();
  });
});

describe('a refused update that also carries what the server has', () => {
  it('is undone on the writer for its new items only, never for the board it already had', async () => {
    const board = await createBoard(server.url);
    const viewer = connectClient(server.wsUrl, board.id, board.tokens.view);
    await viewer.synced;
    const corrections: Uint8Array[] = [];
    // Watch the sync updates the viewer receives.
    const standard = viewer.provider.messageHandlers[0];
    viewer.provider.messageHandlers[0] = (encoder, decoder, provider, emitSynced, type) => {
      const copy = decoding.clone(decoder);
      if (decoding.readVarUint(copy) === 2) corrections.push(decoding.readVarUint8Array(copy));
      standard?.(encoder, decoder, provider, emitSynced, type);
    };
    // A full state (zones included) plus one new note, as a sync step 2 would carry it.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(viewer.doc));
    addNote(copy, { x: 0, y: 0, author: 'Eve', text: 'Forged' });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep2(encoder, copy);
    viewer.provider.ws?.send(encoding.toUint8Array(encoder));
    await waitFor('the correction', () => corrections.length > 0);
    const corrected = new Y.Doc();
    Y.applyUpdate(corrected, Y.encodeStateAsUpdate(copy));
    for (const update of corrections) Y.applyUpdate(corrected, update);
    expect(listNotes(corrected)).toEqual([]);
    expect(corrected.getMap('zones').size).toBe(4);
    viewer.destroy();
  });
});

describe("writing under another client's id", () => {
  it('is held back for an id a connected client announced and has not written under yet', async () => {
    const board = await createBoard(server.url);
    const alice = connectClient(server.wsUrl, board.id, board.tokens.edit);
    alice.provider.awareness.setLocalState({ user: { name: 'Alice' } });
    await alice.synced;
    const viewer = connectClient(server.wsUrl, board.id, board.tokens.view);
    await viewer.synced;
    await waitFor('alice present', () =>
      viewer.provider.awareness.getStates().has(alice.doc.clientID),
    );
    const squatter = new Y.Doc();
    Y.applyUpdate(squatter, Y.encodeStateAsUpdate(viewer.doc));
    squatter.clientID = alice.doc.clientID;
    const before = Y.encodeStateVector(squatter);
    addNote(squatter, { x: 0, y: 0, author: 'Mallory', text: 'SQUAT' });
    const raw = await openRawSocket(server.wsUrl, board.id, board.tokens.edit);
    raw.socket.send(updateFrame(Y.encodeStateAsUpdate(squatter, before)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    addNote(alice.doc, { x: 0, y: 0, author: 'Alice', text: 'mine' });
    await waitFor('alice note', () => listNotes(viewer.doc).length === 1);
    expect(listNotes(viewer.doc).map((n) => n.text)).toEqual(['mine']);
    raw.socket.close();
    alice.destroy();
    viewer.destroy();
  });

  it('is held back while that client is connected, so its changes are never skipped', async () => {
    const board = await createBoard(server.url);
    const alice = connectClient(server.wsUrl, board.id, board.tokens.edit);
    await alice.synced;
    addNote(alice.doc, { x: 0, y: 0, author: 'Alice', text: 'first' });
    const viewer = connectClient(server.wsUrl, board.id, board.tokens.view);
    await viewer.synced;
    await waitFor('first note', () => listNotes(viewer.doc).length === 1);
    // Someone else writes a note under Alice's client id, at the clock her next change takes.
    const squatter = new Y.Doc();
    Y.applyUpdate(squatter, Y.encodeStateAsUpdate(alice.doc));
    squatter.clientID = alice.doc.clientID;
    const before = Y.encodeStateVector(squatter);
    addNote(squatter, { x: 0, y: 0, author: 'Mallory', text: 'SQUAT' });
    const raw = await openRawSocket(server.wsUrl, board.id, board.tokens.edit);
    raw.socket.send(updateFrame(Y.encodeStateAsUpdate(squatter, before)));
    await server.app.rooms.loaded(board.id)?.flushed();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Alice's own next change, at that same clock, still arrives as she wrote it.
    addNote(alice.doc, { x: 0, y: 0, author: 'Alice', text: 'second' });
    await waitFor('second note', () => listNotes(viewer.doc).length === 2);
    expect(
      listNotes(viewer.doc)
        .map((n) => n.text)
        .sort(),
    ).toEqual(['first', 'second']);
    raw.socket.close();
    alice.destroy();
    viewer.destroy();
  });
});
