// What dot voting does to the board: the facilitator starts, reveals and clears a vote (in the
// meta map, which the relay keeps to the facilitator); each person places and takes back their
// own dots (in their own record, which the relay keeps to them and checks against the vote).
// packages/board's placeDot and takeDot write nothing the relay would refuse.
import {
  clearVote,
  type DotResult,
  placeDot,
  readPerson,
  revealVotes,
  startVote,
  takeDot,
  type VoteOptions,
} from '@dartboard/board';
import { showNotice } from '../state/ui';
import type { BoardContextValue } from './boardContext';
import { writesOwnRecord } from './groundRulesActions';
import { runsSession, sessionNow } from './sessionActions';

/** Whether this person places dots now: a vote is open and they have a record to hold them. */
export function votes(ctx: BoardContextValue): boolean {
  const vote = ctx.board.getSnapshot().session.vote;
  return Boolean(writesOwnRecord(ctx) && vote && vote.revealedAt === null);
}

export function startVoting(ctx: BoardContextValue, options: VoteOptions): void {
  if (runsSession(ctx)) startVote(ctx.doc, options, sessionNow(ctx));
}

export function revealVoting(ctx: BoardContextValue): void {
  if (runsSession(ctx)) revealVotes(ctx.doc, sessionNow(ctx));
}

export function clearVoting(ctx: BoardContextValue): void {
  if (runsSession(ctx)) clearVote(ctx.doc);
}

/** The sentence for a dot that could not be placed or taken back. */
function refusal(ctx: BoardContextValue, result: DotResult): string | undefined {
  const vote = ctx.board.getSnapshot().session.vote;
  switch (result) {
    case 'no-dots-left':
      return `No dots left: you have used all your ${vote?.dots ?? ''} dots. Click one of your dots to take it back.`;
    case 'out-of-scope': {
      const zone = ctx.board.getSnapshot().zones.find((z) => z.id === vote?.zoneId);
      return zone ? `This vote is only on the cards in ${zone.title || 'one zone'}.` : undefined;
    }
    case 'closed':
      return ctx.personId && !readPerson(ctx.doc, ctx.personId)
        ? 'You are not on the board’s list of people yet. Try again in a moment.'
        : 'Voting is closed.';
    default:
      return undefined;
  }
}

function said(ctx: BoardContextValue, result: DotResult): DotResult {
  const sentence = refusal(ctx, result);
  if (sentence) showNotice(ctx.ui, sentence);
  return result;
}

/** Puts one of this person's dots on a card, or says why not. */
export function placeDotOn(ctx: BoardContextValue, noteId: string): DotResult | undefined {
  if (!ctx.personId || !writesOwnRecord(ctx)) return undefined;
  return said(ctx, placeDot(ctx.doc, ctx.personId, noteId));
}

/** Takes one of this person's dots back from a card. */
export function takeDotFrom(ctx: BoardContextValue, noteId: string): DotResult | undefined {
  if (!ctx.personId || !writesOwnRecord(ctx)) return undefined;
  const result = takeDot(ctx.doc, ctx.personId, noteId);
  // Taking back from a card without one of your dots does nothing worth a sentence.
  return result === 'out-of-scope' ? result : said(ctx, result);
}
