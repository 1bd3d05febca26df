// Board pages are `/b/<id>#token=<token>`: the token lives in the fragment, which the browser
// never sends to any server.

const BOARD_PATH = /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/;

export type Route = { page: 'landing' } | { page: 'board'; boardId: string } | { page: 'missing' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'landing' };
  const match = BOARD_PATH.exec(pathname);
  return match?.[1] ? { page: 'board', boardId: match[1] } : { page: 'missing' };
}

/** The token from a fragment such as `#token=abc`; empty when there is none. */
export function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim() ?? '';
}

/** The websocket base for the relay on the page's own origin. */
export function syncUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/** The link to a board page with its token in the fragment, on the page's own origin. */
export function boardLink(origin: string, boardId: string, token: string): string {
  return `${origin}/b/${encodeURIComponent(boardId)}#token=${encodeURIComponent(token)}`;
}
