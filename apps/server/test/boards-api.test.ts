import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listZones, readMeta } from '@dartboard/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, createBoard, startServer, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.cleanup());

async function post(body: string, contentType = 'application/json') {
  return fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
}

function getBoard(id: string, token?: string, via: 'header' | 'query' = 'header') {
  const query = token && via === 'query' ? `?token=${encodeURIComponent(token)}` : '';
  const headers: Record<string, string> =
    token && via === 'header' ? { authorization: `Bearer ${token}` } : {};
  return fetch(`${server.url}/api/boards/${id}${query}`, { headers });
}

describe('POST /api/boards', () => {
  it('creates a DART board with three distinct secret tokens and links that carry them in the fragment', async () => {
    const board = await createBoard(server.url, { title: 'Acme renewal' });
    expect(board.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(board.title).toBe('Acme renewal');
    const tokens = Object.values(board.tokens);
    expect(new Set(tokens).size).toBe(3);
    for (const token of tokens) {
      // 43 base64url characters = 256 bits.
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    for (const role of ['facilitator', 'edit', 'view'] as const) {
      const link = new URL(board.links[role]);
      expect(link.origin).toBe(server.url);
      expect(link.pathname).toBe(`/b/${board.id}`);
      expect(link.search).toBe('');
      expect(link.hash).toBe(`#token=${board.tokens[role]}`);
    }
  });

  it('defaults to an untitled DART board when the body is empty or absent', async () => {
    const empty = await post('{}');
    expect(empty.status).toBe(201);
    expect(((await empty.json()) as { title: string }).title).toBe('Untitled session');
    const none = await fetch(`${server.url}/api/boards`, { method: 'POST' });
    expect(none.status).toBe(201);
  });

  it.each([
    ['dart', ['Dialogue', 'Access', 'Risk assessment', 'Transparency']],
    ['spin', ['Situation', 'Problem', 'Implication', 'Need-payoff']],
    ['journey', ['Objective', 'Options', 'Ideation', 'Prototype', 'Test', 'Launch']],
    ['blank', []],
  ])('creates a %s board whose zones a client reads back in order', async (template, titles) => {
    const board = await createBoard(server.url, { title: 'Templates', template });
    const client = connectClient(server.wsUrl, board.id, board.tokens.view);
    try {
      await client.synced;
      expect(readMeta(client.doc).template).toBe(template);
      expect(listZones(client.doc).map((zone) => zone.title)).toEqual(titles);
    } finally {
      client.destroy();
    }
  });

  it('refuses a template it does not know with 400', async () => {
    expect((await post('{"template":"swot"}')).status).toBe(400);
    expect((await post('{"template":"SPIN"}')).status).toBe(400);
  });

  it('uses PUBLIC_URL for links when one is configured', async () => {
    const other = await startServer({ publicUrl: 'https://boards.example.com/' });
    try {
      const board = await createBoard(other.url);
      expect(board.links.edit).toBe(
        `https://boards.example.com/b/${board.id}#token=${board.tokens.edit}`,
      );
    } finally {
      await other.cleanup();
    }
  });

  it.each([
    ['invalid JSON', '{"title": '],
    ['an unknown template', '{"template": "kanban"}'],
    ['a title that is not a string', '{"title": 42}'],
    ['an unknown field', '{"title": "x", "admin": true}'],
    ['a title over 200 characters', JSON.stringify({ title: 'x'.repeat(201) })],
  ])('answers 400 with a message for %s', async (_, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const error = (await response.json()) as { error: string; message: string };
    expect(error.error).toBe('bad_request');
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('refuses bodies over the limit with 413 and other content types with 415', async () => {
    const big = await post(JSON.stringify({ title: 'x'.repeat(100_000) }));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: 'payload_too_large' });
    const text = await post('title=x', 'text/plain');
    expect(text.status).toBe(415);
  });

  it('limits how many boards one address may create per minute, with 429', async () => {
    const limited = await startServer({ createBoardsPerMinute: 2 });
    try {
      await createBoard(limited.url);
      await createBoard(limited.url);
      const third = await fetch(`${limited.url}/api/boards`, { method: 'POST' });
      expect(third.status).toBe(429);
      expect(await third.json()).toMatchObject({ error: 'too_many_requests' });
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.cleanup();
    }
  });

  it('stores only hashes of the tokens', async () => {
    const board = await createBoard(server.url, { title: 'Hash check' });
    const file = readFileSync(join(server.dataDir, 'dartboard.sqlite'));
    const wal = readFileSync(join(server.dataDir, 'dartboard.sqlite-wal'));
    for (const token of Object.values(board.tokens)) {
      expect(file.includes(token)).toBe(false);
      expect(wal.includes(token)).toBe(false);
    }
    expect(wal.includes(board.id) || file.includes(board.id)).toBe(true);
  });
});

describe('GET /api/boards/:id', () => {
  it('tells each role its title and the links it may share', async () => {
    const board = await createBoard(server.url, { title: 'Roles' });
    const before = Date.now();
    const asFacilitator = await (await getBoard(board.id, board.tokens.facilitator)).json();
    expect(asFacilitator).toEqual({
      id: board.id,
      title: 'Roles',
      role: 'facilitator',
      links: board.links,
      serverTime: expect.any(Number),
    });
    // The server's clock, for the page's session timer.
    expect(asFacilitator.serverTime).toBeGreaterThanOrEqual(before);
    expect(asFacilitator.serverTime).toBeLessThanOrEqual(Date.now());
    const asEditor = await (await getBoard(board.id, board.tokens.edit)).json();
    expect(asEditor).toEqual({
      id: board.id,
      title: 'Roles',
      role: 'edit',
      links: { edit: board.links.edit, view: board.links.view },
      serverTime: expect.any(Number),
    });
    const asViewer = await (await getBoard(board.id, board.tokens.view, 'query')).json();
    expect(asViewer).toEqual({
      id: board.id,
      title: 'Roles',
      role: 'view',
      links: { view: board.links.view },
      serverTime: expect.any(Number),
    });
  });

  it('answers 401 for a missing or wrong token and 404 for an unknown board', async () => {
    const board = await createBoard(server.url);
    const missing = await getBoard(board.id);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: 'unauthorized' });
    const wrong = await getBoard(board.id, 'A'.repeat(43));
    expect(wrong.status).toBe(401);
    const malformed = await getBoard(board.id, 'not a token');
    expect(malformed.status).toBe(401);
    const otherBoard = await createBoard(server.url);
    expect((await getBoard(board.id, otherBoard.tokens.facilitator)).status).toBe(401);
    const unknown = await getBoard('nosuchboard', board.tokens.facilitator);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'not_found' });
  });

  it('answers 400 for an id with characters no board id has', async () => {
    const response = await fetch(`${server.url}/api/boards/${encodeURIComponent('../etc')}`);
    expect(response.status).toBe(400);
  });

  it('answers 200 on /healthz and JSON 404 for unknown routes', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const unknown = await fetch(`${server.url}/api/nothing`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'not_found' });
  });
});
