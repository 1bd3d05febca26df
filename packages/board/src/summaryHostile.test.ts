// Every field of the summary that people wrote, filled with text crafted to become markup: it
// must stay literal text in the Markdown, one line per table cell, in its own list item.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, notesMap, peopleMap, recordIn } from './doc.js';
import { buildSummary, type SessionSummary } from './summary.js';
import { FIXTURE_NOW, spinSession } from './summaryFixture.testing.js';
import { summaryToMarkdown } from './summaryMarkdown.js';
import { listZones, updateZoneText } from './zone.js';

const HOSTILE = [
  '\n## Pricing agreed',
  '- 40% discount',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  'a | b || c \\| d',
  'a\u0000b\u0007c\u001b[31md\u007fe\u0085f\u009bg\u202eh\u2066i\u2069j',
  // Every other way a line can start a block, or text can become a link, HTML or markup.
  [
    'ok',
    '===',
    '---',
    ':---',
    '| a | b |',
    '|---|---|',
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
    '### sub',
    '![i](x.png) <http://evil> https://evil.com www.evil.com',
    '&lt;b&gt; &#x5B; **bold** _em_ `code` ~~del~~ $math$ {#id} \\',
    'trailing #',
  ].join('\n'),
];

/** Where each field lives in a summary built from the SPIN session fixture. */
const FIELDS: Record<string, (summary: SessionSummary, text: string) => void> = {
  'board title': (s, t) => {
    s.title = t;
  },
  'zone title': (s, t) => {
    situation(s).title = t;
  },
  'zone prompt': (s, t) => {
    situation(s).prompt = t;
  },
  'note text': (s, t) => {
    first(situation(s).notes).text = t;
  },
  'note author': (s, t) => {
    first(situation(s).notes).author = t;
  },
  'session goal': (s, t) => {
    s.session.goal = t;
  },
  'session customer': (s, t) => {
    s.session.customer = t;
  },
  'session company': (s, t) => {
    s.session.company = t;
  },
  'participant name': (s, t) => {
    first(s.participants).name = t;
  },
  'ground rule': (s, t) => {
    s.groundRules.rules[0] = t;
  },
  'name of who agreed': (s, t) => {
    first(s.groundRules.agreed).name = t;
  },
  'card of a stage': (s, t) => {
    first(first(s.stages ?? []).notes).text = t;
  },
  'question text': (s, t) => {
    first(s.questions).text = t;
  },
  'answer text': (s, t) => {
    first(first(s.questions).answers).text = t;
  },
  'answer author': (s, t) => {
    first(first(s.questions).answers).author = t;
  },
  'risk text (table cell)': (s, t) => {
    first(s.risksAndBenefits.risks).text = t;
  },
  'risk author (table cell)': (s, t) => {
    first(s.risksAndBenefits.risks).author = t;
  },
  'benefit text (table cell)': (s, t) => {
    first(s.risksAndBenefits.benefits).text = t;
  },
  'idea text': (s, t) => {
    first(s.ideas).text = t;
  },
  'voted card text': (s, t) => {
    first(s.votes?.ranking ?? []).text = t;
  },
  'voter name': (s, t) => {
    first(s.votes?.ranking ?? []).voters[0] = t;
  },
  'vote zone': (s, t) => {
    if (s.votes) s.votes.zone = t;
  },
  metric: (s, t) => {
    first(s.metrics).metric = t;
  },
  'metric target': (s, t) => {
    first(s.metrics).target = t;
  },
  'action text (table cell)': (s, t) => {
    first(s.actions).text = t;
  },
  'action owner (table cell)': (s, t) => {
    first(s.actions).owner = t;
  },
  'commitment text': (s, t) => {
    first(s.commitments.customer).text = t;
  },
};

function first<T>(list: readonly T[]): T {
  const item = list[0];
  if (item === undefined) throw new Error('fixture broken');
  return item;
}

/** The Situation lane: a zone listed on its own (the Objective zone is listed under its stage). */
function situation(summary: SessionSummary): SessionSummary['zones'][number] {
  return first(summary.zones.filter((zone) => zone.kind === 'situation'));
}

function honestSummary(): SessionSummary {
  return buildSummary(spinSession().doc, {
    now: FIXTURE_NOW,
    session: { goal: 'Agree a pilot', customer: 'Cara Customer', company: 'Acme Logistics' },
  });
}

// A line that CommonMark or GFM would read as the start of a block other than a paragraph, or as
// a setext underline / table delimiter row that turns the line before into a heading / table.
const BLOCK_START =
  /^(?: {0,3}(?:#{1,6}(?:[ \t]|$)|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|>|`{3}|~{3}|=+[ \t]*$|-+[ \t]*$|\||<[a-z/!?]|:?-+:?[ \t]*(?:\||$)|\[[^\]]*\]:)| {4}|\t)/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// How every line the summary writes starts: headings, items (nested two deep at most), their
// continuation lines, table rows, the header lines and the summary's own sentences.
const LINE_START =
  /^(?:$|#{1,3} |- | {2}- | {2}\S| {4}\S|\d+\. |\| |\*|Session (?:date:|ended) |Participants: |Agreed by |\d+ dots? each )/;

/**
 * The block structure: each line that starts a block once its list indentation (0, 2 or 4
 * spaces, which LINE_START checks) is taken off, as that indentation and the block's marker.
 */
function structure(md: string): string[] {
  return md.split('\n').flatMap((line) => {
    const rest = line.trimStart();
    const indent = ' '.repeat(line.length - rest.length);
    return BLOCK_START.test(rest) ? [`${indent}${rest.split(' ')[0]}`] : [];
  });
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

const only = (md: string, chars: RegExp) => md.replace(chars, '');

/** The unescaped pipes of each table row: its cell boundaries. */
function tableRows(md: string): string[] {
  return md
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => only(unescapedMarkup(line), /[^|]/g));
}

/** The checks every hostile Markdown must pass against the honest one. */
function expectLiteral(md: string, honest: string, text: string, keep = text): void {
  // No heading, list item, quote, fence, table, HTML block or underline beyond the summary's.
  expect(structure(md)).toEqual(structure(honest));
  for (const line of md.split('\n')) expect(line).toMatch(LINE_START);
  // Every table row keeps its cells: as many unescaped pipes as in the honest one.
  expect(tableRows(md)).toEqual(tableRows(honest));
  const bare = unescapedMarkup(md);
  const honestBare = unescapedMarkup(honest);
  // Outside backslash escapes, no link, HTML, entity, code or other inline markup survives;
  // the only emphasis left is the summary's own.
  expect(bare).not.toMatch(/[[\]<>&`~_${}\\]/);
  expect(only(bare, /[^*]/g)).toBe(only(honestBare, /[^*]/g));
  expect(md).not.toMatch(/(?<!\\)\]\(|(?<!\\)<script|(?<!\\):\/\//i);
  expect(md).not.toMatch(CONTROL);
  // And it still reads as what was typed.
  expect(rendered(md)).toContain(visible(keep));
}

describe('Markdown summary with hostile text in a field', () => {
  const honest = summaryToMarkdown(honestSummary());

  it('the honest summary has the structure the summary writes', () => {
    expect(structure(honest).filter((marker) => marker.startsWith('#'))).toHaveLength(22);
    for (const line of honest.split('\n')) expect(line).toMatch(LINE_START);
  });

  for (const [field, put] of Object.entries(FIELDS)) {
    for (const text of HOSTILE) {
      it(`${field}: ${JSON.stringify(text).slice(0, 40)} stays literal text`, () => {
        const summary = honestSummary();
        put(summary, text);
        expectLiteral(summaryToMarkdown(summary), honest, text);
      });
    }
  }
});

/** Where a crafted client can write each field straight into the document, past every helper. */
const CRAFTED: Record<string, (doc: Y.Doc, text: string) => string> = {
  'board title': (doc, text) => {
    metaMap(doc).set('title', text);
    return text.slice(0, 200);
  },
  'zone title': (doc, text) => {
    updateZoneText(doc, first(listZones(doc).filter((z) => z.kind === 'situation')).id, {
      title: text,
    });
    return text.slice(0, 120);
  },
  'person name': (doc, text) => {
    recordIn(peopleMap(doc), 'p-cara')?.set('name', text);
    return text.slice(0, 80);
  },
  'ground rule': (doc, text) => {
    metaMap(doc).set('groundRules', [text.slice(0, 300), 'We write down who does what next.']);
    return text.slice(0, 300);
  },
  'answer text': (doc, text) => {
    noteWith(doc, 'About 300 EUR a trip')?.set('text', new Y.Text(text));
    return text;
  },
  'risk text': (doc, text) => {
    noteWith(doc, 'Hardware cost')?.set('text', new Y.Text(text));
    return text;
  },
  'action owner': (doc, text) => {
    noteWith(doc, 'Send the pilot plan')?.set('owner', text);
    return text.slice(0, 80);
  },
};

function noteWith(doc: Y.Doc, text: string): Y.Map<unknown> | undefined {
  for (const [id, record] of notesMap(doc).entries()) {
    if (record instanceof Y.Map && String(record.get('text')) === text) {
      return recordIn(notesMap(doc), id);
    }
  }
  return undefined;
}

describe('Markdown summary of a document a crafted client wrote', () => {
  const markdown = (doc: Y.Doc) => summaryToMarkdown(buildSummary(doc, { now: FIXTURE_NOW }));
  const honest = markdown(spinSession().doc);

  for (const [field, write] of Object.entries(CRAFTED)) {
    for (const text of HOSTILE) {
      it(`${field}: ${JSON.stringify(text).slice(0, 40)} stays literal text`, () => {
        const { doc } = spinSession();
        const kept = write(doc, text);
        expectLiteral(markdown(doc), honest, text, kept);
      });
    }
  }
});
