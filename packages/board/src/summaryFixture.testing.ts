// A realistic SPIN session for the summary's tests: a SPIN board with an "Objective" zone and
// stages shown, four people (one only watching), ground rules two of them agreed to, questions
// of each SPIN type with answers, risks and benefits, ideas, a revealed vote, test metrics,
// action items and commitments of both sides.
import * as Y from 'yjs';
import type { Card } from './cards.js';
import { endSession } from './ending.js';
import { setGroundRules } from './groundRules.js';
import { addNote } from './note.js';
import { agreeToGroundRules, joinSession } from './people.js';
import { addMetric, goToStage, setStagesEnabled } from './stages.js';
import { SUMMARY_MORE_HEADINGS } from './summaryLabels.js';
import { SUMMARY_HEADINGS } from './summaryMarkdown.js';
import { applyTemplate, SPIN_ZONES } from './templates.js';
import { placeDot, revealVotes, startVote } from './vote.js';
import { addZone } from './zone.js';

/**
 * The second-level headings of the summary of a SPIN session that has every section (this
 * fixture, or the server tests' sample session), in their order: stages, then each SPIN lane.
 */
export const SPIN_SUMMARY_SECTIONS: readonly string[] = [
  SUMMARY_HEADINGS.groundRules,
  SUMMARY_MORE_HEADINGS.stages,
  'Situation',
  'Problem',
  'Implication',
  'Need-payoff',
  SUMMARY_HEADINGS.questions,
  SUMMARY_HEADINGS.risksAndBenefits,
  SUMMARY_MORE_HEADINGS.ideas,
  SUMMARY_HEADINGS.votes,
  SUMMARY_MORE_HEADINGS.metrics,
  SUMMARY_HEADINGS.actions,
  SUMMARY_HEADINGS.commitments,
];

/** 2026-11-20 at `time` (HH:MM), UTC, in ms. */
export const at = (time: string) => Date.parse(`2026-11-20T${time}:00Z`);
export const FIXTURE_NOW = new Date('2026-11-20T11:00:00Z');

const OBJECTIVE = { x: -1000, y: 0, width: 900, height: 700 };

/** A spot for a card: in SPIN lane `lane` (0–3) or the objective zone (-1), at `slot` 0–15. */
function spot(lane: number, slot: number): { x: number; y: number } {
  const zone = lane < 0 ? OBJECTIVE : SPIN_ZONES[lane];
  if (!zone) throw new Error(`no lane ${lane}`);
  return { x: zone.x + 20 + (slot % 2) * 240, y: zone.y + 80 + Math.floor(slot / 2) * 180 };
}

export interface SpinSession {
  doc: Y.Doc;
  ids: Record<string, string>;
}

export function spinSession(): SpinSession {
  const doc = new Y.Doc();
  applyTemplate(doc, {
    template: 'spin',
    title: 'Acme Logistics: fleet telematics',
    createdAt: at('08:55'),
  });
  addZone(doc, { kind: 'objective', title: 'Objective', prompt: 'What we want', ...OBJECTIVE });
  joinSession(doc, 'p-sam', 'Sam Seller', 'facilitator', at('09:00'));
  joinSession(doc, 'p-cara', 'Cara Customer', 'edit', at('09:02'));
  joinSession(doc, 'p-dan', 'Dan Dispatch', 'edit', at('09:03'));
  joinSession(doc, 'p-olga', 'Olga Observer', 'view', at('09:04'));
  setGroundRules(doc, ['We talk as equals.', 'We write down who does what next.']);
  agreeToGroundRules(doc, 'p-dan', true, at('09:06'));
  agreeToGroundRules(doc, 'p-cara', true, at('09:05'));
  setStagesEnabled(doc, true, at('09:00'));
  goToStage(doc, 'options', at('10:00'));

  const ids: Record<string, string> = {};
  let minute = 0;
  const card = (key: string, lane: number, slot: number, text: string, author: string, c: Card) => {
    minute += 1;
    ids[key] = addNote(doc, {
      ...spot(lane, slot),
      text,
      author,
      card: c,
      createdAt: at('09:10') + minute * 60_000,
    });
    return ids[key];
  };
  const question = (key: string, lane: number, slot: number, text: string) =>
    card(key, lane, slot, text, 'Sam Seller', {
      kind: 'question',
      spin: (['situation', 'problem', 'implication', 'need-payoff'] as const)[lane] ?? null,
      deckId: null,
    });
  const answer = (lane: number, slot: number, to: string, text: string, author = 'Cara Customer') =>
    card(`answer-${text}`, lane, slot, text, author, { kind: 'answer', answerTo: to });

  card('objective', -1, 0, 'Cut empty kilometres by a fifth', 'Cara Customer', { kind: 'note' });
  // Asked in the order a SPIN conversation goes, a problem question before a late situation one.
  const fleet = question('q-fleet', 0, 0, 'How many vehicles do you run today?');
  answer(0, 1, fleet, '140 trucks in three depots');
  const routes = question('q-routes', 1, 0, 'Where do routes go wrong most often?');
  answer(1, 1, routes, 'Returns run empty\nafter the Friday drops');
  answer(1, 3, routes, 'Dispatch plans by phone', 'Dan Dispatch');
  question('q-tools', 0, 2, 'Which planning tools do you use?');
  const cost = question('q-cost', 2, 0, 'What does an empty return cost you?');
  answer(2, 1, cost, 'About 300 EUR a trip');
  const worth = question('q-worth', 3, 0, 'What would live tracking be worth to you?');
  answer(3, 1, worth, 'Fewer angry customer calls', 'Dan Dispatch');

  card('risk-data', 2, 4, 'Drivers refuse tracking', 'Dan Dispatch', { kind: 'risk', weight: 3 });
  card('risk-it', 2, 5, 'IT has no time in Q1', 'Cara Customer', { kind: 'risk', weight: 1 });
  card('risk-cost', 2, 6, 'Hardware cost', 'Cara Customer', { kind: 'risk', weight: 2 });
  card('benefit-km', 3, 4, 'Fewer empty kilometres', 'Sam Seller', { kind: 'benefit', weight: 3 });
  card('idea-pilot', 3, 6, 'Pilot in one depot', 'Cara Customer', {
    kind: 'idea',
    feasibility: 'realistic',
  });
  card('idea-ai', 3, 7, 'AI route planning', 'Dan Dispatch', {
    kind: 'idea',
    feasibility: 'needs-work',
  });
  card('action-plan', 3, 8, 'Send the pilot plan', 'Sam Seller', {
    kind: 'action',
    owner: 'Sam Seller',
    due: '2026-12-01',
  });
  card('action-works', 3, 9, 'Ask the works council', 'Cara Customer', {
    kind: 'action',
    owner: 'Cara Customer',
    due: '',
  });
  card('action-data', 3, 10, 'Share last year’s route data', 'Cara Customer', {
    kind: 'action',
    owner: '',
    due: '2026-11-27',
  });
  card('commit-depot', 3, 12, 'Provide one depot for the pilot', 'Cara Customer', {
    kind: 'commitment',
    side: 'customer',
  });
  card('commit-install', 3, 13, 'Install the trackers free of charge', 'Sam Seller', {
    kind: 'commitment',
    side: 'supplier',
  });
  card('commit-review', 3, 14, 'Review results together in March', 'Sam Seller', {
    kind: 'commitment',
    side: 'both',
  });

  startVote(doc, { dots: 3 }, at('10:20'));
  const pilot = ids['idea-pilot'] ?? '';
  const ai = ids['idea-ai'] ?? '';
  placeDot(doc, 'p-cara', pilot);
  placeDot(doc, 'p-cara', pilot);
  placeDot(doc, 'p-dan', ai);
  placeDot(doc, 'p-dan', pilot);
  revealVotes(doc, at('10:30'));
  addMetric(doc, { metric: 'Empty kilometres', target: '-20% in 3 months', kind: 'success' });
  endSession(doc, at('10:45'), true);
  return { doc, ids };
}
