import { createHash, randomBytes } from 'node:crypto';

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
