import type { Role } from '@dartboard/board';
import type { FastifyBaseLogger } from 'fastify';
import WebSocket from 'ws';
import { TokenBucket } from './limits.js';
import { Outgoing } from './outbox.js';

// Close codes sent to clients (docs/api.md). The stock y-websocket client reconnects after any
// of them except 4400-4499, which are kept for closes that a retry cannot fix.
export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_UNSUPPORTED = 1003;
export const CLOSE_MALFORMED = 1007;
export const CLOSE_INTERNAL_ERROR = 1011;
export const CLOSE_TRY_AGAIN_LATER = 1013;
/** The link was replaced (or the board deleted): this token no longer opens the board. */
export const CLOSE_LINK_REVOKED = 4401;
/** The client sent messages (or refused changes) faster than its allowance. */
export const CLOSE_TOO_MANY_MESSAGES = 4429;
/** The board has as many connections as it takes; a retry later may get in. */
export const CLOSE_BOARD_BUSY = 4503;
/** The client's address has as many connections as it may open; a retry later may get in. */
export const CLOSE_ADDRESS_BUSY = 4529;

/** Per-connection allowances (see ServerOptions in app.ts for what each means). */
export interface ConnectionLimits {
  messagesPerSecond: number;
  messageBurst: number;
  bytesPerSecond: number;
  byteBurst: number;
  presencePerSecond: number;
  refusalsPerMinute: number;
}

/** Who is on the other end: the role and link its token grants, and its address. */
export interface Peer {
  role: Role;
  /** SHA-256 of the link token, hex: connections of a replaced link are found by it. */
  tokenHash: string;
  address: string;
  /**
   * The client's own secret for its Yjs client ids (`client=` on the websocket URL), so a
   * browser that reconnects keeps writing under the ids it used before; absent for clients
   * that send none (their ids are theirs while the connection lasts).
   */
  writerKey?: string;
  /**
   * The person the writer key stands for (personIdFor): the only `people` record this
   * connection may write. Absent without a writer key.
   */
  personId?: string;
}

/** One client's websocket in a room: its role, the presence states it owns, its allowances. */
export class Connection {
  /** Awareness client ids this connection has announced; removed when it leaves. */
  readonly awarenessIds = new Set<number>();
  /** When the last frame arrived (performance.now()). */
  lastMessageAt = performance.now();
  readonly messages: TokenBucket;
  readonly bytes: TokenBucket;
  readonly presence: TokenBucket;
  readonly refusals: TokenBucket;
  private closed = false;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly outgoing: Outgoing;

  constructor(
    readonly socket: WebSocket,
    readonly peer: Peer,
    limits: ConnectionLimits,
    private readonly maxBufferedBytes: number,
    /** Whether the client asked for a "saved" message after each of its writes. */
    readonly wantsAcks: boolean,
    readonly log: FastifyBaseLogger,
  ) {
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    this.bytes = new TokenBucket(limits.bytesPerSecond, limits.byteBurst);
    this.presence = new TokenBucket(limits.presencePerSecond, limits.presencePerSecond * 2);
    this.refusals = new TokenBucket(limits.refusalsPerMinute / 60, limits.refusalsPerMinute);
    this.outgoing = new Outgoing(socket, (error) => log.debug({ err: error }, 'send failed'));
  }

  get role(): Role {
    return this.peer.role;
  }

  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === WebSocket.OPEN;
  }

  /**
   * Queues a frame (outbox.ts writes it once the current work is done) unless the client is not
   * reading: a socket whose unsent data passes the bound is terminated (the client reconnects
   * and resyncs) instead of growing server memory. Only what the socket could not pass on
   * counts: the queue itself is written as soon as it reaches WRITE_NOW_BYTES, so a client that
   * keeps up loses its connection only to a burst made in one turn of work larger than the
   * bound plus what the kernel takes at once (one group commit's relays, say), not to a burst
   * that merely queued up before the flush.
   */
  send(message: Uint8Array): void {
    if (!this.isOpen) return;
    const unsent = this.socket.bufferedAmount;
    if (unsent + message.byteLength > this.maxBufferedBytes) {
      this.log.warn({ bufferedAmount: unsent }, 'client is not reading; dropping its connection');
      this.terminate();
      return;
    }
    this.outgoing.push(message);
  }

  /**
   * Pings the client every `intervalMs` and terminates the socket when a ping goes unanswered,
   * so a client that vanished without closing (a laptop lid, a dropped network) is let go.
   */
  startHeartbeat(intervalMs: number): void {
    let answered = true;
    this.socket.on('pong', () => {
      answered = true;
    });
    this.heartbeat = setInterval(() => {
      if (!answered) {
        this.log.info('client stopped answering pings; dropping its connection');
        this.terminate();
        return;
      }
      answered = false;
      this.socket.ping();
    }, intervalMs);
    this.socket.once('close', () => clearInterval(this.heartbeat));
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.log.info({ code, reason }, 'closing connection');
    // What was sent before the close (a refusal's reason, say) goes first.
    this.outgoing.flush();
    this.socket.close(code, reason);
  }

  terminate(): void {
    this.closed = true;
    this.outgoing.clear();
    clearInterval(this.heartbeat);
    this.socket.terminate();
  }
}
