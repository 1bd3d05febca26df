// A bare y-protocols client over one websocket: no provider, no awareness object, no document
// unless the caller brings one, so the load generator stays far cheaper than the servers it
// drives. It answers the server's sync step 1 and hands every update and presence frame, with
// the moment it arrived, to its owner.
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { BoardRef } from './peer.js';
import { type Incoming, STEP1, STEP2, UPDATE, Wire } from './protocol.js';

export interface ClientHooks {
  /** Our state vector for the first sync step 1 (empty when we hold nothing). */
  stateVector?: () => Uint8Array;
  /** The update that answers the server's state vector (sync step 2). */
  answer?: (stateVector: Uint8Array) => Uint8Array;
  /** A sync step 2 or update from the server, and when its frame arrived. */
  update?: (update: Uint8Array, arrivedAt: number, step: number) => void;
  /** A presence update from the server, and when its frame arrived. */
  awareness?: (update: Uint8Array, arrivedAt: number) => void;
}

const EMPTY_STATE_VECTOR = Uint8Array.of(0);
const EMPTY_UPDATE = Uint8Array.of(0, 0);

export class RawClient {
  readonly wire: Wire;
  readonly ws: WebSocket;
  /** performance.now() at each step of the connection, for the cold-load measure. */
  readonly times = { start: performance.now(), upgraded: 0, open: 0 };
  /** Resolves when the server's answer to our sync step 1 has arrived. */
  readonly synced: Promise<void>;
  denied = 0;
  closeCode: number | undefined;
  private closing = false;

  constructor(
    board: BoardRef,
    private readonly hooks: ClientHooks = {},
    onUnexpectedClose?: (code: number, reason: string) => void,
  ) {
    this.wire = new Wire(board.protocol, board.name);
    this.ws = new WebSocket(board.url, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    let resolveSynced: () => void = () => {};
    let rejectSynced: (error: Error) => void = () => {};
    this.synced = new Promise((resolve, reject) => {
      resolveSynced = resolve;
      rejectSynced = reject;
    });
    this.synced.catch(() => {});
    this.ws.on('upgrade', () => {
      this.times.upgraded = performance.now();
    });
    this.ws.on('open', () => {
      this.times.open = performance.now();
      for (const frame of this.wire.hello()) this.ws.send(frame);
      this.ws.send(this.wire.sync(STEP1, this.hooks.stateVector?.() ?? EMPTY_STATE_VECTOR));
    });
    this.ws.on('message', (data: Buffer) => {
      const arrivedAt = performance.now();
      const message: Incoming = this.wire.read(data);
      if (message.kind === 'sync') {
        if (message.step === STEP1) {
          const answer = this.hooks.answer?.(message.payload) ?? EMPTY_UPDATE;
          this.ws.send(this.wire.sync(STEP2, answer));
        } else {
          this.hooks.update?.(message.payload, arrivedAt, message.step);
          if (message.step === STEP2) resolveSynced();
        }
      } else if (message.kind === 'awareness') {
        this.hooks.awareness?.(message.payload, arrivedAt);
      } else if (message.kind === 'denied') {
        this.denied++;
      }
    });
    this.ws.on('error', (error) => rejectSynced(error));
    this.ws.on('close', (code, reason) => {
      this.closeCode = code;
      rejectSynced(new Error(`closed ${code} ${reason.toString()} before sync`));
      if (!this.closing) onUnexpectedClose?.(code, reason.toString());
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  sendUpdate(update: Uint8Array): void {
    if (this.open) this.ws.send(this.wire.sync(UPDATE, update));
  }

  sendAwareness(update: Uint8Array): void {
    if (this.open) this.ws.send(this.wire.awareness(update));
  }

  close(): Promise<void> {
    this.closing = true;
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
      // A server that does not finish the closing handshake: do not wait for it.
      setTimeout(() => {
        this.ws.terminate();
        resolve();
      }, 2_000).unref();
    });
  }
}

/** Opens clients a batch at a time (a thousand upgrades at once would only measure the accept queue). */
export async function openAll<T extends RawClient>(
  count: number,
  make: (index: number) => T,
  batch = 50,
): Promise<T[]> {
  const clients: T[] = [];
  for (let i = 0; i < count; i += batch) {
    const group: T[] = [];
    for (let j = i; j < Math.min(count, i + batch); j++) group.push(make(j));
    await Promise.all(group.map((client) => client.synced));
    clients.push(...group);
  }
  return clients;
}
