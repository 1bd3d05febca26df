import { join } from 'node:path';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, {
  type FastifyInstance,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import type { Registry } from 'prom-client';
import { installErrorHandlers } from './errors.js';
import { createExportPool, EXPORT_TIMEOUT_MS, type ExportPool } from './export/exportPool.js';
import { createMetrics } from './metrics.js';
import { roomsPlugin } from './rooms/plugin.js';
import { openRedisFanOut } from './rooms/redisFanOut.js';
import type { RoomRegistry } from './rooms/registry.js';
import { boardRoutes } from './routes/boards.js';
import { prepRoutes } from './routes/prep.js';
import { summaryRoutes } from './routes/summary.js';
import { syncRoutes } from './routes/sync.js';
import { webRoutes } from './routes/web.js';
import { openPostgresStorage } from './storage/postgres.js';
import { openSqliteStorage } from './storage/sqlite.js';
import type { Storage } from './storage/types.js';

export interface ServerOptions {
  /** Folder for the SQLite database; ignored when `storage` or `databaseUrl` is given. Default ./data. */
  dataDir?: string;
  /** PostgreSQL to keep boards in (postgres://…), instead of SQLite under `dataDir`. */
  databaseUrl?: string;
  /** Connections to PostgreSQL at most, with `databaseUrl`. Default 10. */
  databasePoolSize?: number;
  /**
   * Redis (redis://…) through which several servers on one PostgreSQL database serve the same
   * boards at once (see docs/operations.md). Without it, a server shares boards with no other.
   */
  redisUrl?: string;
  /** A storage adapter to use instead of SQLite or PostgreSQL. Closed with the server. */
  storage?: Storage;
  /** SQLite durability: 'normal' survives a killed process, 'full' also a power loss. */
  sqliteSynchronous?: 'normal' | 'full';
  /** The built web app to serve, or null to serve the API only. */
  webRoot?: string | null;
  /** Base URL for share links (e.g. https://board.example.com); default from the request. */
  publicUrl?: string;
  /** Pino logger options (level, stream...); false for none. Tokens are redacted from URLs. */
  logger?: false | Exclude<FastifyServerOptions['logger'], boolean | undefined>;
  /**
   * Which X-Forwarded-* headers to believe (Fastify's trustProxy): false (none), the proxy's
   * addresses or CIDR ranges, or the number of proxy hops. `true` trusts any sender.
   */
  trustProxy?: boolean | string | string[] | number;
  /** Largest websocket frame accepted, in bytes. Default 1 MiB. */
  maxMessageBytes?: number;
  /** Unsent bytes after which a client that does not read is disconnected. Default 8 MiB. */
  maxBufferedBytes?: number;
  /** How long a room stays in memory after its last client leaves. Default 10 s. */
  idleUnloadMs?: number;
  /** Compact a room's update log once this many updates are appended. Default 500. */
  compactAfterUpdates?: number;
  /** Interval of websocket pings; a client missing one is dropped. Default 30 s. */
  heartbeatMs?: number;
  /** Boards one client address may create per minute. Default 60. */
  createBoardsPerMinute?: number;
  /** Board look-ups and websocket upgrades one client address may make per minute. */
  requestsPerMinute?: number;
  /** Notes one board may hold. Default 10,000. */
  maxNotesPerBoard?: number;
  /** Bytes one board's stored document may take. Default 64 MiB. */
  maxBoardBytes?: number;
  /** Connections one board takes at once. Default 100. */
  maxConnectionsPerBoard?: number;
  /** Connections one client address may hold at once. Default 50. */
  maxConnectionsPerAddress?: number;
  /** Messages one connection may send per second on average; bursts of 5 s of it. */
  messagesPerSecond?: number;
  /** Largest presence state, in bytes of JSON. Default 4 KiB. */
  maxPresenceBytes?: number;
  /** Bytes one connection may send per second on average, beside bursts of 4 frames. */
  bytesPerSecond?: number;
  /** Silence after which another connection may take over a presence id. Default 20 s. */
  presenceTakeoverMs?: number;
  /** Presence changes are relayed together at most this often (ms; 0: each at once). 16. */
  presenceRelayMs?: number;
  /** How often a connection's visit (name, role, last seen) is written while it stays. 60 s. */
  visitWriteIntervalMs?: number;
  /** How long one export may run on its thread before it is stopped (503). Default 30 s. */
  exportTimeoutMs?: number;
  /**
   * Count what the server does for Prometheus (`app.metrics`; main.ts serves it on its own
   * port, see docs/operations.md). Off by default: then nothing is counted.
   */
  metrics?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Decorated by roomsPlugin. */
    rooms: RoomRegistry;
    storage: Storage;
    /** The worker threads every export runs in; stopped when the server closes. */
    exportPool: ExportPool;
    /** The server's Prometheus registry, when built with `metrics: true`. */
    metrics: Registry | undefined;
  }
}

export const DEFAULTS = {
  dataDir: './data',
  maxMessageBytes: 1024 * 1024,
  maxBufferedBytes: 8 * 1024 * 1024,
  idleUnloadMs: 10_000,
  compactAfterUpdates: 500,
  createBoardsPerMinute: 60,
  requestsPerMinute: 120,
  heartbeatMs: 30_000,
  maxNotesPerBoard: 10_000,
  maxBoardBytes: 64 * 1024 * 1024,
  maxConnectionsPerBoard: 100,
  maxConnectionsPerAddress: 50,
  messagesPerSecond: 100,
  maxPresenceBytes: 4096,
  /** Refused writes a connection may send per minute before it is closed (4429). */
  refusalsPerMinute: 30,
  /** Presence updates a connection may send per second; more are dropped (cursors send ~30). */
  presencePerSecond: 60,
  /** Bytes a connection may send per second on average, beside bursts of 4 frames. */
  bytesPerSecond: 256 * 1024,
  presenceTakeoverMs: 20_000,
  /** One presence frame per connection per 16 ms at most: 60 a second, as a screen refreshes. */
  presenceRelayMs: 16,
  visitWriteIntervalMs: 60_000,
  exportTimeoutMs: EXPORT_TIMEOUT_MS,
} as const;

/** The `token` query parameter of a URL replaced, so link secrets never reach the logs. */
export function redactToken(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}

function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactToken(request.url),
    remoteAddress: request.ip,
  };
}

/**
 * Fastify's trustProxy from ours. A hop count trusts that many proxies in front of the server
 * (Fastify itself refuses numbers: they cannot check who the nearest peer is, so prefer
 * addresses when the server can be reached other than through the proxy).
 */
function trustProxySetting(
  setting: ServerOptions['trustProxy'],
): boolean | string | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting ?? false;
}

/** PostgreSQL when a database URL is given, else the SQLite file under the data folder. */
async function openStorage(options: ServerOptions, app: FastifyInstance): Promise<Storage> {
  if (options.databaseUrl) {
    return openPostgresStorage({
      url: options.databaseUrl,
      poolSize: options.databasePoolSize,
      // The message only: pg's error carries its whole client object.
      onIdleError: (error) =>
        app.log.warn({ reason: error.message }, 'PostgreSQL connection lost while idle'),
    });
  }
  return openSqliteStorage({
    file: join(options.dataDir ?? DEFAULTS.dataDir, 'dartboard.sqlite'),
    synchronous: options.sqliteSynchronous ?? 'normal',
  });
}

/** Builds the Dartboard server: HTTP API, websocket relay and web app. Never listens. */
export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { ...options.logger, serializers: { req: serializeRequest } } : false,
    trustProxy: trustProxySetting(options.trustProxy),
    bodyLimit: 64 * 1024,
    // Refuse unknown fields and wrong types instead of silently dropping or converting them.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  });
  // Instances can only share boards they all read from one database.
  if (options.redisUrl && !options.databaseUrl && !options.storage) {
    throw new Error('a Redis fan-out needs PostgreSQL storage (databaseUrl)');
  }
  const metrics = options.metrics ? createMetrics() : undefined;
  app.decorate('metrics', metrics?.registry);
  const storage = options.storage ?? (await openStorage(options, app));
  const fanout = options.redisUrl
    ? await openRedisFanOut({
        url: options.redisUrl,
        log: app.log,
        onPublished: metrics?.fanOutPublished,
      }).catch(async (error) => {
        await storage.close();
        throw error;
      })
    : undefined;
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULTS.maxMessageBytes;
  const requestsPerMinute = options.requestsPerMinute ?? DEFAULTS.requestsPerMinute;
  const messagesPerSecond = options.messagesPerSecond ?? DEFAULTS.messagesPerSecond;
  // Registered before the websocket plugin: see roomsPlugin.
  await app.register(roomsPlugin, {
    storage,
    fanout,
    rooms: {
      idleUnloadMs: options.idleUnloadMs ?? DEFAULTS.idleUnloadMs,
      compactAfterUpdates: options.compactAfterUpdates ?? DEFAULTS.compactAfterUpdates,
      maxNotes: options.maxNotesPerBoard ?? DEFAULTS.maxNotesPerBoard,
      maxStoredBytes: options.maxBoardBytes ?? DEFAULTS.maxBoardBytes,
      maxConnectionsPerBoard: options.maxConnectionsPerBoard ?? DEFAULTS.maxConnectionsPerBoard,
      maxConnectionsPerAddress:
        options.maxConnectionsPerAddress ?? DEFAULTS.maxConnectionsPerAddress,
      presence: {
        maxStateBytes: options.maxPresenceBytes ?? DEFAULTS.maxPresenceBytes,
        maxIdsPerConnection: 4,
        takeoverAfterMs: options.presenceTakeoverMs ?? DEFAULTS.presenceTakeoverMs,
        relayEveryMs: options.presenceRelayMs ?? DEFAULTS.presenceRelayMs,
      },
      visitWriteIntervalMs: options.visitWriteIntervalMs ?? DEFAULTS.visitWriteIntervalMs,
      metrics: metrics?.rooms,
    },
  });
  const rooms = app.rooms;
  if (metrics) {
    app.addHook('onResponse', async (_request, reply) => {
      if (reply.statusCode === 429) metrics.rooms.limitHit('http_rate_limit');
    });
  }

  // The API speaks JSON only: anything else is 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');
  installErrorHandlers(app);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Share links carry their secret in the fragment, which browsers never send; this also
    // keeps the board path out of other sites' logs.
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  // Only routes that opt in are limited (board creation, the one unauthenticated write).
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyWebsocket, { options: { maxPayload: maxMessageBytes } });

  app.get('/healthz', async (request, reply) => {
    try {
      await storage.check();
      return { status: 'ok' };
    } catch (error) {
      request.log.error({ err: error }, 'health check: storage does not answer');
      return reply.code(503).send({ status: 'unavailable', reason: 'storage does not answer' });
    }
  });
  await app.register(boardRoutes, {
    storage,
    rooms,
    publicUrl: options.publicUrl,
    createBoardsPerMinute: options.createBoardsPerMinute ?? DEFAULTS.createBoardsPerMinute,
    requestsPerMinute,
  });
  await app.register(prepRoutes, { storage, requestsPerMinute });
  const exportPool = createExportPool({
    timeoutMs: options.exportTimeoutMs ?? DEFAULTS.exportTimeoutMs,
  });
  app.decorate('exportPool', exportPool);
  app.addHook('onClose', () => exportPool.close());
  metrics?.watch(rooms, exportPool);
  await app.register(summaryRoutes, { storage, rooms, exportPool });
  await app.register(syncRoutes, {
    storage,
    rooms,
    maxBufferedBytes: options.maxBufferedBytes ?? DEFAULTS.maxBufferedBytes,
    heartbeatMs: options.heartbeatMs ?? DEFAULTS.heartbeatMs,
    requestsPerMinute,
    limits: {
      messagesPerSecond,
      messageBurst: messagesPerSecond * 5,
      bytesPerSecond: options.bytesPerSecond ?? DEFAULTS.bytesPerSecond,
      byteBurst: maxMessageBytes * 4,
      presencePerSecond: DEFAULTS.presencePerSecond,
      refusalsPerMinute: DEFAULTS.refusalsPerMinute,
    },
    metrics: metrics?.rooms,
  });
  if (options.webRoot) await app.register(webRoutes, { root: options.webRoot });
  return app;
}
