import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, notesMap, recordIn } from './doc.js';
import { endSession } from './ending.js';
import { escapeMarkdown } from './markdownText.js';
import { addNote } from './note.js';
import { addMetric, goToStage, setStagesEnabled } from './stages.js';
import { buildSummary } from './summary.js';
import { summaryToMarkdown } from './summaryMarkdown.js';
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
    const summary = buildSummary(doc, { now: NOW });
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
        '## Dialogue',
      ].join('\n'),
    );
    expect(md).toContain(
      [
        '## Test metrics',
        '',
        '- Success: Onboarding time — target: \\< 2 days',
        '- Improvement: Tickets',
        '',
        '## Actions',
      ].join('\n'),
    );
  });

  it('leaves stages, metrics and the end out of a board that has none', () => {
    const summary = buildSummary(dartBoard(), { now: NOW });
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
    const summary = buildSummary(doc, { now: NOW });
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
    const md = summaryToMarkdown(buildSummary(doc, { now: NOW }));
    expect(
      md.startsWith(
        '# Acme renewal\n\nSession date: 2026-11-20 · 2 notes · exported 2026-11-22 10:30 UTC\n\nParticipants: Bob, Ann\n\n## Ground rules\n',
      ),
    ).toBe(true);
    const zones = md.slice(md.indexOf('## Dialogue'), md.indexOf('## Questions'));
    expect(zones).toBe(
      [
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
    const md = summaryToMarkdown(buildSummary(doc, { now: NOW }));
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
    const doc = dartBoard();
    const text = 'one\r\ntwo\r\n\n\tthree\u2028four\u0085five\vsix  ';
    addNote(doc, { ...inZone(0), text, author: 'Bob' });
    const md = summaryToMarkdown(buildSummary(doc, { now: NOW }));
    expect(md).toContain('- one  \n  two  \n  three  \n  four  \n  five  \n  six — *Bob*\n');
  });

  it('falls back to placeholders when a field is nothing but invisible characters', () => {
    const doc = dartBoard();
    metaMap(doc).set('title', '\u0000\u202e');
    const zoneId = listZones(doc)[0]?.id ?? '';
    updateZoneText(doc, zoneId, { title: '\u0007', prompt: '\n' });
    const note = recordIn(notesMap(doc), addNote(doc, { ...inZone(0), text: '', author: 'x' }));
    note?.set('author', '\u202e');
    note?.set('text', new Y.Text('\u0001\n \n'));
    const md = summaryToMarkdown(buildSummary(doc, { now: NOW }));
    expect(md).toContain('# Untitled session\n');
    expect(md).toContain('## Untitled zone\n\n- *(empty note)* — *Anonymous*\n');
  });
});
