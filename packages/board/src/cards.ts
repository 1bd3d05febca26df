// Card kinds: what a note is besides its text. A plain note has no `kind` field; a card stores
// its kind and the few fields of that kind on the note record itself (docs/schema.md, "Cards"),
// so moving, editing and deleting work the same for every kind and old boards read as notes.
import type * as Y from 'yjs';
import { notesMap, recordIn } from './doc.js';
import { readString } from './values.js';

export const CARD_KINDS = [
  'note',
  'question',
  'answer',
  'risk',
  'benefit',
  'idea',
  'action',
  'commitment',
] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export const CARD_LABELS: Readonly<Record<CardKind, string>> = {
  note: 'Note',
  question: 'Question',
  answer: 'Answer',
  risk: 'Risk',
  benefit: 'Benefit',
  idea: 'Idea',
  action: 'Action item',
  commitment: 'Commitment',
};

/** The colour a new card of each kind gets (one of NOTE_COLORS). */
export const CARD_COLORS: Readonly<Record<CardKind, string>> = {
  note: '#fde68a',
  question: '#93c5fd',
  answer: '#fde68a',
  risk: '#f9a8d4',
  benefit: '#86efac',
  idea: '#c4b5fd',
  action: '#fdba74',
  commitment: '#e5e7eb',
};

export const SPIN_TYPES = ['situation', 'problem', 'implication', 'need-payoff'] as const;
export type SpinType = (typeof SPIN_TYPES)[number];
export const SPIN_LABELS: Readonly<Record<SpinType, string>> = {
  situation: 'Situation',
  problem: 'Problem',
  implication: 'Implication',
  'need-payoff': 'Need-payoff',
};

export const FEASIBILITIES = ['realistic', 'needs-work', 'not-feasible'] as const;
export type Feasibility = (typeof FEASIBILITIES)[number];
export const FEASIBILITY_LABELS: Readonly<Record<Feasibility, string>> = {
  realistic: 'Realistic',
  'needs-work': 'Needs work',
  'not-feasible': 'Not feasible',
};

/** A risk's or benefit's weight: 1 low, 2 medium, 3 high. */
export const WEIGHTS = [1, 2, 3] as const;
export type Weight = (typeof WEIGHTS)[number];
export const WEIGHT_LABELS: Readonly<Record<Weight, string>> = { 1: 'Low', 2: 'Medium', 3: 'High' };

export const SIDES = ['customer', 'supplier', 'both'] as const;
export type Side = (typeof SIDES)[number];
export const SIDE_LABELS: Readonly<Record<Side, string>> = {
  customer: 'Customer',
  supplier: 'Supplier',
  both: 'Both sides',
};

export const OWNER_MAX_LENGTH = 80;
export const REF_MAX_LENGTH = 64;
const DUE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** What a note is, with the fields of its kind. Missing or invalid fields read as unset. */
export type Card =
  | { kind: 'note' }
  /** `deckId`: the preparation deck's question it was asked from. */
  | { kind: 'question'; spin: SpinType | null; deckId: string | null }
  /** `answerTo`: the id of the question card it answers. */
  | { kind: 'answer'; answerTo: string | null }
  | { kind: 'risk' | 'benefit'; weight: Weight | null }
  | { kind: 'idea'; feasibility: Feasibility | null }
  /** The note's text says what; `due` is 'YYYY-MM-DD' or ''. */
  | { kind: 'action'; owner: string; due: string }
  | { kind: 'commitment'; side: Side | null };

/** The record fields only cards have, with their value rules. */
export const CARD_FIELD_RULES: Readonly<Record<string, (value: unknown) => boolean>> = {
  kind: (v) => isOneOf(CARD_KINDS, v),
  spin: (v) => isOneOf(SPIN_TYPES, v),
  deckId: isRef,
  answerTo: isRef,
  weight: (v) => isOneOf(WEIGHTS, v),
  feasibility: (v) => isOneOf(FEASIBILITIES, v),
  owner: (v) => typeof v === 'string' && v.length <= OWNER_MAX_LENGTH,
  due: (v) => v === '' || (typeof v === 'string' && DUE_PATTERN.test(v)),
  side: (v) => isOneOf(SIDES, v),
};
const CARD_FIELDS = Object.keys(CARD_FIELD_RULES);

function isOneOf<T>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}

function isRef(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= REF_MAX_LENGTH;
}

function pick<T>(list: readonly T[], value: unknown): T | null {
  return isOneOf(list, value) ? value : null;
}

/** Reads the card part of a note record; anything unknown reads as a plain note. */
export function readCard(record: Y.Map<unknown>): Card {
  const kind = record.get('kind');
  switch (kind) {
    case 'question':
      return {
        kind,
        spin: pick(SPIN_TYPES, record.get('spin')),
        deckId: isRef(record.get('deckId')) ? (record.get('deckId') as string) : null,
      };
    case 'answer':
      return {
        kind,
        answerTo: isRef(record.get('answerTo')) ? (record.get('answerTo') as string) : null,
      };
    case 'risk':
    case 'benefit':
      return { kind, weight: pick(WEIGHTS, record.get('weight')) };
    case 'idea':
      return { kind, feasibility: pick(FEASIBILITIES, record.get('feasibility')) };
    case 'action': {
      const due = record.get('due');
      return {
        kind,
        owner: cleanOwner(readString(record.get('owner'), '', OWNER_MAX_LENGTH)),
        due: typeof due === 'string' && DUE_PATTERN.test(due) ? due : '',
      };
    }
    case 'commitment':
      return { kind, side: pick(SIDES, record.get('side')) };
    default:
      return { kind: 'note' };
  }
}

function cleanOwner(owner: string): string {
  return owner.replace(/\s+/g, ' ').trim().slice(0, OWNER_MAX_LENGTH);
}

/** A card of `kind` with nothing set yet. */
export function emptyCard(kind: CardKind): Card {
  switch (kind) {
    case 'question':
      return { kind, spin: null, deckId: null };
    case 'answer':
      return { kind, answerTo: null };
    case 'risk':
    case 'benefit':
      return { kind, weight: null };
    case 'idea':
      return { kind, feasibility: null };
    case 'action':
      return { kind, owner: '', due: '' };
    case 'commitment':
      return { kind, side: null };
    default:
      return { kind: 'note' };
  }
}

/** The record fields that store `card`: set fields only, the kind absent for a plain note. */
export function cardFields(card: Card): Record<string, unknown> {
  const { kind, ...rest } = card;
  const fields: Record<string, unknown> = kind === 'note' ? {} : { kind };
  for (const [key, value] of Object.entries(rest)) {
    if (value === null || value === '') continue;
    fields[key] = key === 'owner' ? cleanOwner(value as string) : value;
    if (!CARD_FIELD_RULES[key]?.(fields[key])) delete fields[key];
  }
  return fields;
}

/** Writes `card` into a record: its fields set, every other card field removed. */
export function writeCard(record: Y.Map<unknown>, card: Card): void {
  const fields = cardFields(card);
  for (const key of CARD_FIELDS) {
    if (!(key in fields) && record.has(key)) record.delete(key);
  }
  for (const [key, value] of Object.entries(fields)) {
    if (record.get(key) !== value) record.set(key, value);
  }
}

/**
 * Makes a note the card `card` (or a plain note again), keeping its text. A note whose colour
 * was its old kind's colour takes the new kind's colour. Returns false when there is no note.
 */
export function setCard(doc: Y.Doc, id: string, card: Card): boolean {
  const record = recordIn(notesMap(doc), id);
  if (!record) return false;
  doc.transact(() => {
    const before = readCard(record).kind;
    if (before !== card.kind && record.get('color') === CARD_COLORS[before]) {
      record.set('color', CARD_COLORS[card.kind]);
    }
    writeCard(record, card);
  });
  return true;
}

/** Turns a note into a card of another kind with that kind's fields unset. */
export function convertCard(doc: Y.Doc, id: string, kind: CardKind): boolean {
  const record = recordIn(notesMap(doc), id);
  if (!record) return false;
  if (readCard(record).kind === kind) return true;
  return setCard(doc, id, emptyCard(kind));
}
