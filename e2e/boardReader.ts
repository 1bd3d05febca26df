import { listNotes, listZones, type Note, type Zone } from '@dartboard/board';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BASE_URL } from './env.js';

/** The stock y-websocket client in Node on the board of `link`, once its first sync is done. */
async function connect(link: string): Promise<{ doc: Y.Doc; close: () => void }> {
  const url = new URL(link, BASE_URL);
  const boardId = decodeURIComponent(url.pathname.split('/')[2] ?? '');
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${BASE_URL.replace(/^http/, 'ws')}/sync`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const close = () => {
    provider.destroy();
    doc.destroy();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the board did not sync')), 10_000);
      provider.once('sync', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  } catch (error) {
    close();
    throw error;
  }
  return { doc, close };
}

/**
 * Reads a board as an independent client would: the stock y-websocket client in Node, with the
 * token of a board link (`/b/<id>#token=<token>`), on the real server. Returns its notes and
 * zones once synced, then disconnects.
 */
export async function readBoard(link: string): Promise<{ notes: Note[]; zones: Zone[] }> {
  const { doc, close } = await connect(link);
  try {
    return { notes: listNotes(doc), zones: listZones(doc) };
  } finally {
    close();
  }
}

/**
 * Changes a board as an independent client would (the stock y-websocket client in Node with the
 * token of `link`), for what the page offers no control for yet. Resolves once a fresh reader
 * sees `done` hold on the server's copy.
 */
export async function writeBoard(
  link: string,
  change: (doc: Y.Doc) => void,
  done: (board: { notes: Note[]; zones: Zone[] }) => boolean,
): Promise<void> {
  const { doc, close } = await connect(link);
  try {
    change(doc);
    const deadline = Date.now() + 10_000;
    while (!done(await readBoard(link))) {
      if (Date.now() > deadline) throw new Error('the change did not reach the server');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    close();
  }
}
