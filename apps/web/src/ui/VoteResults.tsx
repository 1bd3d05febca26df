import type { VoteTally } from '@dartboard/board';
import { select } from '../state/ui';
import { revealNote } from './actions';
import { useBoardContext } from './boardContext';
import type { VoteView } from './useVote';
import { dotsText } from './voteNews';

const TEXT_SHOWN = 80;

/** "Cara ×2, Sam": who placed the dots on a card, in the order they joined. */
export function votersText(voters: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of voters) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, n]) => (n > 1 ? `${name} ×${n}` : name)).join(', ');
}

function Entry({ tally, anonymous }: { tally: VoteTally; anonymous: boolean }) {
  const ctx = useBoardContext();
  const note = ctx.board.getSnapshot().byId.get(tally.noteId);
  const text = note ? note.text.replace(/\s+/g, ' ').trim() : '';
  const shown = text.length > TEXT_SHOWN ? `${text.slice(0, TEXT_SHOWN - 1)}…` : text;
  return (
    <li>
      <span className="vote-rank-count">{dotsText(tally.dots)}</span>
      <button
        type="button"
        className="quiet vote-rank-card"
        onClick={() => {
          if (!note) return;
          select(ctx.ui, [note.id]);
          revealNote(ctx, note);
        }}
      >
        {shown || 'Empty card'}
      </button>
      {!anonymous && tally.voters.length > 0 && (
        <span className="vote-rank-voters muted small">{votersText(tally.voters)}</span>
      )}
    </li>
  );
}

/** The result of a revealed vote: the cards with dots, most first. */
export function VoteResults({ view }: { view: VoteView }) {
  const tallies = view.tallies ?? [];
  if (tallies.length === 0) return <p className="muted small">Nobody placed a dot.</p>;
  return (
    <ol className="vote-ranking" aria-label="Cards by votes">
      {tallies.map((tally) => (
        <Entry key={tally.noteId} tally={tally} anonymous={view.vote.anonymous} />
      ))}
    </ol>
  );
}
