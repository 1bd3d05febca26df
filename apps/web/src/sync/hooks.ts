import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { BoardSnapshot, BoardStore } from './boardStore';
import type { BoardConnection, ConnectionStatus } from './connection';
import { type Peer, readPeers } from './presence';

export function useBoardSnapshot(store: BoardStore): BoardSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

export function useConnectionStatus(connection: BoardConnection): ConnectionStatus {
  return useSyncExternalStore(connection.onChange, connection.status);
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
