// The board HTTP API (docs/api.md), as the page uses it.

import type { Prep, Role, SessionSummary, TemplateName } from '@dartboard/board';

export type { Role };

export interface BoardLinks {
  facilitator?: string;
  edit?: string;
  view?: string;
}

export interface BoardInfo {
  id: string;
  title: string;
  role: Role;
  links: BoardLinks;
  /** The server's clock when it answered (ms since the epoch); absent from older servers. */
  serverTime?: number;
  /** How far the server's clock is ahead of this browser's, measured by fetchBoard; 0 if unknown. */
  clockOffsetMs?: number;
}

/**
 * How far the server's clock is ahead of this browser's, in ms: the server's time against the
 * middle of the request's round trip (good to half the round trip). 0 without a server time.
 */
export function clockOffset(serverTime: unknown, sentAt: number, receivedAt: number): number {
  if (typeof serverTime !== 'number' || !Number.isFinite(serverTime)) return 0;
  return Math.round(serverTime - (sentAt + receivedAt) / 2);
}

export interface CreatedBoard {
  id: string;
  title: string;
  links: Required<BoardLinks>;
}

/** Why a board could not be opened, as the error page explains it. */
export type OpenFailure = 'no_token' | 'unauthorized' | 'not_found' | 'unreachable' | 'server';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function failure(response: Response): Promise<ApiError> {
  let message = `The server answered ${response.status}.`;
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body.message === 'string') message = body.message;
  } catch {
    // Not JSON (a proxy's error page): keep the generic message.
  }
  return new ApiError(response.status, message);
}

export async function createBoard(
  title: string | undefined,
  template: TemplateName = 'dart',
): Promise<CreatedBoard> {
  const response = await fetch('/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(title ? { title, template } : { template }),
  });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as CreatedBoard;
}

export async function fetchBoard(
  boardId: string,
  token: string,
): Promise<{ ok: true; board: BoardInfo } | { ok: false; reason: OpenFailure }> {
  if (!token) return { ok: false, reason: 'no_token' };
  let response: Response;
  const sentAt = Date.now();
  try {
    response = await fetch(`/api/boards/${encodeURIComponent(boardId)}`, {
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (response.ok) {
    const receivedAt = Date.now();
    const board = (await response.json()) as BoardInfo;
    return {
      ok: true,
      board: { ...board, clockOffsetMs: clockOffset(board.serverTime, sentAt, receivedAt) },
    };
  }
  if (response.status === 401 || response.status === 400)
    return { ok: false, reason: 'unauthorized' };
  if (response.status === 404) return { ok: false, reason: 'not_found' };
  return { ok: false, reason: response.status >= 500 ? 'server' : 'unreachable' };
}

/** Fetches the Markdown summary (facilitator only) with the file name the server suggests. */
export async function fetchSummary(
  boardId: string,
  token: string,
): Promise<{ markdown: string; filename: string }> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/summary?format=md`, {
    headers: { authorization: `Bearer ${token}` },
    cache: 'no-store',
  });
  if (!response.ok) throw await failure(response);
  const filename = dispositionFileName(
    response.headers.get('content-disposition'),
    'dartboard-summary.md',
  );
  return { markdown: await response.text(), filename };
}

/**
 * The file name a download's Content-Disposition suggests, or `fallback`: the UTF-8 one of
 * `filename*=` (a title in any script) when given, else the ASCII one of `filename=`.
 */
export function dispositionFileName(disposition: string | null, fallback: string): string {
  const utf8 = /filename\*=UTF-8''([^;\s]+)/i.exec(disposition ?? '')?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8);
    } catch {
      // A malformed escape: the ASCII name below will do.
    }
  }
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}

/** Fetches the summary in one export format (facilitator only), as a file to save. */
export async function fetchExport(
  boardId: string,
  token: string,
  format: string,
): Promise<{ blob: Blob; filename: string }> {
  const query = new URLSearchParams({ format });
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/summary?${query}`, {
    headers: { authorization: `Bearer ${token}` },
    cache: 'no-store',
  });
  if (!response.ok) throw await failure(response);
  const filename = dispositionFileName(
    response.headers.get('content-disposition'),
    `dartboard-summary.${format}`,
  );
  return { blob: await response.blob(), filename };
}

/** Fetches the summary as JSON (facilitator only): what the page previews. */
export async function fetchSummaryJson(boardId: string, token: string): Promise<SessionSummary> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/summary?format=json`, {
    headers: { authorization: `Bearer ${token}` },
    cache: 'no-store',
  });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as SessionSummary;
}

/**
 * Replaces the customer or view-only link (facilitator only): the old token stops working and
 * its holders are disconnected. Answers every link as it now is.
 */
export async function replaceLink(
  boardId: string,
  token: string,
  role: 'edit' | 'view',
): Promise<Required<BoardLinks>> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/links/rotate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
    cache: 'no-store',
  });
  if (!response.ok) throw await failure(response);
  return ((await response.json()) as { links: Required<BoardLinks> }).links;
}

/** The facilitator's preparation as the server has it, with the revision a save must name. */
export interface PrepVersion {
  revision: number;
  prep: Prep;
}

export type PrepSaveOutcome =
  | { ok: true; version: PrepVersion }
  /** Someone saved first: the version they saved. */
  | { ok: false; conflict: PrepVersion };

function prepUrl(boardId: string, origin: string): string {
  return `${origin}/api/boards/${encodeURIComponent(boardId)}/prep`;
}

/**
 * Fetches the preparation (facilitator only: the page never asks with another link). `origin`
 * is empty for the page's own server.
 */
export async function fetchPrep(boardId: string, token: string, origin = ''): Promise<PrepVersion> {
  const response = await fetch(prepUrl(boardId, origin), {
    headers: { authorization: `Bearer ${token}` },
    cache: 'no-store',
  });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as PrepVersion;
}

/** Saves the preparation over `version.revision`; a conflict answers the stored version. */
export async function savePrep(
  boardId: string,
  token: string,
  version: PrepVersion,
  origin = '',
): Promise<PrepSaveOutcome> {
  const response = await fetch(prepUrl(boardId, origin), {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(version),
    cache: 'no-store',
  });
  if (response.status === 409) {
    const { revision, prep } = (await response.json()) as PrepVersion;
    return { ok: false, conflict: { revision, prep } };
  }
  if (!response.ok) throw await failure(response);
  return { ok: true, version: (await response.json()) as PrepVersion };
}
