import * as Y from 'yjs';
import { recordIn, zonesMap } from './doc.js';
import type { Rect } from './geometry.js';
import { newId } from './ids.js';
import { assertFinite, clamp, readNumber, readString } from './values.js';

/**
 * The zone kinds, in the palette's order: the DART four, the SPIN four, the six co-creation
 * steps, and 'free' (no method: the facilitator names it). Kinds are lower case, kebab-case
 * when two words. Documents from newer versions may hold kinds not listed here.
 */
export const ZONE_KINDS = [
  'dialogue',
  'access',
  'risk',
  'transparency',
  'situation',
  'problem',
  'implication',
  'need-payoff',
  'objective',
  'options',
  'ideation',
  'prototype',
  'test',
  'launch',
  'free',
] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

export const ZONE_TITLE_MAX_LENGTH = 120;
export const ZONE_PROMPT_MAX_LENGTH = 500;
export const ZONE_KIND_MAX_LENGTH = 40;
export const ZONE_MIN_SIZE = 120;
export const ZONE_MAX_SIZE = 20_000;

/** A labelled area of the board that groups the notes whose centre lies inside it. */
export interface Zone extends Rect {
  id: string;
  /** One of ZONE_KINDS for boards made by this version; unknown kinds are kept as they are. */
  kind: ZoneKind | (string & {});
  /** Heading shown on the board and in the summary. */
  title: string;
  /** One-line question or guidance shown under the title. */
  prompt: string;
  /** Set by the facilitator: nobody else may change the zone. Missing reads as false. */
  locked: boolean;
}

export interface NewZone extends Rect {
  id?: string;
  kind: ZoneKind;
  title: string;
  prompt?: string;
}

export function isZoneKind(value: unknown): value is ZoneKind {
  return (ZONE_KINDS as readonly unknown[]).includes(value);
}

function toZone(id: string, record: Y.Map<unknown>): Zone {
  return {
    id,
    kind: readString(record.get('kind'), 'dialogue', ZONE_KIND_MAX_LENGTH),
    title: readString(record.get('title'), '', ZONE_TITLE_MAX_LENGTH),
    prompt: readString(record.get('prompt'), '', ZONE_PROMPT_MAX_LENGTH),
    x: readNumber(record.get('x'), 0),
    y: readNumber(record.get('y'), 0),
    width: Math.max(1, readNumber(record.get('width'), ZONE_MIN_SIZE)),
    height: Math.max(1, readNumber(record.get('height'), ZONE_MIN_SIZE)),
    locked: record.get('locked') === true,
  };
}

/** Board order: top to bottom, then left to right, then by id so every peer agrees. */
export function compareBoardOrder(a: Rect & { id: string }, b: Rect & { id: string }): number {
  return a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function readZone(doc: Y.Doc, id: string): Zone | undefined {
  const record = recordIn(zonesMap(doc), id);
  return record ? toZone(id, record) : undefined;
}

/** Every zone of the board, in board order. Entries that are not zone records are skipped. */
export function listZones(doc: Y.Doc): Zone[] {
  const zones: Zone[] = [];
  zonesMap(doc).forEach((value, id) => {
    if (value instanceof Y.Map) zones.push(toZone(id, value));
  });
  return zones.sort(compareBoardOrder);
}

export function addZone(doc: Y.Doc, input: NewZone): string {
  assertFinite({ x: input.x, y: input.y, width: input.width, height: input.height });
  const id = input.id ?? newId();
  const record = new Y.Map<unknown>();
  doc.transact(() => {
    record.set('kind', input.kind);
    record.set('title', input.title.slice(0, ZONE_TITLE_MAX_LENGTH));
    record.set('prompt', (input.prompt ?? '').slice(0, ZONE_PROMPT_MAX_LENGTH));
    record.set('x', input.x);
    record.set('y', input.y);
    record.set('width', clampZoneSize(input.width));
    record.set('height', clampZoneSize(input.height));
    zonesMap(doc).set(id, record);
  });
  return id;
}

function withZone(doc: Y.Doc, id: string, change: (record: Y.Map<unknown>) => void): boolean {
  const record = recordIn(zonesMap(doc), id);
  if (!record) return false;
  doc.transact(() => change(record));
  return true;
}

/** Moves a zone; returns false when there is no such zone. */
export function moveZone(doc: Y.Doc, id: string, x: number, y: number): boolean {
  assertFinite({ x, y });
  return withZone(doc, id, (record) => {
    record.set('x', x);
    record.set('y', y);
  });
}

function clampZoneSize(size: number): number {
  return clamp(size, ZONE_MIN_SIZE, ZONE_MAX_SIZE);
}

/** Resizes a zone within [ZONE_MIN_SIZE, ZONE_MAX_SIZE]; returns false when there is no such zone. */
export function resizeZone(doc: Y.Doc, id: string, width: number, height: number): boolean {
  assertFinite({ width, height });
  return withZone(doc, id, (record) => {
    record.set('width', clampZoneSize(width));
    record.set('height', clampZoneSize(height));
  });
}

/** Changes a zone's title and/or prompt; returns false when there is no such zone. */
export function updateZoneText(
  doc: Y.Doc,
  id: string,
  text: { title?: string; prompt?: string },
): boolean {
  return withZone(doc, id, (record) => {
    if (text.title !== undefined) record.set('title', text.title.slice(0, ZONE_TITLE_MAX_LENGTH));
    if (text.prompt !== undefined) {
      record.set('prompt', text.prompt.slice(0, ZONE_PROMPT_MAX_LENGTH));
    }
  });
}

/** Removes a zone; its notes stay where they are. Returns false when there is no such zone. */
export function deleteZone(doc: Y.Doc, id: string): boolean {
  const zones = zonesMap(doc);
  if (!zones.has(id)) return false;
  zones.delete(id);
  return true;
}

/** Locks or unlocks a zone (facilitator only); returns false when there is no such zone. */
export function setZoneLocked(doc: Y.Doc, id: string, locked: boolean): boolean {
  return withZone(doc, id, (record) => record.set('locked', locked));
}
