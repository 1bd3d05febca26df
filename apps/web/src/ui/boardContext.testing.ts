// A board page's context for component and action tests: a real Y.Doc with its stores, and a
// connection that is never opened (what is tested here is the page's own logic, not the relay:
// the browser tests in e2e/ run these against the real server).
import { notesMap, type Role, zonesMap } from '@dartboard/board';
import * as Y from 'yjs';
import { createUiStore } from '../state/ui';
import { createBoardStore } from '../sync/boardStore';
import type { BoardConnection } from '../sync/connection';
import { createPeopleStore } from '../sync/peopleStore';
import type { BoardContextValue } from './boardContext';

export function testContext(
  doc: Y.Doc,
  options: { role: Role; name: string; personId?: string },
): BoardContextValue {
  const connection = { doc, onChange: () => () => undefined, synced: () => true };
  return {
    boardId: 'board-1',
    token: 'token',
    role: options.role,
    canEdit: options.role !== 'view',
    clockOffsetMs: 0,
    name: options.name,
    personId: options.personId,
    color: '#2563eb',
    doc,
    connection: connection as unknown as BoardConnection,
    board: createBoardStore(doc),
    people: createPeopleStore(doc),
    ui: createUiStore({ screen: { width: 1200, height: 800 } }),
    undo: new Y.UndoManager([notesMap(doc), zonesMap(doc)]),
    prep: undefined,
  };
}

export function destroyContext(ctx: BoardContextValue): void {
  ctx.board.destroy();
  ctx.people.destroy();
  ctx.undo.destroy();
}
