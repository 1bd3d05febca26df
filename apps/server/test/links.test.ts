import { createHmac } from 'node:crypto';
import { addNote, applyTemplate, listNotes } from '@dartboard/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashToken } from '../src/tokens.js';
import {
  collectCloses,
  connectClient,
  createBoard,
  startServer,
  type TestServer,
  upgradeStatus,
  waitFor,
} from './helpers.js';

// Replacing a link: the old token stops working everywhere at once, live connections made
// with it are closed with 4401, and nobody else is touched.

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.cleanup());

function rotate(boardId: string, token: string, body: unknown) {
  return fetch(`${server.url}/api/boards/${boardId}/links/rotate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const getBoard = (id: string, token: string) =>
  fetch(`${server.url}/api/boards/${id}`, { headers: { authorization: `Bearer ${token}` } });

interface Rotated {
  tokens: { facilitator: string; edit: string; view: string };
  links: { facilitator: string; edit: string; view: string };
}

describe('POST /api/boards/:id/links/rotate', () => {
  it('replaces the customer link: old token 401 everywhere, its live clients closed with 4401', async () => {
    const board = await createBoard(server.url, { title: 'Rotate' });
    const sam = connectClient(server.wsUrl, board.id, board.tokens.facilitator);
    const chris = connectClient(server.wsUrl, board.id, board.tokens.edit);
    const olga = connectClient(server.wsUrl, board.id, board.tokens.view);
    const closes = collectCloses(chris);
    const others = [sam, olga].map(collectCloses);
    await Promise.all([sam.synced, chris.synced, olga.synced]);

    const response = await rotate(board.id, board.tokens.facilitator, { role: 'edit' });
    expect(response.status).toBe(200);
    const rotated = (await response.json()) as Rotated;
    const started = Date.now();
    expect(rotated.tokens.facilitator).toBe(board.tokens.facilitator);
    expect(rotated.tokens.view).toBe(board.tokens.view);
    expect(rotated.tokens.edit).not.toBe(board.tokens.edit);
    expect(rotated.tokens.edit).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated.links.edit).toBe(`${server.url}/b/${board.id}#token=${rotated.tokens.edit}`);

    await waitFor('the customer closed', () => closes.length > 0, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(closes[0]).toEqual({ code: 4401, reason: 'link replaced' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // 4401 is final for the stock client: it does not come back with the old token.
    expect(chris.provider.wsconnected).toBe(false);
    expect(closes).toHaveLength(1);
    expect(others.flat()).toEqual([]);
    expect(sam.provider.wsconnected && olga.provider.wsconnected).toBe(true);

    expect((await getBoard(board.id, board.tokens.edit)).status).toBe(401);
    const summary = await fetch(`${server.url}/api/boards/${board.id}/summary`, {
      headers: { authorization: `Bearer ${board.tokens.edit}` },
    });
    expect(summary.status).toBe(401);
    expect(await upgradeStatus(`${server.wsUrl}/sync/${board.id}?token=${board.tokens.edit}`)).toBe(
      401,
    );

    // The new link works, and shows its holder the view link, as the old one did.
    const asEditor = (await (await getBoard(board.id, rotated.tokens.edit)).json()) as {
      role: string;
      links: Record<string, string>;
    };
    expect(asEditor.role).toBe('edit');
    expect(asEditor.links).toEqual({ edit: rotated.links.edit, view: rotated.links.view });
    const asFacilitator = (await (await getBoard(board.id, board.tokens.facilitator)).json()) as {
      links: Record<string, string>;
    };
    expect(asFacilitator.links).toEqual(rotated.links);
    const next = connectClient(server.wsUrl, board.id, rotated.tokens.edit);
    await next.synced;
    addNote(next.doc, { x: 0, y: 0, author: 'Chris', text: 'Back in' });
    await waitFor('the note', () => listNotes(sam.doc).length === 1);
    for (const c of [sam, chris, olga, next]) c.destroy();
  });

  it('replaces the view link the same way, leaving the customer link alone', async () => {
    const board = await createBoard(server.url);
    const viewer = connectClient(server.wsUrl, board.id, board.tokens.view);
    const closes = collectCloses(viewer);
    await viewer.synced;
    const rotated = (await (
      await rotate(board.id, board.tokens.facilitator, { role: 'view' })
    ).json()) as Rotated;
    await waitFor('viewer closed', () => closes.length > 0, 1000);
    expect(closes[0]?.code).toBe(4401);
    expect(rotated.tokens.edit).toBe(board.tokens.edit);
    expect((await getBoard(board.id, board.tokens.view)).status).toBe(401);
    expect((await getBoard(board.id, board.tokens.edit)).status).toBe(200);
    const asEditor = (await (await getBoard(board.id, board.tokens.edit)).json()) as {
      links: Record<string, string>;
    };
    expect(asEditor.links.view).toBe(rotated.links.view);
    viewer.destroy();
  });

  it('is for the facilitator only, and checks its body', async () => {
    const board = await createBoard(server.url);
    const asEditor = await rotate(board.id, board.tokens.edit, { role: 'view' });
    expect(asEditor.status).toBe(403);
    expect(await asEditor.json()).toMatchObject({ error: 'forbidden' });
    expect((await rotate(board.id, 'A'.repeat(43), { role: 'edit' })).status).toBe(401);
    expect((await rotate('nosuchboard', board.tokens.facilitator, { role: 'edit' })).status).toBe(
      404,
    );
    for (const body of [{ role: 'facilitator' }, { role: 'admin' }, {}, { role: 'edit', x: 1 }]) {
      expect((await rotate(board.id, board.tokens.facilitator, body)).status).toBe(400);
    }
    expect((await getBoard(board.id, board.tokens.edit)).status).toBe(200);
  });

  it('works on boards made before links could be replaced (derived tokens, no seals)', async () => {
    // Such a board, as the earlier server stored it.
    const derive = (parent: string, role: string) =>
      createHmac('sha256', parent).update(`dartboard-link:${role}`).digest('base64url');
    const facilitator = 'F'.repeat(43);
    const edit = derive(facilitator, 'edit');
    const view = derive(edit, 'view');
    const doc = new Y.Doc();
    applyTemplate(doc, { template: 'dart', title: 'Old board', createdAt: 1 });
    await server.app.storage.createBoard(
      { id: 'legacyboard1', title: 'Old board', template: 'dart', createdAt: 1 },
      [
        { role: 'facilitator', hash: hashToken(facilitator) },
        { role: 'edit', hash: hashToken(edit) },
        { role: 'view', hash: hashToken(view) },
      ],
      Y.encodeStateAsUpdate(doc),
    );
    const before = (await (await getBoard('legacyboard1', facilitator)).json()) as {
      links: Record<string, string>;
    };
    expect(before.links.edit).toContain(`#token=${edit}`);
    expect(before.links.view).toContain(`#token=${view}`);
    const rotated = (await (
      await rotate('legacyboard1', facilitator, { role: 'edit' })
    ).json()) as Rotated;
    expect(rotated.tokens.view).toBe(view);
    expect((await getBoard('legacyboard1', edit)).status).toBe(401);
    expect((await getBoard('legacyboard1', rotated.tokens.edit)).status).toBe(200);
    expect((await getBoard('legacyboard1', view)).status).toBe(200);
  });
});
