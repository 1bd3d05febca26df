import { useStore } from 'zustand';
import { useBoardContext } from './boardContext';
import { runsSession } from './sessionActions';
import { useVote, type VoteView } from './useVote';
import { VoteResults } from './VoteResults';
import { clearVoting, placeDotOn, revealVoting, takeDotFrom, votes } from './voteActions';
import { dotsText, voteScopeText } from './voteNews';
import './vote.css';

/** "Place dot" and "Take dot back" for the selected card: dot voting without a mouse. */
function DotButtons({ view }: { view: VoteView }) {
  const ctx = useBoardContext();
  const selection = useStore(ctx.ui, (s) => s.selection);
  const card =
    selection.length === 1 ? ctx.board.getSnapshot().byId.get(selection[0] ?? '') : undefined;
  const onCard = card ? (view.mine[card.id] ?? 0) : 0;
  return (
    <span className="vote-dot-buttons">
      <button
        type="button"
        disabled={!card || !view.inScope(card) || view.left === 0}
        onClick={() => card && placeDotOn(ctx, card.id)}
      >
        Place dot
      </button>
      <button
        type="button"
        disabled={!card || onCard === 0}
        onClick={() => card && takeDotFrom(ctx, card.id)}
      >
        Take dot back
      </button>
    </span>
  );
}

/** What a person who places dots sees while the vote is open. */
function Ballot({ view }: { view: VoteView }) {
  const { vote, left } = view;
  return (
    <>
      <p className="vote-left" role="status">
        <strong>
          Vote: {left} of {vote.dots} {vote.dots === 1 ? 'dot' : 'dots'} left
        </strong>
      </p>
      <p className="vote-help muted small">
        {left === 0 ? 'No dots left. ' : ''}Click a card to place a dot; click your dot to take it
        back. Keyboard: select a card in the outline, then Enter or Place dot (Shift+Enter takes one
        back).
      </p>
      <DotButtons view={view} />
    </>
  );
}

/**
 * The row of the dot vote, under the session row, while the board has a vote: how many dots
 * this person has left and how to place them, the facilitator's count of who voted and their
 * "Reveal votes" and "Clear vote", and the result once revealed. Before the reveal nobody sees
 * anyone's dots but their own.
 */
export function VoteBar() {
  const ctx = useBoardContext();
  const view = useVote(ctx);
  if (!view) return null;
  const { vote, open } = view;
  const facilitator = runsSession(ctx);
  const scope = voteScopeText(vote, view.zone?.title);
  return (
    <section className="vote-bar" aria-label="Vote">
      <div className="vote-row">
        {open && votes(ctx) ? (
          <Ballot view={view} />
        ) : (
          <p className="vote-left">
            <strong>{open ? 'Vote in progress' : 'Votes revealed'}</strong>
          </p>
        )}
        <p className="vote-scope muted small">
          {dotsText(vote.dots)} each, {scope}
          {vote.anonymous ? (open ? ', anonymous until revealed' : ', anonymous') : ''}.
          {open && !ctx.canEdit && ' The result shows here once the facilitator reveals it.'}
        </p>
        {facilitator && open && (
          <p className="vote-count small">
            {view.voted} of {view.people} {view.people === 1 ? 'person has' : 'people have'} voted
          </p>
        )}
        {facilitator && (
          <span className="vote-tools">
            {open && (
              <button type="button" className="primary" onClick={() => revealVoting(ctx)}>
                Reveal votes
              </button>
            )}
            <button type="button" onClick={() => clearVoting(ctx)}>
              Clear vote
            </button>
          </span>
        )}
      </div>
      {!open && <VoteResults view={view} />}
    </section>
  );
}
