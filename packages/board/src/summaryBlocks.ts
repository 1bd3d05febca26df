// The session summary as plain blocks (headings, paragraphs, lists, tables) for "Copy summary":
// the same sections in the same order as the Markdown export, with times in the facilitator's
// time zone. summaryText.ts and summaryHtml.ts write these blocks, so the plain text and the HTML
// on the clipboard hold the same content. Texts here are raw user text: each writer makes it
// safe its own way.

import {
  ANONYMOUS_AUTHOR,
  cardTag,
  countVoters,
  DEFAULT_TITLE,
  feasibilityLabel,
  formatDuration,
  OUTSIDE_SECTION_TITLE,
  PARTICIPANT_ROLE_LABELS,
  type SessionSummary,
  SIDE_LABELS,
  SPIN_LABELS,
  SPIN_TYPES,
  SUMMARY_HEADINGS,
  type SummaryNote,
  type SummarySection,
  weightLabel,
} from '@dartboard/board';
import { withoutInvisible } from './markdownText.js';

export interface ListItem {
  /** May hold line breaks: the lines of a note. */
  text: string;
  children?: ListItem[];
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  /** `muted`: a remark rather than content ("No notes."), or a zone's prompt. */
  | { type: 'paragraph'; text: string; muted?: boolean }
  | { type: 'list'; ordered: boolean; items: ListItem[] }
  | { type: 'table'; head: string[]; rows: string[][] };

export interface BlockOptions {
  /** An IANA zone ("Europe/Berlin"); the browser's own when absent. */
  timeZone?: string;
  /** A BCP 47 locale for dates; the browser's own when absent. */
  locale?: string;
}

const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;

/** One line of user text: invisible characters removed, whitespace runs folded. */
export function oneLine(text: string): string {
  return withoutInvisible(text)
    .replace(/[\s\u0085]+/g, ' ')
    .trim();
}

/** A note's non-blank lines, each cleaned, joined by "\n". Empty for an empty note. */
export function noteLines(text: string): string {
  return text
    .split(LINE_BREAK)
    .map(oneLine)
    .filter((line) => line !== '')
    .join('\n');
}

function hasText(note: SummaryNote): boolean {
  return noteLines(note.text) !== '';
}

/** "20 Nov 2026, 10:00 CET" in the given (or the browser's) zone and locale. */
export function timeFormatter(options: BlockOptions): (iso: string) => string {
  const format = new Intl.DateTimeFormat(options.locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: options.timeZone,
    timeZoneName: 'short',
  });
  return (iso) => format.format(new Date(iso));
}

function author(note: SummaryNote): string {
  return oneLine(note.author) || ANONYMOUS_AUTHOR;
}

function noteItem(note: SummaryNote, tag: string | null = cardTag(note.card)): ListItem {
  const label = tag ? `${oneLine(tag)}: ` : '';
  return { text: `${label}${noteLines(note.text)} — ${author(note)}` };
}

function noteList(notes: SummaryNote[], empty: string, plain = false): Block {
  const shown = notes.filter(hasText);
  if (shown.length === 0) return { type: 'paragraph', text: empty, muted: true };
  return {
    type: 'list',
    ordered: false,
    items: shown.map((note) => (plain ? noteItem(note, null) : noteItem(note))),
  };
}

function header(summary: SessionSummary, time: (iso: string) => string): Block[] {
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: oneLine(summary.title) || DEFAULT_TITLE },
  ];
  const noteWord = summary.noteCount === 1 ? 'note' : 'notes';
  const facts = [
    summary.date ? `Session date: ${summary.date}` : null,
    `${summary.noteCount} ${noteWord}`,
    `exported ${time(summary.generatedAt)}`,
  ];
  // The facts of the session, one per line, in one paragraph.
  const lines = [facts.filter((f) => f !== null).join(' · ')];
  if (summary.endedAt) {
    const lasted =
      summary.durationMs === null ? '' : ` · lasted ${formatDuration(summary.durationMs)}`;
    lines.push(`Session ended ${time(summary.endedAt)}${lasted}`);
  }
  const people = summary.participants.map(({ name, role }) => {
    const who = oneLine(name) || ANONYMOUS_AUTHOR;
    return role ? `${who} (${PARTICIPANT_ROLE_LABELS[role]})` : who;
  });
  if (people.length > 0) lines.push(`Participants: ${people.join(', ')}`);
  const { goal, customer, company } = summary.session;
  const goalText = oneLine(goal ?? '');
  if (goalText !== '') lines.push(`Goal: ${goalText}`);
  const who = [customer, company].map((part) => oneLine(part ?? '')).filter((part) => part !== '');
  if (who.length > 0) {
    lines.push(`Customer: ${who.length === 2 ? `${who[0]} (${who[1]})` : (who[0] ?? '')}`);
  }
  blocks.push({ type: 'paragraph', text: lines.join('\n') });
  return blocks;
}

function groundRules(summary: SessionSummary, time: (iso: string) => string): Block[] {
  const { rules, agreed } = summary.groundRules;
  const list = rules.map(oneLine).filter((rule) => rule !== '');
  const names = agreed.map((person) => {
    const name = oneLine(person.name) || ANONYMOUS_AUTHOR;
    return person.at ? `${name} (${time(person.at)})` : name;
  });
  return [
    { type: 'heading', level: 2, text: SUMMARY_HEADINGS.groundRules },
    list.length > 0
      ? { type: 'list', ordered: true, items: list.map((text) => ({ text })) }
      : { type: 'paragraph', text: 'No ground rules were set.', muted: true },
    names.length > 0
      ? { type: 'paragraph', text: `Agreed by ${names.join(', ')}.` }
      : { type: 'paragraph', text: 'Nobody marked their agreement.', muted: true },
  ];
}

function stages(summary: SessionSummary, time: (iso: string) => string): Block[] {
  if (!summary.stages) return [];
  const items = summary.stages.map((stage) => {
    const began = stage.startedAt ? `began ${time(stage.startedAt)}` : 'not reached';
    const children = stage.notes.filter(hasText).map((note) => noteItem(note));
    return {
      text: `${stage.label} — ${began}${stage.current ? ' (current)' : ''}`,
      ...(children.length > 0 ? { children } : {}),
    };
  });
  return [
    { type: 'heading', level: 2, text: 'Stages' },
    { type: 'list', ordered: false, items },
  ];
}

function zone(section: SummarySection, title: string): Block[] {
  const prompt = oneLine(section.prompt);
  return [
    { type: 'heading', level: 2, text: title },
    ...(prompt !== '' ? [{ type: 'paragraph' as const, text: prompt, muted: true }] : []),
    noteList(section.notes, 'No notes.'),
  ];
}

function questions(summary: SessionSummary): Block[] {
  const shown = summary.questions.filter(hasText);
  const blocks: Block[] = [{ type: 'heading', level: 2, text: SUMMARY_HEADINGS.questions }];
  if (shown.length === 0) return [...blocks, { type: 'paragraph', text: 'No questions.' }];
  for (const spin of [...SPIN_TYPES, null]) {
    const ofType = shown.filter((question) => question.spin === spin);
    if (ofType.length === 0) continue;
    blocks.push({ type: 'heading', level: 3, text: spin ? SPIN_LABELS[spin] : 'Other questions' });
    blocks.push({
      type: 'list',
      ordered: false,
      items: ofType.map((question) => {
        const answers = question.answers.filter(hasText).map((a) => noteItem(a, null));
        return {
          ...noteItem(question, null),
          children: answers.length > 0 ? answers : [{ text: 'No answer recorded.' }],
        };
      }),
    });
  }
  return blocks;
}

function risksAndBenefits(summary: SessionSummary): Block[] {
  const { risks, benefits } = summary.risksAndBenefits;
  const blocks: Block[] = [{ type: 'heading', level: 2, text: SUMMARY_HEADINGS.risksAndBenefits }];
  const shownRisks = risks.filter(hasText);
  const shownBenefits = benefits.filter(hasText);
  if (shownRisks.length === 0 && shownBenefits.length === 0) {
    return [...blocks, { type: 'paragraph', text: 'No risks or benefits.', muted: true }];
  }
  for (const [title, cards] of [
    ['Risks', shownRisks],
    ['Benefits', shownBenefits],
  ] as const) {
    blocks.push({ type: 'heading', level: 3, text: title });
    blocks.push(
      cards.length > 0
        ? {
            type: 'list',
            ordered: false,
            items: cards.map((card) => noteItem(card, weightLabel(card.weight))),
          }
        : { type: 'paragraph', text: 'None.', muted: true },
    );
  }
  return blocks;
}

function ideas(summary: SessionSummary): Block[] {
  const shown = summary.ideas.filter(hasText);
  if (shown.length === 0) return [];
  return [
    { type: 'heading', level: 2, text: 'Ideas' },
    {
      type: 'list',
      ordered: false,
      items: shown.map((idea) => noteItem(idea, feasibilityLabel(idea.feasibility))),
    },
  ];
}

function votes(summary: SessionSummary, time: (iso: string) => string): Block[] {
  const { votes } = summary;
  const heading: Block = { type: 'heading', level: 2, text: SUMMARY_HEADINGS.votes };
  if (!votes) return [heading, { type: 'paragraph', text: 'No vote was held.', muted: true }];
  const scope =
    votes.zone === null
      ? 'on the whole board'
      : `on the zone “${oneLine(votes.zone) || 'Untitled zone'}”`;
  const how = [
    `${votes.dots} ${votes.dots === 1 ? 'dot' : 'dots'} each`,
    scope,
    votes.anonymous ? 'anonymous' : null,
    votes.revealedAt ? `revealed ${time(votes.revealedAt)}` : null,
  ]
    .filter((part) => part !== null)
    .join(' · ');
  const blocks: Block[] = [heading, { type: 'paragraph', text: how }];
  if (votes.revealedAt === null) {
    const open = 'The vote is still open: the result is shown once the facilitator reveals it.';
    return [...blocks, { type: 'paragraph', text: open, muted: true }];
  }
  if (votes.ranking.length === 0) {
    return [...blocks, { type: 'paragraph', text: 'No dots were placed.', muted: true }];
  }
  const items = votes.ranking.map((result) => {
    const dots = `${result.dots} ${result.dots === 1 ? 'dot' : 'dots'}`;
    const voters = countVoters(result.voters)
      .map(({ name, dots }) => {
        const who = oneLine(name) || ANONYMOUS_AUTHOR;
        return dots > 1 ? `${who} ×${dots}` : who;
      })
      .join(', ');
    const text = oneLine(result.text) || '(empty note)';
    return { text: `${text} — ${dots}${voters ? ` (${voters})` : ''}` };
  });
  return [...blocks, { type: 'list', ordered: true, items }];
}

function metrics(summary: SessionSummary): Block[] {
  if (summary.metrics.length === 0) return [];
  const items = summary.metrics.map((metric) => {
    const kind = metric.kind === 'success' ? 'Success' : 'Improvement';
    const target = oneLine(metric.target);
    const text = oneLine(metric.metric) || '(unnamed metric)';
    return { text: `${kind}: ${text}${target ? ` — target: ${target}` : ''}` };
  });
  return [
    { type: 'heading', level: 2, text: 'Test metrics' },
    { type: 'list', ordered: false, items },
  ];
}

function actions(summary: SessionSummary): Block[] {
  const shown = summary.actions.filter(hasText);
  const heading: Block = { type: 'heading', level: 2, text: SUMMARY_HEADINGS.actions };
  if (shown.length === 0) return [heading, { type: 'paragraph', text: 'No action items.' }];
  return [
    heading,
    {
      type: 'table',
      head: ['What', 'Owner', 'Due'],
      rows: shown.map((action) => [
        oneLine(action.text),
        oneLine(action.owner ?? '') || '—',
        action.due ?? '—',
      ]),
    },
  ];
}

function commitments(summary: SessionSummary): Block[] {
  const { unassigned, ...sides } = summary.commitments;
  const heading: Block = { type: 'heading', level: 2, text: SUMMARY_HEADINGS.commitments };
  const all = [...sides.customer, ...sides.supplier, ...sides.both, ...unassigned];
  if (!all.some(hasText)) {
    return [heading, { type: 'paragraph', text: 'No commitments.', muted: true }];
  }
  const blocks: Block[] = [heading];
  for (const side of ['customer', 'supplier', 'both'] as const) {
    blocks.push({ type: 'heading', level: 3, text: SIDE_LABELS[side] });
    blocks.push(noteList(sides[side], 'None.', true));
  }
  if (unassigned.some(hasText)) {
    blocks.push({ type: 'heading', level: 3, text: 'Side not set' });
    blocks.push(noteList(unassigned, 'None.', true));
  }
  return blocks;
}

/**
 * The summary as blocks, in the Markdown export's order (docs/api.md, "Markdown layout"):
 * notes without text are left out, times are shown in `options.timeZone` (the browser's own by
 * default), user text is cleaned of control characters but otherwise raw.
 */
export function summaryBlocks(summary: SessionSummary, options: BlockOptions = {}): Block[] {
  const time = timeFormatter(options);
  const underStages = new Set(summary.stages?.flatMap((stage) => stage.zoneIds) ?? []);
  const zones = summary.zones
    .filter((section) => section.zoneId === null || !underStages.has(section.zoneId))
    .flatMap((section) => zone(section, oneLine(section.title) || 'Untitled zone'));
  return [
    ...header(summary, time),
    ...groundRules(summary, time),
    ...stages(summary, time),
    ...zones,
    ...zone(summary.outside, OUTSIDE_SECTION_TITLE),
    ...questions(summary),
    ...risksAndBenefits(summary),
    ...ideas(summary),
    ...votes(summary, time),
    ...metrics(summary),
    ...actions(summary),
    ...commitments(summary),
  ];
}
