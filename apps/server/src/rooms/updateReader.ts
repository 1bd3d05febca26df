import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { Touch } from './inspect.js';

// Reads a Yjs update (format V1) into only what the review needs of each struct: its ids, its
// length, where it goes and what kind of content it holds. Y.decodeUpdate builds every struct
// with its content for that, which is most of what a relay allocates per write. The common
// content (values, characters, maps and texts, deleted placeholders) is read here with the
// same lib0 calls, in the same order, as Yjs reads it, so that an update one of them cannot
// read the other cannot either; any other content is left to Y.decodeUpdate.

/** A struct of an update; Skip structs (gaps the update leaves) are left out. */
export interface Struct {
  client: number;
  clock: number;
  length: number;
  /** A GC struct: a placeholder of collected content, which has neither place nor content. */
  gc: boolean;
  origin: Y.ID | null;
  rightOrigin: Y.ID | null;
  /** A root name or the id of the item holding the type; null when it has neighbours. */
  parent: string | Y.ID | null;
  parentSub: string | null;
  /** What it holds, as a Touch says; undefined for a subdocument. */
  content: Touch['content'] | undefined;
  /** Whether it holds a type (a map, text, array or XML type): items may name it as parent. */
  holdsType: boolean;
}

export interface UpdateParts {
  /** In the update's order. */
  structs: Struct[];
  /** The deleted ranges by client, [clock, length, clock, length...], in the update's order. */
  deletions: Map<number, number[]>;
}

/** Struct info bits (Yjs' Item.write): origin, right origin, parentSub, content reference. */
const HAS_ORIGIN = 0b1000_0000;
const HAS_RIGHT_ORIGIN = 0b0100_0000;
const HAS_PARENT_SUB = 0b0010_0000;
const CONTENT = 0b0001_1111;
const SKIP = 10;

/** Content references (Yjs' contentRefs) and type references (typeRefs) read here. */
const CONTENT_DELETED = 1;
const CONTENT_STRING = 4;
const CONTENT_TYPE = 7;
const CONTENT_ANY = 8;
const TYPE_MAP = 1;
const TYPE_TEXT = 2;
const TYPE_XML_ELEMENT = 3;
const TYPE_XML_HOOK = 5;
const TYPE_XML_TEXT = 6;

/** Reads `update` as Yjs would; throws where Y.decodeUpdate throws. */
export function readUpdate(update: Uint8Array): UpdateParts {
  return readCommon(update) ?? fromDecoded(Y.decodeUpdate(update));
}

function readID(decoder: decoding.Decoder): Y.ID {
  const client = decoding.readVarUint(decoder);
  return Y.createID(client, decoding.readVarUint(decoder));
}

/**
 * Reads an update as Yjs' lazyStructReaderGenerator and readDeleteSet do; undefined when it
 * holds content other than the common kinds.
 */
function readCommon(update: Uint8Array): UpdateParts | undefined {
  const decoder = decoding.createDecoder(update);
  const structs: Struct[] = [];
  const clients = decoding.readVarUint(decoder);
  for (let i = 0; i < clients; i++) {
    const count = decoding.readVarUint(decoder);
    const client = decoding.readVarUint(decoder);
    let clock = decoding.readVarUint(decoder);
    for (let j = 0; j < count; j++) {
      const info = decoding.readUint8(decoder);
      if (info === SKIP) {
        clock += decoding.readVarUint(decoder);
        continue;
      }
      if ((info & CONTENT) === 0) {
        const length = decoding.readVarUint(decoder);
        structs.push({
          client,
          clock,
          length,
          gc: true,
          origin: null,
          rightOrigin: null,
          parent: null,
          parentSub: null,
          content: undefined,
          holdsType: false,
        });
        clock += length;
        continue;
      }
      const origin = (info & HAS_ORIGIN) === HAS_ORIGIN ? readID(decoder) : null;
      const rightOrigin = (info & HAS_RIGHT_ORIGIN) === HAS_RIGHT_ORIGIN ? readID(decoder) : null;
      let parent: string | Y.ID | null = null;
      let parentSub: string | null = null;
      if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
        parent =
          decoding.readVarUint(decoder) === 1 ? decoding.readVarString(decoder) : readID(decoder);
        if ((info & HAS_PARENT_SUB) === HAS_PARENT_SUB) parentSub = decoding.readVarString(decoder);
      }
      let length: number;
      let content: Touch['content'];
      let holdsType = false;
      switch (info & CONTENT) {
        case CONTENT_DELETED:
          length = decoding.readVarUint(decoder);
          content = 'deleted';
          break;
        case CONTENT_STRING:
          length = decoding.readVarString(decoder).length;
          content = 'text';
          break;
        case CONTENT_ANY:
          length = decoding.readVarUint(decoder);
          for (let k = 0; k < length; k++) decoding.readAny(decoder);
          content = 'value';
          break;
        case CONTENT_TYPE: {
          const type = decoding.readVarUint(decoder);
          if (type > TYPE_XML_TEXT) return undefined;
          if (type === TYPE_XML_ELEMENT || type === TYPE_XML_HOOK) decoding.readVarString(decoder);
          length = 1;
          content = type === TYPE_MAP || type === TYPE_TEXT ? 'type' : 'other';
          holdsType = true;
          break;
        }
        default:
          return undefined;
      }
      structs.push({
        client,
        clock,
        length,
        gc: false,
        origin,
        rightOrigin,
        parent,
        parentSub,
        content,
        holdsType,
      });
      clock += length;
    }
  }
  const deletions = new Map<number, number[]>();
  const deleting = decoding.readVarUint(decoder);
  for (let i = 0; i < deleting; i++) {
    const client = decoding.readVarUint(decoder);
    const count = decoding.readVarUint(decoder);
    if (count === 0) continue;
    let ranges = deletions.get(client);
    if (!ranges) {
      ranges = [];
      deletions.set(client, ranges);
    }
    for (let j = 0; j < count; j++) {
      const clock = decoding.readVarUint(decoder);
      ranges.push(clock, decoding.readVarUint(decoder));
    }
  }
  return { structs, deletions };
}

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

function fromDecoded({ structs, ds }: ReturnType<typeof Y.decodeUpdate>): UpdateParts {
  const read: Struct[] = [];
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const item = struct instanceof Y.Item ? struct : undefined;
    const parent = item?.parent;
    read.push({
      client: struct.id.client,
      clock: struct.id.clock,
      length: struct.length,
      gc: !item,
      origin: item?.origin ?? null,
      rightOrigin: item?.rightOrigin ?? null,
      // An update names a parent by root name or id (never a type: nothing is integrated).
      parent: typeof parent === 'string' || parent instanceof Y.ID ? parent : null,
      parentSub: item?.parentSub ?? null,
      content: item ? contentOf(item) : undefined,
      holdsType: item?.content instanceof Y.ContentType,
    });
  }
  const deletions = new Map<number, number[]>();
  for (const [client, items] of ds.clients) {
    deletions.set(
      client,
      items.flatMap(({ clock, len }) => [clock, len]),
    );
  }
  return { structs: read, deletions };
}
