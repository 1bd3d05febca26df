import type * as Y from 'yjs';
import { metaMap } from './doc.js';
import { normalizeTitle, type TemplateName } from './meta.js';
import { addZone, type NewZone } from './zone.js';

const ZONE_WIDTH = 900;
const ZONE_HEIGHT = 700;
const GAP = 40;

/**
 * The DART model's four zones in a two-by-two grid, read left to right, top to bottom.
 * Prompts paraphrase the model: Dialogue, Access, Risk assessment, Transparency.
 */
export const DART_ZONES: readonly NewZone[] = [
  {
    kind: 'dialogue',
    title: 'Dialogue',
    prompt: 'Talk as equals: agree the ground rules, then share goals and doubts openly.',
    x: 0,
    y: 0,
    width: ZONE_WIDTH,
    height: ZONE_HEIGHT,
  },
  {
    kind: 'access',
    title: 'Access',
    prompt: 'Use and experience instead of ownership: what should the customer be able to do?',
    x: ZONE_WIDTH + GAP,
    y: 0,
    width: ZONE_WIDTH,
    height: ZONE_HEIGHT,
  },
  {
    kind: 'risk',
    title: 'Risk assessment',
    prompt: 'Weigh risks and benefits openly, for the customer and for us.',
    x: 0,
    y: ZONE_HEIGHT + GAP,
    width: ZONE_WIDTH,
    height: ZONE_HEIGHT,
  },
  {
    kind: 'transparency',
    title: 'Transparency',
    prompt: 'Open up the information the customer needs to decide: prices, terms, data.',
    x: ZONE_WIDTH + GAP,
    y: ZONE_HEIGHT + GAP,
    width: ZONE_WIDTH,
    height: ZONE_HEIGHT,
  },
];

export interface TemplateOptions {
  template: TemplateName;
  title: string;
  /** Creation time in milliseconds since the epoch. */
  createdAt: number;
}

/** Fills an empty document with a new board: its metadata and the template's zones. */
export function applyTemplate(doc: Y.Doc, options: TemplateOptions): void {
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('title', normalizeTitle(options.title));
    meta.set('template', options.template);
    meta.set('createdAt', options.createdAt);
    if (options.template === 'dart') {
      for (const zone of DART_ZONES) addZone(doc, zone);
    }
  });
}
