import * as Y from 'yjs';
import { readUpdate, type Struct } from './updateReader.js';

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

/** A struct the room has, or one the update brings. */
type Found = Y.Item | Y.GC | Struct;

/** Whether `struct` is a placeholder of collected content (it has no place). */
function isGC(struct: Found): boolean {
  return struct instanceof Y.GC || (!(struct instanceof Y.Item) && struct.gc);
}

/** Locates every change of `update` against `doc` without changing either. */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array): Inspection {
  const { structs, deletions } = readUpdate(update);
  try {
    return new Locator(doc, structs).inspect(deletions);
  } catch (error) {
    if (error instanceof Refusal) return error.inspection;
    throw error;
  }
}

const NONE: readonly Struct[] = [];

/** Walks an update's structs up to the roots, through the update itself and the document. */
class Locator {
  private readonly store: Y.Doc['store'];
  /**
   * The update's structs by client, in the update's order; undefined when they are all of one
   * client (as a client's own edits are), and `structs` is that client's list.
   */
  private readonly byClient: Map<number, Struct[]> | undefined;
  private readonly places = new Map<Y.Item | Struct, Place>();
  /** The items placeOf walks, `chained` of them: one array for every walk of the update. */
  private readonly chain: (Y.Item | Struct)[] = [];
  private chained = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly structs: Struct[],
  ) {
    this.store = doc.store;
    const first = structs[0]?.client;
    this.byClient = structs.every((struct) => struct.client === first)
      ? undefined
      : new Map<number, Struct[]>();
    // Each client's structs must continue where the room's document ends: a gap means the
    // update builds on items the room never received.
    let known: Map<number, number> | undefined;
    let client = first;
    let end = client === undefined ? 0 : Y.getState(this.store, client);
    for (const struct of structs) {
      if (struct.client !== client) {
        known ??= new Map();
        if (client !== undefined) known.set(client, end);
        client = struct.client;
        end = known.get(client) ?? Y.getState(this.store, client);
      }
      if (struct.clock > end) throw missing();
      end = Math.max(end, struct.clock + struct.length);
      if (this.byClient) {
        const list = this.byClient.get(client) ?? [];
        list.push(struct);
        this.byClient.set(client, list);
      }
    }
  }

  inspect(deletions: Map<number, number[]>): Inspection {
    const { store, doc } = this;
    let fresh = false;
    /** Client ids under which the update brings new structs. */
    const writers = new Set<number>();
    const touches = new Touches();
    for (const struct of this.structs) {
      // Content the room already has is skipped by Yjs as well.
      if (struct.clock + struct.length <= Y.getState(store, struct.client)) continue;
      fresh = true;
      writers.add(struct.client);
      if (struct.gc) continue;
      const content = struct.content;
      if (!content) throw invalid('a subdocument');
      const place = this.placeOf(struct, 0);
      // Yjs links a new item between its neighbours whatever parent it names: a neighbour in
      // another field or record would put the item into that one's list (and delete the value
      // it shadows there). Both must exist, or Yjs would keep the item pending, unreviewed,
      // until they arrive.
      this.checkNeighbour(struct.origin, place);
      this.checkNeighbour(struct.rightOrigin, place);
      const state = Y.getState(store, struct.client);
      if (struct.clock < state) {
        // Yjs integrates only the part the room lacks, right after the room's last item of that
        // client: honest when that item sits in the same place (a run of typed characters),
        // not when an update pretends otherwise.
        const previous = this.find(struct.client, state - 1);
        const same = previous instanceof Y.Item && samePlace(placeInDoc(doc, previous), place);
        if (!same) throw invalid("an item overlapping the room's items elsewhere");
      }
      touches.add(place, 'insert', content);
    }

    for (const [client, ranges] of deletions) {
      const state = Y.getState(store, client);
      const list = store.clients.get(client) ?? [];
      for (let r = 0; r < ranges.length; r += 2) {
        const clock = ranges[r] as number;
        const end = clock + (ranges[r + 1] as number);
        if (clock < state) {
          for (let i = Y.findIndexSS(list, clock); i < list.length; i++) {
            const struct = list[i] as Y.Item | Y.GC;
            if (struct.id.clock >= end) break;
            if (struct instanceof Y.Item && !struct.deleted) {
              touches.add(placeInDoc(doc, struct), 'delete');
            }
          }
        }
        // Deletions past the document must fall on items this update brings.
        for (let at = Math.max(clock, state); at < end; ) {
          const struct = this.find(client, at);
          at = clockOf(struct) + struct.length;
        }
      }
    }
    return { kind: 'located', touches: touches.list, fresh, writers };
  }

  private checkNeighbour(id: Y.ID | null, place: Place): void {
    if (!id) return;
    const neighbour = this.find(id.client, id.clock);
    if (place === 'gc' || isGC(neighbour)) return;
    if (!samePlace(this.placeOf(neighbour as Y.Item | Struct, 0), place)) {
      throw invalid('an item placed beside items of another field');
    }
  }

  /** The struct holding `clock` of `client`: the room's, else the update's. */
  private find(client: number, clock: number): Found {
    const store = this.store;
    if (clock < Y.getState(store, client)) {
      const list = store.clients.get(client) ?? [];
      const struct = list[Y.findIndexSS(list, clock)];
      if (struct) return struct;
    }
    const list = this.byClient
      ? (this.byClient.get(client) ?? NONE)
      : this.structs[0]?.client === client
        ? this.structs
        : NONE;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const struct = list[mid] as Struct;
      if (clock < struct.clock) high = mid - 1;
      else if (clock >= struct.clock + struct.length) low = mid + 1;
      else return struct;
    }
    throw missing();
  }

  private placeOf(start: Y.Item | Struct, depth: number): Place {
    // Iterative along origins: a long run of typed characters is a long chain of neighbours.
    // The chain walked is kept on `chain` above the callers' (placeOf recurses for parents).
    const chain = this.chain;
    const from = this.chained;
    let current: Y.Item | Struct = start;
    let place: Place;
    for (;;) {
      const cached = this.places.get(current);
      if (cached) {
        place = cached;
        break;
      }
      chain[this.chained++] = current;
      // Each of the update's items once, then one of the room's: any longer, and the update's
      // items name each other as neighbours in a ring, which would be walked for ever.
      if (this.chained - from > this.structs.length + 1) {
        throw invalid('items in a ring of neighbours');
      }
      if (current instanceof Y.Item) {
        place = placeInDoc(this.doc, current);
        break;
      }
      const parent = current.parent;
      if (typeof parent === 'string') {
        place = [parent, current.parentSub];
        break;
      }
      if (parent) {
        const holder = this.find(parent.client, parent.clock);
        if (isGC(holder)) {
          place = 'gc';
        } else if (!holdsType(holder as Y.Item | Struct)) {
          throw invalid('an item names a parent that is not a type');
        } else if (depth >= MAX_DEPTH) {
          throw invalid('types nested too deep');
        } else {
          const above = this.placeOf(holder as Y.Item | Struct, depth + 1);
          place = above === 'gc' ? 'gc' : [...above, current.parentSub];
        }
        break;
      }
      const neighbour = current.origin ?? current.rightOrigin;
      if (!neighbour) throw invalid('an item has neither parent nor neighbours');
      const next = this.find(neighbour.client, neighbour.clock);
      if (isGC(next)) {
        place = 'gc';
        break;
      }
      current = next as Y.Item | Struct;
    }
    for (let i = from; i < this.chained; i++) this.places.set(chain[i] as Y.Item | Struct, place);
    this.chained = from;
    return place;
  }
}

function clockOf(struct: Found): number {
  return struct instanceof Y.Item || struct instanceof Y.GC ? struct.id.clock : struct.clock;
}

function holdsType(struct: Y.Item | Struct): boolean {
  return struct instanceof Y.Item ? struct.content instanceof Y.ContentType : struct.holdsType;
}

function samePlace(a: Place, b: Place): boolean {
  if (a === 'gc' || b === 'gc') return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Past this many touches, they are looked up by a key rather than compared one by one. */
const COMPARED_TOUCHES = 16;

/** Touches in the order first found, each place once per kind and content. */
class Touches {
  readonly list: Touch[] = [];
  private byKey: Map<string, Touch> | undefined;

  add(place: Place, kind: Touch['kind'], content?: Touch['content']): void {
    if (place === 'gc') return;
    if (!this.byKey) {
      for (const touch of this.list) {
        if (touch.kind === kind && touch.content === content && samePlace(touch.path, place)) {
          return;
        }
      }
      this.list.push({ path: place, kind, content });
      if (this.list.length > COMPARED_TOUCHES) {
        this.byKey = new Map(this.list.map((touch) => [keyOf(touch), touch]));
      }
      return;
    }
    const touch = { path: place, kind, content };
    const key = keyOf(touch);
    if (this.byKey.has(key)) return;
    this.byKey.set(key, touch);
    this.list.push(touch);
  }
}

function keyOf({ kind, content, path }: Touch): string {
  return `${kind}:${content}:${JSON.stringify(path)}`;
}

/** Root types by name: Yjs finds a root's name by walking every root. */
const rootKeys = new WeakMap<Y.AbstractType<unknown>, string>();

function rootKey(type: Y.AbstractType<unknown>): string {
  let key = rootKeys.get(type);
  if (key === undefined) {
    key = Y.findRootTypeKey(type);
    rootKeys.set(type, key);
  }
  return key;
}

/** The path of an item already in the document, walked up through the types that hold it. */
function placeInDoc(doc: Y.Doc, item: Y.Item): Place {
  // Up first, to know the path's length: one key per level, then the root's name.
  let levels = 1;
  let current = item;
  let root: Y.AbstractType<unknown>;
  for (;;) {
    const parent = current.parent;
    if (!(parent instanceof Y.AbstractType)) return 'gc';
    if (parent._item === null) {
      if (parent.doc !== doc) return 'gc';
      root = parent;
      break;
    }
    if (levels > MAX_DEPTH) throw invalid('types nested too deep');
    current = parent._item;
    levels++;
  }
  const path = new Array<string | null>(levels + 1);
  path[0] = rootKey(root);
  current = item;
  for (let i = levels; i > 0; i--) {
    path[i] = current.parentSub;
    current = (current.parent as Y.AbstractType<unknown>)._item ?? current;
  }
  return path;
}
