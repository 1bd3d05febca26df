// Plain-text wording shared by the Markdown summary and the page's preview of it, so both say
// the same thing. Nothing here escapes: each writer makes user text safe its own way.
import {
  type Card,
  FEASIBILITY_LABELS,
  type Feasibility,
  SIDE_LABELS,
  SPIN_LABELS,
  WEIGHT_LABELS,
  type Weight,
} from './cards.js';
import type { Role } from './roles.js';
import type { SummaryVotes } from './summary.js';

/** How a participant's link reads in the summary. */
export const PARTICIPANT_ROLE_LABELS: Readonly<Record<Role, string>> = {
  facilitator: 'facilitator',
  edit: 'participant',
  view: 'observer',
};

/** "45 min", "1 h 05 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${String(minutes % 60).padStart(2, '0')} min` : `${minutes} min`;
}

/** An ISO 8601 time as "YYYY-MM-DD HH:MM UTC". */
export function formatMinute(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * When someone was on the board: "10:02–11:15 UTC" within one day (the date first when that is
 * not `sessionDate`), "2026-11-20 10:02 – 2026-11-21 09:30 UTC" across days, "10:02 UTC" for a
 * single minute. Null when unknown.
 */
export function formatSpan(
  firstIso: string | null,
  lastIso: string | null,
  sessionDate: string | null,
): string | null {
  if (firstIso === null) return null;
  const last = lastIso ?? firstIso;
  const [firstDay, lastDay] = [firstIso.slice(0, 10), last.slice(0, 10)];
  const [from, to] = [firstIso.slice(11, 16), last.slice(11, 16)];
  if (firstDay !== lastDay) return `${firstDay} ${from} – ${lastDay} ${to} UTC`;
  const day = firstDay === sessionDate ? '' : `${firstDay} `;
  return from === to ? `${day}${from} UTC` : `${day}${from}–${to} UTC`;
}

/**
 * What the summary says after a participant's name: their role and when they were there,
 * "participant, 10:02–11:15 UTC"; null when neither is known.
 */
export function participantDetail(
  participant: { role: Role | null; firstSeenAt: string | null; lastSeenAt: string | null },
  sessionDate: string | null,
): string | null {
  const parts = [
    participant.role && PARTICIPANT_ROLE_LABELS[participant.role],
    formatSpan(participant.firstSeenAt, participant.lastSeenAt, sessionDate),
  ].filter((part): part is string => part !== null && part !== '');
  return parts.length > 0 ? parts.join(', ') : null;
}

export function weightLabel(weight: Weight | null): string | null {
  return weight === null ? null : WEIGHT_LABELS[weight];
}

export function feasibilityLabel(feasibility: Feasibility | null): string | null {
  return feasibility === null ? null : FEASIBILITY_LABELS[feasibility];
}

/**
 * What a card is, in a few words, for its line in a zone's list: "Risk (high)", "Question
 * (situation)", "Action item (Sam, due 2026-12-01)". Null for a plain note. The owner is user
 * text: a Markdown writer escapes the whole tag.
 */
export function cardTag(card: Card): string | null {
  const detail = (label: string, ...parts: (string | null)[]) => {
    const known = parts.filter((part): part is string => part !== null && part !== '');
    return known.length > 0 ? `${label} (${known.join(', ')})` : label;
  };
  const lower = (text: string | null) => text?.toLowerCase() ?? null;
  switch (card.kind) {
    case 'note':
      return null;
    case 'question':
      return detail('Question', lower(card.spin && SPIN_LABELS[card.spin]));
    case 'answer':
      return 'Answer';
    case 'risk':
      return detail('Risk', lower(weightLabel(card.weight)));
    case 'benefit':
      return detail('Benefit', lower(weightLabel(card.weight)));
    case 'idea':
      return detail('Idea', lower(feasibilityLabel(card.feasibility)));
    case 'action':
      return detail('Action item', card.owner, card.due && `due ${card.due}`);
    case 'commitment':
      return detail('Commitment', lower(card.side && SIDE_LABELS[card.side]));
  }
}

/** Voter names (one per dot) as each name once with its count, in the order first seen. */
export function countVoters(voters: readonly string[]): { name: string; dots: number }[] {
  const counts = new Map<string, number>();
  for (const name of voters) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, dots]) => ({ name, dots }));
}

/** The headings of sections and sub-lists a summary has only when the board holds them. */
export const SUMMARY_MORE_HEADINGS = {
  stages: 'Stages',
  ideas: 'Ideas',
  metrics: 'Test metrics',
  otherQuestions: 'Other questions',
  sideNotSet: 'Side not set',
  untitledZone: 'Untitled zone',
} as const;

/** What a summary says where a section or a list has nothing to show. */
export const SUMMARY_EMPTY = {
  groundRules: 'No ground rules were set.',
  agreed: 'Nobody marked their agreement.',
  notes: 'No notes.',
  note: '(empty note)',
  questions: 'No questions.',
  answer: 'No answer recorded.',
  risksAndBenefits: 'No risks or benefits.',
  votes: 'No vote was held.',
  voteOpen: 'The vote is still open: the result is shown once the facilitator reveals it.',
  dots: 'No dots were placed.',
  actions: 'No action items.',
  commitments: 'No commitments.',
  side: 'None.',
} as const;

/** "2 dots", "1 dot". */
export function dotCount(dots: number): string {
  return `${dots} ${dots === 1 ? 'dot' : 'dots'}`;
}

/**
 * How a vote was held, in short parts: "2 dots each", the scope, "anonymous", when it was
 * revealed. `zoneTitle` is the zone's title as the writer makes it safe (empty: untitled).
 */
export function voteFacts(votes: SummaryVotes, zoneTitle: string): string[] {
  const scope =
    votes.zone === null
      ? 'on the whole board'
      : `on the zone “${zoneTitle || SUMMARY_MORE_HEADINGS.untitledZone}”`;
  return [
    `${dotCount(votes.dots)} each`,
    scope,
    votes.anonymous ? 'anonymous' : null,
    votes.revealedAt ? `revealed ${formatMinute(votes.revealedAt)}` : null,
  ].filter((part) => part !== null);
}
