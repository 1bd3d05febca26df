import {
  type Person,
  type Rect,
  rectCenter,
  rectContainsPoint,
  tallyVotes,
  type Vote,
  type VoteTally,
  type Zone,
} from '@dartboard/board';
import { useMemo, useSyncExternalStore } from 'react';
import { useBoardSnapshot } from '../sync/hooks';
import type { BoardContextValue } from './boardContext';

export function usePeople(ctx: BoardContextValue): readonly Person[] {
  return useSyncExternalStore(ctx.people.subscribe, ctx.people.getSnapshot);
}

/** The vote as this person sees it. */
export interface VoteView {
  vote: Vote;
  open: boolean;
  /** The zone of a vote on one zone (undefined for the whole board, or a zone since removed). */
  zone: Zone | undefined;
  /** This person's dots in this vote, by card id (none on a view link). */
  mine: Readonly<Record<string, number>>;
  /** Dots this person has left to place. */
  left: number;
  /** People who placed at least one dot, and people on the board's list: counts only. */
  voted: number;
  people: number;
  /** The cards with dots, most first, once the votes are revealed. */
  tallies: readonly VoteTally[] | undefined;
  /** Whether a card may get dots: the rule of packages/board inVoteScope, on the snapshot. */
  inScope(card: Rect): boolean;
}

/** Whether a card's centre lies in the vote's zone (or anywhere, for a whole-board vote). */
export function scopeOf(vote: Vote, zones: readonly Zone[]): (card: Rect) => boolean {
  if (vote.zoneId === null) return () => true;
  const zone = zones.find((z) => z.id === vote.zoneId);
  return (card) => {
    const centre = rectCenter(card);
    return zone !== undefined && rectContainsPoint(zone, centre.x, centre.y);
  };
}

/** The current vote, live, as this person may see it; undefined when there is none. */
export function useVote(ctx: BoardContextValue): VoteView | undefined {
  const { session, zones, notes } = useBoardSnapshot(ctx.board);
  const people = usePeople(ctx);
  const { vote } = session;
  const open = vote?.revealedAt === null;
  // tallyVotes reads the document; `notes` and `people` are what its answer depends on.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const tallies = useMemo(
    () => (vote && !open ? tallyVotes(ctx.doc) : undefined),
    [ctx.doc, vote, open, notes, people],
  );
  return useMemo(() => {
    if (!vote) return undefined;
    const me = people.find((person) => person.id === ctx.personId);
    const mine = me?.ballot?.voteId === vote.id ? me.ballot.dots : {};
    const used = Object.values(mine).reduce((sum, n) => sum + n, 0);
    return {
      vote,
      open,
      zone: zones.find((zone) => zone.id === vote.zoneId),
      mine,
      left: Math.max(0, vote.dots - used),
      voted: people.filter(
        (person) => person.ballot?.voteId === vote.id && Object.keys(person.ballot.dots).length > 0,
      ).length,
      people: people.length,
      tallies,
      inScope: scopeOf(vote, zones),
    };
  }, [ctx.personId, vote, open, zones, people, tallies]);
}
