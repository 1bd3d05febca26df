import { defaultPrep, type Prep, ROOT_META, ROOT_NOTES, ROOT_ZONES } from '@dartboard/board';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type CreatedBoard,
  connectClient,
  createBoard,
  startServer,
  type TestClient,
  type TestServer,
  tempDataDir,
} from './helpers.js';

let server: TestServer;
let board: CreatedBoard;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startServer();
  board = await createBoard(server.url, { title: 'Acme renewal' });
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(() => server.cleanup());

function prepUrl(boardId = board.id, base = server.url) {
  return `${base}/api/boards/${boardId}/prep`;
}

function auth(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

function getPrep(token: string | undefined, boardId?: string, base?: string) {
  return fetch(prepUrl(boardId, base), { headers: auth(token), cache: 'no-store' });
}

function putPrep(
  token: string | undefined,
  body: unknown,
  options: { boardId?: string; base?: string; raw?: string; type?: string } = {},
) {
  return fetch(prepUrl(options.boardId, options.base), {
    method: 'PUT',
    headers: { ...auth(token), 'content-type': options.type ?? 'application/json' },
    body: options.raw ?? JSON.stringify(body),
  });
}

function filled(goal: string): Prep {
  const prep = defaultPrep();
  prep.customer = 'Dana Reyes';
  prep.company = 'Acme Logistics';
  prep.goal = goal;
  prep.notes = 'Dana decides; the CFO signs.';
  prep.readiness = [{ id: 'r1', area: 'critical', text: 'Budget', cause: 'New CFO', rating: 2 }];
  prep.summary = { goal: true, customer: false };
  return prep;
}

/** A fresh board, so that tests do not see each other's revisions. */
async function freshBoard(base = server.url) {
  return createBoard(base, { title: 'Acme pilot' });
}

describe('GET /api/boards/:id/prep', () => {
  it('answers the defaults at revision 0 before anything was saved', async () => {
    const response = await getPrep(board.tokens.facilitator);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ revision: 0, prep: defaultPrep() });
  });

  it('is for the facilitator link only: 403 for the edit and view links, 401 without one', async () => {
    for (const token of [board.tokens.edit, board.tokens.view]) {
      const response = await getPrep(token);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: 'forbidden',
        message: 'Only the facilitator link can open the preparation.',
      });
    }
    expect((await getPrep(undefined)).status).toBe(401);
    const wrong = await getPrep('not-a-token');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'unauthorized' });
    // Another board's facilitator link opens nothing here.
    const other = await freshBoard();
    expect((await getPrep(other.tokens.facilitator)).status).toBe(401);
  });

  it('answers 404 for a board that does not exist', async () => {
    const response = await getPrep(board.tokens.facilitator, 'NoSuchBoard12345');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  });
});

describe('PUT /api/boards/:id/prep', () => {
  it('saves and reads back, one revision at a time', async () => {
    const target = await freshBoard();
    const token = target.tokens.facilitator;
    const first = await putPrep(
      token,
      { revision: 0, prep: filled('Agree the pilot') },
      {
        boardId: target.id,
      },
    );
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ revision: 1, prep: filled('Agree the pilot') });
    const second = await putPrep(
      token,
      { revision: 1, prep: filled('Agree the pilot scope') },
      {
        boardId: target.id,
      },
    );
    expect(await second.json()).toEqual({ revision: 2, prep: filled('Agree the pilot scope') });
    const read = await getPrep(token, target.id);
    expect(await read.json()).toEqual({ revision: 2, prep: filled('Agree the pilot scope') });
  });

  it('answers 409 with the stored version when someone saved in the meantime', async () => {
    const target = await freshBoard();
    const token = target.tokens.facilitator;
    await putPrep(token, { revision: 0, prep: filled('Laptop') }, { boardId: target.id });
    const late = await putPrep(
      token,
      { revision: 0, prep: filled('Phone') },
      {
        boardId: target.id,
      },
    );
    expect(late.status).toBe(409);
    expect(await late.json()).toEqual({
      error: 'conflict',
      message: 'Someone else saved the preparation in the meantime.',
      revision: 1,
      prep: filled('Laptop'),
    });
    // A revision from the future conflicts too, and nothing was changed.
    const ahead = await putPrep(
      token,
      { revision: 5, prep: filled('Tablet') },
      {
        boardId: target.id,
      },
    );
    expect(ahead.status).toBe(409);
    expect(await (await getPrep(token, target.id)).json()).toEqual({
      revision: 1,
      prep: filled('Laptop'),
    });
  });

  it('is for the facilitator link only, whatever the body', async () => {
    const body = { revision: 0, prep: filled('Hijack') };
    for (const token of [board.tokens.edit, board.tokens.view]) {
      expect((await putPrep(token, body)).status).toBe(403);
      expect((await putPrep(token, { nonsense: true })).status).toBe(403);
    }
    expect((await putPrep(undefined, body)).status).toBe(401);
    expect((await putPrep('x'.repeat(43), body)).status).toBe(401);
    expect(
      (await putPrep(board.tokens.facilitator, body, { boardId: 'NoSuchBoard12345' })).status,
    ).toBe(404);
    const stored = await getPrep(board.tokens.facilitator);
    expect(((await stored.json()) as { prep: Prep }).prep.goal).not.toBe('Hijack');
  });

  it.each([
    ['a missing revision', { prep: defaultPrep() }, /revision/],
    ['a negative revision', { revision: -1, prep: defaultPrep() }, /revision/],
    ['a revision that is text', { revision: '1', prep: defaultPrep() }, /revision/],
    ['an unknown top-level field', { revision: 0, prep: defaultPrep(), extra: 1 }, /additional/],
    ['a prep that is not an object', { revision: 0, prep: 'x' }, /prep/],
    [
      'an unknown prep field',
      { revision: 0, prep: { ...defaultPrep(), secret: 1 } },
      /^prep has an unknown field "secret"\.$/,
    ],
    [
      'a goal over 1000 characters',
      { revision: 0, prep: { ...defaultPrep(), goal: 'x'.repeat(1001) } },
      /^prep\.goal must be at most 1000 characters\.$/,
    ],
    [
      'a rating of 6',
      {
        revision: 0,
        prep: {
          ...defaultPrep(),
          readiness: [{ id: 'r1', area: 'trust', text: '', cause: '', rating: 6 }],
        },
      },
      /^prep\.readiness\[0\]\.rating must be a whole number from 0 to 5\.$/,
    ],
  ])('answers 400 with a message for %s', async (_, body, message) => {
    const target = await freshBoard();
    const response = await putPrep(target.tokens.facilitator, body, { boardId: target.id });
    expect(response.status).toBe(400);
    const error = (await response.json()) as { error: string; message: string };
    expect(error.error).toBe('bad_request');
    expect(error.message).toMatch(message);
    expect(await (await getPrep(target.tokens.facilitator, target.id)).json()).toMatchObject({
      revision: 0,
    });
  });

  it('answers 400 for broken JSON, 413 over 64 KiB and 415 for other content types', async () => {
    const token = board.tokens.facilitator;
    expect((await putPrep(token, undefined, { raw: '{"revision":' })).status).toBe(400);
    const big = await putPrep(token, {
      revision: 0,
      prep: { ...defaultPrep(), notes: 'x'.repeat(70 * 1024) },
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: 'payload_too_large' });
    const text = await putPrep(token, undefined, { raw: 'goal=x', type: 'text/plain' });
    expect(text.status).toBe(415);
    const form = await putPrep(token, undefined, {
      raw: 'goal=x',
      type: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
  });

  it('keeps the longest texts the limits allow', async () => {
    const target = await freshBoard();
    const prep = defaultPrep();
    prep.notes = 'n'.repeat(20_000);
    prep.goal = 'g'.repeat(1000);
    const response = await putPrep(
      target.tokens.facilitator,
      { revision: 0, prep },
      {
        boardId: target.id,
      },
    );
    expect(response.status).toBe(200);
  });
});

describe('where the preparation lives', () => {
  it('survives a server restart on the same SQLite file', async () => {
    const dataDir = tempDataDir();
    const first = await startServer({ dataDir });
    let second: TestServer | undefined;
    try {
      const target = await freshBoard(first.url);
      const token = target.tokens.facilitator;
      const saved = await putPrep(
        token,
        { revision: 0, prep: filled('Survive a restart') },
        {
          boardId: target.id,
          base: first.url,
        },
      );
      expect(saved.status).toBe(200);
      await first.close();
      second = await startServer({ dataDir });
      const read = await getPrep(token, target.id, second.url);
      expect(await read.json()).toEqual({ revision: 1, prep: filled('Survive a restart') });
    } finally {
      await first.close();
      await second?.cleanup();
    }
  });

  it('never reaches a websocket client: the synced board and its stored log do not hold it', async () => {
    const target = await freshBoard();
    const secret = 'Goal-7f3a: close before the audit';
    const saved = await putPrep(
      target.tokens.facilitator,
      { revision: 0, prep: filled(secret) },
      {
        boardId: target.id,
      },
    );
    expect(saved.status).toBe(200);
    for (const token of [target.tokens.edit, target.tokens.facilitator]) {
      const client = connectClient(server.wsUrl, target.id, token);
      clients.push(client);
      await client.synced;
      // The board's root types as a client reads them, and every byte it was sent, whatever
      // root it would be filed under.
      for (const root of [ROOT_META, ROOT_ZONES, ROOT_NOTES]) client.doc.getMap(root);
      const synced = JSON.stringify(client.doc.toJSON());
      expect(synced).toContain('Acme');
      expect(synced).not.toContain('Goal-7f3a');
      expect(synced).not.toContain('Dana Reyes');
      const state = Buffer.from(Y.encodeStateAsUpdate(client.doc));
      expect(state.includes('Goal-7f3a')).toBe(false);
      expect(state.includes('Dana Reyes')).toBe(false);
    }
    const stored = await server.app.storage.loadDocument(target.id);
    const bytes = Buffer.concat(stored.updates.map((update) => Buffer.from(update)));
    expect(bytes.includes('Goal-7f3a')).toBe(false);
    // The edit link holder, reading over HTTP, is refused too.
    expect((await getPrep(target.tokens.edit, target.id)).status).toBe(403);
    expect((await getPrep(target.tokens.view, target.id)).status).toBe(403);
  });
});

describe('the preparation in the summary', () => {
  async function summaryJson(target: { id: string; tokens: { facilitator: string } }) {
    const response = await fetch(`${server.url}/api/boards/${target.id}/summary?format=json`, {
      headers: auth(target.tokens.facilitator),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { session: Record<string, string | null> };
  }

  it('adds the goal and the customer only as the facilitator chose', async () => {
    const target = await freshBoard();
    const prep = filled('Cut quoting time in half');
    prep.customer = 'Dana Reyes';
    prep.company = 'Acme';
    prep.summary = { goal: true, customer: false };
    expect(
      (await putPrep(target.tokens.facilitator, { revision: 0, prep }, { boardId: target.id }))
        .status,
    ).toBe(200);
    expect((await summaryJson(target)).session).toEqual({
      goal: 'Cut quoting time in half',
      customer: null,
      company: null,
    });
    prep.summary = { goal: false, customer: true };
    expect(
      (await putPrep(target.tokens.facilitator, { revision: 1, prep }, { boardId: target.id }))
        .status,
    ).toBe(200);
    expect((await summaryJson(target)).session).toEqual({
      goal: null,
      customer: 'Dana Reyes',
      company: 'Acme',
    });
    const markdown = await (
      await fetch(`${server.url}/api/boards/${target.id}/summary`, {
        headers: auth(target.tokens.facilitator),
      })
    ).text();
    expect(markdown).toContain('**Customer:** Dana Reyes (Acme)');
    expect(markdown).not.toContain('Cut quoting time');
    // Nothing chosen (or nothing saved): neither line.
    const untouched = await freshBoard();
    expect((await summaryJson(untouched)).session).toEqual({
      goal: null,
      customer: null,
      company: null,
    });
  });
});
