import type * as Y from 'yjs';
import { metaMap } from './doc.js';
import { readNumber, readString } from './values.js';

export const TEMPLATE_NAMES = ['dart', 'spin', 'journey', 'blank'] as const;
/** The layout a board was created from. */
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export const TITLE_MAX_LENGTH = 200;
export const DEFAULT_TITLE = 'Untitled session';

/** The board's metadata, stored in the root `meta` map. */
export interface BoardMeta {
  /** Shown in the header and the summary; plain text, at most TITLE_MAX_LENGTH characters. */
  title: string;
  /** The template the board was created from; boards without one read as 'blank'. */
  template: TemplateName;
  /** Creation time in milliseconds since the epoch; 0 when unknown. */
  createdAt: number;
}

export function isTemplateName(value: unknown): value is TemplateName {
  return (TEMPLATE_NAMES as readonly unknown[]).includes(value);
}

/** Cleans a user-supplied title: one line, trimmed, bounded; empty becomes the default. */
export function normalizeTitle(title: string): string {
  const oneLine = title.replace(/\s+/g, ' ').trim().slice(0, TITLE_MAX_LENGTH);
  return oneLine === '' ? DEFAULT_TITLE : oneLine;
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const meta = metaMap(doc);
  const template = meta.get('template');
  return {
    title: normalizeTitle(readString(meta.get('title'), DEFAULT_TITLE, TITLE_MAX_LENGTH)),
    template: isTemplateName(template) ? template : 'blank',
    createdAt: readNumber(meta.get('createdAt'), 0),
  };
}

export function setTitle(doc: Y.Doc, title: string): void {
  metaMap(doc).set('title', normalizeTitle(title));
}
