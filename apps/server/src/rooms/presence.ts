import type { Role } from '@dartboard/board';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { equalityDeep } from 'lib0/function';
import type { Awareness } from 'y-protocols/awareness';

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

/** A presence state as the room keeps it (null when the client leaves), and the name it claims. */
export interface StampedPresence {
  state: Record<string, unknown> | null;
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
  if (state === null) return { state: null, name: undefined };
  if (typeof state !== 'object' || Array.isArray(state) || !withinDepth(state, MAX_DEPTH)) {
    return undefined;
  }
  const { user } = state as { user?: unknown };
  const claimed = typeof user === 'object' && user !== null && !Array.isArray(user) ? user : {};
  const { name } = claimed as { name?: unknown };
  return {
    state: { ...state, user: { ...claimed, role } },
    name: typeof name === 'string' ? name : undefined,
  };
}

/** A checked presence entry, its state parsed (null when the client leaves). */
export interface CheckedPresence {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/**
 * Applies checked entries to `awareness` the way y-protocols' applyAwarenessUpdate applies an
 * encoded update (the same clock rule, the same 'change' and 'update' events), without encoding
 * the states and parsing them again. Returns, per entry, whether the awareness took it: an
 * entry whose clock is not newer than the one it holds is ignored, except a leaving client's
 * 'null' at the same clock.
 */
export function applyPresence(
  awareness: Awareness,
  entries: readonly CheckedPresence[],
  origin: unknown,
): boolean[] {
  const timestamp = Date.now();
  const added: number[] = [];
  const updated: number[] = [];
  const filteredUpdated: number[] = [];
  const removed: number[] = [];
  const taken = entries.map(({ clientId, clock, state }) => {
    const meta = awareness.meta.get(clientId);
    const previous = awareness.states.get(clientId);
    const current = meta === undefined ? 0 : meta.clock;
    const leaving = state === null && current === clock && awareness.states.has(clientId);
    if (!(current < clock || leaving)) return false;
    if (state === null) awareness.states.delete(clientId);
    else awareness.states.set(clientId, state);
    awareness.meta.set(clientId, { clock, lastUpdated: timestamp });
    if (meta === undefined && state !== null) added.push(clientId);
    else if (meta !== undefined && state === null) removed.push(clientId);
    else if (state !== null) {
      if (!equalityDeep(state, previous)) filteredUpdated.push(clientId);
      updated.push(clientId);
    }
    return true;
  });
  if (added.length > 0 || filteredUpdated.length > 0 || removed.length > 0) {
    awareness.emit('change', [{ added, updated: filteredUpdated, removed }, origin]);
  }
  if (added.length > 0 || updated.length > 0 || removed.length > 0) {
    awareness.emit('update', [{ added, updated, removed }, origin]);
  }
  return taken;
}
