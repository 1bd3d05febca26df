import type { Role } from '@dartboard/board';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

// Presence (Yjs awareness) arrives as a list of (client id, clock, JSON state). Before any of
// it reaches the room, each entry is checked: only the ids the connection itself announced, a
// bounded state (size and nesting), and the connection's real role stamped over the claimed one.

export interface PresenceLimits {
  /** Largest state accepted, in bytes of JSON. */
  maxStateBytes: number;
  /** Awareness ids one connection may announce (one per document it syncs; a tab has one). */
  maxIdsPerConnection: number;
  /**
   * A presence id whose owner has sent nothing for this long may be announced by another
   * connection: the same browser reconnecting before the server noticed its old socket died.
   * Live clients renew their presence every 15 s.
   */
  takeoverAfterMs: number;
  /**
   * Presence changes are relayed together, at most once per this many milliseconds (0 relays
   * each at once): five people moving cursors 30 times a second would otherwise cost every
   * connection 150 frames a second.
   */
  relayEveryMs: number;
}

/** Deeper JSON than this is not presence (the page's own state is three levels deep). */
const MAX_DEPTH = 8;

export interface PresenceEntry {
  clientId: number;
  clock: number;
  /** The state as JSON, or 'null' when the client leaves. */
  json: string;
}

/** Decodes an awareness update; throws on a malformed one. */
export function decodePresence(update: Uint8Array): PresenceEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: PresenceEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    entries.push({ clientId, clock, json });
  }
  return entries;
}

export function encodePresence(entries: readonly PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}

function withinDepth(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= max) return false;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return true;
}

/** A presence state as relayed, with the display name it claims (undefined when it has none). */
export interface StampedPresence {
  json: string;
  name: string | undefined;
}

/**
 * The state a connection with `role` may publish for `json`, stamped with that role, or
 * undefined when it is refused (too large, too deep, not an object). 'null' (leaving) passes.
 */
export function stampPresence(
  json: string,
  role: Role,
  limits: PresenceLimits,
): StampedPresence | undefined {
  if (Buffer.byteLength(json, 'utf8') > limits.maxStateBytes) return undefined;
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (state === null) return { json: 'null', name: undefined };
  if (typeof state !== 'object' || Array.isArray(state) || !withinDepth(state, MAX_DEPTH)) {
    return undefined;
  }
  const { user } = state as { user?: unknown };
  const claimed = typeof user === 'object' && user !== null && !Array.isArray(user) ? user : {};
  const { name } = claimed as { name?: unknown };
  return {
    json: JSON.stringify({ ...state, user: { ...claimed, role } }),
    name: typeof name === 'string' ? name : undefined,
  };
}
