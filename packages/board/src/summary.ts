import type * as Y from 'yjs';
import type { Card, Feasibility, SpinType, Weight } from './cards.js';
import { readSessionEnd } from './ending.js';
import { groupNotesByZone } from './membership.js';
import { readMeta } from './meta.js';
import { listNotes } from './note.js';
import type { Role } from './roles.js';
import {
  type Metric,
  readMetrics,
  readStages,
  STAGE_LABELS,
  STAGES,
  type Stage,
} from './stages.js';
import {
  actionsOf,
  commitmentsOf,
  groundRulesOf,
  ideasOf,
  isoTime,
  participantsOf,
  questionsOf,
  risksAndBenefitsOf,
  toSummaryNote,
  votesOf,
} from './summarySections.js';
import { listZones } from './zone.js';

export interface SummaryNote {
  id: string;
  text: string;
  author: string;
  color: string;
  /** ISO 8601 time, or null when the note has no creation time. */
  createdAt: string | null;
  /** What kind of card the note is, with that kind's fields ({ kind: 'note' } for a plain note). */
  card: Card;
}

export interface SummarySection {
  /** Zone id, or null for the section of notes outside every zone. */
  zoneId: string | null;
  kind: string | null;
  title: string;
  prompt: string;
  notes: SummaryNote[];
}

export interface SummaryStage {
  stage: Stage;
  label: string;
  /** ISO 8601 time the step first began, or null when the session never reached it. */
  startedAt: string | null;
  /** Whether the session is on this step now. */
  current: boolean;
  /** The zones of this step's kind (zone.kind === stage), in board order. */
  zoneIds: string[];
  /** The cards of those zones, zone by zone, oldest first within each. */
  notes: SummaryNote[];
}

/**
 * What the facilitator chose to include from the preparation panel. Each field is optional;
 * what is absent or blank is left out of the summary.
 */
export interface SummarySessionInput {
  goal?: string;
  /** The customer's contact person. */
  customer?: string;
  /** The customer's company. */
  company?: string;
}

/**
 * Someone the server saw on the board (its record of visits: the name and role their presence
 * carried, and when they were first and last there). Names may repeat: one per visitor.
 */
export interface SummaryVisit {
  name: string;
  role: Role;
  /** Ms since the epoch. */
  firstSeen: number;
  lastSeen: number;
}

export interface SummaryOptions {
  /** When the summary is made. */
  now: Date;
  session?: SummarySessionInput;
  /** Who the server saw on the board; absent or empty for boards from before it kept them. */
  visits?: readonly SummaryVisit[];
}

/** The session details included from the preparation panel; null when not included. */
export interface SummarySession {
  goal: string | null;
  customer: string | null;
  company: string | null;
}

export interface SummaryParticipant {
  name: string;
  /** The link they joined with; null for someone known only as the author of a note. */
  role: Role | null;
  /** ISO 8601 time the server first saw them on the board; null when it has no record. */
  firstSeenAt: string | null;
  /** ISO 8601 time the server last saw them there (when they left, or up to a minute before). */
  lastSeenAt: string | null;
}

export interface SummaryGroundRules {
  rules: string[];
  /** Who marked "I agree", in the order they did. */
  agreed: { name: string; at: string | null }[];
}

export interface SummaryQuestion extends SummaryNote {
  spin: SpinType | null;
  /** Its answers (linked to it or lying on it), oldest first. */
  answers: SummaryNote[];
}

export interface SummaryWeighted extends SummaryNote {
  weight: Weight | null;
}

export interface SummaryRisksAndBenefits {
  /** Heaviest first (unweighted last), then oldest first. */
  risks: SummaryWeighted[];
  benefits: SummaryWeighted[];
}

export interface SummaryIdea extends SummaryNote {
  feasibility: Feasibility | null;
}

export interface SummaryVoteResult {
  noteId: string;
  text: string;
  dots: number;
  /** Who placed the dots (a name per dot); empty in an anonymous vote. */
  voters: string[];
}

export interface SummaryVotes {
  /** Dots each person had. */
  dots: number;
  anonymous: boolean;
  /** The title of the zone the vote was on; null for a vote on the whole board. */
  zone: string | null;
  startedAt: string | null;
  /** When the facilitator revealed the result; null while the vote is still open. */
  revealedAt: string | null;
  /** The cards that got dots, most first; empty while the vote is open. */
  ranking: SummaryVoteResult[];
}

export interface SummaryAction extends SummaryNote {
  /** Who does it; null when nobody was named. */
  owner: string | null;
  /** 'YYYY-MM-DD', or null when no date was set. */
  due: string | null;
}

export interface SummaryCommitments {
  customer: SummaryNote[];
  supplier: SummaryNote[];
  both: SummaryNote[];
  /** Commitments whose side was not set. */
  unassigned: SummaryNote[];
}

/**
 * The version of the JSON export's shape, which docs/summary.schema.json describes exactly (no
 * other fields allowed). Raised with the schema whenever a field is added, removed, renamed or
 * changes its meaning.
 */
export const SUMMARY_SCHEMA_VERSION = 1;

/** What a session produced: the JSON export, and the source of the Markdown one. */
export interface SessionSummary {
  /** SUMMARY_SCHEMA_VERSION: which version of docs/summary.schema.json this document follows. */
  schemaVersion: number;
  title: string;
  /** Board creation date (YYYY-MM-DD, UTC), or null when unknown. */
  date: string | null;
  /** ISO 8601 time the summary was made. */
  generatedAt: string;
  noteCount: number;
  session: SummarySession;
  /**
   * The people recorded on the board or seen there by the server, in the order they joined,
   * then other authors of notes.
   */
  participants: SummaryParticipant[];
  groundRules: SummaryGroundRules;
  /** One section per zone in board order; empty zones included. */
  zones: SummarySection[];
  /** Notes whose centre lies outside every zone; always present, possibly empty. */
  outside: SummarySection;
  /** ISO 8601 time the facilitator ended the session, or null while it goes on. */
  endedAt: string | null;
  /**
   * From the first step's start (or, without stages, the board's creation) to the end, in
   * milliseconds; null while the session goes on or when the start is unknown.
   */
  durationMs: number | null;
  /** The six steps with when each began and their cards; null when the board shows no stages. */
  stages: SummaryStage[] | null;
  /** Question cards by SPIN type (situation, problem, implication, need-payoff, unset), oldest first. */
  questions: SummaryQuestion[];
  risksAndBenefits: SummaryRisksAndBenefits;
  /** Idea cards by feasibility (realistic first, unrated last), oldest first. */
  ideas: SummaryIdea[];
  /** The current (or last) dot vote; null when there is none. */
  votes: SummaryVotes | null;
  /** The success and improvement metrics agreed in the Test step, in the order listed. */
  metrics: Metric[];
  /** Action items by due date (undated last), oldest first. */
  actions: SummaryAction[];
  commitments: SummaryCommitments;
}

export const OUTSIDE_SECTION_TITLE = 'Outside the zones';

function sessionOf(input: SummarySessionInput | undefined): SummarySession {
  const clean = (text: string | undefined) => {
    const value = text?.trim() ?? '';
    return value === '' ? null : value;
  };
  return {
    goal: clean(input?.goal),
    customer: clean(input?.customer),
    company: clean(input?.company),
  };
}

/**
 * Builds the session summary from the board: zones in board order, each with its notes oldest
 * first, and the co-creation sections drawn from the cards, people, ground rules and vote.
 * `options.session` carries what the facilitator chose to include from the preparation panel.
 */
export function buildSummary(doc: Y.Doc, options: SummaryOptions): SessionSummary {
  const meta = readMeta(doc);
  const zones = listZones(doc);
  const notes = listNotes(doc);
  const { byZone, outside } = groupNotesByZone(zones, notes);
  const stages = readStages(doc);
  const { endedAt } = readSessionEnd(doc);
  const starts = Object.values(stages.startedAt);
  const start = starts.length > 0 ? Math.min(...starts) : meta.createdAt;
  const sections = zones.map((zone) => ({
    zoneId: zone.id,
    kind: zone.kind,
    title: zone.title,
    prompt: zone.prompt,
    notes: (byZone.get(zone.id) ?? []).map(toSummaryNote),
  }));
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    title: meta.title,
    date: isoTime(meta.createdAt)?.slice(0, 10) ?? null,
    generatedAt: options.now.toISOString(),
    noteCount: notes.length,
    session: sessionOf(options.session),
    participants: participantsOf(doc, notes, options.visits ?? []),
    groundRules: groundRulesOf(doc),
    zones: sections,
    outside: {
      zoneId: null,
      kind: null,
      title: OUTSIDE_SECTION_TITLE,
      prompt: '',
      notes: outside.map(toSummaryNote),
    },
    endedAt: endedAt === null ? null : isoTime(endedAt),
    durationMs: endedAt !== null && start > 0 && endedAt >= start ? endedAt - start : null,
    stages: stages.enabled
      ? STAGES.map((stage) => {
          const ofStage = sections.filter((section) => section.kind === stage);
          return {
            stage,
            label: STAGE_LABELS[stage],
            startedAt: isoTime(stages.startedAt[stage] ?? 0),
            current: stage === stages.current,
            zoneIds: ofStage.map((section) => section.zoneId),
            notes: ofStage.flatMap((section) => section.notes),
          };
        })
      : null,
    questions: questionsOf(notes),
    risksAndBenefits: risksAndBenefitsOf(notes),
    ideas: ideasOf(notes),
    votes: votesOf(doc),
    metrics: readMetrics(doc),
    actions: actionsOf(notes),
    commitments: commitmentsOf(notes),
  };
}
