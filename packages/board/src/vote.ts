// Dot voting: the facilitator starts a vote (`meta.vote`), each person places their dots in
// their own record (`people.<id>.ballot`), and the facilitator reveals the result. The same
// checks run in the page (to offer only what counts) and in the relay (to refuse the rest).
import type * as Y from 'yjs';
import { type Ballot, dotsUsed, VOTE_DOTS_MAX } from './ballot.js';
import { metaMap, notesMap, recordIn } from './doc.js';
import { rectCenter, rectContainsPoint } from './geometry.js';
import { newId } from './ids.js';
import { readNote } from './note.js';
import { listPeople, readPerson, writeBallot } from './people.js';
import { readZone } from './zone.js';

export const VOTE_DEFAULT_DOTS = 3;

/** A vote as stored in `meta.vote`. */
export interface Vote {
  /** A new random id per vote: ballots of an earlier vote do not count. */
  id: string;
  /** Dots each person may place, 1 – VOTE_DOTS_MAX. */
  dots: number;
  /** The zone whose cards may get dots; null for the whole board. */
  zoneId: string | null;
  /** Whether the result shows counts only, without who placed which dot. */
  anonymous: boolean;
  startedAt: number;
  /** When the facilitator revealed the votes (which ends the vote); null while it is open. */
  revealedAt: number | null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const REF = /^[A-Za-z0-9_-]{1,64}$/;
const timestamp = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** The value rule of `meta.vote`. */
export function isVote(value: unknown): value is Vote {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value).sort().join(',');
  if (keys !== 'anonymous,dots,id,revealedAt,startedAt,zoneId') return false;
  const { id, dots, zoneId, anonymous, startedAt, revealedAt } = value;
  return (
    typeof id === 'string' &&
    REF.test(id) &&
    Number.isInteger(dots) &&
    (dots as number) >= 1 &&
    (dots as number) <= VOTE_DOTS_MAX &&
    (zoneId === null || (typeof zoneId === 'string' && REF.test(zoneId))) &&
    typeof anonymous === 'boolean' &&
    timestamp(startedAt) &&
    (revealedAt === null || timestamp(revealedAt))
  );
}

export function readVote(doc: Y.Doc): Vote | null {
  const value = metaMap(doc).get('vote');
  return isVote(value) ? { ...value } : null;
}

export interface VoteOptions {
  dots?: number;
  zoneId?: string | null;
  anonymous?: boolean;
}

/** Starts a new vote (any earlier one and its dots no longer count); returns its id. */
export function startVote(doc: Y.Doc, options: VoteOptions, now: number): string {
  const dots = Math.round(options.dots ?? VOTE_DEFAULT_DOTS);
  const vote: Vote = {
    id: newId(),
    dots: Math.min(VOTE_DOTS_MAX, Math.max(1, Number.isFinite(dots) ? dots : VOTE_DEFAULT_DOTS)),
    zoneId: options.zoneId ?? null,
    anonymous: options.anonymous ?? false,
    startedAt: now,
    revealedAt: null,
  };
  metaMap(doc).set('vote', vote);
  return vote.id;
}

/** Ends the open vote and shows everyone the result. */
export function revealVotes(doc: Y.Doc, now: number): void {
  const vote = readVote(doc);
  if (vote && vote.revealedAt === null) metaMap(doc).set('vote', { ...vote, revealedAt: now });
}

/** Removes the vote and its result from the board (the dots stay in no count). */
export function clearVote(doc: Y.Doc): void {
  metaMap(doc).delete('vote');
}

/** Whether a note may get dots in `vote`: it exists and, for a zone vote, lies in that zone. */
export function inVoteScope(doc: Y.Doc, vote: Vote, noteId: string): boolean {
  const note = readNote(doc, noteId);
  if (!note) return false;
  if (vote.zoneId === null) return true;
  const zone = readZone(doc, vote.zoneId);
  const center = rectCenter(note);
  return zone !== undefined && rectContainsPoint(zone, center.x, center.y);
}

/** A person's dots in the current vote (empty when they have none or the vote changed). */
export function currentBallot(doc: Y.Doc, personId: string): Ballot | null {
  const vote = readVote(doc);
  const ballot = readPerson(doc, personId)?.ballot ?? null;
  if (!vote || !ballot || ballot.voteId !== vote.id)
    return vote ? { voteId: vote.id, dots: {} } : null;
  return { voteId: ballot.voteId, dots: { ...ballot.dots } };
}

/**
 * Why a person may not change their ballot to `ballot` (null: take every dot back) now, as a
 * sentence for them; undefined when they may. Checked by the relay on every ballot change.
 */
export function ballotProblem(doc: Y.Doc, ballot: Ballot | null): string | undefined {
  const vote = readVote(doc);
  if (!vote || vote.revealedAt !== null) return 'Voting is closed.';
  if (ballot === null) return undefined;
  if (ballot.voteId !== vote.id) return 'That vote is over; a new one has started.';
  if (dotsUsed(ballot) > vote.dots) return `You have used all your ${vote.dots} dots.`;
  for (const noteId of Object.keys(ballot.dots)) {
    if (!recordIn(notesMap(doc), noteId)) return 'That card is no longer on the board.';
    if (!inVoteScope(doc, vote, noteId)) return 'This vote is only on the cards of one zone.';
  }
  return undefined;
}

export type DotResult = 'placed' | 'taken' | 'no-dots-left' | 'closed' | 'out-of-scope';

/** Puts one of the person's dots on a card. Writes nothing unless the relay would accept it. */
export function placeDot(doc: Y.Doc, personId: string, noteId: string): DotResult {
  const ballot = currentBallot(doc, personId);
  const vote = readVote(doc);
  if (!ballot || !vote || vote.revealedAt !== null || !readPerson(doc, personId)) return 'closed';
  if (!inVoteScope(doc, vote, noteId)) return 'out-of-scope';
  if (dotsUsed(ballot) >= vote.dots) return 'no-dots-left';
  ballot.dots[noteId] = (ballot.dots[noteId] ?? 0) + 1;
  writeBallot(doc, personId, ballot);
  return 'placed';
}

/** Takes one of the person's dots back from a card. */
export function takeDot(doc: Y.Doc, personId: string, noteId: string): DotResult {
  const ballot = currentBallot(doc, personId);
  const vote = readVote(doc);
  if (!ballot || !vote || vote.revealedAt !== null) return 'closed';
  const count = ballot.dots[noteId] ?? 0;
  if (count === 0) return 'out-of-scope';
  if (count === 1) delete ballot.dots[noteId];
  else ballot.dots[noteId] = count - 1;
  writeBallot(doc, personId, ballot);
  return 'taken';
}

export interface VoteTally {
  noteId: string;
  dots: number;
  /** Who placed dots here (names, repeated per dot); empty in an anonymous vote. */
  voters: string[];
}

/** The dots of the current vote per card, most first (then board order of notes by id). */
export function tallyVotes(doc: Y.Doc): VoteTally[] {
  const vote = readVote(doc);
  if (!vote) return [];
  const tallies = new Map<string, VoteTally>();
  for (const person of listPeople(doc)) {
    if (person.ballot?.voteId !== vote.id) continue;
    for (const [noteId, count] of Object.entries(person.ballot.dots)) {
      if (!recordIn(notesMap(doc), noteId)) continue;
      const tally = tallies.get(noteId) ?? { noteId, dots: 0, voters: [] };
      tally.dots += count;
      if (!vote.anonymous) for (let i = 0; i < count; i++) tally.voters.push(person.name);
      tallies.set(noteId, tally);
    }
  }
  return [...tallies.values()].sort((a, b) => b.dots - a.dots || (a.noteId < b.noteId ? -1 : 1));
}
