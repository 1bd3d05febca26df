// The value rules of the board document: which fields a record may hold and what each may
// contain. The relay refuses any write that leaves a record breaking them; readers still fall
// back to defaults (values.ts) for documents written before a rule existed.
import * as Y from 'yjs';
import { CARD_FIELD_RULES } from './cards.js';
import { isGroundRules } from './groundRules.js';
import { isTemplateName, TITLE_MAX_LENGTH } from './meta.js';
import {
  AUTHOR_MAX_LENGTH,
  isNoteColor,
  NOTE_MAX_SIZE,
  NOTE_MIN_SIZE,
  NOTE_TEXT_MAX_LENGTH,
} from './note.js';
import { isMetricList, isStages } from './stages.js';
import { isTimer } from './timer.js';
import { isVote } from './vote.js';
import {
  ZONE_KIND_MAX_LENGTH,
  ZONE_MAX_SIZE,
  ZONE_MIN_SIZE,
  ZONE_PROMPT_MAX_LENGTH,
  ZONE_TITLE_MAX_LENGTH,
} from './zone.js';

/** Coordinates stay within ±BOARD_EXTENT board units. */
export const BOARD_EXTENT = 1_000_000;

type Rule = (value: unknown) => boolean;

const coordinate: Rule = (v) =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= BOARD_EXTENT;
const timestamp: Rule = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const flag: Rule = (v) => typeof v === 'boolean';
const text =
  (max: number): Rule =>
  (v) =>
    typeof v === 'string' && v.length <= max;
const size =
  (min: number, max: number): Rule =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

/** Fields of the root `meta` map. */
export const META_RULES: Readonly<Record<string, Rule>> = {
  title: text(TITLE_MAX_LENGTH),
  template: isTemplateName,
  createdAt: timestamp,
  timer: isTimer,
  stages: isStages,
  metrics: isMetricList,
  endedAt: timestamp,
  readOnly: flag,
  groundRules: isGroundRules,
  vote: isVote,
};

/** Fields of a zone record (`zones.<id>`). */
export const ZONE_RULES: Readonly<Record<string, Rule>> = {
  kind: text(ZONE_KIND_MAX_LENGTH),
  title: text(ZONE_TITLE_MAX_LENGTH),
  prompt: text(ZONE_PROMPT_MAX_LENGTH),
  x: coordinate,
  y: coordinate,
  width: size(ZONE_MIN_SIZE, ZONE_MAX_SIZE),
  height: size(ZONE_MIN_SIZE, ZONE_MAX_SIZE),
  locked: flag,
};

/** Fields of a note record (`notes.<id>`). */
export const NOTE_RULES: Readonly<Record<string, Rule>> = {
  text: (v) => v instanceof Y.Text && v.length <= NOTE_TEXT_MAX_LENGTH,
  x: coordinate,
  y: coordinate,
  width: size(NOTE_MIN_SIZE, NOTE_MAX_SIZE),
  height: size(NOTE_MIN_SIZE, NOTE_MAX_SIZE),
  color: isNoteColor,
  author: text(AUTHOR_MAX_LENGTH),
  createdAt: timestamp,
  locked: flag,
  ...CARD_FIELD_RULES,
};

/**
 * The first field of `map` that breaks `rules` (an unknown field, or a value of the wrong type
 * or outside its limits), as `name: problem`; undefined when every field is valid.
 */
export function findRuleBreak(
  rules: Readonly<Record<string, Rule>>,
  map: Y.Map<unknown>,
): string | undefined {
  // forEach rather than entries(): the relay checks every record a write touches, and Yjs'
  // entries() allocates an iterator step and a pair per field.
  let found: string | undefined;
  map.forEach((value, key) => {
    if (found !== undefined) return;
    const rule = Object.hasOwn(rules, key) ? rules[key] : undefined;
    if (!rule) found = `${key}: not a field of this record`;
    else if (!rule(value)) found = `${key}: invalid value`;
  });
  return found;
}
