// The people of a session as the board records them: each person who joins with a writer key
// (the browser's secret for its copy of the board) keeps one record under an id derived from
// that key, with their name, when they agreed to the ground rules and their dots in the vote.
// The relay lets only the holder of the key write that record (docs/api.md, "Permissions").
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import * as Y from 'yjs';
import { type Ballot, isBallot } from './ballot.js';
import { peopleMap, recordIn } from './doc.js';
import { AUTHOR_MAX_LENGTH, normalizeAuthor } from './note.js';
import { isRole, type Role } from './roles.js';
import { readNumber, readString } from './values.js';

export const PERSON_ID_LENGTH = 22;
const PERSON_ID = /^[A-Za-z0-9_-]{22}$/;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The id of the person holding `writerKey` on board `boardId`: the first 132 bits of
 * SHA-256("dartboard-person:<boardId>:<writerKey>") in base64url. Public (it is stored in the
 * board) and one-way (it reveals nothing of the key); the relay derives it the same way.
 * SHA-256 comes from @noble/hashes rather than Web Crypto, which browsers offer only on HTTPS
 * pages and only asynchronously.
 */
export function personIdFor(boardId: string, writerKey: string): string {
  const digest = sha256(utf8ToBytes(`dartboard-person:${boardId}:${writerKey}`));
  let bits = 0;
  let value = 0;
  let id = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 6 && id.length < PERSON_ID_LENGTH) {
      bits -= 6;
      id += BASE64URL[(value >> bits) & 63];
    }
    value &= (1 << bits) - 1;
  }
  return id;
}

export function isPersonId(value: unknown): value is string {
  return typeof value === 'string' && PERSON_ID.test(value);
}

/** A person's record as plain data. */
export interface Person {
  id: string;
  name: string;
  role: Role;
  /** When the person first joined (ms since the epoch). */
  joinedAt: number;
  /** When they marked "I agree" to the ground rules; null if they have not. */
  agreedAt: number | null;
  ballot: Ballot | null;
}

const timestamp = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Fields of a person record (`people.<id>`). */
export const PERSON_RULES: Readonly<Record<string, (value: unknown) => boolean>> = {
  name: (v) => typeof v === 'string' && v.length <= AUTHOR_MAX_LENGTH,
  role: isRole,
  joinedAt: timestamp,
  agreedAt: timestamp,
  ballot: isBallot,
};

function toPerson(id: string, record: Y.Map<unknown>): Person {
  const role = record.get('role');
  const agreedAt = record.get('agreedAt');
  const ballot = record.get('ballot');
  return {
    id,
    name: normalizeAuthor(readString(record.get('name'), '', AUTHOR_MAX_LENGTH)),
    role: isRole(role) ? role : 'edit',
    joinedAt: readNumber(record.get('joinedAt'), 0),
    agreedAt: timestamp(agreedAt) ? (agreedAt as number) : null,
    ballot: isBallot(ballot) ? ballot : null,
  };
}

export function readPerson(doc: Y.Doc, id: string): Person | undefined {
  const record = recordIn(peopleMap(doc), id);
  return record ? toPerson(id, record) : undefined;
}

/** Everyone recorded on the board, in the order they joined. */
export function listPeople(doc: Y.Doc): Person[] {
  const people: Person[] = [];
  peopleMap(doc).forEach((value, id) => {
    if (value instanceof Y.Map) people.push(toPerson(id, value));
  });
  return people.sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1));
}

/**
 * Records that the person `id` is here under `name` with `role`: creates their record on the
 * first visit, else updates the name and role when they changed. Writes nothing otherwise.
 */
export function joinSession(doc: Y.Doc, id: string, name: string, role: Role, now: number): void {
  const map = peopleMap(doc);
  const clean = normalizeAuthor(name);
  const record = recordIn(map, id);
  doc.transact(() => {
    if (!record) {
      const fresh = new Y.Map<unknown>();
      fresh.set('name', clean);
      fresh.set('role', role);
      fresh.set('joinedAt', now);
      map.set(id, fresh);
      return;
    }
    if (record.get('name') !== clean) record.set('name', clean);
    if (record.get('role') !== role) record.set('role', role);
  });
}

/** Marks (or, with `agreed` false, withdraws) the person's agreement to the ground rules. */
export function agreeToGroundRules(doc: Y.Doc, id: string, agreed: boolean, now: number): boolean {
  const record = recordIn(peopleMap(doc), id);
  if (!record) return false;
  if (agreed) record.set('agreedAt', now);
  else record.delete('agreedAt');
  return true;
}

/** Replaces the person's ballot (null removes it). */
export function writeBallot(doc: Y.Doc, id: string, ballot: Ballot | null): boolean {
  const record = recordIn(peopleMap(doc), id);
  if (!record) return false;
  if (ballot) record.set('ballot', ballot);
  else record.delete('ballot');
  return true;
}
