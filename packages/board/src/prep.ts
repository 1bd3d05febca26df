// The facilitator's preparation for a session: who the customer is, what the session is for,
// how ready the relationship is, private notes and the question deck. It is never part of the
// board document (every participant syncs that); the server stores it apart and hands it to the
// facilitator's link only. This file holds its shape, its defaults and its validation.
import { SPIN_TYPES, type SpinType } from './cards.js';

export const PREP_NAME_MAX_LENGTH = 200;
export const PREP_GOAL_MAX_LENGTH = 1000;
export const PREP_READINESS_TEXT_MAX_LENGTH = 500;
export const PREP_READINESS_MAX = 30;
export const PREP_NOTES_MAX_LENGTH = 20_000;
export const PREP_QUESTION_MAX_LENGTH = 500;
export const PREP_QUESTIONS_MAX = 100;
/** The highest readiness rating; 0 means "not rated". */
export const PREP_RATING_MAX = 5;

/** What a readiness row is about: trust, credibility, or a known critical point. */
export const READINESS_AREAS = ['trust', 'credibility', 'critical'] as const;
export type ReadinessArea = (typeof READINESS_AREAS)[number];
export const READINESS_AREA_LABELS: Readonly<Record<ReadinessArea, string>> = {
  trust: 'Trust',
  credibility: 'Credibility',
  critical: 'Critical point',
};

/** Ids of readiness rows and questions: 1 to 32 letters, digits, '_' or '-'. */
export const PREP_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export interface ReadinessItem {
  id: string;
  area: ReadinessArea;
  /** The indicator or critical point, e.g. "A sponsor who vouches for us". */
  text: string;
  /** Why it stands as it does; what the UI asks for on critical points. */
  cause: string;
  /** 1 (weak) to PREP_RATING_MAX (strong); 0 when not rated yet. */
  rating: number;
}

export interface PrepQuestion {
  /** Stable: a question card on the board names the question it was asked from by this id. */
  id: string;
  type: SpinType;
  text: string;
}

export interface Prep {
  customer: string;
  company: string;
  /** What the session should achieve. */
  goal: string;
  readiness: ReadinessItem[];
  /** Free text, for the facilitator's eyes only. */
  notes: string;
  questions: PrepQuestion[];
  /** What the facilitator chose to put into the session summary. */
  summary: {
    /** The session goal. */
    goal: boolean;
    /** The customer and company. */
    customer: boolean;
  };
}

/** Starter questions per SPIN type: value-oriented, for a B2B co-creation conversation. */
const STARTER_QUESTIONS: Readonly<Record<SpinType, readonly string[]>> = {
  situation: [
    'How does your team handle this process today, from request to result?',
    'Which goals is your team measured on this year?',
    'Who else is involved when a decision like this is made?',
  ],
  problem: [
    'Where does the current way of working cost you the most time or money?',
    'What stops you from reaching those goals today?',
    'Which part of the process do your customers complain about most?',
  ],
  implication: [
    'What happens to your targets if this stays as it is for another year?',
    'How does that delay affect the other teams that depend on you?',
    'What has this problem already cost you, in budget or in customers?',
  ],
  'need-payoff': [
    'If this were solved, what would it be worth to your business?',
    'How would your team use the time it gets back?',
    'Who in your organisation would benefit most, and how?',
  ],
};

const ID_PREFIX: Readonly<Record<SpinType, string>> = {
  situation: 's',
  problem: 'p',
  implication: 'i',
  'need-payoff': 'n',
};

/** An empty preparation with the starter question deck (ids s1..s3, p1..p3, i1..i3, n1..n3). */
export function defaultPrep(): Prep {
  return {
    customer: '',
    company: '',
    goal: '',
    readiness: [],
    notes: '',
    questions: SPIN_TYPES.flatMap((type) =>
      STARTER_QUESTIONS[type].map((text, index) => ({
        id: `${ID_PREFIX[type]}${index + 1}`,
        type,
        text,
      })),
    ),
    summary: { goal: false, customer: false },
  };
}

/** The indicators the panel suggests when the readiness check is empty, not rated yet. */
export function suggestedReadiness(): ReadinessItem[] {
  const rows: [ReadinessArea, string][] = [
    ['trust', 'We have a sponsor at the customer who speaks for us'],
    ['trust', 'Past commitments to this customer were kept'],
    ['credibility', 'We have references from similar customers'],
    ['credibility', 'We understand their industry and its language'],
    ['critical', 'Budget is not confirmed'],
  ];
  return rows.map(([area, text], index) => ({
    id: `r${index + 1}`,
    area,
    text,
    cause: '',
    rating: 0,
  }));
}

export type PrepResult = { ok: true; prep: Prep } | { ok: false; error: string };

class PrepError extends Error {}

function fail(message: string): never {
  throw new PrepError(message);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object's fields, after refusing any field not in `keys` and any that is missing. */
function fields(value: unknown, path: string, keys: readonly string[]): Record<string, unknown> {
  if (!isPlainObject(value)) fail(`${path} must be an object.`);
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) fail(`${path} has an unknown field "${key}".`);
  }
  for (const key of keys) {
    if (!(key in value)) fail(`${path}.${key} is missing.`);
  }
  return value;
}

function text(value: unknown, path: string, max: number, min = 0): string {
  if (typeof value !== 'string') fail(`${path} must be a string.`);
  if (value.length > max) fail(`${path} must be at most ${max} characters.`);
  if (value.length < min) fail(`${path} must not be empty.`);
  return value;
}

function oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
  if (!(options as readonly unknown[]).includes(value)) {
    fail(`${path} must be one of ${options.map((o) => `"${o}"`).join(', ')}.`);
  }
  return value as T;
}

function list(value: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(value)) fail(`${path} must be a list.`);
  if (value.length > max) fail(`${path} may hold at most ${max} entries.`);
  return value;
}

function uniqueIds<T extends { id: string }>(items: T[], path: string): T[] {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) fail(`${path}[${index}].id "${item.id}" is used twice.`);
    seen.add(item.id);
  });
  return items;
}

function id(value: unknown, path: string): string {
  if (typeof value !== 'string' || !PREP_ID_PATTERN.test(value)) {
    fail(`${path} must be 1 to 32 letters, digits, "_" or "-".`);
  }
  return value;
}

function readinessItem(value: unknown, path: string): ReadinessItem {
  const f = fields(value, path, ['id', 'area', 'text', 'cause', 'rating']);
  const item = {
    id: id(f.id, `${path}.id`),
    area: oneOf(f.area, `${path}.area`, READINESS_AREAS),
    text: text(f.text, `${path}.text`, PREP_READINESS_TEXT_MAX_LENGTH),
    cause: text(f.cause, `${path}.cause`, PREP_READINESS_TEXT_MAX_LENGTH),
  };
  const { rating } = f;
  if (
    typeof rating !== 'number' ||
    !Number.isInteger(rating) ||
    rating < 0 ||
    rating > PREP_RATING_MAX
  ) {
    fail(`${path}.rating must be a whole number from 0 to ${PREP_RATING_MAX}.`);
  }
  return { ...item, rating };
}

function question(value: unknown, path: string): PrepQuestion {
  const f = fields(value, path, ['id', 'type', 'text']);
  return {
    id: id(f.id, `${path}.id`),
    type: oneOf(f.type, `${path}.type`, SPIN_TYPES),
    text: text(f.text, `${path}.text`, PREP_QUESTION_MAX_LENGTH, 1),
  };
}

function summaryChoice(value: unknown, path: string): Prep['summary'] {
  const f = fields(value, path, ['goal', 'customer']);
  if (typeof f.goal !== 'boolean') fail(`${path}.goal must be true or false.`);
  if (typeof f.customer !== 'boolean') fail(`${path}.customer must be true or false.`);
  return { goal: f.goal, customer: f.customer };
}

/**
 * Checks a preparation as it arrives from outside (a request body, a stored row): every field
 * present with the right type and within its limit, and nothing else. The error names the first
 * field that is wrong, e.g. `prep.questions[3].text must not be empty.`
 */
export function parsePrep(value: unknown): PrepResult {
  const path = 'prep';
  try {
    const f = fields(value, path, [
      'customer',
      'company',
      'goal',
      'readiness',
      'notes',
      'questions',
      'summary',
    ]);
    const customer = text(f.customer, `${path}.customer`, PREP_NAME_MAX_LENGTH);
    const company = text(f.company, `${path}.company`, PREP_NAME_MAX_LENGTH);
    const goal = text(f.goal, `${path}.goal`, PREP_GOAL_MAX_LENGTH);
    const readiness = list(f.readiness, `${path}.readiness`, PREP_READINESS_MAX).map((item, i) =>
      readinessItem(item, `${path}.readiness[${i}]`),
    );
    const notes = text(f.notes, `${path}.notes`, PREP_NOTES_MAX_LENGTH);
    const questions = list(f.questions, `${path}.questions`, PREP_QUESTIONS_MAX).map((item, i) =>
      question(item, `${path}.questions[${i}]`),
    );
    return {
      ok: true,
      prep: {
        customer,
        company,
        goal,
        readiness: uniqueIds(readiness, `${path}.readiness`),
        notes,
        questions: uniqueIds(questions, `${path}.questions`),
        summary: summaryChoice(f.summary, `${path}.summary`),
      },
    };
  } catch (error) {
    if (error instanceof PrepError) return { ok: false, error: error.message };
    throw error;
  }
}

/**
 * What of the preparation goes into the session summary: the goal, and the customer with their
 * company, each only when the facilitator ticked it ("Include in summary").
 */
export function prepForSummary(prep: Prep): { goal?: string; customer?: string; company?: string } {
  return {
    ...(prep.summary.goal ? { goal: prep.goal } : {}),
    ...(prep.summary.customer ? { customer: prep.customer, company: prep.company } : {}),
  };
}
