import type { IncomingMessage, ServerResponse } from 'node:http';
import { personIdFor } from '@dartboard/board';
import type { FastifyInstance } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { type Access, authorize, requestToken } from '../access.js';
import {
  CLOSE_ADDRESS_BUSY,
  CLOSE_BOARD_BUSY,
  CLOSE_INTERNAL_ERROR,
  CLOSE_TRY_AGAIN_LATER,
  CLOSE_UNSUPPORTED,
  Connection,
  type ConnectionLimits,
} from '../rooms/connection.js';
import type { RoomRegistry } from '../rooms/registry.js';
import type { Room } from '../rooms/room.js';
import { NO_METRICS, type RoomMetrics } from '../rooms/roomMetrics.js';
import type { Storage } from '../storage/types.js';
import { hashToken } from '../tokens.js';
import { boardParams } from './schemas.js';

export interface SyncRoutesOptions {
  storage: Storage;
  rooms: RoomRegistry;
  /** Unsent bytes after which a client that does not read is disconnected. */
  maxBufferedBytes: number;
  /** Interval of the pings that detect vanished clients. */
  heartbeatMs: number;
  /** Upgrades one client address may ask for per minute. */
  requestsPerMinute: number;
  limits: ConnectionLimits;
  /** What is counted for operators; nothing when absent. */
  metrics?: RoomMetrics;
}

declare module 'fastify' {
  interface FastifyRequest {
    access?: Access;
    /** The person id the connection's writer key (`client=`) derives to, if it gave one. */
    personId?: string;
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Lets go of what the upgrade's HTTP exchange left attached to the socket for its whole life:
 * @fastify/websocket routes the upgrade with a ServerResponse bound to the socket, which
 * never finishes, and listens for the socket's errors with a closure over the request and
 * reply. Each connection would keep the request, its headers, the reply and its hooks'
 * state, some eighty objects (5 KB) that every full collection traces again.
 */
function releaseUpgrade(raw: IncomingMessage, socket: WebSocket): void {
  const response = (raw.socket as { _httpMessage?: ServerResponse } | null)?._httpMessage;
  if (response && raw.socket) response.detachSocket(raw.socket);
  // Its listener only logs the error and ends the socket; the route adds its own that does so.
  socket.removeAllListeners('error');
}

/** `WS /sync/:id?token=`: the y-websocket protocol for one board. */
export async function syncRoutes(app: FastifyInstance, options: SyncRoutesOptions) {
  const { storage, rooms, maxBufferedBytes, heartbeatMs, limits } = options;
  const metrics = options.metrics ?? NO_METRICS;

  app.get<{ Params: { id: string }; Querystring: { acks?: string; client?: string } }>(
    '/sync/:id',
    {
      websocket: true,
      config: { rateLimit: { max: options.requestsPerMinute, timeWindow: '1 minute' } },
      schema: {
        params: boardParams,
        querystring: {
          type: 'object',
          properties: {
            token: { type: 'string', maxLength: 256 },
            acks: { type: 'string', enum: ['0', '1'] },
            client: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,64}$' },
          },
        },
      },
      // Runs before the upgrade: a wrong token or unknown board gets a plain 401/404 response
      // and never a websocket, so no document data can reach it.
      preValidation: async (request) => {
        request.access = await authorize(storage, request.params.id, requestToken(request));
        const key = request.query.client;
        if (key) request.personId = personIdFor(request.access.board.id, key);
      },
    },
    (socket, request) => {
      const access = request.access;
      if (!access) throw new Error('sync route reached without authorization');
      const boardId = access.board.id;
      // A child of the server's logger rather than of the request's, which goes with the upgrade.
      const log = app.log.child({ reqId: request.id, board: boardId, role: access.role });
      const peer = {
        role: access.role,
        tokenHash: Buffer.from(hashToken(access.token)).toString('hex'),
        address: request.ip,
        ...(request.query.client ? { writerKey: request.query.client } : {}),
        ...(request.personId ? { personId: request.personId } : {}),
      };
      const wantsAcks = request.query.acks === '1';
      const connection = new Connection(socket, peer, limits, maxBufferedBytes, wantsAcks, log);
      const admitted = rooms.admit(boardId, connection);
      if (admitted !== 'ok') {
        // Accepted and closed at once, so the page can say why (a refused upgrade cannot).
        log.info({ admitted }, 'connection limit reached');
        metrics.limitHit(admitted === 'board' ? 'board_connections' : 'address_connections');
        if (admitted === 'board')
          connection.close(CLOSE_BOARD_BUSY, 'too many people on this board');
        else connection.close(CLOSE_ADDRESS_BUSY, 'too many connections from this address');
        return;
      }
      connection.startHeartbeat(heartbeatMs);
      let room: Room | undefined;
      // Frames that arrive while the room loads wait here, so none is lost.
      const early: Uint8Array[] = [];
      let earlyBytes = 0;

      // Listeners are attached before any await, as @fastify/websocket requires.
      // Whatever one connection's frames do wrong closes that connection, never the process.
      const guarded = (what: string, handle: () => void) => {
        try {
          handle();
        } catch (error) {
          log.error({ err: error }, `failed to handle ${what}`);
          connection.close(CLOSE_INTERNAL_ERROR, 'internal error');
        }
      };
      socket.on('message', (data, isBinary) =>
        guarded('a message', () => {
          if (!isBinary) {
            connection.close(CLOSE_UNSUPPORTED, 'text frames are not supported');
            return;
          }
          const frame = toBytes(data);
          if (room) {
            room.receive(connection, frame);
            return;
          }
          earlyBytes += frame.byteLength;
          if (earlyBytes > maxBufferedBytes) {
            if (connection.isOpen) metrics.limitHit('early_data');
            connection.close(CLOSE_TRY_AGAIN_LATER, 'too much data before the board was loaded');
          } else {
            early.push(frame);
          }
        }),
      );
      releaseUpgrade(request.raw, socket);
      // In place of @fastify/websocket's listener (releaseUpgrade), doing what it did.
      socket.on('error', (error) => {
        log.warn({ err: error }, 'websocket error');
        socket.terminate();
      });
      socket.on('close', (code) =>
        guarded('a close', () => {
          log.debug({ code }, 'client disconnected');
          rooms.dismiss(boardId, connection);
          if (room?.leave(connection)) rooms.release(room);
        }),
      );

      rooms.acquire(boardId).then(
        (loaded) =>
          guarded('a join', () => {
            if (!connection.isOpen) {
              rooms.release(loaded);
              return;
            }
            room = loaded;
            room.join(connection);
            for (const frame of early.splice(0)) room.receive(connection, frame);
          }),
        (error: unknown) => {
          log.error({ err: error }, 'could not load board');
          connection.close(CLOSE_INTERNAL_ERROR, 'could not load the board');
        },
      );
    },
  );
}
