import { addNote, listNotes } from '@dartboard/board';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const MAX_MESSAGE_BYTES = 64 * 1024;
let server: TestServer;
let board: CreatedBoard;
let alice: TestClient;
let bob: TestClient;

beforeAll(async () => {
  server = await startServer({ maxMessageBytes: MAX_MESSAGE_BYTES });
  board = await createBoard(server.url, { title: 'Bad input' });
  alice = connectClient(server.wsUrl, board.id, board.tokens.facilitator);
  bob = connectClient(server.wsUrl, board.id, board.tokens.edit);
  await Promise.all([alice.synced, bob.synced]);
});
afterAll(async () => {
  alice.destroy();
  bob.destroy();
  await server.cleanup();
});

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Sends one frame on a fresh raw connection and reports how the server closed it. */
async function sendAndAwaitClose(data: Uint8Array | string) {
  const raw = await openRawSocket(server.wsUrl, board.id, board.tokens.edit);
  raw.socket.send(data);
  return raw.closed;
}

/** The room keeps working for well-behaved clients: a new note still reaches the other one. */
async function expectRoomStillWorks(text: string) {
  addNote(alice.doc, { x: 0, y: 0, author: 'Alice', text });
  await waitFor(`"${text}" to reach bob`, () => listNotes(bob.doc).some((n) => n.text === text));
  expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true);
}

describe('frames that break the protocol close only their own connection', () => {
  it.each([
    ['an empty frame', new Uint8Array(), 1007],
    ['random bytes', new Uint8Array([0, 2, 255, 255, 255, 255, 255, 7]), 1007],
    ['an unknown message type', frame((e) => encoding.writeVarUint(e, 9)), 1003],
    [
      'an unknown sync sub-type',
      frame((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 7);
      }),
      1003,
    ],
    [
      'a malformed document update',
      frame((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, new Uint8Array([1, 200, 3, 4, 5, 6, 7, 8]));
      }),
      1007,
    ],
    [
      'a malformed state vector',
      frame((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint8Array(e, new Uint8Array([5, 255, 255]));
      }),
      1007,
    ],
    [
      'a malformed awareness update',
      frame((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, new Uint8Array([1, 2, 3, 99, 123]));
      }),
      1007,
    ],
  ])('%s is answered with close code %i', async (_, data, code) => {
    const before = listNotes(alice.doc).length;
    const closed = await sendAndAwaitClose(data);
    expect(closed.code).toBe(code);
    expect(closed.reason.length).toBeGreaterThan(0);
    expect(listNotes(alice.doc)).toHaveLength(before);
    await expectRoomStillWorks(`after ${_}`);
  });

  it('a text frame is refused with 1003', async () => {
    const closed = await sendAndAwaitClose('{"type":"update"}');
    expect(closed).toEqual({ code: 1003, reason: 'text frames are not supported' });
    await expectRoomStillWorks('after text');
  });

  it('a frame over the size limit is refused with 1009 and stores nothing', async () => {
    const doc = new Y.Doc();
    addNote(doc, { x: 0, y: 0, author: 'Big', text: 'x'.repeat(9000) });
    for (let i = 0; i < 10; i++)
      addNote(doc, { x: i, y: 0, author: 'Big', text: `${i}`.repeat(9000) });
    const update = Y.encodeStateAsUpdate(doc);
    expect(update.byteLength).toBeGreaterThan(MAX_MESSAGE_BYTES);
    const closed = await sendAndAwaitClose(
      frame((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, update);
      }),
    );
    expect(closed.code).toBe(1009);
    await expectRoomStillWorks('after oversize');
    expect(listNotes(bob.doc).some((n) => n.author === 'Big')).toBe(false);
  });

  it('keeps hostile note text as plain data, byte for byte', async () => {
    const hostile = '<img src=x onerror=alert(1)>\u202e\u0000"; DROP TABLE boards; --';
    addNote(alice.doc, { x: 0, y: 0, author: '<b>Mallory</b>', text: hostile });
    await waitFor('hostile note at bob', () => listNotes(bob.doc).some((n) => n.text === hostile));
    expect(listNotes(bob.doc).find((n) => n.text === hostile)?.author).toBe('<b>Mallory</b>');
  });
});
