import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import { redactUrl } from '../storage/postgres.js';
import {
  type BoardListener,
  decodePresenceMessage,
  decodeUpdateMessage,
  encodePresenceMessage,
  encodeUpdateMessage,
  type FanOut,
  type LinkClose,
} from './fanout.js';

const updatesChannel = (boardId: string) => `dartboard:updates:${boardId}`;
const presenceChannel = (boardId: string) => `dartboard:presence:${boardId}`;
/** Links replaced, for every board: any instance may hold connections made with them. */
const LINKS_CHANNEL = 'dartboard:links';

export interface RedisFanOutOptions {
  /** redis://[user:password@]host:port[/db] or rediss:// for TLS. */
  url: string;
  log: FastifyBaseLogger;
  /** How long to wait for Redis at start. Default 10 s. */
  connectTimeoutMs?: number;
  /** Told how long each publish took until Redis answered, and whether it took it. */
  onPublished?: (seconds: number, ok: boolean) => void;
}

/**
 * Fan-out through Redis pub/sub: one connection publishes, one subscribes to the channels of
 * the boards this instance has loaded. Opening waits for both connections and rejects, naming
 * the URL with its password hidden, when Redis cannot be reached. Later outages are logged;
 * ioredis reconnects and subscribes again by itself, and every room then catches up from
 * storage (`resumed`). Publishing while Redis is away fails at once and is not retried:
 * storage has everything.
 */
export async function openRedisFanOut(options: RedisFanOutOptions): Promise<FanOut> {
  const instance = randomUUID();
  const common = {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs ?? 10_000,
    // Reconnect forever, backing off to 2 s.
    retryStrategy: (times: number) => Math.min(times * 100, 2000),
  };
  const publisher = new Redis(options.url, { ...common, enableOfflineQueue: false });
  const subscriber = new Redis(options.url, common);
  const listeners = new Map<string, Set<BoardListener>>();
  const linkCloseHandlers: Array<(close: LinkClose) => void> = [];
  let closing = false;
  // ioredis rejects a failed connect with "Connection is closed."; the reason came before.
  let lastError: Error | undefined;

  for (const [role, connection] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    connection.on('error', (error: Error) => {
      lastError = error;
      if (!closing) options.log.warn({ role, reason: error.message }, 'Redis connection error');
    });
  }
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
    await subscriber.subscribe(LINKS_CHANNEL);
  } catch (error) {
    closing = true;
    publisher.disconnect();
    subscriber.disconnect();
    const reason = lastError?.message ?? (error instanceof Error ? error.message : String(error));
    throw new Error(`cannot connect to Redis at ${redactUrl(options.url)}: ${reason}`);
  }

  let ready = true;
  subscriber.on('close', () => {
    if (ready && !closing) options.log.warn('Redis subscription lost; serving local clients only');
    ready = false;
  });
  subscriber.on('ready', () => {
    if (ready) return;
    ready = true;
    // ioredis emits 'ready' just before it subscribes again; a PING sent after that is
    // answered once Redis has taken the subscriptions, so nothing published from then on is
    // missed by the rooms' catch-up.
    setImmediate(() => {
      const resume = () => {
        options.log.info('Redis subscription back; catching up from storage');
        for (const set of listeners.values()) for (const listener of set) listener.resumed();
      };
      subscriber.ping().then(resume, resume);
    });
  });
  subscriber.on('messageBuffer', (channelBytes: Buffer, message: Buffer) => {
    const channel = channelBytes.toString();
    try {
      if (channel === LINKS_CHANNEL) {
        const { instance: sender, ...close } = JSON.parse(message.toString()) as LinkClose & {
          instance: string;
        };
        if (sender === instance) return;
        for (const handler of linkCloseHandlers) handler(close);
      } else if (channel.startsWith('dartboard:updates:')) {
        const decoded = decodeUpdateMessage(message);
        if (decoded.instance === instance) return;
        const set = listeners.get(channel.slice('dartboard:updates:'.length));
        for (const listener of set ?? []) listener.update(decoded.seq, decoded.update);
      } else if (channel.startsWith('dartboard:presence:')) {
        const decoded = decodePresenceMessage(message);
        if (decoded.instance === instance) return;
        const set = listeners.get(channel.slice('dartboard:presence:'.length));
        for (const listener of set ?? []) listener.presence(decoded.update);
      }
    } catch (error) {
      options.log.error({ channel, err: error }, 'malformed fan-out message');
    }
  });

  const onPublished = options.onPublished;
  const publish = (channel: string, message: Buffer) => {
    const started = onPublished ? performance.now() : 0;
    const sent = publisher.publish(channel, message);
    if (onPublished) {
      sent.then(
        () => onPublished((performance.now() - started) / 1000, true),
        () => onPublished((performance.now() - started) / 1000, false),
      );
    }
    sent.catch((error: Error) => {
      options.log.debug({ channel, reason: error.message }, 'could not publish to Redis');
    });
  };

  return {
    async join(boardId, listener) {
      let set = listeners.get(boardId);
      const first = !set;
      if (!set) {
        set = new Set();
        listeners.set(boardId, set);
      }
      set.add(listener);
      if (first) {
        const subscribed = subscriber.subscribe(updatesChannel(boardId), presenceChannel(boardId));
        // While Redis is away the subscription waits in ioredis's queue; the room loads from
        // storage meanwhile and catches up when the connection is back.
        if (ready) await subscribed;
        else subscribed.catch(() => undefined);
      }
      let left = false;
      return {
        publishUpdate: (seq, update) =>
          publish(updatesChannel(boardId), encodeUpdateMessage(instance, seq, update)),
        publishPresence: (update) =>
          publish(presenceChannel(boardId), encodePresenceMessage(instance, update)),
        leave() {
          if (left) return;
          left = true;
          set.delete(listener);
          if (set.size > 0 || listeners.get(boardId) !== set) return;
          listeners.delete(boardId);
          subscriber
            .unsubscribe(updatesChannel(boardId), presenceChannel(boardId))
            .catch(() => undefined);
        },
      };
    },
    publishLinkClose(close) {
      publish(LINKS_CHANNEL, Buffer.from(JSON.stringify({ instance, ...close })));
    },
    onLinkClose(handler) {
      linkCloseHandlers.push(handler);
    },
    async close() {
      closing = true;
      // QUIT politely when connected; during an outage ioredis would hold it until Redis is
      // back, so just stop reconnecting.
      await Promise.allSettled(
        [publisher, subscriber].map((connection) =>
          connection.status === 'ready' ? connection.quit() : undefined,
        ),
      );
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
