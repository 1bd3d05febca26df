import type * as Y from 'yjs';
import { metaMap } from './doc.js';

export const GROUND_RULES_MAX = 20;
export const GROUND_RULE_MAX_LENGTH = 300;

/** The rules a board starts with until the facilitator edits them. */
export const DEFAULT_GROUND_RULES: readonly string[] = [
  'We talk as equals: every idea is heard, whoever has it.',
  'We say openly what worries us; no question is off limits.',
  'We share the information the other side needs to decide, conditions and prices included.',
  'What is said here stays between us unless we agree otherwise.',
  'We decide together, and we write down who does what next.',
];

/** The value rule of `meta.groundRules`: a list of at most GROUND_RULES_MAX one-line rules. */
export function isGroundRules(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= GROUND_RULES_MAX &&
    value.every((rule) => typeof rule === 'string' && rule.length <= GROUND_RULE_MAX_LENGTH)
  );
}

/** The board's ground rules; a board whose facilitator never edited them has the defaults. */
export function readGroundRules(doc: Y.Doc): string[] {
  const value = metaMap(doc).get('groundRules');
  return isGroundRules(value) ? [...value] : [...DEFAULT_GROUND_RULES];
}

/** Replaces the ground rules: each one line, trimmed, bounded; empty rules are dropped. */
export function setGroundRules(doc: Y.Doc, rules: readonly string[]): void {
  const clean = rules
    .map((rule) => rule.replace(/\s+/g, ' ').trim().slice(0, GROUND_RULE_MAX_LENGTH))
    .filter((rule) => rule !== '')
    .slice(0, GROUND_RULES_MAX);
  metaMap(doc).set('groundRules', clean);
}
