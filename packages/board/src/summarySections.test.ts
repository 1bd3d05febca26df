import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote } from './note.js';
import { agreeToGroundRules, joinSession } from './people.js';
import { buildSummary, type SessionSummary, type SummarySessionInput } from './summary.js';
import { at, FIXTURE_NOW, spinSession } from './summaryFixture.testing.js';
import { SUMMARY_HEADINGS, summaryToMarkdown } from './summaryMarkdown.js';
import { applyTemplate } from './templates.js';
import { placeDot, revealVotes, startVote } from './vote.js';

function summaryOf(doc: Y.Doc, session?: SummarySessionInput): SessionSummary {
  return buildSummary(doc, { now: FIXTURE_NOW, session });
}

/** The body of the `## <heading>` section of a Markdown summary. */
function sectionOf(md: string, heading: string): string {
  const start = md.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`no section ${heading}`);
  const body = md.slice(start + heading.length + 5);
  const end = body.indexOf('\n## ');
  return (end === -1 ? body : body.slice(0, end)).trim();
}

const texts = (notes: { text: string }[]) => notes.map((note) => note.text);

describe('summary sections of a SPIN session', () => {
  const { doc, ids } = spinSession();
  const summary = summaryOf(doc, {
    goal: 'Agree a telematics pilot',
    customer: 'Cara Customer',
    company: 'Acme Logistics',
  });
  const md = summaryToMarkdown(summary);

  it('names the session goal and the customer the facilitator chose to include', () => {
    expect(summary.session).toEqual({
      goal: 'Agree a telematics pilot',
      customer: 'Cara Customer',
      company: 'Acme Logistics',
    });
    expect(md).toContain('\n\n**Goal:** Agree a telematics pilot\n\n');
    expect(md).toContain('\n\n**Customer:** Cara Customer (Acme Logistics)\n\n');
  });

  it('leaves the goal and customer out when nothing was included', () => {
    const plain = summaryOf(doc);
    expect(plain.session).toEqual({ goal: null, customer: null, company: null });
    const only = summaryToMarkdown(summaryOf(doc, { company: ' Acme ', goal: '  ' }));
    expect(summaryToMarkdown(plain)).not.toMatch(/Goal:|Customer:/);
    expect(only).toContain('**Customer:** Acme\n');
    expect(only).not.toContain('Goal:');
  });

  it('lists the participants with their roles, in the order they joined', () => {
    expect(summary.participants).toEqual([
      { name: 'Sam Seller', role: 'facilitator', firstSeenAt: null, lastSeenAt: null },
      { name: 'Cara Customer', role: 'edit', firstSeenAt: null, lastSeenAt: null },
      { name: 'Dan Dispatch', role: 'edit', firstSeenAt: null, lastSeenAt: null },
      { name: 'Olga Observer', role: 'view', firstSeenAt: null, lastSeenAt: null },
    ]);
    expect(md).toContain(
      'Participants: Sam Seller (facilitator), Cara Customer (participant), ' +
        'Dan Dispatch (participant), Olga Observer (observer)\n',
    );
  });

  it('adds authors of notes who have no person record, without a role', () => {
    const board = new Y.Doc();
    joinSession(board, 'p-sam', 'Sam', 'facilitator', 1);
    addNote(board, { x: 0, y: 0, text: 'a', author: 'Sam', createdAt: 1 });
    addNote(board, { x: 0, y: 0, text: 'b', author: 'Lee', createdAt: 2 });
    addNote(board, { x: 0, y: 0, text: 'c', author: '', createdAt: 3 });
    addNote(board, { x: 0, y: 0, text: 'd', author: 'Lee', createdAt: 4 });
    expect(summaryOf(board).participants).toEqual([
      { name: 'Sam', role: 'facilitator', firstSeenAt: null, lastSeenAt: null },
      { name: 'Lee', role: null, firstSeenAt: null, lastSeenAt: null },
    ]);
  });

  it('gives participants the span the server saw them, adding viewers, in the order they came', () => {
    const board = new Y.Doc();
    joinSession(board, 'p-sam', 'Sam', 'facilitator', 1);
    joinSession(board, 'p-cara', 'Cara Customer', 'edit', 2);
    addNote(board, { x: 0, y: 0, text: 'a', author: 'Lee', createdAt: 3 });
    const time = (hhmm: string, day = '20') => Date.parse(`2026-11-${day}T${hhmm}:00.000Z`);
    applyTemplate(board, { template: 'blank', title: 'Visits', createdAt: time('08:00') });
    const summary = buildSummary(board, {
      now: FIXTURE_NOW,
      visits: [
        { name: 'Cara Customer', role: 'edit', firstSeen: time('10:02'), lastSeen: time('10:40') },
        { name: 'Vic  Viewer ', role: 'view', firstSeen: time('10:05'), lastSeen: time('10:05') },
        { name: 'Sam', role: 'facilitator', firstSeen: time('10:00'), lastSeen: time('11:20') },
        // A second tab of Cara's, later: her span widens.
        { name: 'Cara Customer', role: 'edit', firstSeen: time('10:30'), lastSeen: time('11:15') },
        { name: 'Nia', role: 'edit', firstSeen: time('23:50'), lastSeen: time('00:10', '21') },
      ],
    });
    expect(summary.participants).toEqual([
      {
        name: 'Sam',
        role: 'facilitator',
        firstSeenAt: '2026-11-20T10:00:00.000Z',
        lastSeenAt: '2026-11-20T11:20:00.000Z',
      },
      {
        name: 'Cara Customer',
        role: 'edit',
        firstSeenAt: '2026-11-20T10:02:00.000Z',
        lastSeenAt: '2026-11-20T11:15:00.000Z',
      },
      {
        name: 'Vic Viewer',
        role: 'view',
        firstSeenAt: '2026-11-20T10:05:00.000Z',
        lastSeenAt: '2026-11-20T10:05:00.000Z',
      },
      {
        name: 'Nia',
        role: 'edit',
        firstSeenAt: '2026-11-20T23:50:00.000Z',
        lastSeenAt: '2026-11-21T00:10:00.000Z',
      },
      { name: 'Lee', role: null, firstSeenAt: null, lastSeenAt: null },
    ]);
    expect(summaryToMarkdown(summary)).toContain(
      'Participants: Sam (facilitator, 10:00–11:20 UTC), ' +
        'Cara Customer (participant, 10:02–11:15 UTC), Vic Viewer (observer, 10:05 UTC), ' +
        'Nia (participant, 2026-11-20 23:50 – 2026-11-21 00:10 UTC), Lee\n',
    );
  });

  it('keeps the participants as they were when the server saw nobody', () => {
    const board = new Y.Doc();
    joinSession(board, 'p-sam', 'Sam', 'facilitator', 1);
    const summary = buildSummary(board, { now: FIXTURE_NOW, visits: [] });
    expect(summary.participants).toEqual([
      { name: 'Sam', role: 'facilitator', firstSeenAt: null, lastSeenAt: null },
    ]);
    expect(summaryToMarkdown(summary)).toContain('Participants: Sam (facilitator)\n');
  });

  it('gives the ground rules and who agreed, in the order they did', () => {
    expect(summary.groundRules).toEqual({
      rules: ['We talk as equals.', 'We write down who does what next.'],
      agreed: [
        { name: 'Cara Customer', at: '2026-11-20T09:05:00.000Z' },
        { name: 'Dan Dispatch', at: '2026-11-20T09:06:00.000Z' },
      ],
    });
    expect(sectionOf(md, 'Ground rules')).toBe(
      [
        '1. We talk as equals.',
        '2. We write down who does what next.',
        '',
        'Agreed by Cara Customer (2026-11-20 09:05 UTC), Dan Dispatch (2026-11-20 09:06 UTC).',
      ].join('\n'),
    );
  });

  it('lists each stage with when it began and the cards of its zones', () => {
    const objective = summary.stages?.find((stage) => stage.stage === 'objective');
    expect(texts(objective?.notes ?? [])).toEqual(['Cut empty kilometres by a fifth']);
    expect(objective?.zoneIds).toHaveLength(1);
    expect(summary.stages?.find((s) => s.stage === 'options')?.notes).toEqual([]);
    expect(sectionOf(md, 'Stages')).toBe(
      [
        '- Objective — began 2026-11-20 09:00 UTC',
        '  - Cut empty kilometres by a fifth — *Cara Customer*',
        '- Options — began 2026-11-20 10:00 UTC (current)',
        '- Ideation — not reached',
        '- Prototype — not reached',
        '- Test — not reached',
        '- Launch — not reached',
      ].join('\n'),
    );
    // The zone of a step is listed under it, not again on its own.
    expect(md).not.toContain('## Objective');
  });

  it('orders the questions by SPIN type, then time, each with its answers', () => {
    expect(
      summary.questions.map((q) => [q.spin, q.text, texts(q.answers).map((a) => a.slice(0, 12))]),
    ).toEqual([
      ['situation', 'How many vehicles do you run today?', ['140 trucks i']],
      ['situation', 'Which planning tools do you use?', []],
      ['problem', 'Where do routes go wrong most often?', ['Returns run ', 'Dispatch pla']],
      ['implication', 'What does an empty return cost you?', ['About 300 EU']],
      ['need-payoff', 'What would live tracking be worth to you?', ['Fewer angry ']],
    ]);
    expect(sectionOf(md, SUMMARY_HEADINGS.questions)).toBe(
      [
        '### Situation',
        '',
        '- How many vehicles do you run today? — *Sam Seller*',
        '  - 140 trucks in three depots — *Cara Customer*',
        '- Which planning tools do you use? — *Sam Seller*',
        '  - *No answer recorded.*',
        '',
        '### Problem',
        '',
        '- Where do routes go wrong most often? — *Sam Seller*',
        '  - Returns run empty  ',
        '    after the Friday drops — *Cara Customer*',
        '  - Dispatch plans by phone — *Dan Dispatch*',
        '',
        '### Implication',
        '',
        '- What does an empty return cost you? — *Sam Seller*',
        '  - About 300 EUR a trip — *Cara Customer*',
        '',
        '### Need-payoff',
        '',
        '- What would live tracking be worth to you? — *Sam Seller*',
        '  - Fewer angry customer calls — *Dan Dispatch*',
      ].join('\n'),
    );
  });

  it('puts risks and benefits side by side, heaviest first', () => {
    const { risks, benefits } = summary.risksAndBenefits;
    expect(risks.map((r) => [r.text, r.weight])).toEqual([
      ['Drivers refuse tracking', 3],
      ['Hardware cost', 2],
      ['IT has no time in Q1', 1],
    ]);
    expect(benefits.map((b) => [b.text, b.weight])).toEqual([['Fewer empty kilometres', 3]]);
    expect(sectionOf(md, SUMMARY_HEADINGS.risksAndBenefits)).toBe(
      [
        '| Risks | Benefits |',
        '| --- | --- |',
        '| **High:** Drivers refuse tracking — *Dan Dispatch* | **High:** Fewer empty kilometres — *Sam Seller* |',
        '| **Medium:** Hardware cost — *Cara Customer* |  |',
        '| **Low:** IT has no time in Q1 — *Cara Customer* |  |',
      ].join('\n'),
    );
  });

  it('lists the ideas with their feasibility', () => {
    expect(summary.ideas.map((i) => [i.text, i.feasibility])).toEqual([
      ['Pilot in one depot', 'realistic'],
      ['AI route planning', 'needs-work'],
    ]);
    expect(sectionOf(md, 'Ideas')).toBe(
      [
        '- Realistic: Pilot in one depot — *Cara Customer*',
        '- Needs work: AI route planning — *Dan Dispatch*',
      ].join('\n'),
    );
  });

  it('ranks the cards of a revealed vote, most dots first, with who placed them', () => {
    expect(summary.votes).toEqual({
      dots: 3,
      anonymous: false,
      zone: null,
      startedAt: '2026-11-20T10:20:00.000Z',
      revealedAt: '2026-11-20T10:30:00.000Z',
      ranking: [
        {
          noteId: ids['idea-pilot'],
          text: 'Pilot in one depot',
          dots: 3,
          voters: ['Cara Customer', 'Cara Customer', 'Dan Dispatch'],
        },
        { noteId: ids['idea-ai'], text: 'AI route planning', dots: 1, voters: ['Dan Dispatch'] },
      ],
    });
    expect(sectionOf(md, SUMMARY_HEADINGS.votes)).toBe(
      [
        '3 dots each · on the whole board · revealed 2026-11-20 10:30 UTC',
        '',
        '1. Pilot in one depot — **3 dots** (Cara Customer ×2, Dan Dispatch)',
        '2. AI route planning — **1 dot** (Dan Dispatch)',
      ].join('\n'),
    );
  });

  it('says a vote is still open instead of ranking it, and keeps voters out of an anonymous one', () => {
    const { doc: board, ids: boardIds } = spinSession();
    const zoneId = summaryOf(board).zones.find((zone) => zone.title === 'Problem')?.zoneId;
    startVote(board, { dots: 1, anonymous: true, zoneId }, at('10:40'));
    placeDot(board, 'p-cara', boardIds['q-routes'] ?? '');
    const open = summaryOf(board);
    expect(open.votes).toMatchObject({ anonymous: true, zone: 'Problem', ranking: [] });
    expect(sectionOf(summaryToMarkdown(open), 'Votes')).toBe(
      [
        '1 dot each · on the zone “Problem” · anonymous',
        '',
        '*The vote is still open: the result is shown once the facilitator reveals it.*',
      ].join('\n'),
    );
    revealVotes(board, at('10:41'));
    const revealed = summaryOf(board);
    expect(revealed.votes?.ranking).toEqual([
      {
        noteId: boardIds['q-routes'],
        text: 'Where do routes go wrong most often?',
        dots: 1,
        voters: [],
      },
    ]);
    expect(sectionOf(summaryToMarkdown(revealed), 'Votes')).toMatch(
      /\n\n1\. Where do routes go wrong most often\? — \*\*1 dot\*\*$/,
    );
  });

  it('gives the action items as a table of what, owner and due date, soonest first', () => {
    expect(summary.actions.map((a) => [a.text, a.owner, a.due])).toEqual([
      ['Share last year’s route data', null, '2026-11-27'],
      ['Send the pilot plan', 'Sam Seller', '2026-12-01'],
      ['Ask the works council', 'Cara Customer', null],
    ]);
    expect(sectionOf(md, SUMMARY_HEADINGS.actions)).toBe(
      [
        '| What | Owner | Due |',
        '| --- | --- | --- |',
        '| Share last year’s route data | — | 2026-11-27 |',
        '| Send the pilot plan | Sam Seller | 2026-12-01 |',
        '| Ask the works council | Cara Customer | — |',
      ].join('\n'),
    );
  });

  it('groups the commitments by side', () => {
    expect(summary.commitments).toMatchObject({
      customer: [{ text: 'Provide one depot for the pilot' }],
      supplier: [{ text: 'Install the trackers free of charge' }],
      both: [{ text: 'Review results together in March' }],
      unassigned: [],
    });
    expect(sectionOf(md, SUMMARY_HEADINGS.commitments)).toBe(
      [
        '### Customer',
        '',
        '- Provide one depot for the pilot — *Cara Customer*',
        '',
        '### Supplier',
        '',
        '- Install the trackers free of charge — *Sam Seller*',
        '',
        '### Both sides',
        '',
        '- Review results together in March — *Sam Seller*',
      ].join('\n'),
    );
  });

  it('keeps every card in its zone, marked with its kind', () => {
    const problem = sectionOf(md, 'Problem');
    expect(problem).toContain('- Question (problem): Where do routes go wrong most often?');
    expect(problem).toContain('- Answer: Dispatch plans by phone — *Dan Dispatch*');
    const payoff = sectionOf(md, 'Need-payoff');
    expect(payoff).toContain('- Benefit (high): Fewer empty kilometres');
    expect(payoff).toContain('- Idea (needs work): AI route planning');
    expect(payoff).toContain('- Action item (Sam Seller, due 2026-12-01): Send the pilot plan');
    expect(payoff).toContain('- Action item (Cara Customer): Ask the works council');
    expect(payoff).toContain('- Commitment (both sides): Review results together in March');
    expect(sectionOf(md, 'Implication')).toContain('- Risk (high): Drivers refuse tracking');
  });

  it('reads as a document: the sections in order, each heading once', () => {
    const headings = md.split('\n').filter((line) => /^#{1,3} /.test(line));
    expect(headings.filter((h) => h.startsWith('## '))).toEqual([
      '## Ground rules',
      '## Stages',
      '## Situation',
      '## Problem',
      '## Implication',
      '## Need-payoff',
      '## Outside the zones',
      '## Questions',
      '## Risks and benefits',
      '## Ideas',
      '## Votes',
      '## Test metrics',
      '## Actions',
      '## Commitments',
    ]);
    expect(headings[0]).toBe('# Acme Logistics: fleet telematics');
    const head = md.slice(0, md.indexOf('## Ground rules'));
    expect(head.split('\n\n').map((block) => block.split(/[: ]/)[0])).toEqual([
      '#',
      'Session',
      'Session',
      'Participants',
      '**Goal',
      '**Customer',
      '',
    ]);
    expect(head).toContain('Session ended 2026-11-20 10:45 UTC · lasted 1 h 45 min');
    expect(md).toContain('- Success: Empty kilometres — target: \\-20% in 3 months');
    expect(md.endsWith('\n')).toBe(true);
    expect(md).not.toMatch(/\n{3}/);
  });
});

describe('summary of an empty board', () => {
  const doc = new Y.Doc();
  applyTemplate(doc, { template: 'blank', title: 'Empty', createdAt: at('09:00') });
  const summary = summaryOf(doc);
  const md = summaryToMarkdown(summary);

  it('has empty sections in the JSON', () => {
    expect(summary).toMatchObject({
      participants: [],
      groundRules: { agreed: [] },
      stages: null,
      questions: [],
      risksAndBenefits: { risks: [], benefits: [] },
      ideas: [],
      votes: null,
      metrics: [],
      actions: [],
      commitments: { customer: [], supplier: [], both: [], unassigned: [] },
    });
    expect(summary.groundRules.rules.length).toBeGreaterThan(0);
  });

  it('still has the six named sections, each saying briefly that it is empty', () => {
    expect(md).not.toContain('Participants:');
    expect(sectionOf(md, 'Ground rules')).toMatch(/\n\n\*Nobody marked their agreement\.\*$/);
    expect(sectionOf(md, 'Questions')).toBe('*No questions.*');
    expect(sectionOf(md, 'Risks and benefits')).toBe('*No risks or benefits.*');
    expect(sectionOf(md, 'Votes')).toBe('*No vote was held.*');
    expect(sectionOf(md, 'Actions')).toBe('*No action items.*');
    expect(sectionOf(md, 'Commitments')).toBe('*No commitments.*');
    // Ideas, stages and metrics would only be noise.
    expect(md).not.toMatch(/## (Ideas|Stages|Test metrics)/);
    for (const heading of Object.values(SUMMARY_HEADINGS)) {
      expect(md.match(new RegExp(`^## ${heading}$`, 'gm'))).toHaveLength(1);
    }
  });

  it('says when the facilitator removed every ground rule, and when a revealed vote got no dots', () => {
    const board = new Y.Doc();
    applyTemplate(board, { template: 'blank', title: 'x', createdAt: 1 });
    board.getMap('meta').set('groundRules', []);
    joinSession(board, 'p', 'Pat', 'edit', 2);
    agreeToGroundRules(board, 'p', true, 3);
    startVote(board, {}, 4);
    revealVotes(board, 5);
    const text = summaryToMarkdown(summaryOf(board));
    expect(sectionOf(text, 'Ground rules')).toBe(
      '*No ground rules were set.*\n\nAgreed by Pat (1970-01-01 00:00 UTC).',
    );
    expect(sectionOf(text, 'Votes')).toMatch(/\n\n\*No dots were placed\.\*$/);
  });
});
