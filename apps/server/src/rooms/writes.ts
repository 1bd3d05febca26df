import {
  type BoardAction,
  ballotProblem,
  findRuleBreak,
  isBallot,
  META_RULES,
  may,
  metaMap,
  NOTE_RULES,
  notesMap,
  PERSON_RULES,
  peopleMap,
  ROOT_META,
  ROOT_NOTES,
  ROOT_PEOPLE,
  ROOT_ZONES,
  type Role,
  readSessionEnd,
  refusalMessage,
  replaceText,
  ZONE_RULES,
  zonesMap,
} from '@dartboard/board';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { inspectUpdate, type Touch } from './inspect.js';
import type { RefusedWrite } from './roomMetrics.js';

// Decides whether a client's update may change the board, and applies it. The permission table
// and the value rules live in @dartboard/board; this file maps an update's changes onto them.

/** A part of the board that a write changes: the meta map, one zone, note or person record. */
type Entity =
  | { root: typeof ROOT_META }
  | { root: typeof ROOT_ZONES | typeof ROOT_NOTES | typeof ROOT_PEOPLE; id: string };
type RecordRoot = Exclude<Entity['root'], typeof ROOT_META>;
const RECORD_ROOTS: readonly string[] = [ROOT_ZONES, ROOT_NOTES, ROOT_PEOPLE];

/** Who writes: the link's role and, with a writer key, the person it stands for. */
export interface Writer {
  role: Role;
  personId?: string;
}

export type Review =
  /** Depends on items the room lacks: refuse it and ask the writer for everything it has. */
  | { kind: 'missing' }
  /** Refused before it reaches the document: it is never applied. */
  | { kind: 'refused'; message: string; detail: string }
  /**
   * To be applied; `refusal` set when the role may not make it (it is then undone at once).
   * `writers`: the client ids the update writes new structs under.
   */
  | { kind: 'apply'; entities: Entity[]; writers: Set<number>; role: Role; refusal?: string };

export interface WriteLimits {
  /** Notes a board may hold; a write that adds notes beyond it is refused. */
  maxNotes: number;
}

/** Person records a board holds at most (one per browser and link that ever wrote one). */
export const MAX_PEOPLE_PER_BOARD = 1000;

const UNFIT = 'The board refused a change it cannot hold.';
const NOT_YOURS = 'Only the person themselves can change their agreement and their dots.';

/**
 * Which kind of refusal a refusal sentence reports, for metrics: `permission` is the sentence the
 * review found against the permission table (if any), `boardFull` the room's storage refusal.
 */
export function refusalKind(
  message: string,
  permission?: string,
  boardFull?: string,
): RefusedWrite {
  if (message === UNFIT) return 'invalid';
  if (message === boardFull) return 'board_full';
  if (message === permission || message === NOT_YOURS) return 'permission';
  return 'rules';
}

/** The meta map, zone or note a change lands in, whatever its shape; undefined elsewhere. */
function entityOf(path: Touch['path']): Entity | undefined {
  const [root, id] = path;
  if (root === ROOT_META) return path.length >= 2 ? { root } : undefined;
  if (typeof root !== 'string' || !RECORD_ROOTS.includes(root) || typeof id !== 'string') {
    return undefined;
  }
  return { root: root as RecordRoot, id };
}

/**
 * Whether a change has a shape a board has: a field of the meta map, a zone, note or person
 * record, its fields, or characters of a note's text. Nothing else (list items in a map, types
 * nested in fields, embeds in text) is part of a board.
 */
function fitsBoard(touch: Touch): boolean {
  const { path, content } = touch;
  const root = path[0];
  const id = path[1];
  const field = path[2];
  // A value set or removed (deleted placeholders and deletions hold nothing).
  const valueOrNothing = content === 'value' || content === 'deleted' || content === undefined;
  if (typeof id !== 'string') return false;
  if (root === ROOT_META) return path.length === 2 && valueOrNothing;
  if (path.length === 2) return true;
  if (typeof field !== 'string') return false;
  if (path.length === 3) {
    const typed = root === ROOT_NOTES && field === 'text';
    return valueOrNothing || (typed && content === 'type');
  }
  const inText = root === ROOT_NOTES && field === 'text' && path[3] === null;
  const textOrNothing = content === 'text' || content === 'deleted' || content === undefined;
  return path.length === 4 && inText && textOrNothing;
}

function recordOf(doc: Y.Doc, entity: Entity): Y.Map<unknown> | undefined {
  if (entity.root === ROOT_META) return metaMap(doc);
  const value = parentMap(doc, entity).get(entity.id);
  return value instanceof Y.Map ? value : undefined;
}

/** The action a change at `path` is, for the permission table. */
function actionOf(touch: Touch, entity: Entity, exists: boolean): BoardAction {
  if (entity.root === ROOT_META) return 'meta.write';
  if (entity.root === ROOT_PEOPLE) return 'person.write';
  const field = touch.path[2];
  if (entity.root === ROOT_NOTES) {
    if (field === undefined) return exists ? 'note.delete' : 'note.create';
    return field === 'locked' ? 'lock' : 'note.edit';
  }
  if (field === undefined) return exists ? 'zone.delete' : 'zone.create';
  if (field === 'locked') return 'lock';
  if (field === 'x' || field === 'y') return 'zone.move';
  if (field === 'width' || field === 'height') return 'zone.resize';
  return 'zone.rename';
}

/**
 * Locates an update's changes and checks them against the permission table for the writer's
 * role, and person records against the writer's own person id.
 */
export function reviewUpdate(doc: Y.Doc, update: Uint8Array, writer: Writer): Review {
  const { role } = writer;
  const inspection = inspectUpdate(doc, update);
  if (inspection.kind === 'missing') return inspection;
  if (inspection.kind === 'invalid') {
    return { kind: 'refused', message: UNFIT, detail: inspection.reason };
  }
  if (role === 'view' && (inspection.fresh || inspection.touches.length > 0)) {
    return { kind: 'refused', message: refusalMessage('view', 'note.edit'), detail: 'view link' };
  }
  const entities: Entity[] = [];
  /** Keys of the entities, once there are several (see entityKey). */
  let keys: Set<string> | undefined;
  let refusal: string | undefined;
  // A session the facilitator ended read-only takes no more writes from anyone else.
  const { readOnly } = readSessionEnd(doc);
  // A record's touches come one after the other: its entity and record are looked up once.
  let entity: Entity | undefined;
  let record: Y.Map<unknown> | undefined;
  for (const touch of inspection.touches) {
    if (!entity || !inEntity(touch.path, entity)) {
      entity = entityOf(touch.path);
      if (entity) {
        record = recordOf(doc, entity);
        if (entities.length > 0) {
          keys ??= new Set(entities.map(entityKey));
          const key = entityKey(entity);
          if (!keys.has(key)) {
            keys.add(key);
            entities.push(entity);
          }
        } else {
          entities.push(entity);
        }
      }
    }
    // Content no board has is applied and removed again at once, like any refused write, so
    // the writer's later changes (which may build on it) still apply.
    if (!entity || !fitsBoard(touch)) refusal ??= UNFIT;
    if (!entity) continue;
    const action = actionOf(touch, entity, record !== undefined);
    if (!refusal && !may(role, action, record?.get('locked') === true, readOnly)) {
      refusal = refusalMessage(role, action, readOnly);
    }
    if (!refusal && entity.root === ROOT_PEOPLE && entity.id !== writer.personId) {
      refusal = NOT_YOURS;
    }
  }
  const review: Review = { kind: 'apply', entities, writers: inspection.writers, role };
  if (refusal) review.refusal = refusal;
  return review;
}

/** Whether a change at `path` lands in `entity` (entityOf(path) would be the same entity). */
function inEntity(path: Touch['path'], entity: Entity): boolean {
  if (path[0] !== entity.root) return false;
  return entity.root === ROOT_META ? path.length >= 2 : path[1] === entity.id;
}

function entityKey(entity: Entity): string {
  return JSON.stringify(entity);
}

/** What a record held before a write, to put back when the write is refused. */
interface Snapshot {
  entity: Entity;
  /** The record object itself, to tell an edited record from one replaced by another. */
  record: Y.Map<unknown> | undefined;
  /** The stored value when it is not a record (only in documents damaged before validation). */
  other: unknown;
  fields: Map<string, unknown>;
}

function snapshot(doc: Y.Doc, entity: Entity): Snapshot {
  const record = recordOf(doc, entity);
  const fields = new Map<string, unknown>();
  // Nested texts are kept as the text object and its content, so they can be put back in place.
  record?.forEach((value, key) => {
    if (value instanceof Y.Text) fields.set(key, { text: value, content: value.toString() });
    // Other nested types are in no record's rules (only a damaged old document holds them); a
    // restore leaves them out rather than move an integrated type.
    else if (!(value instanceof Y.AbstractType)) fields.set(key, value);
  });
  const other =
    entity.root === ROOT_META || record ? undefined : parentMap(doc, entity).get(entity.id);
  return { entity, record, other, fields };
}

function parentMap(doc: Y.Doc, entity: Entity & { id: string }): Y.Map<unknown> {
  if (entity.root === ROOT_ZONES) return zonesMap(doc);
  return entity.root === ROOT_NOTES ? notesMap(doc) : peopleMap(doc);
}

const RULES = { [ROOT_META]: META_RULES, [ROOT_ZONES]: ZONE_RULES, [ROOT_NOTES]: NOTE_RULES };

/**
 * What a person record may not become beyond its value rules: another role than the writer's
 * link, or a ballot the current vote does not allow (over the budget, a closed vote...).
 */
function personProblem(record: Y.Map<unknown>, saved: Snapshot, role: Role, doc: Y.Doc) {
  if (record.has('role') && record.get('role') !== role) return UNFIT;
  const ballot = record.get('ballot');
  const before = saved.record ? saved.fields.get('ballot') : undefined;
  if (JSON.stringify(ballot) === JSON.stringify(before)) return undefined;
  return ballotProblem(doc, isBallot(ballot) ? ballot : null);
}

function isSavedText(value: unknown): value is { text: Y.Text; content: string } {
  return typeof value === 'object' && value !== null && 'text' in value && 'content' in value;
}

function freshValue(value: unknown): unknown {
  return isSavedText(value) ? new Y.Text(value.content) : value;
}

/** Writes `record` back to the snapshot's fields with the fewest changes. */
function restoreFields(record: Y.Map<unknown>, fields: Map<string, unknown>): void {
  for (const key of [...record.keys()]) if (!fields.has(key)) record.delete(key);
  for (const [key, saved] of fields) {
    const current = record.get(key);
    if (isSavedText(saved)) {
      if (current === saved.text) replaceText(saved.text, saved.content);
      else record.set(key, freshValue(saved));
    } else if (current !== saved || typeof saved === 'object') {
      record.set(key, saved);
    }
  }
}

/**
 * Puts a record back as the snapshot saw it. The new values are written by the room, after the
 * refused items, so they win on every copy, the writer's included.
 */
function restore(doc: Y.Doc, saved: Snapshot): void {
  const { entity } = saved;
  if (entity.root === ROOT_META) {
    restoreFields(metaMap(doc), saved.fields);
    return;
  }
  const map = parentMap(doc, entity);
  const current = map.get(entity.id);
  if (!saved.record) {
    if (saved.other === undefined) map.delete(entity.id);
    else if (current !== saved.other) map.set(entity.id, saved.other);
  } else if (current === saved.record) {
    restoreFields(saved.record, saved.fields);
  } else {
    const record = new Y.Map<unknown>();
    for (const [key, value] of saved.fields) record.set(key, freshValue(value));
    map.set(entity.id, record);
  }
}

function findProblem(
  doc: Y.Doc,
  saved: Snapshot[],
  limits: WriteLimits,
  role: Role,
): string | undefined {
  let added = false;
  let person = false;
  for (const entry of saved) {
    const { entity, record } = entry;
    const rules = entity.root === ROOT_PEOPLE ? PERSON_RULES : RULES[entity.root];
    const map = entity.root === ROOT_META ? metaMap(doc) : parentMap(doc, entity);
    const current = entity.root === ROOT_META ? map : map.get(entity.id);
    if (current === undefined) continue;
    if (!(current instanceof Y.Map)) return UNFIT;
    if (findRuleBreak(rules, current)) return UNFIT;
    if (entity.root === ROOT_NOTES && !record) added = true;
    if (entity.root === ROOT_PEOPLE) {
      const problem = personProblem(current, entry, role, doc);
      if (problem) return problem;
      if (!record) person = true;
    }
  }
  if (added && notesMap(doc).size > limits.maxNotes) {
    return `This board is full: it holds at most ${limits.maxNotes} notes.`;
  }
  if (person && peopleMap(doc).size > MAX_PEOPLE_PER_BOARD) return UNFIT;
  return undefined;
}

/**
 * Applies a reviewed update in one transaction. When the role may not make the change, or the
 * result breaks the board's rules, every record it touched is put back in the same transaction:
 * the stored and relayed update then holds the refused items only as deleted placeholders (so
 * the writer's later changes still apply in order) plus the values that restore the board.
 * Returns the reason of a refusal, or undefined when the change was accepted.
 */
export function applyReviewed(
  doc: Y.Doc,
  update: Uint8Array,
  review: Extract<Review, { kind: 'apply' }>,
  limits: WriteLimits,
  origin: unknown,
  extraProblem?: string,
): string | undefined {
  const saved = review.entities.map((entity) => snapshot(doc, entity));
  let problem = review.refusal ?? extraProblem;
  doc.transact((transaction) => {
    Y.applyUpdate(doc, update, origin);
    // The review refuses updates with missing dependencies; should Yjs still keep a struct or a
    // deletion pending, it is dropped, or it would land later without a review.
    const store = doc.store;
    if (store.pendingStructs || store.pendingDs) {
      store.pendingStructs = null;
      store.pendingDs = null;
      problem ??= UNFIT;
    }
    problem ??= findProblem(doc, saved, limits, review.role);
    if (!problem) return;
    // Applying marked the transaction remote; the undoing is the room's own writing, and a
    // remote transaction that writes with the document's client id makes Yjs pick a new one.
    transaction.local = true;
    // Whatever the update added is deleted (its content is then dropped by Yjs' garbage
    // collection before the transaction's update is emitted), then every record it touched is
    // written back.
    for (const client of review.writers) {
      // Where the client stood before the transaction: what lies beyond is the update's.
      const clock = transaction.beforeState.get(client) ?? 0;
      const structs = doc.store.clients.get(client) ?? [];
      if (Y.getState(doc.store, client) <= clock) continue;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const struct = structs[i];
        if (struct instanceof Y.Item && !struct.deleted) struct.delete(transaction);
      }
    }
    for (const entry of saved) restore(doc, entry);
  }, origin);
  return problem;
}

/** The id ranges of `update`'s structs that `doc` does not have yet, by client. */
function freshRanges(
  doc: Y.Doc,
  update: Uint8Array,
): Map<number, { clock: number; len: number }[]> {
  const ranges = new Map<number, { clock: number; len: number }[]>();
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Skip) continue;
    const start = Math.max(struct.id.clock, Y.getState(doc.store, struct.id.client));
    const end = struct.id.clock + struct.length;
    if (start >= end) continue;
    const list = ranges.get(struct.id.client) ?? [];
    list.push({ clock: start, len: end - start });
    ranges.set(struct.id.client, list);
  }
  return ranges;
}

/**
 * An update that deletes every item `update` brings that `doc` does not have: sent to a writer
 * whose update was refused before it was applied, so its own copy drops what the room never
 * took (and nothing the room has).
 */
export function undoItemsUpdate(doc: Y.Doc, update: Uint8Array): Uint8Array {
  const ranges = freshRanges(doc, update);
  // The V1 update format: no structs, then the delete set (per client, its ranges).
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, ranges.size);
  for (const [client, list] of ranges) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, list.length);
    for (const { clock, len } of list) {
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarUint(encoder, len);
    }
  }
  return encoding.toUint8Array(encoder);
}
