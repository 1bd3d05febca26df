import type { Role } from '@dartboard/board';
import Fastify, { type FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ExportPool } from './export/exportPool.js';
import type { RoomRegistry } from './rooms/registry.js';
import type { RoomMetrics } from './rooms/roomMetrics.js';

// Prometheus metrics (docs/operations.md, "Metrics"). Each server has its own registry, not
// prom-client's global one, so two servers in one process (the tests) count apart.

/** Seconds: a local SQLite append takes well under a millisecond, a remote one a few. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

const ROLES: readonly Role[] = ['facilitator', 'edit', 'view'];

export interface ServerMetrics {
  registry: Registry;
  rooms: RoomMetrics;
  /** A fan-out publish answered (ok) or failed, and how long it took. */
  fanOutPublished(seconds: number, ok: boolean): void;
  /** Reads the gauges from the rooms and the export pool at each scrape, once they exist. */
  watch(rooms: RoomRegistry, exports: ExportPool): void;
}

export function createMetrics(): ServerMetrics {
  const registry = new Registry();
  // Process CPU, memory, handles, garbage collection and event-loop delay (nodejs_eventloop_*).
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let rooms: RoomRegistry | undefined;
  let exports: ExportPool | undefined;

  new Gauge({
    name: 'dartboard_boards_loaded',
    help: 'Boards in memory (loaded or loading)',
    registers,
    collect() {
      this.set(rooms?.size ?? 0);
    },
  });
  new Gauge({
    name: 'dartboard_connections',
    help: 'Open websocket connections, by the role of their link',
    labelNames: ['role'],
    registers,
    collect() {
      const counts = rooms?.connectionsByRole();
      for (const role of ROLES) this.set({ role }, counts?.[role] ?? 0);
    },
  });
  new Gauge({
    name: 'dartboard_exports',
    help: 'Summary exports running on a worker thread or waiting for one',
    labelNames: ['state'],
    registers,
    collect() {
      const load = exports?.load();
      this.set({ state: 'running' }, load?.running ?? 0);
      this.set({ state: 'waiting' }, load?.waiting ?? 0);
    },
  });
  const updatesStored = new Counter({
    name: 'dartboard_updates_stored_total',
    help: 'Document updates stored (each then relayed to the board)',
    registers,
  });
  const storageAppend = new Histogram({
    name: 'dartboard_storage_append_seconds',
    help: 'Time to append one update to storage',
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const presenceReceived = new Counter({
    name: 'dartboard_presence_received_total',
    help: 'Presence messages received from clients',
    registers,
  });
  const presenceRelayed = new Counter({
    name: 'dartboard_presence_relayed_total',
    help: 'Presence frames sent to clients',
    registers,
  });
  const refused = new Counter({
    name: 'dartboard_writes_refused_total',
    help: 'Writes refused, by why',
    labelNames: ['kind'],
    registers,
  });
  const heldBack = new Counter({
    name: 'dartboard_writes_held_back_total',
    help: 'Writes held back until the writer sends again, by why',
    labelNames: ['kind'],
    registers,
  });
  const limitHits = new Counter({
    name: 'dartboard_limit_hits_total',
    help: 'Clients that ran into a limit, by which',
    labelNames: ['kind'],
    registers,
  });
  const fanOutPublish = new Histogram({
    name: 'dartboard_fanout_publish_seconds',
    help: 'Time for Redis to take one fan-out message, by outcome',
    labelNames: ['outcome'],
    buckets: LATENCY_BUCKETS,
    registers,
  });

  return {
    registry,
    rooms: {
      updateStored(seconds) {
        updatesStored.inc();
        storageAppend.observe(seconds);
      },
      refused: (kind) => refused.inc({ kind }),
      heldBack: (kind) => heldBack.inc({ kind }),
      limitHit: (kind) => limitHits.inc({ kind }),
      presenceReceived: () => presenceReceived.inc(),
      presenceRelayed: (frames) => presenceRelayed.inc(frames),
    },
    fanOutPublished(seconds, ok) {
      fanOutPublish.observe({ outcome: ok ? 'ok' : 'failed' }, seconds);
    },
    watch(watchedRooms, watchedExports) {
      rooms = watchedRooms;
      exports = watchedExports;
    },
  };
}

/**
 * The app that serves `GET /metrics` from a registry, for its own listener (main.ts binds it to
 * METRICS_HOST:METRICS_PORT, localhost by default). Never listens.
 */
export function buildMetricsServer(registry: Registry): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/metrics', async (_request, reply) => {
    const text = await registry.metrics();
    return reply.type(registry.contentType).send(text);
  });
  return app;
}
