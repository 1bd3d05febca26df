import { join } from 'node:path';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, {
  type FastifyInstance,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { installErrorHandlers } from './errors.js';
import { RoomRegistry } from './rooms/registry.js';
import { boardRoutes } from './routes/boards.js';
import { syncRoutes } from './routes/sync.js';
import { webRoutes } from './routes/web.js';
import { openSqliteStorage } from './storage/sqlite.js';
import type { Storage } from './storage/types.js';

export interface ServerOptions {
  /** Folder for the SQLite database; ignored when `storage` is given. Default ./data. */
  dataDir?: string;
  /** A storage adapter to use instead of SQLite under `dataDir`. Closed with the server. */
  storage?: Storage;
  /** SQLite durability: 'normal' survives a killed process, 'full' also a power loss. */
  sqliteSynchronous?: 'normal' | 'full';
  /** The built web app to serve, or null to serve the API only. */
  webRoot?: string | null;
  /** Base URL for share links (e.g. https://board.example.com); default from the request. */
  publicUrl?: string;
  /** Pino logger options (level, stream...); false for none. Tokens are redacted from URLs. */
  logger?: false | Exclude<FastifyServerOptions['logger'], boolean | undefined>;
  /** Trust X-Forwarded-* headers from a reverse proxy. */
  trustProxy?: boolean;
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
}

declare module 'fastify' {
  interface FastifyInstance {
    rooms: RoomRegistry;
    storage: Storage;
  }
}

export const DEFAULTS = {
  dataDir: './data',
  maxMessageBytes: 1024 * 1024,
  maxBufferedBytes: 8 * 1024 * 1024,
  idleUnloadMs: 10_000,
  compactAfterUpdates: 500,
  createBoardsPerMinute: 60,
  heartbeatMs: 30_000,
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

/** Builds the Dartboard server: HTTP API, websocket relay and web app. Never listens. */
export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { ...options.logger, serializers: { req: serializeRequest } } : false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 64 * 1024,
    // Refuse unknown fields and wrong types instead of silently dropping or converting them.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  });
  const storage =
    options.storage ??
    openSqliteStorage({
      file: join(options.dataDir ?? DEFAULTS.dataDir, 'dartboard.sqlite'),
      synchronous: options.sqliteSynchronous ?? 'normal',
    });
  const rooms = new RoomRegistry(
    storage,
    {
      idleUnloadMs: options.idleUnloadMs ?? DEFAULTS.idleUnloadMs,
      compactAfterUpdates: options.compactAfterUpdates ?? DEFAULTS.compactAfterUpdates,
    },
    app.log,
  );
  app.decorate('rooms', rooms);
  app.decorate('storage', storage);

  // Registered before the websocket plugin, so clients get a proper close code and every
  // room is compacted before the plugin closes the remaining sockets.
  app.addHook('preClose', async () => {
    await rooms.closeAll();
  });
  app.addHook('onClose', async () => {
    await storage.close();
  });

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
  await app.register(fastifyWebsocket, {
    options: { maxPayload: options.maxMessageBytes ?? DEFAULTS.maxMessageBytes },
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  await app.register(boardRoutes, {
    storage,
    rooms,
    publicUrl: options.publicUrl,
    createBoardsPerMinute: options.createBoardsPerMinute ?? DEFAULTS.createBoardsPerMinute,
  });
  await app.register(syncRoutes, {
    storage,
    rooms,
    maxBufferedBytes: options.maxBufferedBytes ?? DEFAULTS.maxBufferedBytes,
    heartbeatMs: options.heartbeatMs ?? DEFAULTS.heartbeatMs,
  });
  if (options.webRoot) await app.register(webRoutes, { root: options.webRoot });
  return app;
}
