import type * as Y from 'yjs';
import { metaMap } from './doc.js';
import { normalizeTitle, type TemplateName } from './meta.js';
import { paletteEntry } from './palette.js';
import { addZone, type NewZone, type ZoneKind } from './zone.js';

/** The space between a template's zones. */
export const ZONE_GAP = 40;

/** Zones of the kinds given, `columns` to a row, read left to right, top to bottom. */
function grid(kinds: readonly ZoneKind[], columns: number): NewZone[] {
  return kinds.map((kind, index) => {
    const { title, prompt, width, height } = paletteEntry(kind);
    const column = index % columns;
    const row = Math.floor(index / columns);
    return {
      kind,
      title,
      prompt,
      x: column * (width + ZONE_GAP),
      y: row * (height + ZONE_GAP),
      width,
      height,
    };
  });
}

/**
 * The DART model's four zones in a two-by-two grid, read left to right, top to bottom.
 * Prompts paraphrase the model: Dialogue, Access, Risk assessment, Transparency.
 */
export const DART_ZONES: readonly NewZone[] = grid(
  ['dialogue', 'access', 'risk', 'transparency'],
  2,
);

/** SPIN selling's four kinds of question as tall lanes side by side, in the order they are asked. */
export const SPIN_ZONES: readonly NewZone[] = grid(
  ['situation', 'problem', 'implication', 'need-payoff'],
  4,
);

/** The six steps of a co-creation journey, three to a row, in reading order. */
export const JOURNEY_ZONES: readonly NewZone[] = grid(
  ['objective', 'options', 'ideation', 'prototype', 'test', 'launch'],
  3,
);

const TEMPLATE_ZONES: Record<TemplateName, readonly NewZone[]> = {
  dart: DART_ZONES,
  spin: SPIN_ZONES,
  journey: JOURNEY_ZONES,
  blank: [],
};

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
    for (const zone of TEMPLATE_ZONES[options.template]) addZone(doc, zone);
  });
}
