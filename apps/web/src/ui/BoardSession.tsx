import { notesMap, personIdFor, zonesMap } from '@dartboard/board';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { useStore } from 'zustand';
import { type BoardInfo, fetchPrep, savePrep } from '../api';
import { BoardCanvas } from '../canvas/BoardCanvas';
import { syncUrl } from '../links';
import { loadPersonId } from '../state/prefs';
import { createPrepController, type PrepController } from '../state/prep';
import { forgetReplaced, tabStorage } from '../state/tabBoard';
import { createUiStore, type Viewport } from '../state/ui';
import { createBoardStore } from '../sync/boardStore';
import {
  type BoardConnection,
  type ConnectionProblem,
  connectBoard,
  endsConnection,
} from '../sync/connection';
import { useConnectionProblem, useConnectionStatus, useUnsavedChanges } from '../sync/hooks';
import { createPeopleStore } from '../sync/peopleStore';
import { colorFor } from '../sync/presence';
import { Arrivals } from './Arrivals';
import { frameBoard } from './actions';
import { BoardContext, type BoardContextValue } from './boardContext';
import { ChangeAnnouncer } from './ChangeAnnouncer';
import { ErrorPage } from './ErrorPage';
import { FollowBanner } from './FollowBanner';
import { followViews, publishView } from './follow';
import { GroundRulesPanel } from './GroundRulesPanel';
import { joinAsPerson } from './groundRulesActions';
import { Notice } from './Notice';
import { Outline } from './Outline';
import { PrepPanel } from './PrepPanel';
import { SessionBar } from './SessionBar';
import { showRefusals } from './serverNotices';
import { settleNewNotes } from './settle';
import { showCurrentStage } from './stageFocus';
import { Toolbar, ZoomControls } from './Toolbar';
import { TopBar } from './TopBar';
import { useKeyboard } from './useKeyboard';
import { ViewOnlyBanner } from './ViewOnlyBanner';
import { VoteAnnouncer } from './VoteAnnouncer';
import { VoteBar } from './VoteBar';

function openBoard(
  info: BoardInfo,
  token: string,
  name: string,
): Omit<BoardContextValue, 'personId'> {
  const color = colorFor(loadPersonId());
  const connection = connectBoard({
    serverUrl: syncUrl(window.location),
    boardId: info.id,
    token,
    name,
    role: info.role,
    color,
    tabStorage: tabStorage(),
  });
  const { doc } = connection;
  return {
    boardId: info.id,
    token,
    role: info.role,
    canEdit: info.role !== 'view',
    clockOffsetMs: info.clockOffsetMs ?? 0,
    name,
    color,
    doc,
    connection,
    board: createBoardStore(doc),
    people: createPeopleStore(doc),
    ui: createUiStore(),
    // Tracks this person's own edits only: remote changes arrive with the provider as origin.
    undo: new Y.UndoManager([notesMap(doc), zonesMap(doc)]),
    prep:
      info.role === 'facilitator'
        ? createPrepController({
            load: () => fetchPrep(info.id, token),
            save: (version) => savePrep(info.id, token, version),
          })
        : undefined,
  };
}

/** The id of this person's record on the board (packages/board personIdFor); none on a view link. */
function identify(opened: Omit<BoardContextValue, 'personId'>): string | undefined {
  return opened.canEdit ? personIdFor(opened.boardId, opened.connection.writerKey) : undefined;
}

/**
 * Records this person on the board once the server's board has arrived (and again after each
 * reconnection, which writes nothing unless their name or role changed). The first time they
 * open the board with an edit link, the ground rules open for them to read and agree to.
 */
function useJoinSession(ctx: BoardContextValue) {
  useEffect(() => {
    let wasSynced = false;
    let first = true;
    const check = () => {
      const synced = ctx.connection.synced();
      const arrived = synced && !wasSynced;
      // Before writing: the write itself calls back here (the count of unsaved changes).
      wasSynced = synced;
      if (!arrived) return;
      const fresh = joinAsPerson(ctx);
      if (fresh && first && ctx.role === 'edit') ctx.ui.setState({ groundRulesOpen: true });
      first = false;
    };
    check();
    return ctx.connection.onChange(check);
  }, [ctx]);
}

/** Connects for as long as the page shows this board (created in an effect, so it is closed too). */
function useBoardConnection(
  info: BoardInfo,
  token: string,
  name: string,
): BoardContextValue | undefined {
  const [value, setValue] = useState<BoardContextValue>();
  useEffect(() => {
    const opened = openBoard(info, token, name);
    const stopRefusals = showRefusals(opened.connection, opened.ui);
    setValue({ ...opened, personId: identify(opened) });
    return () => {
      setValue(undefined);
      stopRefusals();
      opened.prep?.dispose();
      opened.undo.destroy();
      opened.board.destroy();
      opened.people.destroy();
      opened.connection.destroy();
    };
  }, [info, token, name]);
  return value;
}

/**
 * A connected board: top bar, canvas, tools and outline, once the board has arrived from the
 * server or from this browser's copy.
 */
export function BoardSession({
  info,
  token,
  name,
}: {
  info: BoardInfo;
  token: string;
  name: string;
}) {
  const ctx = useBoardConnection(info, token, name);
  return ctx ? <BoardOrEnd ctx={ctx} info={info} /> : null;
}

/** The board, or the page that says why the server ended the connection for good. */
function BoardOrEnd({ ctx, info }: { ctx: BoardContextValue; info: BoardInfo }) {
  const problem = useConnectionProblem(ctx.connection);
  useEffect(() => {
    // The link no longer opens the board: this tab forgets it, and a reload says why again
    // (the connection has deleted this browser's copy of the board).
    if (problem === 'link_replaced') forgetReplaced(ctx.boardId);
  }, [ctx, problem]);
  // A replaced link offers no retry (ErrorPage knows); the others reload the page.
  if (problem && endsConnection(problem)) {
    return <ErrorPage reason={problem} onRetry={() => window.location.reload()} />;
  }
  return <BoardView ctx={ctx} info={info} />;
}

/** A save of the facilitator's preparation waiting, travelling or failed; false without one. */
function usePrepUnsaved(prep: PrepController | undefined): boolean {
  return useSyncExternalStore(
    (listener) => prep?.store.subscribe(listener) ?? (() => {}),
    () => !['saved', 'conflict'].includes(prep?.store.getState().save.kind ?? 'saved'),
  );
}

/**
 * Asks before the tab is closed or reloaded while changes (to the board or the preparation)
 * have not reached the server.
 */
function useWarnBeforeLeaving(connection: BoardConnection, prep: PrepController | undefined) {
  const prepUnsaved = usePrepUnsaved(prep);
  const pending = useUnsavedChanges(connection) > 0 || prepUnsaved;
  useEffect(() => {
    if (!pending) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [pending]);
}

const WAITING_TEXT: Partial<Record<ConnectionProblem, string>> = {
  board_busy: 'Too many people on this board. Still trying to get in…',
  address_busy: 'Too many connections from your network. Still trying…',
};

function BoardView({ ctx, info }: { ctx: BoardContextValue; info: BoardInfo }) {
  const status = useConnectionStatus(ctx.connection);
  const problem = useConnectionProblem(ctx.connection);
  const [synced, setSynced] = useState(false);
  const [outlineOpen, setOutlineOpen] = useState(() => window.innerWidth >= 1000);
  const [prepOpen, setPrepOpen] = useState(false);
  const prepButton = useRef<HTMLButtonElement>(null);
  const closePrep = () => {
    setPrepOpen(false);
    // Back to "Prepare", or to "More" on a phone, where "Prepare" is one of its items.
    (prepButton.current ?? document.querySelector<HTMLElement>('.more-button'))?.focus();
  };
  useKeyboard(ctx);
  useWarnBeforeLeaving(ctx.connection, ctx.prep);
  useJoinSession(ctx);
  useEffect(() => settleNewNotes(ctx), [ctx]);
  useEffect(() => publishView(ctx.connection.provider.awareness, ctx.ui), [ctx]);
  useEffect(() => followViews(ctx.connection.provider.awareness, ctx.ui), [ctx]);
  useEffect(() => showCurrentStage(ctx.doc, ctx.ui), [ctx]);

  // "Synced" here means the board can be shown: from the server, or from this browser's copy.
  useEffect(() => {
    if (synced) return;
    const check = () => {
      if (!ctx.connection.ready()) return;
      performance.mark('dartboard:synced');
      setSynced(true);
    };
    check();
    return ctx.connection.onChange(check);
  }, [ctx, synced]);

  // Frame the board once its content has arrived and the canvas has been measured, and keep it
  // framed while the canvas settles (panels appearing, the window resizing) until the person
  // moves the view themselves or follows someone.
  const screen = useStore(ctx.ui, (state) => state.screen);
  const framedView = useRef<Viewport | undefined>(undefined);
  useEffect(() => {
    if (!synced || screen.width <= 1) return;
    const { viewport, following } = ctx.ui.getState();
    if (framedView.current && viewport !== framedView.current) return;
    // Following someone (a late joiner brought by the facilitator): their view, not the board.
    if (following) return;
    frameBoard(ctx);
    framedView.current = ctx.ui.getState().viewport;
  }, [ctx, synced, screen]);

  // The title as the board has it now: the facilitator may rename the session meanwhile.
  const title = useSyncExternalStore(ctx.board.subscribe, () => ctx.board.getSnapshot().meta.title);
  useEffect(() => {
    document.title = `${title || info.title} · Dartboard`;
  }, [title, info.title]);

  return (
    <BoardContext.Provider value={ctx}>
      <ChangeAnnouncer />
      {synced && <VoteAnnouncer />}
      <div className="board-page">
        <TopBar
          info={info}
          outlineOpen={outlineOpen}
          onToggleOutline={() => setOutlineOpen((open) => !open)}
          prep={
            ctx.prep && {
              open: prepOpen,
              onToggle: () => (prepOpen ? closePrep() : setPrepOpen(true)),
              buttonRef: prepButton,
            }
          }
        />
        {synced && <SessionBar />}
        {synced && <VoteBar />}
        <div className="board-body">
          <main className="board-main" aria-label="Board">
            <BoardCanvas />
            {/* Laid out as a grid (styles.css) so that no control ever covers another. */}
            <div className="dock">
              <Notice />
              {synced && <Toolbar />}
              <ZoomControls />
            </div>
            <Arrivals />
            {!ctx.canEdit && <ViewOnlyBanner />}
            <FollowBanner />
            {synced && <GroundRulesPanel />}
            {!synced && (
              <div className="loading" role="status">
                {(problem && WAITING_TEXT[problem]) ??
                  (status === 'reconnecting' || status === 'offline'
                    ? 'Cannot reach the server yet. Still trying…'
                    : 'Loading the board…')}
              </div>
            )}
          </main>
          {outlineOpen &&
            (synced ? (
              <Outline />
            ) : (
              <section className="outline" aria-label="Outline" aria-busy="true">
                <h2>Outline</h2>
                <p className="muted small">Loading…</p>
              </section>
            ))}
          {ctx.prep && prepOpen && <PrepPanel prep={ctx.prep} onClose={closePrep} />}
        </div>
      </div>
    </BoardContext.Provider>
  );
}
