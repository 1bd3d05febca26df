import { ROLES, type Role } from '@dartboard/board';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

// The board's copy in this browser's IndexedDB (y-indexeddb): every update, local or remote, is
// stored as it happens, so a page that loses the connection keeps working, a reload while offline
// still shows the board with the edits not sent yet, and the next sync sends them.
//
// One copy per board and role: a view-only tab must never load (and so send) a facilitator's
// unsent edits made in another tab of the same browser, which the server would refuse and undo.

/** How long to wait for the copy before connecting without it (a stuck or refused database). */
const OPEN_TIMEOUT_MS = 1500;

export function localCopyAvailable(): boolean {
  try {
    return typeof indexedDB !== 'undefined' && indexedDB !== null;
  } catch {
    // Some browsers throw on access when storage is disabled.
    return false;
  }
}

function copyName(boardId: string, role: Role): string {
  return `dartboard:${boardId}:${role}`;
}

/** The tab's key for the count of changes in the copy that the server has not confirmed. */
export function unsavedKey(boardId: string, role: Role): string {
  return `dartboard.unsaved.${boardId}.${role}`;
}

function keptKey(boardId: string, role: Role): string {
  return `dartboard.kept.${boardId}.${role}`;
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const WRITER_KEY = /^[A-Za-z0-9_-]{16,64}$/;

function writerKeyName(boardId: string, role: Role): string {
  return `dartboard.writer.${boardId}.${role}`;
}

/**
 * This browser's secret for the Yjs client ids of its copy of the board (`client=` on the
 * websocket): the server lets only its holder write under ids it wrote under before, so edits
 * kept offline under an earlier id still go through after a reload, and nobody else can take
 * that id over. Kept as long as the copy (localStorage); a fresh one when storage is refused.
 */
export function writerKey(boardId: string, role: Role, storage?: KeyValue): string {
  const name = writerKeyName(boardId, role);
  try {
    const kept = storage?.getItem(name);
    if (kept && WRITER_KEY.test(kept)) return kept;
  } catch {
    // No storage: a key for this page only.
  }
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  const key = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  try {
    storage?.setItem(name, key);
  } catch {
    // Kept for this page only.
  }
  return key;
}

/** Forgets what the tab keeps beside a copy; storage errors mean there is nothing to forget. */
function forgetInTab(tab: KeyValue | undefined, boardId: string, role: Role): void {
  try {
    tab?.removeItem(keptKey(boardId, role));
    tab?.removeItem(unsavedKey(boardId, role));
  } catch {
    // Nothing kept then.
  }
}

/** The transaction origin of a board kept by `keepForReload`, when it is merged back. */
const KEPT_FOR_RELOAD = Symbol('kept for reload');

export interface LocalCopy {
  /** The IndexedDB persistence: the origin of the updates it loads into the document. */
  persistence: IndexeddbPersistence;
  /** Whether an update with this origin came out of the copy rather than from a person. */
  isCopyOrigin(origin: unknown): boolean;
  /** Resolves once the stored updates are in the document (or after a time limit, or on failure). */
  loaded: Promise<void>;
  /**
   * Puts the whole board in the tab's storage, at once, for the next load of this page to merge.
   * y-indexeddb writes each update in a transaction of its own, and the browser drops the ones
   * still queued when the page goes away: a reload right after typing offline would lose the
   * last keystrokes.
   */
  keepForReload(): void;
  /** Stops storing and deletes the copy, and what the tab keeps beside it. */
  remove(): Promise<void>;
}

/**
 * Keeps `doc` in this browser's copy of the board, loading what the copy already holds, and
 * what the last page of this tab kept for the reload (see keepForReload) in `tab`.
 */
export function openLocalCopy(doc: Y.Doc, boardId: string, role: Role, tab?: KeyValue): LocalCopy {
  const persistence = new IndexeddbPersistence(copyName(boardId, role), doc);
  const key = keptKey(boardId, role);
  let removed = false;
  const opened = persistence.whenSynced.then(() => undefined);
  // y-indexeddb never settles whenSynced when the database cannot be opened.
  const failed = persistence._db.then(
    () => new Promise<void>(() => undefined),
    () => undefined,
  );
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, OPEN_TIMEOUT_MS));
  const mergeKept = () => {
    try {
      const kept = tab?.getItem(key);
      tab?.removeItem(key);
      // Merged with an origin of its own, so that y-indexeddb stores it in the copy too.
      if (kept) Y.applyUpdate(doc, fromBase64(kept), KEPT_FOR_RELOAD);
    } catch {
      // Damaged or unreadable: the copy in IndexedDB is all there is.
    }
  };
  return {
    persistence,
    isCopyOrigin: (origin) => origin === persistence || origin === KEPT_FOR_RELOAD,
    loaded: Promise.race([opened, failed, timeout]).then(mergeKept),
    keepForReload() {
      if (removed) return;
      try {
        tab?.setItem(key, toBase64(Y.encodeStateAsUpdate(doc)));
      } catch {
        // Over the storage quota (a very large board): IndexedDB alone has to do.
      }
    },
    remove() {
      removed = true;
      forgetInTab(tab, boardId, role);
      return persistence.clearData().catch(() => undefined);
    },
  };
}

/** Whether this browser holds a copy of the board with some content, as seen by `role`. */
export async function hasLocalCopy(boardId: string, role: Role): Promise<boolean> {
  if (!localCopyAvailable()) return false;
  const doc = new Y.Doc();
  const copy = openLocalCopy(doc, boardId, role);
  try {
    await copy.loaded;
    const found = doc.store.clients.size > 0;
    // Looking must not leave an empty database behind (but a slow one is not known to be empty).
    if (!found && copy.persistence.synced) await copy.persistence.clearData();
    return found;
  } finally {
    await copy.persistence.destroy().catch(() => undefined);
    doc.destroy();
  }
}

/**
 * Deletes this browser's copy of the board for one role, or for every role, and what `tab`
 * keeps beside it.
 */
export async function deleteLocalCopy(
  boardId: string,
  role: Role | undefined,
  tab: KeyValue | undefined,
): Promise<void> {
  const roles = role ? [role] : ROLES;
  for (const r of roles) forgetInTab(tab, boardId, r);
  try {
    for (const r of roles) globalThis.localStorage?.removeItem(writerKeyName(boardId, r));
  } catch {
    // Nothing kept then.
  }
  if (!localCopyAvailable()) return;
  await Promise.all(roles.map((r) => clearDocument(copyName(boardId, r)).catch(() => undefined)));
}
