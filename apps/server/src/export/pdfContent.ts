// The session summary as the blocks of a printed report: headings, paragraphs, lists and
// tables of plain text runs, in the order and with the wording of the Markdown summary, laid
// out into a PDF by pdfLayout.ts. Both run in an export worker (exportWorker.ts).
import {
  ANONYMOUS_AUTHOR,
  cardTag,
  countVoters,
  DEFAULT_TITLE,
  dotCount,
  feasibilityLabel,
  formatDuration,
  formatMinute,
  OUTSIDE_SECTION_TITLE,
  participantDetail,
  plainLines,
  type SessionSummary,
  SIDE_LABELS,
  SPIN_LABELS,
  SPIN_TYPES,
  SUMMARY_EMPTY,
  SUMMARY_HEADINGS,
  SUMMARY_MORE_HEADINGS,
  type SummaryNote,
  type SummarySection,
  voteFacts,
  weightLabel,
} from '@dartboard/board';

/** A stretch of text in one style. */
export interface Run {
  text: string;
  style?: 'strong' | 'muted' | 'italic';
}

export interface ListItem {
  runs: Run[];
  children?: ListItem[];
}

export type Block =
  /** Level 2: a section of the summary; level 3: a group inside one. */
  | { type: 'heading'; level: 2 | 3; text: string; aside?: string }
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'list'; ordered: boolean; items: ListItem[] }
  /** Column widths are fractions of the text width. */
  | { type: 'table'; columns: { title: string; width: number }[]; rows: Run[][][] };

export interface PdfContent {
  title: string;
  /** One line under the title: date, notes, when it ended and how long it lasted. */
  subtitle: string;
  /** Labelled lines of the first page: customer, goal, participants. */
  facts: { label: string; value: string }[];
  /** The board as a PNG for the first page; null to leave it out. */
  picture: Uint8Array | null;
  /** Written in the footer of every page. */
  footer: string;
  blocks: Block[];
}

/**
 * Text written by people is data: control characters and bidi overrides go and whitespace
 * runs fold (plainLines), so nothing in a note can reorder or hide the report's text. Line
 * breaks stay.
 */
export function cleanText(text: string): string {
  return plainLines(text).join('\n');
}

const muted = (text: string): Run => ({ text, style: 'muted' });
const strong = (text: string): Run => ({ text, style: 'strong' });
const italic = (text: string): Run => ({ text, style: 'italic' });
const paragraph = (runs: Run[]): Block => ({ type: 'paragraph', runs });
const empty = (text: string): Block => paragraph([italic(text)]);

function who(name: string): string {
  return cleanText(name) || ANONYMOUS_AUTHOR;
}

/** A note's text then its author, after an optional tag ("Risk (high): "). */
function noteRuns(note: SummaryNote, tag: string | null = null): Run[] {
  const text = cleanText(note.text);
  return [
    ...(tag ? [strong(`${cleanText(tag)}: `)] : []),
    text === '' ? italic(SUMMARY_EMPTY.note) : { text },
    muted(` — ${who(note.author)}`),
  ];
}

function noteList(notes: SummaryNote[], tagged: boolean): Block {
  const items = notes.map((note) => ({ runs: noteRuns(note, tagged ? cardTag(note.card) : null) }));
  return { type: 'list', ordered: false, items };
}

function heading(text: string, aside?: string): Block {
  return aside ? { type: 'heading', level: 2, text, aside } : { type: 'heading', level: 2, text };
}

function subheading(text: string, aside?: string): Block {
  return aside ? { type: 'heading', level: 3, text, aside } : { type: 'heading', level: 3, text };
}

function groundRules({ groundRules }: SessionSummary): Block[] {
  const rules = groundRules.rules.map(cleanText).filter((rule) => rule !== '');
  const agreed = groundRules.agreed.map((person) =>
    person.at ? `${who(person.name)} (${formatMinute(person.at)})` : who(person.name),
  );
  return [
    heading(SUMMARY_HEADINGS.groundRules),
    rules.length > 0
      ? { type: 'list', ordered: true, items: rules.map((rule) => ({ runs: [{ text: rule }] })) }
      : empty(SUMMARY_EMPTY.groundRules),
    agreed.length > 0
      ? { type: 'paragraph', runs: [muted('Agreed by '), { text: `${agreed.join(', ')}.` }] }
      : empty(SUMMARY_EMPTY.agreed),
  ];
}

function stages(summary: SessionSummary): Block[] {
  if (!summary.stages) return [];
  return [
    heading(SUMMARY_MORE_HEADINGS.stages),
    ...summary.stages.flatMap((stage) => {
      const began = stage.startedAt ? `began ${formatMinute(stage.startedAt)}` : 'not reached';
      return [
        subheading(stage.label, `${began}${stage.current ? ' (current)' : ''}`),
        ...(stage.notes.length > 0 ? [noteList(stage.notes, true)] : []),
      ];
    }),
  ];
}

function zone(section: SummarySection, title: string): Block[] {
  const prompt = cleanText(section.prompt);
  return [
    heading(title),
    ...(prompt !== '' ? [paragraph([italic(prompt)])] : []),
    section.notes.length > 0 ? noteList(section.notes, true) : empty(SUMMARY_EMPTY.notes),
  ];
}

function questions({ questions }: SessionSummary): Block[] {
  if (questions.length === 0) {
    return [heading(SUMMARY_HEADINGS.questions), empty(SUMMARY_EMPTY.questions)];
  }
  const groups = [...SPIN_TYPES, null].flatMap((spin): Block[] => {
    const ofType = questions.filter((question) => question.spin === spin);
    if (ofType.length === 0) return [];
    const items = ofType.map((question) => ({
      runs: noteRuns(question),
      children:
        question.answers.length > 0
          ? question.answers.map((answer) => ({ runs: noteRuns(answer) }))
          : [{ runs: [italic(SUMMARY_EMPTY.answer)] }],
    }));
    return [
      subheading(spin ? SPIN_LABELS[spin] : SUMMARY_MORE_HEADINGS.otherQuestions),
      { type: 'list', ordered: false, items },
    ];
  });
  return [heading(SUMMARY_HEADINGS.questions), ...groups];
}

function risksAndBenefits({ risksAndBenefits }: SessionSummary): Block[] {
  const { risks, benefits } = risksAndBenefits;
  if (risks.length === 0 && benefits.length === 0) {
    return [heading(SUMMARY_HEADINGS.risksAndBenefits), empty(SUMMARY_EMPTY.risksAndBenefits)];
  }
  const cell = (card: (typeof risks)[number] | undefined): Run[] =>
    card ? noteRuns(card, weightLabel(card.weight)) : [];
  const rows = Array.from({ length: Math.max(risks.length, benefits.length) }, (_, i) => [
    cell(risks[i]),
    cell(benefits[i]),
  ]);
  return [
    heading(SUMMARY_HEADINGS.risksAndBenefits),
    {
      type: 'table',
      columns: [
        { title: 'Risks', width: 0.5 },
        { title: 'Benefits', width: 0.5 },
      ],
      rows,
    },
  ];
}

function ideas({ ideas }: SessionSummary): Block[] {
  if (ideas.length === 0) return [];
  const items = ideas.map((idea) => ({ runs: noteRuns(idea, feasibilityLabel(idea.feasibility)) }));
  return [heading(SUMMARY_MORE_HEADINGS.ideas), { type: 'list', ordered: false, items }];
}

function votes({ votes }: SessionSummary): Block[] {
  const title = heading(SUMMARY_HEADINGS.votes);
  if (!votes) return [title, empty(SUMMARY_EMPTY.votes)];
  const how: Block = {
    type: 'paragraph',
    runs: [muted(voteFacts(votes, cleanText(votes.zone ?? '')).join(' · '))],
  };
  if (votes.revealedAt === null) return [title, how, empty(SUMMARY_EMPTY.voteOpen)];
  if (votes.ranking.length === 0) return [title, how, empty(SUMMARY_EMPTY.dots)];
  const items = votes.ranking.map((result) => {
    const voters = countVoters(result.voters)
      .map(({ name, dots }) => (dots > 1 ? `${who(name)} ×${dots}` : who(name)))
      .join(', ');
    const text = cleanText(result.text);
    return {
      runs: [
        text === '' ? italic(SUMMARY_EMPTY.note) : { text },
        strong(` — ${dotCount(result.dots)}`),
        ...(voters ? [muted(` (${voters})`)] : []),
      ],
    };
  });
  return [title, how, { type: 'list', ordered: true, items }];
}

function metrics({ metrics }: SessionSummary): Block[] {
  if (metrics.length === 0) return [];
  const items = metrics.map((metric) => {
    const target = cleanText(metric.target);
    return {
      runs: [
        strong(`${metric.kind === 'success' ? 'Success' : 'Improvement'}: `),
        { text: cleanText(metric.metric) || '(unnamed metric)' },
        ...(target ? [muted(` — target: ${target}`)] : []),
      ],
    };
  });
  return [heading(SUMMARY_MORE_HEADINGS.metrics), { type: 'list', ordered: false, items }];
}

function actions({ actions }: SessionSummary): Block[] {
  if (actions.length === 0)
    return [heading(SUMMARY_HEADINGS.actions), empty(SUMMARY_EMPTY.actions)];
  const rows = actions.map((action) => [
    [{ text: cleanText(action.text) || SUMMARY_EMPTY.note }],
    [{ text: (action.owner && cleanText(action.owner)) || '—' }],
    [{ text: action.due ?? '—' }],
  ]);
  return [
    heading(SUMMARY_HEADINGS.actions),
    {
      type: 'table',
      columns: [
        { title: 'What', width: 0.6 },
        { title: 'Owner', width: 0.24 },
        { title: 'Due', width: 0.16 },
      ],
      rows,
    },
  ];
}

function commitments({ commitments }: SessionSummary): Block[] {
  const title = heading(SUMMARY_HEADINGS.commitments);
  const { unassigned, ...sides } = commitments;
  if (Object.values(commitments).every((list) => list.length === 0)) {
    return [title, empty(SUMMARY_EMPTY.commitments)];
  }
  // Unlike the Markdown, a side without commitments is left out: the report stays short.
  const group = (label: string, notes: SummaryNote[]): Block[] =>
    notes.length > 0 ? [subheading(label), noteList(notes, false)] : [];
  return [
    title,
    ...(['customer', 'supplier', 'both'] as const).flatMap((side) =>
      group(SIDE_LABELS[side], sides[side]),
    ),
    ...group(SUMMARY_MORE_HEADINGS.sideNotSet, unassigned),
  ];
}

function facts(summary: SessionSummary): PdfContent['facts'] {
  const lines: PdfContent['facts'] = [];
  const { goal, customer, company } = summary.session;
  const customerText = [customer, company]
    .map((part) => cleanText(part ?? ''))
    .filter((part) => part !== '');
  if (customerText.length === 2) {
    lines.push({ label: 'Customer', value: `${customerText[0]} (${customerText[1]})` });
  } else if (customerText[0]) {
    lines.push({ label: 'Customer', value: customerText[0] });
  }
  const goalText = cleanText(goal ?? '');
  if (goalText !== '') lines.push({ label: 'Goal', value: goalText });
  const participants = summary.participants
    .map((participant) => {
      const detail = participantDetail(participant, summary.date);
      return detail ? `${who(participant.name)} (${detail})` : who(participant.name);
    })
    .join(', ');
  if (participants !== '') lines.push({ label: 'Participants', value: participants });
  if (summary.endedAt) {
    const lasted =
      summary.durationMs === null ? '' : ` · lasted ${formatDuration(summary.durationMs)}`;
    lines.push({ label: 'Session ended', value: `${formatMinute(summary.endedAt)}${lasted}` });
  }
  return lines;
}

/**
 * The report's content, in the Markdown summary's order: ground rules, stages (on a board that
 * shows them), the zones not listed under a stage, the notes outside the zones (when there are
 * any), questions with their answers, risks and benefits side by side, ideas, votes ranked,
 * test metrics, actions as a table and commitments by side.
 */
export function summaryToPdfContent(
  summary: SessionSummary,
  picture: Uint8Array | null = null,
): PdfContent {
  const title = cleanText(summary.title) || DEFAULT_TITLE;
  const noteWord = summary.noteCount === 1 ? 'note' : 'notes';
  const subtitle = [
    summary.date ? `Session of ${summary.date}` : null,
    `${summary.noteCount} ${noteWord}`,
    `exported ${formatMinute(summary.generatedAt)}`,
  ]
    .filter((part) => part !== null)
    .join(' · ');
  const underStages = new Set(summary.stages?.flatMap((stage) => stage.zoneIds) ?? []);
  const zones = summary.zones
    .filter((section) => section.zoneId === null || !underStages.has(section.zoneId))
    .flatMap((section) =>
      zone(section, cleanText(section.title) || SUMMARY_MORE_HEADINGS.untitledZone),
    );
  const outside =
    summary.outside.notes.length > 0 ? zone(summary.outside, OUTSIDE_SECTION_TITLE) : [];
  return {
    title,
    subtitle,
    facts: facts(summary),
    picture,
    footer: title,
    blocks: [
      ...groundRules(summary),
      ...stages(summary),
      ...zones,
      ...outside,
      ...questions(summary),
      ...risksAndBenefits(summary),
      ...ideas(summary),
      ...votes(summary),
      ...metrics(summary),
      ...actions(summary),
      ...commitments(summary),
    ],
  };
}
