import { SESSION_ENDED_MESSAGE } from '@dartboard/board';
import { useBoardSnapshot } from '../sync/hooks';
import { useBoardContext } from './boardContext';
import { MetricsPanel } from './MetricsPanel';
import { SessionTimer } from './SessionTimer';
import { StageBar } from './StageBar';
import { runsSession } from './sessionActions';
import './session.css';

function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** What an ended session says, to the facilitator and to everyone else. */
function EndedNote({ endedAt, readOnly }: { endedAt: number; readOnly: boolean }) {
  const ctx = useBoardContext();
  let text = `Session ended at ${clockTime(endedAt)}.`;
  if (runsSession(ctx)) text += readOnly ? ' The board is read-only for everyone else.' : '';
  else if (readOnly && ctx.canEdit) text = `${SESSION_ENDED_MESSAGE} The board is read-only now.`;
  return (
    <p className="session-ended" role="status">
      {text}
    </p>
  );
}

/**
 * The row under the top bar for the co-creation tools: the stage bar, the timer and the end of
 * the session, each shown only when the board has it (a plain board shows no row at all).
 */
export function SessionBar() {
  const ctx = useBoardContext();
  const { session } = useBoardSnapshot(ctx.board);
  const { timer, stages, metrics, end } = session;
  if (!timer && !stages.enabled && end.endedAt === null) return null;
  return (
    <section className="session-bar" aria-label="Session">
      <div className="session-row">
        {stages.enabled && <StageBar stages={stages} />}
        {timer && <SessionTimer timer={timer} />}
        {end.endedAt !== null && <EndedNote endedAt={end.endedAt} readOnly={end.readOnly} />}
      </div>
      {stages.enabled && stages.current === 'test' && <MetricsPanel metrics={metrics} />}
    </section>
  );
}
