import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactToken } from '../src/app.js';
import { connectClient, createBoard, startServer, type TestServer } from './helpers.js';

let server: TestServer;
let logs = '';
beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logs += chunk.toString();
      done();
    },
  });
  server = await startServer({ logger: { level: 'debug', stream } });
});
afterAll(() => server.cleanup());

describe('logs', () => {
  it('never contain a link token, though requests and sockets carry them', async () => {
    const board = await createBoard(server.url);
    await fetch(`${server.url}/api/boards/${board.id}?token=${board.tokens.view}`);
    await fetch(`${server.url}/api/boards/${board.id}`, {
      headers: { authorization: `Bearer ${board.tokens.edit}` },
    });
    const client = connectClient(server.wsUrl, board.id, board.tokens.facilitator);
    await client.synced;
    client.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(logs).toContain(`/sync/${board.id}?token=[redacted]`);
    for (const token of Object.values(board.tokens)) expect(logs).not.toContain(token);
  });

  it('redacts the token parameter wherever it stands in a URL', () => {
    expect(redactToken('/sync/b1?token=abc&x=1')).toBe('/sync/b1?token=[redacted]&x=1');
    expect(redactToken('/api/boards/b1?x=1&TOKEN=abc')).toBe('/api/boards/b1?x=1&TOKEN=[redacted]');
    expect(redactToken('/api/boards/b1')).toBe('/api/boards/b1');
  });
});
