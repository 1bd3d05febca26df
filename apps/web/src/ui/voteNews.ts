import type { Vote } from '@dartboard/board';

/** "on the cards in Access", "on the whole board". */
export function voteScopeText(vote: Vote, zoneTitle: string | undefined): string {
  if (vote.zoneId === null) return 'on the whole board';
  return `on the cards in ${zoneTitle || 'one zone'}`;
}

export function dotsText(count: number): string {
  return count === 1 ? '1 dot' : `${count} dots`;
}

/**
 * What a screen reader says when the vote changes (started, revealed, cleared), from the vote
 * before and after a change of the board; undefined when nothing about it changed. A person's
 * own dots are said by the vote bar's status ("Vote: 2 of 3 dots left").
 */
export function voteNews(
  before: Vote | null,
  after: Vote | null,
  zoneTitle: string | undefined,
): string | undefined {
  if (after && after.id !== before?.id) {
    const anonymous = after.anonymous ? ' Anonymous until revealed.' : '';
    return `A vote has started: ${dotsText(after.dots)} each, ${voteScopeText(after, zoneTitle)}.${anonymous}`;
  }
  if (after && before && after.revealedAt !== null && before.revealedAt === null) {
    return 'Votes revealed: every card now shows its count.';
  }
  if (!after && before) return 'The vote was cleared.';
  return undefined;
}
