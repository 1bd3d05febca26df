import { addNote, DART_ZONES } from '@dartboard/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CreatedBoard,
  connectClient,
  createBoard,
  startServer,
  type TestClient,
  type TestServer,
  waitFor,
} from './helpers.js';

let server: TestServer;
let board: CreatedBoard;
let editor: TestClient;

function summary(token: string | undefined, format?: string) {
  const query = format ? `?format=${format}` : '';
  return fetch(`${server.url}/api/boards/${board.id}/summary${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

function inside(index: number, dx: number) {
  const zone = DART_ZONES[index];
  if (!zone) throw new Error('no zone');
  return { x: zone.x + dx, y: zone.y + 80 };
}

beforeAll(async () => {
  server = await startServer();
  board = await createBoard(server.url, { title: 'Acme: renewal' });
  editor = connectClient(server.wsUrl, board.id, board.tokens.edit);
  await editor.synced;
  addNote(editor.doc, { ...inside(0, 20), author: 'Sam', text: 'Agree the agenda', createdAt: 1 });
  addNote(editor.doc, {
    ...inside(2, 20),
    author: 'Chris',
    text: 'Migration downtime',
    createdAt: 2,
  });
  addNote(editor.doc, {
    ...inside(0, 300),
    author: 'Chris',
    text: 'Monthly reviews',
    createdAt: 3,
  });
  addNote(editor.doc, { x: -900, y: -900, author: 'Sam', text: 'Parking lot', createdAt: 4 });
  addNote(editor.doc, {
    ...inside(3, 20),
    author: '<script>x</script>',
    text: '# not a heading\n[link](javascript:alert(1))',
    createdAt: 5,
  });
  await waitFor('notes on the server', () => {
    const room = server.app.rooms.loaded(board.id);
    return !!room && room.doc.getMap('notes').size === 5;
  });
});
afterAll(async () => {
  editor.destroy();
  await server.cleanup();
});

describe('GET /api/boards/:id/summary', () => {
  it('exports Markdown grouped under the zones in board order, with authors, as a download', async () => {
    const response = await summary(board.tokens.facilitator);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="dartboard-acme-renewal-\d{4}-\d{2}-\d{2}\.md"$/,
    );
    const md = await response.text();
    const headings = md.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# Acme: renewal',
      '## Dialogue',
      '## Access',
      '## Risk assessment',
      '## Transparency',
      '## Outside the zones',
    ]);
    const section = (title: string) => md.split(`## ${title}\n`)[1]?.split('\n## ')[0] ?? '';
    expect(section('Dialogue')).toContain(
      '- Agree the agenda — *Sam*\n- Monthly reviews — *Chris*',
    );
    expect(section('Access')).toContain('*No notes.*');
    expect(section('Risk assessment')).toContain('- Migration downtime — *Chris*');
    expect(section('Outside the zones')).toContain('- Parking lot — *Sam*');
    expect(section('Transparency')).toContain('\\# not a heading');
    expect(section('Transparency')).toContain('\\<script\\>');
    expect(md).toMatch(/Session date: \d{4}-\d{2}-\d{2}/);
  });

  it('exports the same structure as JSON', async () => {
    const response = await summary(board.tokens.facilitator, 'json');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const json = (await response.json()) as {
      title: string;
      noteCount: number;
      zones: Array<{ title: string; notes: Array<{ text: string; author: string }> }>;
      outside: { notes: Array<{ text: string }> };
    };
    expect(json.title).toBe('Acme: renewal');
    expect(json.noteCount).toBe(5);
    expect(json.zones.map((z) => [z.title, z.notes.map((n) => n.text)])).toEqual([
      ['Dialogue', ['Agree the agenda', 'Monthly reviews']],
      ['Access', []],
      ['Risk assessment', ['Migration downtime']],
      ['Transparency', ['# not a heading\n[link](javascript:alert(1))']],
    ]);
    expect(json.outside.notes.map((n) => n.text)).toEqual(['Parking lot']);
  });

  it('refuses edit and view links with 403, no token with 401, a bad format with 400', async () => {
    expect((await summary(board.tokens.edit)).status).toBe(403);
    const view = await summary(board.tokens.view);
    expect(view.status).toBe(403);
    expect(await view.json()).toMatchObject({ error: 'forbidden' });
    expect((await summary(undefined)).status).toBe(401);
    expect((await summary('wrong-token-wrong-token-wrong')).status).toBe(401);
    expect((await summary(board.tokens.facilitator, 'pdf')).status).toBe(400);
  });
});
