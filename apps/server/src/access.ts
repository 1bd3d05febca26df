import type { FastifyRequest } from 'fastify';
import { boardNotFound, unauthorized } from './errors.js';
import type { BoardRecord, Role, Storage } from './storage/types.js';
import { hashToken, TOKEN_PATTERN } from './tokens.js';

export interface Access {
  board: BoardRecord;
  role: Role;
  /** The token that was checked. */
  token: string;
}

/** The token of a request: `Authorization: Bearer <token>`, else the `token` query parameter. */
export function requestToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1];
  }
  const query = request.query as { token?: unknown } | undefined;
  return typeof query?.token === 'string' ? query.token : undefined;
}

/**
 * Who may do what on a board: 404 when the board does not exist, 401 when the token is
 * missing or is not one of the board's links.
 */
export async function authorize(
  storage: Storage,
  boardId: string,
  token: string | undefined,
): Promise<Access> {
  const board = await storage.getBoard(boardId);
  if (!board) throw boardNotFound();
  if (!token) throw unauthorized();
  const role = TOKEN_PATTERN.test(token)
    ? await storage.findRole(boardId, hashToken(token))
    : undefined;
  if (!role) throw unauthorized('This link is not valid for this board.');
  return { board, role, token };
}
