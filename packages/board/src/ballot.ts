/** Dots one person may place in one vote, at most. */
export const VOTE_DOTS_MAX = 10;
/** Cards one ballot may hold dots on, at most. */
const BALLOT_CARDS_MAX = VOTE_DOTS_MAX;
const REF = /^[A-Za-z0-9_-]{1,64}$/;

/** One person's dots in one vote: card (note) id to how many dots they put on it. */
export interface Ballot {
  voteId: string;
  dots: Record<string, number>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value rule of a person's `ballot` field (the budget is checked against the vote). */
export function isBallot(value: unknown): value is Ballot {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value).sort().join(',');
  if (keys !== 'dots,voteId' || typeof value.voteId !== 'string' || !REF.test(value.voteId)) {
    return false;
  }
  const dots = value.dots;
  if (!isPlainObject(dots)) return false;
  const entries = Object.entries(dots);
  return (
    entries.length <= BALLOT_CARDS_MAX &&
    entries.every(
      ([id, n]) =>
        REF.test(id) && Number.isInteger(n) && (n as number) >= 1 && (n as number) <= VOTE_DOTS_MAX,
    )
  );
}

/** How many dots a ballot holds in all. */
export function dotsUsed(ballot: Ballot): number {
  return Object.values(ballot.dots).reduce((sum, n) => sum + n, 0);
}
