// The CSV export read back with a real CSV parser (csv-parse), as a spreadsheet or CRM import
// would read it: every hostile text comes back as typed, a formula only as text.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote } from './note.js';
import { joinSession } from './people.js';
import { setStagesEnabled } from './stages.js';
import { CSV_COLUMNS, summaryToCsv } from './summaryCsv.js';
import { at, spinSession } from './summaryFixture.testing.js';
import { applyTemplate } from './templates.js';
import { placeDot, startVote } from './vote.js';

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

/** The CSV as records keyed by the header row, after checking the header. */
function read(csv: string): Row[] {
  const rows = parse(csv, { bom: true, relax_column_count: false }) as string[][];
  expect(rows[0]).toEqual([...CSV_COLUMNS]);
  return rows
    .slice(1)
    .map((cells) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, cells[i]])) as Row);
}

function emptyBoard(): Y.Doc {
  const doc = new Y.Doc();
  applyTemplate(doc, { template: 'dart', title: 'CSV', createdAt: at('09:00') });
  return doc;
}

let minute = 0;

/** Adds a note outside every zone with `text`, a minute after the one before. */
function outsideNote(doc: Y.Doc, text: string, extra: Partial<Parameters<typeof addNote>[1]> = {}) {
  minute += 1;
  const createdAt = at('09:30') + minute * 60_000;
  return addNote(doc, { x: -5000, y: -5000, author: 'Sam', text, createdAt, ...extra });
}

describe('summaryToCsv', () => {
  it('writes a BOM, the header and one CRLF-ended row per card of a whole session', () => {
    const { doc, ids } = spinSession();
    const csv = summaryToCsv(doc);
    expect(csv.startsWith('\uFEFFid,kind,zone,stage,text,author,colour,votes,feasibility,')).toBe(
      true,
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    // Every record ends in CRLF; the only bare LF is the one inside a two-line note, quoted.
    expect(csv.split('\r\n')).toHaveLength(Object.keys(ids).length + 2);
    const rows = read(csv);
    expect(rows).toHaveLength(Object.keys(ids).length);
    expect(new Set(rows.map((row) => row.kind))).toEqual(
      new Set(['note', 'question', 'answer', 'risk', 'benefit', 'idea', 'action', 'commitment']),
    );
    const byId = (key: string) => rows.find((row) => row.id === ids[key]);
    expect(byId('objective')).toMatchObject({
      kind: 'note',
      zone: 'Objective',
      stage: 'objective',
      text: 'Cut empty kilometres by a fifth',
      author: 'Cara Customer',
      colour: '#fde68a',
      votes: '0',
      created: '2026-11-20T09:11:00.000Z',
      x: '-980',
      y: '80',
    });
    // SPIN zones are no stage's kind: no stage.
    expect(byId('q-fleet')).toMatchObject({ kind: 'question', zone: 'Situation', stage: '' });
    expect(byId('idea-pilot')).toMatchObject({ votes: '3', feasibility: 'realistic' });
    expect(byId('idea-ai')).toMatchObject({ votes: '1', feasibility: 'needs-work' });
    expect(byId('action-plan')).toMatchObject({ owner: 'Sam Seller', due: '2026-12-01' });
    expect(byId('action-data')).toMatchObject({ owner: '', due: '2026-11-27' });
    expect(byId('answer-Returns run empty\nafter the Friday drops')?.text).toBe(
      'Returns run empty\nafter the Friday drops',
    );
    // Zones in board order, then oldest first within each.
    expect(rows.map((row) => row.zone).filter((z, i, all) => z !== all[i - 1])).toEqual([
      'Objective',
      'Situation',
      'Problem',
      'Implication',
      'Need-payoff',
    ]);
    for (const row of rows) {
      expect(Number.isFinite(Number(row.x)) && Number.isFinite(Number(row.y))).toBe(true);
    }
  });

  it('counts the dots of a vote that is still open, and leaves stage empty without stages', () => {
    const doc = emptyBoard();
    const id = outsideNote(doc, 'Pilot first');
    joinSession(doc, 'p-cara', 'Cara', 'edit', at('09:01'));
    startVote(doc, { dots: 3 }, at('09:40'));
    placeDot(doc, 'p-cara', id);
    placeDot(doc, 'p-cara', id);
    const [row] = read(summaryToCsv(doc));
    expect(row).toMatchObject({ id, zone: '', stage: '', votes: '2' });
    setStagesEnabled(doc, true, at('09:45'));
    expect(read(summaryToCsv(doc))[0]?.stage).toBe('');
  });

  it('leaves out notes without text, whitespace only included', () => {
    const doc = emptyBoard();
    outsideNote(doc, '');
    outsideNote(doc, '  \n\t ');
    outsideNote(doc, 'kept');
    expect(read(summaryToCsv(doc)).map((row) => row.text)).toEqual(['kept']);
  });

  it('reads back hostile text as typed; formula starts are neutralised with a quote', () => {
    const doc = emptyBoard();
    const longWord = 'x'.repeat(10_000);
    const texts = [
      'a, b, c',
      'She said "no", then "yes"',
      '"',
      'line one\nline two\r\nline three\rfour',
      'Grüße aus Köln, Straße ß ÄÖÜ',
      'Emoji 🎯👩🏽‍💻🇩🇪',
      longWord,
      `"${'y'.repeat(9_990)}", z`,
      'plain',
    ];
    const neutralised: [string, string][] = [
      ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
      ['=HYPERLINK("http://evil","click")', '\'=HYPERLINK("http://evil","click")'],
      ['+1+2', "'+1+2"],
      ['-5%', "'-5%"],
      ['@SUM(1)', "'@SUM(1)"],
      ['\t=1+1', "'\t=1+1"],
      ['\r=1+1', "'\r=1+1"],
      ["'already quoted", "'already quoted"],
      ['a=1', 'a=1'],
    ];
    for (const text of texts) outsideNote(doc, text);
    for (const [text] of neutralised) outsideNote(doc, text);
    outsideNote(doc, 'owned', {
      author: '=cmd|calc',
      card: { kind: 'action', owner: '-owner', due: '2026-12-01' },
    });
    const csv = summaryToCsv(doc);
    const rows = read(csv);
    expect(rows.map((row) => row.text)).toEqual([
      ...texts,
      ...neutralised.map(([, expected]) => expected),
      'owned',
    ]);
    expect(rows.at(-1)).toMatchObject({ author: "'=cmd|calc", owner: "'-owner" });
    expect(csv).toContain('"She said ""no"", then ""yes"""');
    expect(csv).toContain(',"""",');
  });

  it('leaves out control characters and bidi overrides, then neutralises what is left', () => {
    const doc = emptyBoard();
    outsideNote(
      doc,
      'nul\u0000 bell\u0007 esc\u001b[31m red\u007f \u0085\u202eevil\u202c\u2066i\u2069',
      {
        author: '\u0000=cmd',
        card: { kind: 'action', owner: '\u202e@SUM(A1)', due: '' },
      },
    );
    outsideNote(doc, '\u0000=1+1\tkept\r\nkept too');
    outsideNote(doc, '\u0000\u0007\u202e');
    const rows = read(summaryToCsv(doc));
    expect(rows.map((row) => row.text)).toEqual([
      'nul bell esc[31m red \u0085evili',
      "'=1+1\tkept\r\nkept too",
    ]);
    expect(rows[0]).toMatchObject({ author: "'=cmd", owner: "'@SUM(A1)" });
  });

  it('writes negative coordinates as numbers, not neutralised', () => {
    const doc = emptyBoard();
    outsideNote(doc, 'far away', { x: -1234.567, y: -0.5 });
    expect(read(summaryToCsv(doc))[0]).toMatchObject({ x: '-1234.57', y: '-0.5' });
  });
});
