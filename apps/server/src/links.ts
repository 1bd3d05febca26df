import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { ROLES, type Role } from '@dartboard/board';
import type { SealRecord, Storage } from './storage/types.js';
import { hashToken, newToken } from './tokens.js';

// A board has one link token per role, each 256 random bits, stored only as a SHA-256 hash.
// So that whoever holds a link can still be shown the links below it (the facilitator shares
// the customer and view links; a customer can pass on the view link), each lower token is also
// stored sealed (AES-256-GCM) under a key derived from each higher token: the database alone
// opens none of them. Replacing a link writes a new token and new seals.

export type BoardTokens = Record<Role, string>;

/** The pairs (holder, role) whose seals are kept: a holder sees the links below its own. */
const SEALED: readonly [Role, Role][] = [
  ['facilitator', 'edit'],
  ['facilitator', 'view'],
  ['edit', 'view'],
];

function sealKey(holderToken: string, boardId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', holderToken, boardId, 'dartboard-link-seal', 32));
}

function aad(boardId: string, holder: Role, role: Role): Buffer {
  return Buffer.from(`${boardId}:${holder}:${role}`);
}

/** Three fresh, independent tokens. */
export function newBoardTokens(): BoardTokens {
  return { facilitator: newToken(), edit: newToken(), view: newToken() };
}

/** The seals that let each holder of `tokens` open the tokens below its own. */
export function sealTokens(boardId: string, tokens: BoardTokens): SealRecord[] {
  return SEALED.map(([holder, role]) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', sealKey(tokens[holder], boardId), iv);
    cipher.setAAD(aad(boardId, holder, role));
    const body = Buffer.concat([cipher.update(tokens[role], 'utf8'), cipher.final()]);
    return { holder, role, sealed: Buffer.concat([iv, body, cipher.getAuthTag()]) };
  });
}

function unseal(boardId: string, holderToken: string, seal: SealRecord): string | undefined {
  const data = Buffer.from(seal.sealed);
  if (data.byteLength < 12 + 16) return undefined;
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      sealKey(holderToken, boardId),
      data.subarray(0, 12),
    );
    decipher.setAAD(aad(boardId, seal.holder, seal.role));
    decipher.setAuthTag(data.subarray(data.byteLength - 16));
    const body = data.subarray(12, data.byteLength - 16);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * Boards made before links could be replaced derived the lower tokens from the facilitator's
 * with HMAC-SHA256 (facilitator -> edit -> view) and have no seals; their links still work.
 */
function deriveToken(parent: string, role: Role): string {
  return createHmac('sha256', parent).update(`dartboard-link:${role}`).digest('base64url');
}

function derivedTokens(role: Role, token: string): Partial<BoardTokens> {
  if (role === 'view') return { view: token };
  if (role === 'edit') return { edit: token, view: deriveToken(token, 'view') };
  const edit = deriveToken(token, 'edit');
  return { facilitator: token, edit, view: deriveToken(edit, 'view') };
}

/** The tokens the holder of `token` (with `role`) may share: its own and those below it. */
export async function shareableTokens(
  storage: Storage,
  boardId: string,
  role: Role,
  token: string,
): Promise<Partial<BoardTokens>> {
  if (role === 'view') return { view: token };
  const seals = await storage.listSeals(boardId, role);
  if (seals.length === 0) return derivedTokens(role, token);
  const tokens: Partial<BoardTokens> = { [role]: token };
  for (const seal of seals) {
    const opened = unseal(boardId, token, seal);
    if (opened) tokens[seal.role] = opened;
  }
  return tokens;
}

/**
 * Replaces the link of `role` with a fresh token, as the facilitator (holding `facilitator`)
 * asks; the old token stops working at once. Returns all three tokens as they now are, and
 * the token that was replaced.
 */
export async function replaceLink(
  storage: Storage,
  boardId: string,
  facilitator: string,
  role: Exclude<Role, 'facilitator'>,
): Promise<{ tokens: BoardTokens; replaced: string }> {
  const current = await shareableTokens(storage, boardId, 'facilitator', facilitator);
  const tokens = { ...current, facilitator } as BoardTokens;
  for (const other of ROLES) if (!tokens[other]) throw new Error(`cannot open the ${other} link`);
  const replaced = tokens[role];
  tokens[role] = newToken();
  await storage.replaceLink(boardId, role, hashToken(tokens[role]), sealTokens(boardId, tokens));
  return { tokens, replaced };
}
