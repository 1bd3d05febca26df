// The Web Crypto global exists in browsers and in Node 20+; it is declared here because this
// package compiles without DOM or Node type definitions.
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * A random id for a note or zone: 16 characters from a 62-letter alphabet (about 95 bits), so
 * ids made by different peers at the same time do not collide. Uses getRandomValues, which,
 * unlike randomUUID, also works on pages served over plain HTTP.
 */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  // 256 % 62 leaves a small bias that does not matter for collision resistance.
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}
