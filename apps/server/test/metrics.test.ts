import { addNote } from '@dartboard/board';
import type { FastifyInstance } from 'fastify';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { buildMetricsServer } from '../src/metrics.js';
import {
  collectRefusals,
  connectClient,
  createBoard,
  openRawSocket,
  startServer,
  type TestClient,
  type TestServer,
} from './helpers.js';

// /metrics: off unless asked for, on its own listener, Prometheus text that counts what the
// relay does and never names a board, a token or what people wrote.

/**
 * One line of the Prometheus text format 0.0.4: a comment, or a sample with its value. prom-client
 * writes NaN as "Nan", which Prometheus reads (Go's ParseFloat ignores case there).
 */
const COMMENT = /^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*$/;
const SAMPLE =
  /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\["\\n])*",?)*\})? (-?[0-9.]+(?:e[+-]?[0-9]+)?|NaN|Nan|[+-]Inf)$/;

/** The samples of a scrape by name and labels (`name{a="b"}`), every line checked. */
function parse(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      expect(line).toMatch(COMMENT);
      continue;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
    samples.set(`${match[1]}${match[2] ?? ''}`, Number(match[3]));
  }
  return samples;
}

const servers: TestServer[] = [];
const clients: TestClient[] = [];
const listeners: FastifyInstance[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const listener of listeners.splice(0)) await listener.close();
  for (const server of servers.splice(0)) await server.cleanup();
});

async function start(options: Parameters<typeof startServer>[0]) {
  const server = await startServer(options);
  servers.push(server);
  return server;
}

/** The server's metrics listener, on a port of its own, as main.ts runs it. */
async function metricsOf(server: TestServer) {
  const registry = server.app.metrics;
  if (!registry) throw new Error('metrics are off');
  const app = buildMetricsServer(registry);
  listeners.push(app);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const scrape = async () => {
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };
  /** Scrapes until `check` holds for the samples; fails with the last scrape. */
  const until = async (what: string, check: (samples: Map<string, number>) => boolean) => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const text = await scrape();
      if (check(parse(text))) return text;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { scrape, until };
}

function connect(server: TestServer, boardId: string, token: string) {
  const client = connectClient(server.wsUrl, boardId, token);
  clients.push(client);
  return client;
}

describe('metrics', () => {
  it('are off unless asked for: no registry, and /metrics on the main port is 404', async () => {
    const server = await start({});
    expect(server.app.metrics).toBeUndefined();
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
  });

  it('are served on their own listener only, never on the main port', async () => {
    const server = await start({ metrics: true });
    const { scrape } = await metricsOf(server);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    const samples = parse(await scrape());
    expect(samples.get('dartboard_boards_loaded')).toBe(0);
    expect(samples.get('dartboard_connections{role="edit"}')).toBe(0);
    expect(samples.get('dartboard_exports{state="waiting"}')).toBe(0);
    // Event-loop delay, from prom-client's default process metrics.
    expect(samples.has('nodejs_eventloop_lag_p99_seconds')).toBe(true);
  });

  it('count connections by role, stored updates, presence and refused writes', async () => {
    const server = await start({ metrics: true });
    const { until } = await metricsOf(server);
    const board = await createBoard(server.url, { title: 'Quarterly secrets' });
    const facilitator = connect(server, board.id, board.tokens.facilitator);
    const editor = connect(server, board.id, board.tokens.edit);
    const viewer = connect(server, board.id, board.tokens.view);
    const refusals = collectRefusals(viewer);
    await Promise.all([facilitator.synced, editor.synced, viewer.synced]);
    editor.provider.awareness.setLocalStateField('user', { name: 'Hidden Person' });

    await until('one of each role', (s) =>
      ['facilitator', 'edit', 'view'].every(
        (role) => s.get(`dartboard_connections{role="${role}"}`) === 1,
      ),
    );
    addNote(editor.doc, { x: 0, y: 0, author: 'Chris', text: 'the launch slips to May' });
    addNote(viewer.doc, { x: 1, y: 0, author: 'Eve', text: 'forged by a viewer' });
    const text = await until(
      'a stored write, a refused one and presence',
      (s) =>
        (s.get('dartboard_updates_stored_total') ?? 0) >= 1 &&
        (s.get('dartboard_storage_append_seconds_count') ?? 0) >= 1 &&
        // The stock client may send a refused change again (in its sync step 2): each is counted.
        (s.get('dartboard_writes_refused_total{kind="permission"}') ?? 0) >= 1 &&
        (s.get('dartboard_presence_received_total') ?? 0) >= 1 &&
        (s.get('dartboard_presence_relayed_total') ?? 0) >= 1,
    );
    expect(refusals[0]).toBe('This is a view-only link: it cannot change the board.');
    expect(parse(text).get('dartboard_writes_refused_total{kind="rules"}')).toBeUndefined();
    expect(parse(text).get('dartboard_boards_loaded')).toBe(1);

    // Nothing anyone wrote, no board and no link secret is in the text.
    for (const secret of [
      board.id,
      board.tokens.facilitator,
      board.tokens.edit,
      board.tokens.view,
      'Quarterly secrets',
      'the launch slips',
      'forged by a viewer',
      'Hidden Person',
      'Chris',
    ]) {
      expect(text).not.toContain(secret);
    }

    editor.destroy();
    await until('the editor gone', (s) => s.get('dartboard_connections{role="edit"}') === 0);
  });

  it('count a connection closed for its message rate', async () => {
    const server = await start({ metrics: true, messagesPerSecond: 10 });
    const { until } = await metricsOf(server);
    const board = await createBoard(server.url);
    const flooder = await openRawSocket(server.wsUrl, board.id, board.tokens.view);
    const query = encoding.createEncoder();
    encoding.writeVarUint(query, 3);
    for (let i = 0; i < 200; i++) flooder.socket.send(encoding.toUint8Array(query));
    expect((await flooder.closed).code).toBe(4429);
    await until(
      'the message-rate close counted once',
      (s) => s.get('dartboard_limit_hits_total{kind="message_rate"}') === 1,
    );
  });
});
