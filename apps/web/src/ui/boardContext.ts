import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { Role } from '../api';
import type { PrepController } from '../state/prep';
import type { UiStore } from '../state/ui';
import type { BoardStore } from '../sync/boardStore';
import type { BoardConnection } from '../sync/connection';
import type { PeopleStore } from '../sync/peopleStore';

/** Everything a board page's components share: the three kinds of state, kept apart. */
export interface BoardContextValue {
  boardId: string;
  token: string;
  role: Role;
  canEdit: boolean;
  /** How far the server's clock is ahead of this browser's (ms): the session timer's reference. */
  clockOffsetMs: number;
  name: string;
  /**
   * The id of this person's record on the board (packages/board people.ts, derived from the
   * writer key); undefined on a view link, which writes nothing.
   */
  personId: string | undefined;
  /** This person's colour, kept across reloads (sync/presence.ts colorFor). */
  color: string;
  /** The board (stored, synced). */
  doc: Y.Doc;
  connection: BoardConnection;
  /** Snapshots of the board for React. */
  board: BoardStore;
  /** The people the board records, for React. */
  people: PeopleStore;
  /** Local UI state (neither stored nor synced). */
  ui: UiStore;
  undo: Y.UndoManager;
  /**
   * The facilitator's preparation (loaded from the server when first opened); undefined for
   * every other role, whose page never asks for it.
   */
  prep: PrepController | undefined;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoardContext outside a board page');
  return value;
}
