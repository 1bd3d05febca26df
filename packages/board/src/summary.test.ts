import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, notesMap, recordIn } from './doc.js';
import { endSession } from './ending.js';
import { addNote } from './note.js';
import { addMetric, goToStage, setStagesEnabled } from './stages.js';
import {
  buildSummary,
  escapeMarkdown,
  type SessionSummary,
  type SummaryNote,
  summaryToMarkdown,
} from './summary.js';
import { applyTemplate, DART_ZONES } from './templates.js';
import { listZones, updateZoneText } from './zone.js';

const NOW = new Date('2026-11-22T10:30:00Z');

function dartBoard(): Y.Doc {
  const doc = new Y.Doc();
  applyTemplate(doc, {
    template: 'dart',
    title: 'Acme renewal',
    createdAt: Date.parse('2026-11-20T09:00:00Z'),
  });
  return doc;
}

function inZone(index: number): { x: number; y: number } {
  const zone = DART_ZONES[index];
  if (!zone) throw new Error('no such zone');
  return { x: zone.x + 20, y: zone.y + 60 };
}

describe('session summary', () => {
  it('records when each stage began, the test metrics, the end and how long it lasted', () => {
    const doc = dartBoard();
    const t = (time: string) => Date.parse(`2026-11-22T${time}:00Z`);
    setStagesEnabled(doc, true, t('09:00'));
    goToStage(doc, 'options', t('09:20'));
    goToStage(doc, 'test', t('10:05'));
    addMetric(doc, { metric: 'Onboarding time', target: '< 2 days', kind: 'success' });
    addMetric(doc, { metric: 'Tickets', target: '', kind: 'improvement' });
    endSession(doc, t('10:30'), true);
    const summary = buildSummary(doc, NOW);
    expect(summary.endedAt).toBe('2026-11-22T10:30:00.000Z');
    expect(summary.durationMs).toBe(90 * 60_000);
    expect(summary.stages?.map((s) => [s.label, s.startedAt, s.current])).toEqual([
      ['Objective', '2026-11-22T09:00:00.000Z', false],
      ['Options', '2026-11-22T09:20:00.000Z', false],
      ['Ideation', null, false],
      ['Prototype', null, false],
      ['Test', '2026-11-22T10:05:00.000Z', true],
      ['Launch', null, false],
    ]);
    const md = summaryToMarkdown(summary);
    expect(md).toContain('Session ended 2026-11-22 10:30 UTC · lasted 1 h 30 min');
    expect(md).toContain(
      [
        '## Stages',
        '',
        '- Objective — began 2026-11-22 09:00 UTC',
        '- Options — began 2026-11-22 09:20 UTC',
        '- Ideation — not reached',
        '- Prototype — not reached',
        '- Test — began 2026-11-22 10:05 UTC (current)',
        '- Launch — not reached',
        '',
        '## Test metrics',
        '',
        '- Success: Onboarding time — target: \\< 2 days',
        '- Improvement: Tickets',
        '',
        '## Dialogue',
      ].join('\n'),
    );
  });

  it('leaves stages, metrics and the end out of a board that has none', () => {
    const summary = buildSummary(dartBoard(), NOW);
    expect(summary).toMatchObject({ endedAt: null, durationMs: null, stages: null, metrics: [] });
    const md = summaryToMarkdown(summary);
    expect(md).not.toMatch(/Stages|Test metrics|Session ended/);
  });

  it('groups notes under their zones in board order, oldest first, strays last', () => {
    const doc = dartBoard();
    addNote(doc, { ...inZone(2), text: 'Migration downtime', author: 'Cara', createdAt: 3 });
    addNote(doc, { ...inZone(0), text: 'Weekly check-ins', author: 'Ann', createdAt: 2 });
    addNote(doc, { ...inZone(0), text: 'Agree goals first', author: 'Bob', createdAt: 1 });
    addNote(doc, { x: 5000, y: 5000, text: 'Parking lot', author: 'Ann', createdAt: 4 });
    const summary = buildSummary(doc, NOW);
    expect(summary.title).toBe('Acme renewal');
    expect(summary.date).toBe('2026-11-20');
    expect(summary.noteCount).toBe(4);
    expect(summary.zones.map((z) => [z.title, z.notes.map((n) => n.text)])).toEqual([
      ['Dialogue', ['Agree goals first', 'Weekly check-ins']],
      ['Access', []],
      ['Risk assessment', ['Migration downtime']],
      ['Transparency', []],
    ]);
    expect(summary.outside.notes.map((n) => [n.text, n.author])).toEqual([['Parking lot', 'Ann']]);
  });

  it('renders Markdown with a heading per zone and a bullet per note with its author', () => {
    const doc = dartBoard();
    addNote(doc, { ...inZone(0), text: 'Agree goals first', author: 'Bob', createdAt: 1 });
    addNote(doc, {
      ...inZone(3),
      text: 'Share the price list\nand the SLA',
      author: 'Ann',
      createdAt: 2,
    });
    const md = summaryToMarkdown(buildSummary(doc, NOW));
    expect(md).toBe(
      [
        '# Acme renewal',
        '',
        'Session date: 2026-11-20 · 2 notes · exported 2026-11-22 10:30 UTC',
        '',
        '## Dialogue',
        '',
        `*${DART_ZONES[0]?.prompt}*`,
        '',
        '- Agree goals first — *Bob*',
        '',
        '## Access',
        '',
        `*${DART_ZONES[1]?.prompt}*`,
        '',
        '*No notes.*',
        '',
        '## Risk assessment',
        '',
        `*${DART_ZONES[2]?.prompt}*`,
        '',
        '*No notes.*',
        '',
        '## Transparency',
        '',
        `*${DART_ZONES[3]?.prompt}*`,
        '',
        '- Share the price list  \n  and the SLA — *Ann*',
        '',
        '## Outside the zones',
        '',
        '*No notes.*',
        '',
      ].join('\n'),
    );
  });

  it('escapes hostile note text so it stays literal text, never markup', () => {
    const doc = dartBoard();
    addNote(doc, {
      ...inZone(0),
      text: '# Owned\n<script>alert(1)</script> [click](javascript:alert(1)) **bold**',
      author: '<img src=x onerror=alert(1)>',
    });
    const md = summaryToMarkdown(buildSummary(doc, NOW));
    // Every markup character is preceded by a backslash, which makes it a literal.
    expect(md).not.toMatch(/(?<!\\)<(script|img)/);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript/);
    expect(md).not.toMatch(/^\s*# Owned/m);
    expect(md).toContain('\\# Owned');
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('\\*\\*bold\\*\\*');
  });

  it('escapes block markers at the start of a line only', () => {
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
    expect(escapeMarkdown('Q3 - 10% off, 2. round')).toBe('Q3 - 10% off, 2. round');
    expect(escapeMarkdown('+ more')).toBe('\\+ more');
    expect(escapeMarkdown('=====')).toBe('\\=====');
    expect(escapeMarkdown(':---')).toBe('\\:---');
    expect(escapeMarkdown('12) twelfth')).toBe('12\\) twelfth');
  });

  it('folds a one-line field: whitespace runs and line breaks become one space', () => {
    expect(escapeMarkdown('  Pricing\r\n\n## agreed\t now \u2028 ok  ')).toBe(
      'Pricing \\#\\# agreed now ok',
    );
  });

  it('escapes links, autolinks, HTML, entities and inline markup anywhere in the text', () => {
    expect(escapeMarkdown('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
    expect(escapeMarkdown('![i](x.png)')).toBe('!\\[i\\](x.png)');
    expect(escapeMarkdown('see <http://evil> or https://evil.com, www.evil.com')).toBe(
      'see \\<http\\://evil\\> or https\\://evil.com, www\\.evil.com',
    );
    expect(escapeMarkdown('&lt;b&gt; &#x5B;')).toBe('\\&lt;b\\&gt; \\&\\#x5B;');
    expect(escapeMarkdown('a_b_ `c` ~~d~~ | e {f} $g$ \\')).toBe(
      'a\\_b\\_ \\`c\\` \\~\\~d\\~\\~ \\| e \\{f\\} \\$g\\$ \\\\',
    );
  });

  it('removes control characters and bidi overrides', () => {
    expect(escapeMarkdown('a\u0000b\u0007c\u001b[0md\u007fe\u009bf\u202eg\u2066h\u2069')).toBe(
      'abc\\[0mdefgh',
    );
    expect(escapeMarkdown('\u0000\u202e')).toBe('');
  });

  it('keeps the lines of a note apart, dropping blank ones, whatever the line break', () => {
    const md = summaryToMarkdown(
      summaryWith('note text', 'one\r\ntwo\r\n\n\tthree\u2028four\u0085five\vsix  '),
    );
    expect(md).toContain('- one  \n  two  \n  three  \n  four  \n  five  \n  six — *Bob*\n');
  });

  it('falls back to placeholders when a field is nothing but invisible characters', () => {
    const summary = summaryWith('board title', '\u0000\u202e \n');
    const zone = summary.zones[0];
    if (!zone) throw new Error('no zone');
    zone.title = '\u0007';
    zone.prompt = '\n\u200b'.slice(0, 1);
    const note = zone.notes[0];
    if (!note) throw new Error('no note');
    note.author = '\u202e';
    note.text = '\u0001\n \n';
    const md = summaryToMarkdown(summary);
    expect(md).toContain('# Untitled session\n');
    expect(md).toContain('## Untitled zone\n\n- *(empty note)* — *Anonymous*\n');
  });
});

// --- Hostile text in every field -------------------------------------------------------------

const HOSTILE = [
  '\n## Pricing agreed',
  '- 40% discount',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  'a\u0000b\u0007c\u001b[31md\u007fe\u0085f\u009bg\u202eh\u2066i\u2069j',
  // Every other way a line can start a block, or text can become a link, HTML or markup.
  [
    'ok',
    '===',
    '---',
    ':---',
    '| a | b |',
    '1. one',
    '2) two',
    '+ three',
    '* four',
    '> quote',
    '```js',
    '~~~',
    '    indented code',
    '\t<div onclick=x>',
    '<!-- c -->',
    '[r]: http://evil',
    '[^1]: note',
    '- [ ] task',
    '![i](x.png) <http://evil> https://evil.com www.evil.com',
    '&lt;b&gt; &#x5B; **bold** _em_ `code` ~~del~~ $math$ {#id} \\',
    'trailing #',
  ].join('\n'),
];

const FIELDS = [
  'board title',
  'zone title',
  'zone prompt',
  'note text',
  'note author',
  'metric',
  'metric target',
] as const;
type Field = (typeof FIELDS)[number];

function honestNote(id: string, text: string): SummaryNote {
  return { id, text, author: 'Bob', color: 'yellow', createdAt: null };
}

/** A summary with honest text everywhere but `field`, which holds `text` exactly as given. */
function summaryWith(field: Field | null, text: string): SessionSummary {
  const summary: SessionSummary = {
    title: 'Acme renewal',
    date: '2026-11-20',
    generatedAt: NOW.toISOString(),
    noteCount: 3,
    zones: [
      {
        zoneId: 'z1',
        kind: 'dialogue',
        title: 'Dialogue',
        prompt: 'Talk as equals.',
        notes: [honestNote('n1', 'Agree goals first'), honestNote('n2', 'Weekly\ncheck-ins')],
      },
      { zoneId: 'z2', kind: 'access', title: 'Access', prompt: 'What can they do?', notes: [] },
    ],
    outside: {
      zoneId: null,
      kind: null,
      title: 'Outside the zones',
      prompt: '',
      notes: [honestNote('n3', 'Parking lot')],
    },
    endedAt: null,
    durationMs: null,
    stages: null,
    metrics: [{ metric: 'Onboarding time', target: 'under 2 days', kind: 'success' }],
  };
  const zone = summary.zones[0];
  const note = zone?.notes[0];
  const metric = summary.metrics[0];
  if (!zone || !note || !metric) throw new Error('fixture broken');
  if (field === 'board title') summary.title = text;
  if (field === 'zone title') zone.title = text;
  if (field === 'zone prompt') zone.prompt = text;
  if (field === 'note text') note.text = text;
  if (field === 'note author') note.author = text;
  if (field === 'metric') metric.metric = text;
  if (field === 'metric target') metric.target = text;
  return summary;
}

/** A board where a crafted client wrote `text` straight into `field`, past every editing helper. */
function crafted(field: Field, text: string): string {
  const doc = dartBoard();
  const noteId = addNote(doc, { ...inZone(0), text: 'Agree goals first', author: 'Bob' });
  addNote(doc, { x: 5000, y: 5000, text: 'Parking lot', author: 'Ann' });
  const zoneId = listZones(doc)[0]?.id ?? '';
  const note = recordIn(notesMap(doc), noteId);
  if (!note) throw new Error('no note');
  if (field === 'board title') metaMap(doc).set('title', text);
  if (field === 'zone title') updateZoneText(doc, zoneId, { title: text });
  if (field === 'zone prompt') updateZoneText(doc, zoneId, { prompt: text });
  if (field === 'note text') note.set('text', new Y.Text(text));
  if (field === 'note author') note.set('author', text);
  const metric = { metric: 'Onboarding time', target: 'under 2 days', kind: 'success' };
  // A metric's texts are at most 200 characters (longer lists are refused by the rules).
  if (field === 'metric') metric.metric = text.slice(0, 200);
  if (field === 'metric target') metric.target = text.slice(0, 200);
  metaMap(doc).set('metrics', [metric]);
  return summaryToMarkdown(buildSummary(doc, NOW));
}

// A line that CommonMark or GFM would read as the start of a block other than a paragraph, or as
// a setext underline / table delimiter row that turns the line before into a heading / table.
const BLOCK_START =
  /^(?: {0,3}(?:#{1,6}(?:[ \t]|$)|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|>|`{3}|~{3}|=+[ \t]*$|-+[ \t]*$|\||<[a-z/!?]|:?-+:?[ \t]*(?:\||$)|\[[^\]]*\]:)| {4}|\t)/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The block structure: each block-starting line, cut to its marker. */
function structure(md: string): string[] {
  return md
    .split('\n')
    .filter((line) => BLOCK_START.test(line))
    .map((line) => line.split(' ')[0] ?? '');
}

/** The Markdown with every backslash escape (and the character it escapes) removed. */
function unescapedMarkup(md: string): string {
  return md.replace(/\\[!-/:-@[-`{-~]/g, '');
}

/** Roughly what a reader sees: escapes resolved, whitespace dropped. */
function rendered(md: string): string {
  return md.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/\s+/g, '');
}

/** The characters of `text` a reader must still see: all but whitespace and invisible ones. */
function visible(text: string): string {
  return text.replace(new RegExp(CONTROL.source, 'g'), '').replace(/\s+/g, '');
}

describe('Markdown summary with hostile text in a field', () => {
  const honest = summaryToMarkdown(summaryWith(null, ''));
  const honestStructure = structure(honest);
  const honestMarkup = unescapedMarkup(honest).replace(/[^*]/g, '');

  it('has the block structure the summary writes, and nothing else', () => {
    expect(honestStructure).toEqual(['#', '##', '-', '##', '-', '-', '##', '##', '-']);
  });

  for (const field of FIELDS) {
    for (const text of HOSTILE) {
      const label = `${field}: ${JSON.stringify(text).slice(0, 40)}`;

      it(`${label} stays literal text`, () => {
        const md = summaryToMarkdown(summaryWith(field, text));
        // No heading, list item, quote, fence, table, HTML block or underline beyond the summary's.
        expect(structure(md)).toEqual(honestStructure);
        expect(md.match(/^\s{0,3}#/gm)).toHaveLength(5);
        expect(md.match(/^\s*(?:[-+*]|\d+[.)])\s/gm)).toHaveLength(4);
        // Every line of user text inside a note is indented into its list item.
        for (const line of md.split('\n')) {
          expect(line).toMatch(/^(?:$|# |## |- | {2}\S|\*|Session date: )/);
        }
        // Outside backslash escapes, no link, HTML, entity, code or other inline markup survives;
        // the only emphasis left is the summary's own.
        const bare = unescapedMarkup(md);
        expect(bare).not.toMatch(/[[\]<>&`|~_${}\\]/);
        expect(bare.replace(/[^*]/g, '')).toBe(honestMarkup);
        expect(md).not.toMatch(/(?<!\\)\]\(|(?<!\\)<script|(?<!\\):\/\//i);
        expect(md).not.toMatch(CONTROL);
        // And it still reads as what was typed.
        expect(rendered(md)).toContain(visible(text));
      });

      it(`${label} written by a crafted client stays literal text`, () => {
        const md = crafted(field, text);
        expect(structure(md)).toEqual(['#', '##', '-', '##', '-', '##', '##', '##', '##', '-']);
        expect(unescapedMarkup(md)).not.toMatch(/[[\]<>&`|~_${}\\]/);
        expect(md).not.toMatch(CONTROL);
        // The document keeps at most the first 80 characters of an author (120 of a zone title).
        expect(rendered(md)).toContain(visible(text.slice(0, 80)));
      });
    }
  }
});
