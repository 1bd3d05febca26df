// The zone kinds as building blocks: what a zone of each kind is called, asks and measures when
// a template lays it out or the facilitator adds it from the palette.
import type { ZoneKind } from './zone.js';

/** The palette's groups, in the order the facilitator sees them. */
export const PALETTE_GROUPS = ['DART', 'SPIN', 'Journey', 'Free'] as const;
export type PaletteGroup = (typeof PALETTE_GROUPS)[number];

export interface PaletteEntry {
  kind: ZoneKind;
  group: PaletteGroup;
  /** The new zone's title, and the palette item's name. */
  title: string;
  /** Guidance under the title; short enough for two lines of the zone's header. */
  prompt: string;
  width: number;
  height: number;
}

/** A DART zone, a co-creation step or a free zone: room for about twelve notes. */
const SQUARE = { width: 900, height: 700 };
/** A SPIN lane: narrower and tall, four of them side by side. */
const LANE = { width: 760, height: 1480 };

/** Every zone kind, in palette order. Prompts of SPIN lanes are example questions. */
export const ZONE_PALETTE: readonly PaletteEntry[] = [
  {
    kind: 'dialogue',
    group: 'DART',
    title: 'Dialogue',
    prompt: 'Talk as equals: agree the ground rules, then share goals and doubts openly.',
    ...SQUARE,
  },
  {
    kind: 'access',
    group: 'DART',
    title: 'Access',
    prompt: 'Use and experience instead of ownership: what should the customer be able to do?',
    ...SQUARE,
  },
  {
    kind: 'risk',
    group: 'DART',
    title: 'Risk assessment',
    prompt: 'Weigh risks and benefits openly, for the customer and for us.',
    ...SQUARE,
  },
  {
    kind: 'transparency',
    group: 'DART',
    title: 'Transparency',
    prompt: 'Open up the information the customer needs to decide: prices, terms, data.',
    ...SQUARE,
  },
  {
    kind: 'situation',
    group: 'SPIN',
    title: 'Situation',
    prompt: 'How do you work today? Who is involved? What do you use for it now?',
    ...LANE,
  },
  {
    kind: 'problem',
    group: 'SPIN',
    title: 'Problem',
    prompt: 'What is hard or slow today? Where do things go wrong? What worries you?',
    ...LANE,
  },
  {
    kind: 'implication',
    group: 'SPIN',
    title: 'Implication',
    prompt: 'Where does this come from? What does it lead to? Who else feels it?',
    ...LANE,
  },
  {
    kind: 'need-payoff',
    group: 'SPIN',
    title: 'Need-payoff',
    prompt: 'What would solving it be worth? What would change for you, and for whom?',
    ...LANE,
  },
  {
    kind: 'objective',
    group: 'Journey',
    title: 'Objective',
    prompt: 'From the value proposition: why, and for whom? Only then: what.',
    ...SQUARE,
  },
  {
    kind: 'options',
    group: 'Journey',
    title: 'Options',
    prompt: 'Listen actively to the co-creating users, and bring in data from outside.',
    ...SQUARE,
  },
  {
    kind: 'ideation',
    group: 'Journey',
    title: 'Ideation',
    prompt: 'Many ideas first, judged later: build on each other’s.',
    ...SQUARE,
  },
  {
    kind: 'prototype',
    group: 'Journey',
    title: 'Prototype',
    prompt: 'Make the idea visible, a sketch or a mock-up, to test with the users.',
    ...SQUARE,
  },
  {
    kind: 'test',
    group: 'Journey',
    title: 'Test',
    prompt: 'Define the success and improvement metrics, test, then adapt the idea.',
    ...SQUARE,
  },
  {
    kind: 'launch',
    group: 'Journey',
    title: 'Launch',
    prompt: 'A minimum viable offer, tried out with real users.',
    ...SQUARE,
  },
  {
    kind: 'free',
    group: 'Free',
    title: 'Free zone',
    prompt: 'Anything the session needs a place for.',
    ...SQUARE,
  },
];

/** The palette entry of a kind. */
export function paletteEntry(kind: ZoneKind): PaletteEntry {
  const entry = ZONE_PALETTE.find((e) => e.kind === kind);
  // ZONE_PALETTE lists every ZoneKind; the unit tests hold it to that.
  if (!entry) throw new Error(`No palette entry for zone kind ${kind}`);
  return entry;
}
