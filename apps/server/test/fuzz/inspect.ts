import {
  type BoardMeta,
  findRuleBreak,
  listNotes,
  listZones,
  META_RULES,
  metaMap,
  NOTE_RULES,
  type Note,
  notesMap,
  ROOT_META,
  ROOT_NOTES,
  ROOT_ZONES,
  readMeta,
  ZONE_RULES,
  type Zone,
  zonesMap,
} from '@dartboard/board';
import * as Y from 'yjs';
import type { Honest } from './honest.js';

// Reading what the fuzz left behind: what each honest client sees (notes, zones, meta,
// presence) and the board a restarted server loads, each with strayContent(), the check for
// anything in a document that is not part of a board.

/** What one honest client saw at the end of the fuzz, before the server was restarted. */
export interface HonestOutcome {
  name: string;
  /** Close events the server sent it (it should never have been disconnected). */
  closes: { code: number; reason: string }[];
  /** Refusals it was told of (it only ever made changes its link allows). */
  refusals: string[];
  connected: boolean;
  /** The presence name this client sees for the other honest client. */
  seesOther: string | undefined;
  /** Every presence id this client sees, sorted. */
  presenceIds: number[];
  notes: Note[];
  meta: BoardMeta;
  zones: Zone[];
  /** strayContent() of its copy of the board. */
  stray: string[];
}

/** The board as a restarted server loads it from disk. */
export interface StoredBoard {
  notes: Note[];
  zones: Zone[];
  meta: BoardMeta;
  metaKeys: string[];
  stray: string[];
}

export function presenceName(observer: Honest, of: Honest): string | undefined {
  const state = observer.client.provider.awareness.getStates().get(of.client.doc.clientID) as
    | { user?: { name?: string } }
    | undefined;
  return state?.user?.name;
}

/** Every presence id `h` sees, sorted. */
export function presenceIds(h: Honest): number[] {
  return [...h.client.provider.awareness.getStates().keys()].sort((a, b) => a - b);
}

export function honestOutcome(h: Honest, other: Honest): HonestOutcome {
  return {
    name: h.name,
    closes: h.closes,
    refusals: h.refusals,
    connected: h.client.provider.wsconnected,
    seesOther: presenceName(h, other),
    presenceIds: presenceIds(h),
    notes: listNotes(h.client.doc),
    meta: readMeta(h.client.doc),
    zones: listZones(h.client.doc),
    stray: strayContent(h.client.doc),
  };
}

export function storedBoard(doc: Y.Doc): StoredBoard {
  return {
    notes: listNotes(doc),
    zones: listZones(doc),
    meta: readMeta(doc),
    metaKeys: [...metaMap(doc).keys()].sort(),
    stray: strayContent(doc),
  };
}

function undeletedListItems(type: { _start: Y.Item | null }): number {
  let count = 0;
  for (let item = type._start; item; item = item.right) if (!item.deleted) count++;
  return count;
}

/**
 * Everything in `doc` that is not part of a board (docs/schema.md): unknown roots with content,
 * list content in the maps, records breaking the rules, note texts with anything but text.
 */
export function strayContent(doc: Y.Doc): string[] {
  const problems: string[] = [];
  const roots = new Map<string, Y.Map<unknown>>([
    [ROOT_META, metaMap(doc)],
    [ROOT_ZONES, zonesMap(doc)],
    [ROOT_NOTES, notesMap(doc)],
  ]);
  for (const [name, type] of doc.share) {
    const mapContent = [...type._map.values()].some((item) => !item.deleted);
    if (!roots.has(name)) {
      if (undeletedListItems(type) > 0 || mapContent) {
        problems.push(`unknown root ${JSON.stringify(name)} holds content`);
      }
    } else if (undeletedListItems(type) > 0) {
      problems.push(`root ${name} holds list content`);
    }
  }
  const metaBreak = findRuleBreak(META_RULES, metaMap(doc));
  if (metaBreak) problems.push(`meta: ${metaBreak}`);
  for (const [root, rules] of [
    [ROOT_ZONES, ZONE_RULES],
    [ROOT_NOTES, NOTE_RULES],
  ] as const) {
    (roots.get(root) as Y.Map<unknown>).forEach((record, id) => {
      if (!(record instanceof Y.Map)) {
        problems.push(`${root}.${id} is not a record`);
        return;
      }
      const broken = findRuleBreak(rules, record);
      if (broken) problems.push(`${root}.${id}: ${broken}`);
      if (undeletedListItems(record) > 0) problems.push(`${root}.${id} holds list content`);
      const text = record.get('text');
      if (root === ROOT_NOTES && text instanceof Y.Text) {
        for (let item = text._start; item; item = item.right) {
          if (!item.deleted && !(item.content instanceof Y.ContentString)) {
            problems.push(`${root}.${id}.text holds ${item.content.constructor.name}`);
          }
        }
      }
    });
  }
  return problems;
}
