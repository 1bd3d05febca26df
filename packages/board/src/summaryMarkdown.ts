// The session summary as a Markdown document someone can send to the customer as it is. Every
// field written by people goes through markdownText.ts: it is data, never markup.
import { SIDE_LABELS, SPIN_LABELS, SPIN_TYPES } from './cards.js';
import { escapedLines, escapeMarkdown } from './markdownText.js';
import { DEFAULT_TITLE } from './meta.js';
import { ANONYMOUS_AUTHOR } from './note.js';
import type { Metric } from './stages.js';
import {
  OUTSIDE_SECTION_TITLE,
  type SessionSummary,
  type SummaryCommitments,
  type SummaryGroundRules,
  type SummaryNote,
  type SummaryQuestion,
  type SummaryRisksAndBenefits,
  type SummarySection,
  type SummaryStage,
  type SummaryVotes,
  type SummaryWeighted,
} from './summary.js';
import {
  cardTag,
  countVoters,
  dotCount,
  feasibilityLabel,
  formatDuration,
  formatMinute,
  participantDetail,
  SUMMARY_EMPTY,
  SUMMARY_MORE_HEADINGS,
  voteFacts,
  weightLabel,
} from './summaryLabels.js';

/** The headings of the sections every summary has, whatever the board holds. */
export const SUMMARY_HEADINGS = {
  groundRules: 'Ground rules',
  questions: 'Questions',
  risksAndBenefits: 'Risks and benefits',
  votes: 'Votes',
  actions: 'Actions',
  commitments: 'Commitments',
} as const;

function author(note: SummaryNote): string {
  return `*${escapeMarkdown(note.author) || ANONYMOUS_AUTHOR}*`;
}

/**
 * A note as one list item, `indent` deep, after an optional `tag` ("Risk (high)"). Its lines
 * stay separate (hard line breaks), each continuation line indented to the item's content so it
 * cannot leave the item, and each escaped on its own so none can start a block of its own.
 */
function noteItem(note: SummaryNote, tag: string | null = null, indent = ''): string {
  const lines = escapedLines(note.text);
  const body = lines.length > 0 ? lines.join(`  \n${indent}  `) : `*${SUMMARY_EMPTY.note}*`;
  const label = tag ? `${escapeMarkdown(tag)}: ` : '';
  return `${indent}- ${label}${body} — ${author(note)}`;
}

/** A note folded onto one line, for a table cell or a ranking. */
function noteLine(text: string): string {
  return escapeMarkdown(text) || `*${SUMMARY_EMPTY.note}*`;
}

function section(heading: string, ...blocks: string[]): string {
  return [`## ${heading}`, ...blocks].join('\n\n');
}

function header(summary: SessionSummary): string[] {
  const noteWord = summary.noteCount === 1 ? 'note' : 'notes';
  const lines = [
    `# ${escapeMarkdown(summary.title) || DEFAULT_TITLE}`,
    [
      summary.date ? `Session date: ${summary.date}` : null,
      `${summary.noteCount} ${noteWord}`,
      `exported ${formatMinute(summary.generatedAt)}`,
    ]
      .filter((part) => part !== null)
      .join(' · '),
  ];
  if (summary.endedAt) {
    const lasted =
      summary.durationMs === null ? '' : ` · lasted ${formatDuration(summary.durationMs)}`;
    lines.push(`Session ended ${formatMinute(summary.endedAt)}${lasted}`);
  }
  const participants = summary.participants
    .map((participant) => {
      const who = escapeMarkdown(participant.name) || ANONYMOUS_AUTHOR;
      const detail = participantDetail(participant, summary.date);
      return detail ? `${who} (${detail})` : who;
    })
    .join(', ');
  if (participants !== '') lines.push(`Participants: ${participants}`);
  const { goal, customer, company } = summary.session;
  const goalText = goal === null ? '' : escapeMarkdown(goal);
  if (goalText !== '') lines.push(`**Goal:** ${goalText}`);
  const who = [customer, company]
    .map((part) => (part === null ? '' : escapeMarkdown(part)))
    .filter((part) => part !== '');
  if (who.length === 2) lines.push(`**Customer:** ${who[0]} (${who[1]})`);
  else if (who.length === 1) lines.push(`**Customer:** ${who[0]}`);
  return lines;
}

function formatGroundRules({ rules, agreed }: SummaryGroundRules): string {
  const list = rules
    .map((rule) => escapeMarkdown(rule))
    .filter((rule) => rule !== '')
    .map((rule, i) => `${i + 1}. ${rule}`);
  const names = agreed.map((person) => {
    const name = escapeMarkdown(person.name) || ANONYMOUS_AUTHOR;
    return person.at ? `${name} (${formatMinute(person.at)})` : name;
  });
  return section(
    SUMMARY_HEADINGS.groundRules,
    list.length > 0 ? list.join('\n') : `*${SUMMARY_EMPTY.groundRules}*`,
    names.length > 0 ? `Agreed by ${names.join(', ')}.` : `*${SUMMARY_EMPTY.agreed}*`,
  );
}

function formatStages(stages: SummaryStage[]): string {
  const items = stages.map((stage) => {
    const began = stage.startedAt ? `began ${formatMinute(stage.startedAt)}` : 'not reached';
    const line = `- ${stage.label} — ${began}${stage.current ? ' (current)' : ''}`;
    const cards = stage.notes.map((note) => noteItem(note, cardTag(note.card), '  '));
    return [line, ...cards].join('\n');
  });
  return section(SUMMARY_MORE_HEADINGS.stages, items.join('\n'));
}

function formatZone(zone: SummarySection, heading: string): string {
  const prompt = escapeMarkdown(zone.prompt);
  const notes = zone.notes.map((note) => noteItem(note, cardTag(note.card)));
  return section(
    heading,
    ...(prompt !== '' ? [`*${prompt}*`] : []),
    notes.length > 0 ? notes.join('\n') : `*${SUMMARY_EMPTY.notes}*`,
  );
}

function formatQuestions(questions: SummaryQuestion[]): string {
  if (questions.length === 0)
    return section(SUMMARY_HEADINGS.questions, `*${SUMMARY_EMPTY.questions}*`);
  const groups = [...SPIN_TYPES, null].flatMap((spin) => {
    const ofType = questions.filter((question) => question.spin === spin);
    if (ofType.length === 0) return [];
    const items = ofType.map((question) => {
      const answers = question.answers.map((answer) => noteItem(answer, null, '  '));
      return [
        noteItem(question),
        ...(answers.length > 0 ? answers : [`  - *${SUMMARY_EMPTY.answer}*`]),
      ].join('\n');
    });
    return [
      `### ${spin ? SPIN_LABELS[spin] : SUMMARY_MORE_HEADINGS.otherQuestions}`,
      items.join('\n'),
    ];
  });
  return section(SUMMARY_HEADINGS.questions, ...groups);
}

function weightedCell(card: SummaryWeighted | undefined): string {
  if (!card) return '';
  const weight = weightLabel(card.weight);
  return `${weight ? `**${weight}:** ` : ''}${noteLine(card.text)} — ${author(card)}`;
}

/** Risks and benefits side by side: row n holds the n-th heaviest of each. */
function formatRisksAndBenefits({ risks, benefits }: SummaryRisksAndBenefits): string {
  if (risks.length === 0 && benefits.length === 0) {
    return section(SUMMARY_HEADINGS.risksAndBenefits, `*${SUMMARY_EMPTY.risksAndBenefits}*`);
  }
  const rows = Array.from(
    { length: Math.max(risks.length, benefits.length) },
    (_, i) => `| ${weightedCell(risks[i])} | ${weightedCell(benefits[i])} |`,
  );
  return section(
    SUMMARY_HEADINGS.risksAndBenefits,
    ['| Risks | Benefits |', '| --- | --- |', ...rows].join('\n'),
  );
}

function formatIdeas(summary: SessionSummary): string {
  const items = summary.ideas.map((idea) => noteItem(idea, feasibilityLabel(idea.feasibility)));
  return section(SUMMARY_MORE_HEADINGS.ideas, items.join('\n'));
}

function formatVotes(votes: SummaryVotes | null): string {
  if (!votes) return section(SUMMARY_HEADINGS.votes, `*${SUMMARY_EMPTY.votes}*`);
  const how = voteFacts(votes, votes.zone === null ? '' : escapeMarkdown(votes.zone)).join(' · ');
  if (votes.revealedAt === null) {
    return section(SUMMARY_HEADINGS.votes, how, `*${SUMMARY_EMPTY.voteOpen}*`);
  }
  if (votes.ranking.length === 0) {
    return section(SUMMARY_HEADINGS.votes, how, `*${SUMMARY_EMPTY.dots}*`);
  }
  const ranking = votes.ranking.map((result, i) => {
    const dots = `**${dotCount(result.dots)}**`;
    const voters = countVoters(result.voters)
      .map(({ name, dots }) => {
        const who = escapeMarkdown(name) || ANONYMOUS_AUTHOR;
        return dots > 1 ? `${who} ×${dots}` : who;
      })
      .join(', ');
    return `${i + 1}. ${noteLine(result.text)} — ${dots}${voters ? ` (${voters})` : ''}`;
  });
  return section(SUMMARY_HEADINGS.votes, how, ranking.join('\n'));
}

function formatMetrics(metrics: Metric[]): string {
  const lines = metrics.map((metric) => {
    const kind = metric.kind === 'success' ? 'Success' : 'Improvement';
    const target = escapeMarkdown(metric.target);
    const text = escapeMarkdown(metric.metric) || '(unnamed metric)';
    return `- ${kind}: ${text}${target ? ` — target: ${target}` : ''}`;
  });
  return section(SUMMARY_MORE_HEADINGS.metrics, lines.join('\n'));
}

function formatActions(summary: SessionSummary): string {
  if (summary.actions.length === 0)
    return section(SUMMARY_HEADINGS.actions, `*${SUMMARY_EMPTY.actions}*`);
  const rows = summary.actions.map((action) => {
    const owner = action.owner === null ? '' : escapeMarkdown(action.owner);
    return `| ${noteLine(action.text)} | ${owner || '—'} | ${action.due ?? '—'} |`;
  });
  return section(
    SUMMARY_HEADINGS.actions,
    ['| What | Owner | Due |', '| --- | --- | --- |', ...rows].join('\n'),
  );
}

function formatCommitments(commitments: SummaryCommitments): string {
  const { unassigned, ...sides } = commitments;
  if (Object.values(commitments).every((list) => list.length === 0)) {
    return section(SUMMARY_HEADINGS.commitments, `*${SUMMARY_EMPTY.commitments}*`);
  }
  const list = (notes: SummaryNote[]) =>
    notes.length > 0 ? notes.map((note) => noteItem(note)).join('\n') : `*${SUMMARY_EMPTY.side}*`;
  const groups = (['customer', 'supplier', 'both'] as const).flatMap((side) => [
    `### ${SIDE_LABELS[side]}`,
    list(sides[side]),
  ]);
  if (unassigned.length > 0)
    groups.push(`### ${SUMMARY_MORE_HEADINGS.sideNotSet}`, list(unassigned));
  return section(SUMMARY_HEADINGS.commitments, ...groups);
}

/**
 * Renders a summary as a Markdown document, in the order it reads best for the customer: title,
 * date, end and duration, participants, goal and customer; then "Ground rules", "Stages" (on a
 * board that shows them), one section per zone and "Outside the zones", "Questions", "Risks and
 * benefits", "Ideas" (when there are any), "Votes", "Test metrics" (when agreed), "Actions" and
 * "Commitments". The six sections of SUMMARY_HEADINGS are always there. On a board showing
 * stages, the zones of a step's kind are listed under their step instead of on their own.
 */
export function summaryToMarkdown(summary: SessionSummary): string {
  const sections = [formatGroundRules(summary.groundRules)];
  const underStages = new Set(summary.stages?.flatMap((stage) => stage.zoneIds) ?? []);
  if (summary.stages) sections.push(formatStages(summary.stages));
  for (const zone of summary.zones) {
    if (zone.zoneId !== null && underStages.has(zone.zoneId)) continue;
    sections.push(
      formatZone(zone, escapeMarkdown(zone.title) || SUMMARY_MORE_HEADINGS.untitledZone),
    );
  }
  sections.push(formatZone(summary.outside, OUTSIDE_SECTION_TITLE));
  sections.push(formatQuestions(summary.questions));
  sections.push(formatRisksAndBenefits(summary.risksAndBenefits));
  if (summary.ideas.length > 0) sections.push(formatIdeas(summary));
  sections.push(formatVotes(summary.votes));
  if (summary.metrics.length > 0) sections.push(formatMetrics(summary.metrics));
  sections.push(formatActions(summary));
  sections.push(formatCommitments(summary.commitments));
  return `${[...header(summary), ...sections].join('\n\n')}\n`;
}
