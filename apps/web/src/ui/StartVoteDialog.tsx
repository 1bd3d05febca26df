import { VOTE_DEFAULT_DOTS, VOTE_DOTS_MAX } from '@dartboard/board';
import { useState } from 'react';
import { useBoardSnapshot } from '../sync/hooks';
import { useBoardContext } from './boardContext';
import { Modal } from './SessionDialogs';
import { startVoting } from './voteActions';

const WHOLE_BOARD = '';

/** "Start vote": dots per person, on the whole board or one zone, anonymous until revealed. */
export function StartVoteDialog({ onClose }: { onClose: () => void }) {
  const ctx = useBoardContext();
  const { zones } = useBoardSnapshot(ctx.board);
  const [dots, setDots] = useState(String(VOTE_DEFAULT_DOTS));
  const [zoneId, setZoneId] = useState(WHOLE_BOARD);
  const [anonymous, setAnonymous] = useState(false);
  const count = Number(dots);
  const valid = Number.isInteger(count) && count >= 1 && count <= VOTE_DOTS_MAX;
  return (
    <Modal title="Start vote" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid) return;
          startVoting(ctx, { dots: count, zoneId: zoneId || null, anonymous });
          onClose();
        }}
      >
        <p className="muted small">
          Each person places their dots on the cards that matter most to them; nobody sees the
          others’ dots until you reveal the votes.
        </p>
        <label className="field">
          Dots per person
          <input
            type="number"
            min={1}
            max={VOTE_DOTS_MAX}
            value={dots}
            onChange={(event) => setDots(event.target.value)}
          />
        </label>
        <label className="field">
          Cards to vote on
          <select value={zoneId} onChange={(event) => setZoneId(event.target.value)}>
            <option value={WHOLE_BOARD}>Whole board</option>
            {zones.map((zone) => (
              <option key={zone.id} value={zone.id}>
                {zone.title || 'Untitled zone'}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={anonymous}
            onChange={(event) => setAnonymous(event.target.checked)}
          />
          Anonymous until revealed
        </label>
        {!valid && (
          <p className="field-error" role="alert">
            Choose between 1 and {VOTE_DOTS_MAX} dots.
          </p>
        )}
        <p className="row dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!valid}>
            Start vote
          </button>
        </p>
      </form>
    </Modal>
  );
}
