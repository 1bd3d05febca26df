import type { Vote } from '@dartboard/board';
import { describe, expect, it } from 'vitest';
import { voteNews } from './voteNews';

const open: Vote = {
  id: 'v1',
  dots: 2,
  zoneId: 'z1',
  anonymous: true,
  startedAt: 1_000,
  revealedAt: null,
};

describe('voteNews', () => {
  it('says when a vote starts, is revealed and is cleared, and nothing otherwise', () => {
    expect(voteNews(null, open, 'Access')).toBe(
      'A vote has started: 2 dots each, on the cards in Access. Anonymous until revealed.',
    );
    expect(voteNews(open, { ...open }, 'Access')).toBeUndefined();
    const revealed = { ...open, revealedAt: 2_000 };
    expect(voteNews(open, revealed, 'Access')).toBe(
      'Votes revealed: every card now shows its count.',
    );
    expect(voteNews(revealed, null, undefined)).toBe('The vote was cleared.');
    expect(voteNews(null, null, undefined)).toBeUndefined();
    const next = { ...open, id: 'v2', dots: 1, zoneId: null, anonymous: false };
    expect(voteNews(revealed, next, undefined)).toBe(
      'A vote has started: 1 dot each, on the whole board.',
    );
  });
});
