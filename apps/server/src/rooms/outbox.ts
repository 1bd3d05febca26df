import type { Socket } from 'node:net';
import WebSocket, * as wsExports from 'ws';

// Frames queued for clients during one burst of work (the handling of one read, or the relays
// after one group commit) and written when the burst ends: each frame framed once however many
// clients it goes to, and all of one client's frames in one write, so the kernel sees one
// system call per client per burst instead of one per frame. Nothing waits for a timer: the
// flush runs as soon as the work that queued the frames (and its promise continuations) is done.

/** What ws's Sender.frame takes; @types/ws does not declare the Sender. */
interface FrameOptions {
  fin: boolean;
  opcode: number;
  mask: boolean;
  readOnly: boolean;
  rsv1: boolean;
}
const { Sender } = wsExports as unknown as {
  Sender: { frame(data: Buffer, options: FrameOptions): Buffer[] };
};
const BINARY: FrameOptions = { fin: true, opcode: 2, mask: false, readOnly: false, rsv1: false };

/** A message framed as a websocket binary frame, the same bytes ws would write for it. */
const framed = new WeakMap<Uint8Array, Buffer>();

function framedOnce(message: Uint8Array): Buffer {
  let bytes = framed.get(message);
  if (!bytes) {
    const data = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    bytes = Buffer.concat(Sender.frame(data, BINARY));
    framed.set(message, bytes);
  }
  return bytes;
}

/**
 * The TCP socket under a ws WebSocket, when frames may be written to it directly: ws writes
 * frames without compression to it as they are sent (nothing queued inside ws), so bytes
 * written here keep their order with its own. With permessage-deflate negotiated, ws may hold
 * frames back while compressing, and the queue goes through ws.
 */
function rawSocket(socket: WebSocket): Socket | undefined {
  if (socket.extensions !== '') return undefined;
  const raw = (socket as unknown as { _socket?: Socket })._socket;
  return raw && !raw.destroyed ? raw : undefined;
}

/** One client's queued frames. */
export class Outgoing {
  /**
   * The burst's first frame and those after it: a burst mostly brings a client one frame, which
   * then needs no array (this runs for every client that each edit is relayed to).
   */
  private first: Uint8Array | undefined;
  private rest: Uint8Array[] | undefined;
  private bytes = 0;

  constructor(
    private readonly socket: WebSocket,
    private readonly onError: (error: Error) => void,
  ) {}

  push(message: Uint8Array): void {
    if (this.first === undefined) this.first = message;
    else if (this.rest) this.rest.push(message);
    else this.rest = [message];
    this.bytes += message.byteLength;
    // A burst this large gains nothing from waiting: written now, it reaches the socket, whose
    // buffered amount is what tells a client that keeps up from one that does not read.
    if (this.bytes >= WRITE_NOW_BYTES) this.flush();
    else if (this.rest === undefined) schedule(this);
  }

  /** Writes what is queued (a no-op when nothing is, or when the socket has closed meanwhile). */
  flush(): void {
    const { first, rest } = this;
    if (first === undefined) return;
    this.clear();
    if (this.socket.readyState !== WebSocket.OPEN) return;
    const raw = rawSocket(this.socket);
    if (!raw) {
      this.socket.send(first, this.sent);
      for (const message of rest ?? []) this.socket.send(message, this.sent);
      return;
    }
    raw.write(
      rest ? Buffer.concat([first, ...rest].map(framedOnce)) : framedOnce(first),
      this.sent,
    );
  }

  /** Drops what is queued (the socket is being terminated). */
  clear(): void {
    this.first = undefined;
    this.rest = undefined;
    this.bytes = 0;
  }

  private readonly sent = (error?: Error | null) => {
    if (error) this.onError(error);
  };
}

/** Queued bytes past which a client's frames are written at once rather than at the flush. */
export const WRITE_NOW_BYTES = 64 * 1024;

let due: Outgoing[] = [];

function schedule(outgoing: Outgoing): void {
  due.push(outgoing);
  // process.nextTick from a promise continuation runs once the whole microtask queue has
  // drained, so every relay of one group commit lands in the same flush.
  if (due.length === 1) process.nextTick(flushAll);
}

function flushAll(): void {
  const batch = due;
  due = [];
  for (const outgoing of batch) outgoing.flush();
}
