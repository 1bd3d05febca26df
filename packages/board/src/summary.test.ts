import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote } from './note.js';
import { buildSummary, escapeMarkdown, summaryToMarkdown } from './summary.js';
import { applyTemplate, DART_ZONES } from './templates.js';

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
  });
});
