// The co-creation sections of the session summary, each drawn from the board by a pure
// function: who took part, the ground rules, the SPIN questions, risks and benefits, ideas,
// the vote, action items and commitments.
import type * as Y from 'yjs';
import { FEASIBILITIES, SIDES, SPIN_TYPES } from './cards.js';
import { readGroundRules } from './groundRules.js';
import { ANONYMOUS_AUTHOR, type Note, normalizeAuthor, readNote } from './note.js';
import { listPeople } from './people.js';
import { answersByQuestion } from './questions.js';
import type { Role } from './roles.js';
import type {
  SummaryAction,
  SummaryCommitments,
  SummaryGroundRules,
  SummaryIdea,
  SummaryNote,
  SummaryParticipant,
  SummaryQuestion,
  SummaryRisksAndBenefits,
  SummaryVisit,
  SummaryVotes,
  SummaryWeighted,
} from './summary.js';
import { readVote, tallyVotes } from './vote.js';
import { readZone } from './zone.js';

/** An ISO 8601 time for ms since the epoch; null for 0 or less (unknown). */
export function isoTime(ms: number): string | null {
  return ms > 0 ? new Date(ms).toISOString() : null;
}

export function toSummaryNote(note: Note): SummaryNote {
  return {
    id: note.id,
    text: note.text,
    author: note.author,
    color: note.color,
    createdAt: isoTime(note.createdAt),
    card: note.card,
  };
}

/** Where `value` stands in `order`; values not in it (unset) come last. */
function rank<T>(order: readonly T[], value: T | null): number {
  const index = value === null ? -1 : order.indexOf(value);
  return index === -1 ? order.length : index;
}

/**
 * Everyone recorded on the board in the order they joined, then the authors of notes who have
 * no record (boards from before people were recorded, or a note written under another name), in
 * the order of their first note. Each name once; "Anonymous" authors are not listed.
 *
 * With the server's `visits`, each name gets the span it was seen on the board (the earliest
 * first sighting to the latest last one over its visits) and the role of its first visit when it
 * had none; people seen but never recorded (viewers write nothing) are added; and the list is in
 * the order they first came, those never seen last.
 */
export function participantsOf(
  doc: Y.Doc,
  notes: readonly Note[],
  visits: readonly SummaryVisit[] = [],
): SummaryParticipant[] {
  const participants: SummaryParticipant[] = [];
  const named = new Set<string>();
  const add = (name: string, role: Role | null) => {
    named.add(name);
    participants.push({ name, role, firstSeenAt: null, lastSeenAt: null });
  };
  for (const person of listPeople(doc)) {
    if (!named.has(person.name)) add(person.name, person.role);
  }
  for (const note of notes) {
    if (!named.has(note.author) && note.author !== ANONYMOUS_AUTHOR) add(note.author, null);
  }
  if (visits.length === 0) return participants;
  const spans = new Map<string, { role: Role; first: number; last: number }>();
  for (const visit of [...visits].sort((a, b) => a.firstSeen - b.firstSeen)) {
    const name = normalizeAuthor(visit.name);
    const span = spans.get(name);
    if (!span) spans.set(name, { role: visit.role, first: visit.firstSeen, last: visit.lastSeen });
    else span.last = Math.max(span.last, visit.lastSeen);
  }
  for (const [name, span] of spans) {
    if (!named.has(name)) add(name, span.role);
  }
  for (const participant of participants) {
    const span = spans.get(participant.name);
    if (!span) continue;
    participant.role ??= span.role;
    participant.firstSeenAt = isoTime(span.first);
    participant.lastSeenAt = isoTime(span.last);
  }
  const firstSeen = (participant: SummaryParticipant) =>
    spans.get(participant.name)?.first ?? Number.POSITIVE_INFINITY;
  // A stable sort: those never seen keep their order, after everyone seen.
  return participants.sort((a, b) => {
    const [x, y] = [firstSeen(a), firstSeen(b)];
    return x === y ? 0 : x < y ? -1 : 1;
  });
}

/** The ground rules, and who agreed to them in the order they did. */
export function groundRulesOf(doc: Y.Doc): SummaryGroundRules {
  const agreed = listPeople(doc)
    .filter((person) => person.agreedAt !== null)
    .sort((a, b) => (a.agreedAt ?? 0) - (b.agreedAt ?? 0));
  return {
    rules: readGroundRules(doc),
    agreed: agreed.map((person) => ({ name: person.name, at: isoTime(person.agreedAt ?? 0) })),
  };
}

/** The question cards by SPIN type (unset last), oldest first, each with its answers. */
export function questionsOf(notes: readonly Note[]): SummaryQuestion[] {
  const answers = answersByQuestion(notes);
  const questions: SummaryQuestion[] = [];
  for (const note of notes) {
    if (note.card.kind !== 'question') continue;
    questions.push({
      ...toSummaryNote(note),
      spin: note.card.spin,
      answers: (answers.get(note.id) ?? []).map(toSummaryNote),
    });
  }
  // A stable sort: within a SPIN type the notes keep their oldest-first order.
  return questions.sort((a, b) => rank(SPIN_TYPES, a.spin) - rank(SPIN_TYPES, b.spin));
}

/** Risk and benefit cards, each list heaviest first (unweighted last), then oldest first. */
export function risksAndBenefitsOf(notes: readonly Note[]): SummaryRisksAndBenefits {
  const weighted = (kind: 'risk' | 'benefit'): SummaryWeighted[] => {
    const cards: SummaryWeighted[] = [];
    for (const note of notes) {
      if (note.card.kind === kind) cards.push({ ...toSummaryNote(note), weight: note.card.weight });
    }
    return cards.sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0));
  };
  return { risks: weighted('risk'), benefits: weighted('benefit') };
}

/** Idea cards by feasibility (realistic first, unrated last), then oldest first. */
export function ideasOf(notes: readonly Note[]): SummaryIdea[] {
  const ideas: SummaryIdea[] = [];
  for (const note of notes) {
    if (note.card.kind === 'idea') {
      ideas.push({ ...toSummaryNote(note), feasibility: note.card.feasibility });
    }
  }
  return ideas.sort(
    (a, b) => rank(FEASIBILITIES, a.feasibility) - rank(FEASIBILITIES, b.feasibility),
  );
}

/**
 * The board's vote: how it was held and, once revealed, the cards that got dots, most first.
 * While the vote is open the ranking stays empty: the summary does not show a result nobody
 * has seen yet. Null when there is no vote.
 */
export function votesOf(doc: Y.Doc): SummaryVotes | null {
  const vote = readVote(doc);
  if (!vote) return null;
  const zone = vote.zoneId === null ? null : (readZone(doc, vote.zoneId)?.title ?? '');
  const revealed = vote.revealedAt !== null;
  return {
    dots: vote.dots,
    anonymous: vote.anonymous,
    zone,
    startedAt: isoTime(vote.startedAt),
    revealedAt: vote.revealedAt === null ? null : isoTime(vote.revealedAt),
    ranking: revealed
      ? tallyVotes(doc).map((tally) => ({
          noteId: tally.noteId,
          text: readNote(doc, tally.noteId)?.text ?? '',
          dots: tally.dots,
          voters: tally.voters,
        }))
      : [],
  };
}

/** Action items by due date (undated last), then oldest first. */
export function actionsOf(notes: readonly Note[]): SummaryAction[] {
  const actions: SummaryAction[] = [];
  for (const note of notes) {
    if (note.card.kind !== 'action') continue;
    actions.push({
      ...toSummaryNote(note),
      owner: note.card.owner === '' ? null : note.card.owner,
      due: note.card.due === '' ? null : note.card.due,
    });
  }
  const dueKey = (action: SummaryAction) => action.due ?? '9999-99-99';
  return actions.sort((a, b) => (dueKey(a) < dueKey(b) ? -1 : dueKey(a) > dueKey(b) ? 1 : 0));
}

/** Commitment cards by side, oldest first. */
export function commitmentsOf(notes: readonly Note[]): SummaryCommitments {
  const commitments: SummaryCommitments = { customer: [], supplier: [], both: [], unassigned: [] };
  for (const note of notes) {
    if (note.card.kind !== 'commitment') continue;
    const side = note.card.side;
    const list = side !== null && SIDES.includes(side) ? commitments[side] : commitments.unassigned;
    list.push(toSummaryNote(note));
  }
  return commitments;
}
