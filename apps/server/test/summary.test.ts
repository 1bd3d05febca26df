import {
  addNote,
  agreeToGroundRules,
  DART_ZONES,
  joinSession,
  listNotes,
  placeDot,
  readVote,
  revealVotes,
  type SessionSummary,
  startVote,
} from '@dartboard/board';
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
      '## Ground rules',
      '## Dialogue',
      '## Access',
      '## Risk assessment',
      '## Transparency',
      '## Outside the zones',
      '## Questions',
      '## Risks and benefits',
      '## Votes',
      '## Actions',
      '## Commitments',
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
    const unknown = await summary(board.tokens.facilitator, 'docx');
    expect(unknown.status).toBe(400);
    const { message } = (await unknown.json()) as { message: string };
    expect(message).toMatch(/^Unknown format "docx": use one of md, json(, [a-z]+)*\.$/);
  });

  it('names each download after the board and the day', async () => {
    for (const format of ['md', 'json']) {
      const response = await summary(board.tokens.facilitator, format);
      expect(response.headers.get('content-disposition')).toMatch(
        new RegExp(
          `^attachment; filename="dartboard-acme-renewal-\\d{4}-\\d\\d-\\d\\d\\.${format}"$`,
        ),
      );
    }
  });
});

describe('GET /api/boards/:id/summary of a co-creation session', () => {
  let session: CreatedBoard;
  let facilitator: TestClient;

  function summaryOf(format: 'md' | 'json') {
    return fetch(`${server.url}/api/boards/${session.id}/summary?format=${format}`, {
      headers: { authorization: `Bearer ${session.tokens.facilitator}` },
    });
  }

  beforeAll(async () => {
    session = await createBoard(server.url, { title: 'Acme pilot' });
    facilitator = connectClient(server.wsUrl, session.id, session.tokens.facilitator);
    await facilitator.synced;
    let spot = 0;
    const card = (text: string, author: string, card: Parameters<typeof addNote>[1]['card']) =>
      addNote(facilitator.doc, {
        ...inside(spot % 4, 20 + 220 * Math.floor(spot++ / 4)),
        text,
        author,
        card,
      });
    const question = card('How many sites do you run?', 'Sam', {
      kind: 'question',
      spin: 'situation',
      deckId: null,
    });
    card('Four | two abroad', 'Cara', { kind: 'answer', answerTo: question });
    card('Drivers refuse tracking', 'Cara', { kind: 'risk', weight: 3 });
    card('Fewer empty trips', 'Sam', { kind: 'benefit', weight: 2 });
    card('Send the pilot plan', 'Sam', { kind: 'action', owner: 'Sam | sales', due: '2026-12-01' });
    card('Provide one depot', 'Cara', { kind: 'commitment', side: 'customer' });
    startVote(facilitator.doc, { dots: 2 }, Date.now());
    await waitFor('cards and the vote on the server', () => {
      const room = server.app.rooms.loaded(session.id);
      return !!room && listNotes(room.doc).length === 6 && readVote(room.doc) !== null;
    });
    // The people of the session as the relay records them: a change of the server's own.
    const room = server.app.rooms.loaded(session.id);
    if (!room) throw new Error('no room');
    await room.change((doc) => {
      joinSession(doc, 'p-sam', 'Sam', 'facilitator', Date.now());
      joinSession(doc, 'p-cara', 'Cara', 'edit', Date.now() + 1);
      agreeToGroundRules(doc, 'p-cara', true, Date.now() + 2);
      const benefit = listNotes(doc).find((note) => note.card.kind === 'benefit')?.id ?? '';
      expect(placeDot(doc, 'p-cara', benefit)).toBe('placed');
      expect(placeDot(doc, 'p-sam', benefit)).toBe('placed');
      revealVotes(doc, Date.now() + 3);
    });
  });
  afterAll(() => facilitator.destroy());

  it('exports the co-creation sections as JSON', async () => {
    const response = await summaryOf('json');
    expect(response.status).toBe(200);
    const json = (await response.json()) as SessionSummary;
    expect(json.session).toEqual({ goal: null, customer: null, company: null });
    expect(json.participants).toEqual([
      { name: 'Sam', role: 'facilitator', firstSeenAt: null, lastSeenAt: null },
      { name: 'Cara', role: 'edit', firstSeenAt: null, lastSeenAt: null },
    ]);
    expect(json.groundRules.agreed.map((person) => person.name)).toEqual(['Cara']);
    expect(json.groundRules.rules.length).toBeGreaterThan(0);
    expect(json.questions).toMatchObject([
      {
        text: 'How many sites do you run?',
        spin: 'situation',
        answers: [{ text: 'Four | two abroad' }],
      },
    ]);
    expect(json.risksAndBenefits).toMatchObject({
      risks: [{ text: 'Drivers refuse tracking', weight: 3 }],
      benefits: [{ text: 'Fewer empty trips', weight: 2 }],
    });
    expect(json.votes).toMatchObject({
      dots: 2,
      anonymous: false,
      zone: null,
      ranking: [{ text: 'Fewer empty trips', dots: 2, voters: ['Sam', 'Cara'] }],
    });
    expect(json.votes?.revealedAt).toEqual(expect.any(String));
    expect(json.actions).toMatchObject([
      { text: 'Send the pilot plan', owner: 'Sam | sales', due: '2026-12-01' },
    ]);
    expect(json.commitments).toMatchObject({
      customer: [{ text: 'Provide one depot' }],
      supplier: [],
      both: [],
    });
  });

  it('exports them as Markdown under the named headings, table cells escaped', async () => {
    const md = await (await summaryOf('md')).text();
    const headings = md.split('\n').filter((line) => line.startsWith('## '));
    for (const heading of [
      'Ground rules',
      'Questions',
      'Risks and benefits',
      'Votes',
      'Actions',
      'Commitments',
    ]) {
      expect(headings).toContain(`## ${heading}`);
    }
    expect(md).toContain('Participants: Sam (facilitator), Cara (participant)\n');
    expect(md).toContain('  - Four \\| two abroad — *Cara*');
    expect(md).toContain('| Send the pilot plan | Sam \\| sales | 2026-12-01 |');
    expect(md).toContain('1. Fewer empty trips — **2 dots** (Sam, Cara)');
  });
});

describe('the Export menu and the registry', () => {
  it("offer the same formats: the page's mirror of the registry has not drifted", async () => {
    const { EXPORT_CHOICES } = await import('../../web/src/ui/exportFormats.js');
    const { EXPORT_FORMATS } = await import('../src/export/formats.js');
    expect(EXPORT_CHOICES.map((choice) => choice.format).sort()).toEqual(
      Object.keys(EXPORT_FORMATS).sort(),
    );
  });
});
