import * as Y from 'yjs';

// Finds out, before an update is applied, where in the board each of its changes lands. Every
// new item names its parent (a root name, or the id of the item holding a nested type) or sits
// next to an item (origin, rightOrigin) whose parent it shares; deletions name item ids. Both
// are walked up, through the update itself and the room's document, to a path from a root:
// ['notes', noteId, 'text', null] is a character of a note's text ('null' is a list position).

/** Where a change lands: a root name, then the map keys (or null for list positions) below it. */
export type Path = readonly (string | null)[];

export interface Touch {
  path: Path;
  /** 'insert' for new content, 'delete' for content the update removes. */
  kind: 'insert' | 'delete';
  /**
   * What an insert holds: 'value' (a JSON value, as map fields hold), 'type' (a nested map or
   * text), 'text' (characters), 'deleted' (a placeholder of removed content) or 'other'
   * (formatting, embeds, binary, arrays: nothing a board holds).
   */
  content?: 'value' | 'type' | 'text' | 'deleted' | 'other';
}

export type Inspection =
  /**
   * Every change was located; `touches` holds each place once per kind. `fresh` is whether the
   * update brings any struct the room lacks, placeholders of collected items included.
   */
  | { kind: 'located'; touches: Touch[]; fresh: boolean; writers: Set<number> }
  /** The update depends on items the room does not have: applying it would leave it pending. */
  | { kind: 'missing' }
  /**
   * The update cannot be applied safely (a subdocument, an item whose parent is not a type,
   * types nested too deep): it must not reach the document at all.
   */
  | { kind: 'invalid'; reason: string };

/** Nested types deeper than this are not part of any board record. */
const MAX_DEPTH = 6;

class Refusal extends Error {
  constructor(readonly inspection: Exclude<Inspection, { kind: 'located' }>) {
    super(inspection.kind);
  }
}
const missing = () => new Refusal({ kind: 'missing' });
const invalid = (reason: string) => new Refusal({ kind: 'invalid', reason });

/** A located struct: a path, or 'gc' for one whose parent is gone (it integrates as nothing). */
type Place = Path | 'gc';

/** What an item holds (see Touch); undefined for a subdocument, which must never be applied. */
function contentOf(item: Y.Item): Touch['content'] | undefined {
  const content = item.content;
  if (content instanceof Y.ContentDoc) return undefined;
  if (content instanceof Y.ContentType) {
    const type = content.type;
    return type.constructor === Y.Map || type.constructor === Y.Text ? 'type' : 'other';
  }
  if (content instanceof Y.ContentAny) return 'value';
  if (content instanceof Y.ContentString) return 'text';
  if (content instanceof Y.ContentDeleted) return 'deleted';
  return 'other';
}

/** Locates every change of `update` against `doc` without changing either. */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array): Inspection {
  const { structs, ds } = Y.decodeUpdate(update);
  const store = doc.store;
  const fromUpdate = new Set<Y.Item | Y.GC>();
  const byClient = new Map<number, (Y.Item | Y.GC)[]>();
  try {
    // Each client's structs must continue where the room's document ends: a gap means the
    // update builds on items the room never received.
    const known = new Map<number, number>();
    for (const struct of structs) {
      const client = struct.id.client;
      const end = known.get(client) ?? Y.getState(store, client);
      if (struct instanceof Y.Skip) continue;
      if (struct.id.clock > end) throw missing();
      known.set(client, Math.max(end, struct.id.clock + struct.length));
      fromUpdate.add(struct);
      const list = byClient.get(client) ?? [];
      list.push(struct);
      byClient.set(client, list);
    }

    const find = (id: Y.ID): Y.Item | Y.GC => {
      if (id.clock < Y.getState(store, id.client)) {
        const list = store.clients.get(id.client) ?? [];
        const struct = list[Y.findIndexSS(list, id.clock)];
        if (struct) return struct;
      }
      const list = byClient.get(id.client) ?? [];
      let low = 0;
      let high = list.length - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const struct = list[mid] as Y.Item | Y.GC;
        if (id.clock < struct.id.clock) high = mid - 1;
        else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
        else return struct;
      }
      throw missing();
    };

    const places = new Map<Y.Item, Place>();
    const placeOf = (start: Y.Item, depth: number): Place => {
      // Iterative along origins: a long run of typed characters is a long chain of neighbours.
      const chain: Y.Item[] = [];
      let current: Y.Item = start;
      let place: Place;
      for (;;) {
        const cached = places.get(current);
        if (cached) {
          place = cached;
          break;
        }
        chain.push(current);
        // Each of the update's items once, then one of the room's: any longer, and the update's
        // items name each other as neighbours in a ring, which would be walked for ever.
        if (chain.length > fromUpdate.size + 1) throw invalid('items in a ring of neighbours');
        if (!fromUpdate.has(current)) {
          place = placeInDoc(doc, current);
          break;
        }
        const parent = current.parent;
        if (typeof parent === 'string') {
          place = [parent, current.parentSub];
          break;
        }
        if (parent instanceof Y.ID) {
          const holder = find(parent);
          if (holder instanceof Y.GC) {
            place = 'gc';
          } else if (!(holder.content instanceof Y.ContentType)) {
            throw invalid('an item names a parent that is not a type');
          } else if (depth >= MAX_DEPTH) {
            throw invalid('types nested too deep');
          } else {
            const above = placeOf(holder, depth + 1);
            place = above === 'gc' ? 'gc' : [...above, current.parentSub];
          }
          break;
        }
        const neighbour = current.origin ?? current.rightOrigin;
        if (!neighbour) throw invalid('an item has neither parent nor neighbours');
        const next = find(neighbour);
        if (next instanceof Y.GC) {
          place = 'gc';
          break;
        }
        current = next;
      }
      for (const item of chain) places.set(item, place);
      return place;
    };

    let fresh = false;
    /** Client ids under which the update brings new structs. */
    const writers = new Set<number>();
    const touches = new Map<string, Touch>();
    const touch = (place: Place, kind: Touch['kind'], content?: Touch['content']) => {
      if (place === 'gc') return;
      touches.set(`${kind}:${content}:${JSON.stringify(place)}`, { path: place, kind, content });
    };

    for (const struct of fromUpdate) {
      // Content the room already has is skipped by Yjs as well.
      if (struct.id.clock + struct.length <= Y.getState(store, struct.id.client)) continue;
      fresh = true;
      writers.add(struct.id.client);
      if (!(struct instanceof Y.Item)) continue;
      const content = contentOf(struct);
      if (!content) throw invalid('a subdocument');
      const place = placeOf(struct, 0);
      // Yjs links a new item between its neighbours whatever parent it names: a neighbour in
      // another field or record would put the item into that one's list (and delete the value
      // it shadows there). Both must exist, or Yjs would keep the item pending, unreviewed,
      // until they arrive.
      for (const id of [struct.origin, struct.rightOrigin]) {
        if (!id) continue;
        const neighbour = find(id);
        if (place === 'gc' || neighbour instanceof Y.GC) continue;
        if (JSON.stringify(placeOf(neighbour, 0)) !== JSON.stringify(place)) {
          throw invalid('an item placed beside items of another field');
        }
      }
      const state = Y.getState(store, struct.id.client);
      if (struct.id.clock < state) {
        // Yjs integrates only the part the room lacks, right after the room's last item of that
        // client: honest when that item sits in the same place (a run of typed characters),
        // not when an update pretends otherwise.
        const previous = find(Y.createID(struct.id.client, state - 1));
        const same =
          previous instanceof Y.Item &&
          JSON.stringify(placeInDoc(doc, previous)) === JSON.stringify(place);
        if (!same) throw invalid("an item overlapping the room's items elsewhere");
      }
      touch(place, 'insert', content);
    }

    for (const [client, deletions] of ds.clients) {
      const state = Y.getState(store, client);
      const list = store.clients.get(client) ?? [];
      for (const { clock, len } of deletions) {
        const end = clock + len;
        if (clock < state) {
          for (let i = Y.findIndexSS(list, clock); i < list.length; i++) {
            const struct = list[i] as Y.Item | Y.GC;
            if (struct.id.clock >= end) break;
            if (struct instanceof Y.Item && !struct.deleted) {
              touch(placeInDoc(doc, struct), 'delete');
            }
          }
        }
        // Deletions past the document must fall on items this update brings.
        for (let at = Math.max(clock, state); at < end; ) {
          const struct = find(Y.createID(client, at));
          at = struct.id.clock + struct.length;
        }
      }
    }
    return { kind: 'located', touches: [...touches.values()], fresh, writers };
  } catch (error) {
    if (error instanceof Refusal) return error.inspection;
    throw error;
  }
}

/** The path of an item already in the document, walked up through the types that hold it. */
function placeInDoc(doc: Y.Doc, item: Y.Item): Place {
  const keys: (string | null)[] = [];
  let current: Y.Item = item;
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    keys.push(current.parentSub);
    const parent = current.parent;
    if (!(parent instanceof Y.AbstractType)) return 'gc';
    if (parent._item === null) {
      if (parent.doc !== doc) return 'gc';
      return [Y.findRootTypeKey(parent), ...keys.reverse()];
    }
    current = parent._item;
  }
  throw invalid('types nested too deep');
}
