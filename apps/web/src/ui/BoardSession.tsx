import { notesMap, zonesMap } from '@dartboard/board';
import { useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { useStore } from 'zustand';
import type { BoardInfo } from '../api';
import { BoardCanvas } from '../canvas/BoardCanvas';
import { syncUrl } from '../links';
import { createUiStore, type Viewport } from '../state/ui';
import { createBoardStore } from '../sync/boardStore';
import { connectBoard } from '../sync/connection';
import { useConnectionStatus } from '../sync/hooks';
import { zoomToFit } from './actions';
import { BoardContext, type BoardContextValue } from './boardContext';
import { Notice } from './Notice';
import { Outline } from './Outline';
import { Toolbar, ZoomControls } from './Toolbar';
import { TopBar } from './TopBar';
import { useKeyboard } from './useKeyboard';

function openBoard(info: BoardInfo, token: string, name: string): BoardContextValue {
  const connection = connectBoard({
    serverUrl: syncUrl(window.location),
    boardId: info.id,
    token,
    name,
    role: info.role,
  });
  const { doc } = connection;
  return {
    boardId: info.id,
    token,
    role: info.role,
    canEdit: info.role !== 'view',
    name,
    doc,
    connection,
    board: createBoardStore(doc),
    ui: createUiStore(),
    // Tracks this person's own edits only: remote changes arrive with the provider as origin.
    undo: new Y.UndoManager([notesMap(doc), zonesMap(doc)]),
  };
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
    setValue(opened);
    return () => {
      setValue(undefined);
      opened.undo.destroy();
      opened.board.destroy();
      opened.connection.destroy();
    };
  }, [info, token, name]);
  return value;
}

/** A connected board: top bar, canvas, tools and outline, once the first sync is done. */
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
  return ctx ? <BoardView ctx={ctx} info={info} /> : null;
}

function BoardView({ ctx, info }: { ctx: BoardContextValue; info: BoardInfo }) {
  const status = useConnectionStatus(ctx.connection);
  const [synced, setSynced] = useState(false);
  const [outlineOpen, setOutlineOpen] = useState(() => window.innerWidth >= 1000);
  useKeyboard(ctx);

  useEffect(() => {
    if (synced) return;
    const check = () => {
      if (!ctx.connection.synced()) return;
      performance.mark('dartboard:synced');
      setSynced(true);
    };
    check();
    return ctx.connection.onChange(check);
  }, [ctx, synced]);

  // Frame the board once its content has arrived and the canvas has been measured, and keep it
  // framed while the canvas settles (panels appearing, the window resizing) until the person
  // moves the view themselves.
  const screen = useStore(ctx.ui, (state) => state.screen);
  const framedView = useRef<Viewport | undefined>(undefined);
  useEffect(() => {
    if (!synced || screen.width <= 1) return;
    const { viewport } = ctx.ui.getState();
    if (framedView.current && viewport !== framedView.current) return;
    zoomToFit(ctx);
    framedView.current = ctx.ui.getState().viewport;
  }, [ctx, synced, screen]);

  useEffect(() => {
    document.title = `${info.title} · Dartboard`;
  }, [info.title]);

  return (
    <BoardContext.Provider value={ctx}>
      <div className="board-page">
        <TopBar
          info={info}
          outlineOpen={outlineOpen}
          onToggleOutline={() => setOutlineOpen((open) => !open)}
        />
        <div className="board-body">
          <main className="board-main" aria-label="Board">
            <BoardCanvas />
            {synced && <Toolbar />}
            <ZoomControls />
            <Notice />
            {!synced && (
              <div className="loading" role="status">
                {status === 'reconnecting' || status === 'offline'
                  ? 'Cannot reach the server yet. Still trying…'
                  : 'Loading the board…'}
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
        </div>
      </div>
    </BoardContext.Provider>
  );
}
