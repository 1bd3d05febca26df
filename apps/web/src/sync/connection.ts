import * as authProtocol from 'y-protocols/auth';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Role } from '../api';
import { loadPersonId } from '../state/prefs';
import {
  type LocalCopy,
  localCopyAvailable,
  openLocalCopy,
  unsavedKey,
  writerKey,
} from './localCopy';
import { colorFor, type PresenceState } from './presence';
import { countUnsaved } from './unsaved';

/** What the connection badge shows. */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

/**
 * Why the server closed the connection, when the page should say so (close codes in
 * docs/api.md). The first three end it for good (`connection_closed`: another code of the
 * 4400-4499 range, which the provider does not retry); the provider keeps retrying after the
 * others.
 */
export type ConnectionProblem =
  | 'link_replaced'
  | 'too_many_changes'
  | 'connection_closed'
  | 'board_busy'
  | 'address_busy';

const PROBLEM_BY_CLOSE_CODE: Partial<Record<number, ConnectionProblem>> = {
  4401: 'link_replaced',
  4429: 'too_many_changes',
  4503: 'board_busy',
  4529: 'address_busy',
};

/** Problems after which the provider stops reconnecting. */
export type FinalProblem = Extract<
  ConnectionProblem,
  'link_replaced' | 'too_many_changes' | 'connection_closed'
>;

export function endsConnection(problem: ConnectionProblem | undefined): problem is FinalProblem {
  return (
    problem === 'link_replaced' || problem === 'too_many_changes' || problem === 'connection_closed'
  );
}

const MESSAGE_AUTH = 2;

export interface BoardConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** This browser's secret for its copy of the board (see writerKey): whose person record it is. */
  writerKey: string;
  /** True once the first full sync with the server has finished. */
  synced(): boolean;
  /** True once the board can be shown: synced once, or loaded from this browser's copy. */
  ready(): boolean;
  status(): ConnectionStatus;
  /** This person's changes that the server has not confirmed as stored yet. */
  unsaved(): number;
  problem(): ConnectionProblem | undefined;
  /** Calls back on every status, sync, unsaved count or problem change; returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
  /** Calls back with the server's sentence (for people) each time it refuses a change. */
  onRefusal(listener: (sentence: string) => void): () => void;
  destroy(): void;
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface ConnectOptions {
  serverUrl: string;
  boardId: string;
  token: string;
  name: string;
  role: Role;
  /** The person's colour for cursors and avatars; by default, this browser's (see loadPersonId). */
  color?: string;
  /** Keep the board in this browser's IndexedDB; by default wherever IndexedDB exists. */
  localCopy?: boolean;
  /** The tab's sessionStorage: the count of unsaved changes, and the unsaved board, survive a reload there. */
  tabStorage?: KeyValue;
}

/**
 * One live board: a Y.Doc, its websocket provider, presence and this browser's copy of the board.
 * Edits made while the socket is down stay in the Y.Doc (and the copy) and reach the server with
 * the first sync after it reconnects, even after a reload.
 */
function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function connectBoard(options: ConnectOptions): BoardConnection {
  const doc = new Y.Doc();
  const copy: LocalCopy | undefined =
    (options.localCopy ?? localCopyAvailable())
      ? openLocalCopy(doc, options.boardId, options.role, options.tabStorage)
      : undefined;
  const key = writerKey(options.boardId, options.role, safeLocalStorage());
  const provider = new WebsocketProvider(options.serverUrl, options.boardId, doc, {
    // acks=1: the server confirms each write once stored (sync/unsaved.ts handles message 8);
    // client: the key to this copy's client ids (see writerKey).
    params: {
      token: options.token,
      acks: '1',
      client: key,
    },
    // Only the server decides what a link may do; tabs must not relay edits to each other.
    disableBc: true,
    maxBackoffTime: 2500,
    // With a copy, connect once it is loaded, so that the first sync sends what it holds.
    connect: copy === undefined,
  });
  const presence: PresenceState = {
    user: {
      name: options.name,
      color: options.color ?? colorFor(loadPersonId()),
      role: options.role,
    },
    cursor: null,
  };
  provider.awareness.setLocalState(presence);

  let connected = false;
  let everSynced = false;
  let copyShown = false;
  let problem: ConnectionProblem | undefined;
  let destroyed = false;
  let online = typeof navigator === 'undefined' ? true : navigator.onLine;
  const listeners = new Set<() => void>();
  const refusalListeners = new Set<(sentence: string) => void>();
  const emit = () => {
    for (const listener of listeners) listener();
  };

  const unsaved = countUnsaved({
    provider,
    doc,
    // Remote changes come from the provider; what the copy loads was counted by an earlier page.
    isLocal: (origin) => origin !== provider && !copy?.isCopyOrigin(origin),
    // Unsaved changes outlive a reload only in the copy: without one, neither does the count.
    storage: copy ? options.tabStorage : undefined,
    key: unsavedKey(options.boardId, options.role),
    onChange: emit,
  });

  // The stock handler only logs a refusal; the sentence is meant for the person.
  provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, doc, (_doc, sentence) => {
      for (const listener of refusalListeners) listener(sentence);
    });
  };

  // "Reconnecting" only after the board has once been live: before the first sync, an open
  // socket still means the board is loading.
  const onStatus = ({ status }: { status: string }) => {
    connected = status === 'connected';
    emit();
  };
  const onSync = (isSynced: boolean) => {
    if (isSynced) {
      everSynced = true;
      if (!endsConnection(problem)) problem = undefined;
    }
    emit();
  };
  const onConnectionClose = (event: CloseEvent | null) => {
    // A close of our own (event null) says nothing about the server; a final problem stays.
    if (!event || endsConnection(problem)) return;
    problem = PROBLEM_BY_CLOSE_CODE[event.code];
    emit();
  };
  const onClosed = ({ code }: { code: number }) => {
    const said = PROBLEM_BY_CLOSE_CODE[code];
    problem = endsConnection(said) ? said : 'connection_closed';
    // A replaced link must not leave the board behind in this browser.
    if (problem === 'link_replaced') {
      unsaved.forget();
      void copy?.remove();
    }
    emit();
  };
  const onPageHide = () => {
    if (unsaved.count() > 0) copy?.keepForReload();
  };
  const onOnline = () => {
    online = navigator.onLine;
    // The browser says the network is gone: the socket cannot deliver anything any more, yet it
    // may take y-websocket's watchdog 30 s to notice. Close it now, so that the page says so and
    // counts the edits as not sent; the provider keeps trying and is back with the network.
    if (!online && provider.ws && provider.shouldConnect) {
      provider.disconnect();
      provider.connect();
    }
    emit();
  };
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('connection-close', onConnectionClose);
  provider.on('closed', onClosed);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOnline);
  window.addEventListener('pagehide', onPageHide);

  void copy?.loaded.then(() => {
    if (destroyed) return;
    // An empty copy (first visit) shows nothing until the server has sent the board.
    copyShown = doc.store.clients.size > 0;
    provider.connect();
    emit();
  });

  return {
    doc,
    provider,
    writerKey: key,
    synced: () => provider.synced,
    ready: () => everSynced || copyShown,
    status() {
      if (connected && provider.synced) return 'live';
      if (!online) return 'offline';
      return everSynced ? 'reconnecting' : 'connecting';
    },
    unsaved: unsaved.count,
    problem: () => problem,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onRefusal(listener) {
      refusalListeners.add(listener);
      return () => refusalListeners.delete(listener);
    },
    destroy() {
      destroyed = true;
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onConnectionClose);
      provider.off('closed', onClosed);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOnline);
      window.removeEventListener('pagehide', onPageHide);
      listeners.clear();
      refusalListeners.clear();
      unsaved.destroy();
      provider.awareness.setLocalState(null);
      provider.destroy();
      // Also closes the copy: y-indexeddb listens for the document's destruction.
      doc.destroy();
    },
  };
}
