// What one tab keeps about a board it shows, in sessionStorage (this tab only, gone with it): the
// link's token, taken out of the address bar so that a shared screen or the browser history does
// not show it, and the board as the server last described it for that token, so that a reload
// works, offline too. Nothing here goes to localStorage.

import { isRole } from '@dartboard/board';
import type { BoardInfo } from '../api';
import { tokenFromHash } from '../links';

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

type TabBoard =
  | {
      token: string;
      /** From the last successful check of this token. */
      info?: BoardInfo;
    }
  /** The facilitator replaced the link this tab had: its token is gone. */
  | { replaced: true };

const key = (boardId: string) => `dartboard.board.${boardId}`;

/** This tab's sessionStorage, when the browser allows it. */
export function tabStorage(): KeyValue | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    // Storage can be disabled (privacy settings): a reload then needs the link again.
    return undefined;
  }
}

function isInfo(value: unknown, boardId: string): value is BoardInfo {
  if (typeof value !== 'object' || value === null) return false;
  const info = value as Record<string, unknown>;
  return (
    info.id === boardId &&
    typeof info.title === 'string' &&
    isRole(info.role) &&
    typeof info.links === 'object' &&
    info.links !== null
  );
}

function read(boardId: string, storage: KeyValue | undefined): TabBoard | undefined {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key(boardId)) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { token, info, replaced } = parsed as Record<string, unknown>;
    if (replaced === true) return { replaced: true };
    if (typeof token !== 'string' || !token) return undefined;
    return isInfo(info, boardId) ? { token, info } : { token };
  } catch {
    return undefined;
  }
}

function write(boardId: string, value: TabBoard, storage: KeyValue | undefined): void {
  try {
    storage?.setItem(key(boardId), JSON.stringify(value));
  } catch {
    // Full or disabled: the token then lives only as long as the page.
  }
}

/**
 * The token for a board page: from the address bar's fragment when there is one (a link opened
 * again wins over the one kept), which is then removed from the address bar and kept for this
 * tab; otherwise the one this tab kept. Empty when there is neither.
 */
export function takeToken(
  boardId: string,
  location: Pick<Location, 'hash' | 'pathname' | 'search'> = window.location,
  history: Pick<History, 'replaceState' | 'state'> = window.history,
  storage: KeyValue | undefined = tabStorage(),
): string {
  const fromLink = tokenFromHash(location.hash);
  const kept = read(boardId, storage);
  const keptToken = kept && 'token' in kept ? kept.token : '';
  if (!fromLink) return keptToken;
  if (keptToken !== fromLink) write(boardId, { token: fromLink }, storage);
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  return fromLink;
}

/** Keeps what the server said about the board for this token (for an offline reload). */
export function rememberChecked(
  boardId: string,
  token: string,
  info: BoardInfo,
  storage: KeyValue | undefined = tabStorage(),
): void {
  write(boardId, { token, info }, storage);
}

/** What the server last said about the board for this token, if this tab checked it. */
export function lastChecked(
  boardId: string,
  token: string,
  storage: KeyValue | undefined = tabStorage(),
): BoardInfo | undefined {
  const kept = read(boardId, storage);
  return kept && 'token' in kept && kept.token === token ? kept.info : undefined;
}

/** Whether the link this tab had was replaced (and no other link was opened since). */
export function wasReplaced(
  boardId: string,
  storage: KeyValue | undefined = tabStorage(),
): boolean {
  const kept = read(boardId, storage);
  return kept !== undefined && 'replaced' in kept;
}

/** Forgets the token, remembering only that it was replaced, so a reload can say so again. */
export function forgetReplaced(boardId: string, storage: KeyValue | undefined = tabStorage()) {
  write(boardId, { replaced: true }, storage);
}

/** Forgets the token and the board (the link no longer works, or the board is gone). */
export function forgetTabBoard(boardId: string, storage: KeyValue | undefined = tabStorage()) {
  try {
    storage?.removeItem(key(boardId));
  } catch {
    // Nothing kept then.
  }
}
