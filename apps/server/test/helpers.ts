import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { buildServer, type ServerOptions } from '../src/app.js';

export interface TestServer {
  app: FastifyInstance;
  /** http://127.0.0.1:<port> */
  url: string;
  /** ws://127.0.0.1:<port> */
  wsUrl: string;
  dataDir: string;
  /** Closes the server; the data folder stays until `cleanup`. */
  close(): Promise<void>;
  cleanup(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'dartboard-test-'));
}

/** The real server on a real port, with SQLite in a fresh (or given) folder. */
export async function startServer(
  options: ServerOptions & { dataDir?: string } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const app = await buildServer({ webRoot: null, ...options, dataDir });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const url = `http://127.0.0.1:${address.port}`;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
  };
  return {
    app,
    url,
    wsUrl: url.replace('http', 'ws'),
    dataDir,
    close,
    async cleanup() {
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface CreatedBoard {
  id: string;
  title: string;
  tokens: { facilitator: string; edit: string; view: string };
  links: { facilitator: string; edit: string; view: string };
}

export async function createBoard(baseUrl: string, body: object = {}): Promise<CreatedBoard> {
  const response = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`create failed: ${response.status}`);
  return (await response.json()) as CreatedBoard;
}

/** Saves the board's first preparation (revision 0) with its facilitator link. */
export function saveFirstPrep(
  baseUrl: string,
  board: CreatedBoard,
  prep: object,
): Promise<Response> {
  return fetch(`${baseUrl}/api/boards/${board.id}/prep`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${board.tokens.facilitator}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ revision: 0, prep }),
  });
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server is complete. */
  synced: Promise<void>;
  destroy(): void;
}

/** The stock y-websocket client, as a browser would use it. */
export function connectClient(
  wsUrl: string,
  boardId: string,
  token: string,
  /** A writer key (`client=`), as the web app sends: the person id derives from it. */
  writerKey?: string,
): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${wsUrl}/sync`, boardId, doc, {
    params: writerKey ? { token, client: writerKey } : { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', (isSynced: boolean) => isSynced && resolve());
  });
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls until `check` returns true; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A raw websocket to the sync endpoint, for sending frames the stock client never would. */
export async function openRawSocket(
  wsUrl: string,
  boardId: string,
  token: string,
): Promise<RawSocket> {
  const socket = new WebSocket(`${wsUrl}/sync/${boardId}?token=${encodeURIComponent(token)}`);
  const raw = new RawSocket(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return raw;
}

export class RawSocket {
  readonly received: Uint8Array[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.received.push(new Uint8Array(data)));
    this.closed = new Promise((resolve) => {
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
  }
}

/** Resolves with the HTTP status that refused a websocket upgrade, or 101 if it was accepted. */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => {
      resolve(101);
      socket.close();
    });
    socket.once('error', (error) => {
      if (!String(error.message).includes('Unexpected server response')) reject(error);
    });
  });
}

/**
 * The refusals a stock client is told of (auth messages, "permission denied" with a sentence),
 * collected instead of the stock client's console warning.
 */
export function collectRefusals(client: TestClient): string[] {
  const refusals: string[] = [];
  client.provider.messageHandlers[2] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) === 0) refusals.push(decoding.readVarString(decoder));
  };
  return refusals;
}

/** The close events the server sent a stock client. */
export function collectCloses(client: TestClient): { code: number; reason: string }[] {
  const closes: { code: number; reason: string }[] = [];
  client.provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return closes;
}

/** Puts `content` into the list part of a map, where no board accessor ever looks. */
export function insertIntoListPart(doc: Y.Doc, type: Y.Map<unknown>, content: unknown[]): void {
  doc.transact((transaction) => {
    const id = Y.createID(doc.clientID, Y.getState(doc.store, doc.clientID));
    const right = type._start;
    const item = new Y.Item(
      id,
      null,
      null,
      right,
      right?.id ?? null,
      type,
      null,
      new Y.ContentAny(content),
    );
    item.integrate(transaction, 0);
  });
}
