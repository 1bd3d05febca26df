import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Role } from '../api';
import { colorFor, type PresenceState } from './presence';

/** What the connection badge shows. */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface BoardConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** True once the first full sync with the server has finished. */
  synced(): boolean;
  status(): ConnectionStatus;
  /** Calls back on every status or sync change; returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
  destroy(): void;
}

export interface ConnectOptions {
  serverUrl: string;
  boardId: string;
  token: string;
  name: string;
  role: Role;
}

/**
 * One live board: a Y.Doc, its websocket provider and presence. Edits made while the socket is
 * down stay in the Y.Doc and reach the server with the first sync after it reconnects.
 */
export function connectBoard(options: ConnectOptions): BoardConnection {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(options.serverUrl, options.boardId, doc, {
    params: { token: options.token },
    // Only the server decides what a link may do; tabs must not relay edits to each other.
    disableBc: true,
    maxBackoffTime: 2500,
  });
  const presence: PresenceState = {
    user: { name: options.name, color: colorFor(doc.clientID), role: options.role },
    cursor: null,
  };
  provider.awareness.setLocalState(presence);

  let connected = false;
  let everConnected = false;
  let online = typeof navigator === 'undefined' ? true : navigator.onLine;
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const listener of listeners) listener();
  };

  // "Reconnecting" only after the board has once been live: before the first sync, an open
  // socket still means the board is loading.
  const onStatus = ({ status }: { status: string }) => {
    connected = status === 'connected';
    everConnected ||= connected && provider.synced;
    emit();
  };
  const onSync = () => {
    everConnected ||= connected && provider.synced;
    emit();
  };
  const onOnline = () => {
    online = navigator.onLine;
    emit();
  };
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOnline);

  return {
    doc,
    provider,
    synced: () => provider.synced,
    status() {
      if (connected && provider.synced) return 'live';
      if (!online) return 'offline';
      return everConnected ? 'reconnecting' : 'connecting';
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOnline);
      listeners.clear();
      provider.awareness.setLocalState(null);
      provider.destroy();
      doc.destroy();
    },
  };
}
