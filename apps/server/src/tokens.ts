import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Role } from './storage/types.js';

/** 32 random bytes (256 bits) from the OS CSPRNG, base64url: 43 URL-safe characters. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Board ids are not secrets (tokens are), but random ids do not reveal how many boards exist. */
export function newBoardId(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Tokens are stored as SHA-256 hashes. A fast hash is enough because a token has 256 bits of
 * entropy: there is no dictionary to try, unlike with passwords.
 */
export function hashToken(token: string): Uint8Array {
  return createHash('sha256').update(token, 'utf8').digest();
}

export const BOARD_ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * The token of the next role down, derived from a token with HMAC-SHA256: facilitator -> edit
 * -> view. Whoever holds a link can so compute the links below it (a facilitator can share the
 * customer and view links) while the server keeps only hashes, and a lower token reveals
 * nothing about a higher one.
 */
function deriveToken(parent: string, role: Role): string {
  return createHmac('sha256', parent).update(`dartboard-link:${role}`).digest('base64url');
}

/** A board's three link tokens: a random facilitator token and the two derived from it. */
export function newBoardTokens(): Record<Role, string> {
  const facilitator = newToken();
  const edit = deriveToken(facilitator, 'edit');
  return { facilitator, edit, view: deriveToken(edit, 'view') };
}

/**
 * The tokens a holder of `token` (with `role`) may share: its own and those below it.
 * A facilitator gets all three, an editor edit and view, a viewer only view.
 */
export function shareableTokens(role: Role, token: string): Partial<Record<Role, string>> {
  if (role === 'view') return { view: token };
  if (role === 'edit') return { edit: token, view: deriveToken(token, 'view') };
  const edit = deriveToken(token, 'edit');
  return { facilitator: token, edit, view: deriveToken(edit, 'view') };
}
