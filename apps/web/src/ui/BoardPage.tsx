import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { type BoardInfo, fetchBoard, type OpenFailure } from '../api';
import { boardLink, tokenFromHash } from '../links';
import { loadName, rememberSession, saveName } from '../state/prefs';
import {
  forgetTabBoard,
  lastChecked,
  rememberChecked,
  tabStorage,
  takeToken,
  wasReplaced,
} from '../state/tabBoard';
import { deleteLocalCopy, hasLocalCopy } from '../sync/localCopy';
import { ErrorPage, type PageProblem } from './ErrorPage';
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

/** How often a board opened from this browser's copy checks its link again. */
const RECHECK_MS = 5000;

type Phase =
  | { kind: 'checking' }
  | { kind: 'failed'; reason: PageProblem }
  /** `offline`: the server could not be asked; the board opens from this browser's copy. */
  | { kind: 'ready'; info: BoardInfo; offline: boolean };

/**
 * The board's info when the server cannot be asked: what it said last time in this tab, if
 * this browser also holds a copy of the board to show.
 */
async function offlineInfo(boardId: string, token: string): Promise<BoardInfo | undefined> {
  const info = lastChecked(boardId, token);
  return info && (await hasLocalCopy(boardId, info.role)) ? info : undefined;
}

/** A link that no longer works, or a board that is gone: nothing of it stays in this browser. */
function forgetBoard(boardId: string, token: string, reason: OpenFailure) {
  const role = lastChecked(boardId, token)?.role;
  forgetTabBoard(boardId);
  // A board that is gone goes whole; for a refused token, only the copy it was used with (a
  // mistyped link must not delete the copy of another link to the same board).
  if (reason === 'not_found') void deleteLocalCopy(boardId, undefined, tabStorage());
  else if (role) void deleteLocalCopy(boardId, role, tabStorage());
}

/**
 * Opens a board link: checks it with the API first (a refused websocket upgrade would only look
 * like a network error), asks for a name once, then connects. The token is taken out of the
 * address bar and kept for this tab. When the server cannot be reached, a board this tab has
 * opened before opens from this browser's copy.
 */
export function BoardPage({ boardId }: { boardId: string }) {
  const [token] = useState(() => takeToken(boardId));
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const [name, setName] = useState(() => loadName());

  const check = useCallback(async () => {
    if (!token && wasReplaced(boardId))
      return setPhase({ kind: 'failed', reason: 'link_replaced' });
    setPhase({ kind: 'checking' });
    const result = await fetchBoard(boardId, token);
    if (!result.ok) {
      const { reason } = result;
      if (reason === 'unreachable' || reason === 'server') {
        const info = await offlineInfo(boardId, token);
        if (info) return setPhase({ kind: 'ready', info, offline: true });
      }
      if (reason === 'unauthorized' || reason === 'not_found') forgetBoard(boardId, token, reason);
      return setPhase({ kind: 'failed', reason });
    }
    rememberChecked(boardId, token, result.board);
    if (result.board.role === 'facilitator') {
      rememberSession({
        id: boardId,
        title: result.board.title,
        link: boardLink(window.location.origin, boardId, token),
        openedAt: Date.now(),
      });
    }
    setPhase({ kind: 'ready', info: result.board, offline: false });
  }, [boardId, token]);

  useEffect(() => {
    void check();
    void loadSession().catch(() => undefined);
  }, [check]);

  // A link pasted into the address bar of this page only changes the fragment: load it anew.
  useEffect(() => {
    const onHashChange = () => {
      if (tokenFromHash(window.location.hash)) window.location.reload();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  // Opened from the copy: the link may have been replaced, or the board deleted, meanwhile, and
  // the websocket upgrade would then only fail like a network error. Ask again until answered.
  const offline = phase.kind === 'ready' && phase.offline;
  useEffect(() => {
    if (!offline) return;
    let stopped = false;
    const stop = () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('online', recheck);
    };
    const recheck = async () => {
      const result = await fetchBoard(boardId, token);
      if (stopped) return;
      if (result.ok) {
        stop();
        rememberChecked(boardId, token, result.board);
      } else if (result.reason === 'unauthorized' || result.reason === 'not_found') {
        stop();
        forgetBoard(boardId, token, result.reason);
        setPhase({ kind: 'failed', reason: result.reason });
      }
    };
    const timer = setInterval(recheck, RECHECK_MS);
    window.addEventListener('online', recheck);
    return stop;
  }, [offline, boardId, token]);

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
