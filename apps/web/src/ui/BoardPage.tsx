import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { type BoardInfo, fetchBoard, type OpenFailure } from '../api';
import { tokenFromHash } from '../links';
import { loadName, rememberSession, saveName } from '../state/prefs';
import { ErrorPage } from './ErrorPage';
import { JoinForm } from './JoinForm';

// The board (canvas, Yjs, Konva) is most of the code: it loads while the link is checked and
// the person types a name, so the landing page and the join form do not wait for it.
const loadSession = () => import('./BoardSession');
const BoardSession = lazy(() =>
  loadSession().then(
    (module) => ({ default: module.BoardSession }),
    () => ({
      default: () => <ErrorPage reason="unreachable" onRetry={() => window.location.reload()} />,
    }),
  ),
);

function Opening() {
  return (
    <main className="page center">
      <p className="loading-text" role="status">
        Opening the board…
      </p>
    </main>
  );
}

type Phase =
  | { kind: 'checking' }
  | { kind: 'failed'; reason: OpenFailure }
  | { kind: 'ready'; info: BoardInfo };

/**
 * Opens a board link: checks it with the API first (a refused websocket upgrade would only look
 * like a network error), asks for a name once, then connects.
 */
export function BoardPage({ boardId }: { boardId: string }) {
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const [name, setName] = useState(() => loadName());

  const check = useCallback(async () => {
    setPhase({ kind: 'checking' });
    const result = await fetchBoard(boardId, token);
    if (!result.ok) return setPhase({ kind: 'failed', reason: result.reason });
    if (result.board.role === 'facilitator') {
      rememberSession({
        id: boardId,
        title: result.board.title,
        link: window.location.href,
        openedAt: Date.now(),
      });
    }
    setPhase({ kind: 'ready', info: result.board });
  }, [boardId, token]);

  useEffect(() => {
    void check();
    void loadSession().catch(() => undefined);
  }, [check]);

  if (phase.kind === 'checking') return <Opening />;
  if (phase.kind === 'failed') return <ErrorPage reason={phase.reason} onRetry={check} />;
  if (!name) {
    return (
      <JoinForm
        title={phase.info.title}
        role={phase.info.role}
        onJoin={(chosen) => {
          saveName(chosen);
          setName(chosen);
        }}
      />
    );
  }
  return (
    <Suspense fallback={<Opening />}>
      <BoardSession info={phase.info} token={token} name={name} />
    </Suspense>
  );
}
