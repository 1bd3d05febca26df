import { buildSummary, SUMMARY_MORE_HEADINGS } from '@dartboard/board';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  FIXTURE_NOW,
  SPIN_SUMMARY_SECTIONS,
  spinSession,
} from '../../../../packages/board/src/summaryFixture.testing.js';
import { type Block, cleanText, summaryToPdfContent } from './pdfContent.js';

function headings(blocks: Block[], level: 2 | 3): string[] {
  return blocks.flatMap((block) =>
    block.type === 'heading' && block.level === level ? [block.text] : [],
  );
}

describe('summaryToPdfContent', () => {
  const summary = buildSummary(spinSession().doc, {
    now: FIXTURE_NOW,
    session: { goal: 'Agree a pilot', customer: 'Cara', company: 'Acme' },
  });
  const content = summaryToPdfContent(summary);

  it('has the sections in the Markdown summary’s order, with its headings', () => {
    expect(headings(content.blocks, 2)).toEqual(SPIN_SUMMARY_SECTIONS);
  });

  it('puts customer, goal, participants and the end on the first page', () => {
    expect(content.title).toBe('Acme Logistics: fleet telematics');
    expect(content.facts.map((fact) => fact.label)).toEqual([
      'Customer',
      'Goal',
      'Participants',
      'Session ended',
    ]);
    expect(content.facts[0]?.value).toBe('Cara (Acme)');
    expect(content.picture).toBeNull();
  });

  it('lists actions as a table of what, owner and due', () => {
    const table = content.blocks.find(
      (block) => block.type === 'table' && block.rows[0]?.length === 3,
    );
    expect(table).toMatchObject({
      columns: [{ title: 'What' }, { title: 'Owner' }, { title: 'Due' }],
    });
    if (table?.type !== 'table') throw new Error('no table');
    expect(
      table.rows.map((row) => row.map((cell) => cell.map((run) => run.text).join(''))),
    ).toEqual([
      ['Share last year’s route data', '—', '2026-11-27'],
      ['Send the pilot plan', 'Sam Seller', '2026-12-01'],
      ['Ask the works council', 'Cara Customer', '—'],
    ]);
  });

  it('leaves out an empty outside section and a side no commitment has', () => {
    const doc = new Y.Doc();
    const empty = summaryToPdfContent(buildSummary(doc, { now: FIXTURE_NOW }));
    expect(headings(empty.blocks, 2)).not.toContain('Outside the zones');
    expect(headings(content.blocks, 3)).not.toContain(SUMMARY_MORE_HEADINGS.sideNotSet);
  });
});

describe('cleanText', () => {
  it('removes control characters and bidi overrides, keeps line breaks and accents', () => {
    expect(cleanText('Gr\u00f6\u00dfe\u0000 \u202Eniño\u202C\r\n\tłódź\u0007')).toBe(
      'Größe niño\nłódź',
    );
  });
});
