import type { FastifyBaseLogger } from 'fastify';
import WebSocket from 'ws';
import type { Role } from '../storage/types.js';

// Close codes sent to clients. The stock y-websocket client reconnects after any of them;
// codes 4400-4499 are kept for closes that a retry cannot fix.
export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_UNSUPPORTED = 1003;
export const CLOSE_MALFORMED = 1007;
export const CLOSE_INTERNAL_ERROR = 1011;
export const CLOSE_TRY_AGAIN_LATER = 1013;

/** One client's websocket in a room: its role, the presence states it owns, its send buffer. */
export class Connection {
  /** Awareness client ids this connection has announced; removed when it leaves. */
  readonly awarenessIds = new Set<number>();
  private closed = false;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    readonly socket: WebSocket,
    readonly role: Role,
    private readonly maxBufferedBytes: number,
    readonly log: FastifyBaseLogger,
  ) {}

  get canWrite(): boolean {
    return this.role !== 'view';
  }

  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === WebSocket.OPEN;
  }

  /**
   * Sends a frame unless the client is not reading: a socket whose unsent data passes the
   * bound is terminated (the client reconnects and resyncs) instead of growing server memory.
   */
  send(message: Uint8Array): void {
    if (!this.isOpen) return;
    if (this.socket.bufferedAmount + message.byteLength > this.maxBufferedBytes) {
      this.log.warn(
        { bufferedAmount: this.socket.bufferedAmount },
        'client is not reading; dropping its connection',
      );
      this.terminate();
      return;
    }
    this.socket.send(message, (error) => {
      if (error) this.log.debug({ err: error }, 'send failed');
    });
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
    this.socket.close(code, reason);
  }

  terminate(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    this.socket.terminate();
  }
}
