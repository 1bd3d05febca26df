import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { BoardSnapshot, BoardStore } from './boardStore';
import type { BoardConnection, ConnectionProblem, ConnectionStatus } from './connection';
import { type Peer, readPeers } from './presence';

export function useBoardSnapshot(store: BoardStore): BoardSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

export function useConnectionStatus(connection: BoardConnection): ConnectionStatus {
  return useSyncExternalStore(connection.onChange, connection.status);
}

/** This person's changes that the server has not confirmed as stored yet. */
export function useUnsavedChanges(connection: BoardConnection): number {
  return useSyncExternalStore(connection.onChange, connection.unsaved);
}

/** Why the server closed the connection, while it matters (see ConnectionProblem). */
export function useConnectionProblem(connection: BoardConnection): ConnectionProblem | undefined {
  return useSyncExternalStore(connection.onChange, connection.problem);
}

/** The other participants, re-read whenever awareness changes. */
export function usePeers(awareness: Awareness): Peer[] {
  const [peers, setPeers] = useState(() => readPeers(awareness));
  useEffect(() => {
    const update = () => setPeers(readPeers(awareness));
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return peers;
}
