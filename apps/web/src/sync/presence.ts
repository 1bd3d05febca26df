import { isRole, type Role } from '@dartboard/board';
import type { Awareness } from 'y-protocols/awareness';

/** What each participant shares through awareness: never stored, gone when they leave. */
export interface PresenceState {
  user: { name: string; color: string; role: Role };
  /** Pointer position in board coordinates; null when the pointer is off the board. */
  cursor: { x: number; y: number } | null;
  /** The board area this person's screen shows, in board units (others can follow it). */
  view?: ViewRect | null;
  /**
   * While the facilitator has "Bring everyone here" on: a fresh random id per summons. Pages
   * honour it only from a state whose role (stamped by the server) is 'facilitator'.
   */
  summon?: { id: string; active: true } | null;
}

export interface ViewRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Peer extends Omit<PresenceState, 'view' | 'summon'> {
  clientId: number;
  view: ViewRect | null;
  /** The summons id, kept only when it comes from the facilitator. */
  summon: string | null;
}

// Saturated colours that stay readable as cursor labels with white text.
export const PEER_COLORS = [
  '#2563eb',
  '#db2777',
  '#059669',
  '#d97706',
  '#7c3aed',
  '#dc2626',
  '#0891b2',
  '#4d7c0f',
];

/**
 * A person's colour, from a key that stays the same for them (this browser's person id, see
 * state/prefs.ts), so that they keep it across reloads and boards. FNV-1a spreads similar keys.
 */
export function colorFor(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return PEER_COLORS[(hash >>> 0) % PEER_COLORS.length] ?? '#2563eb';
}

function isPresence(value: unknown): value is PresenceState {
  if (typeof value !== 'object' || value === null) return false;
  const user = (value as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null) return false;
  const { name, color } = user as { name?: unknown; color?: unknown };
  return typeof name === 'string' && typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color);
}

function readCursor(value: unknown): PresenceState['cursor'] {
  if (typeof value !== 'object' || value === null) return null;
  const { x, y } = value as { x?: unknown; y?: unknown };
  return Number.isFinite(x) && Number.isFinite(y) ? { x: x as number, y: y as number } : null;
}

// Far beyond any board, and small enough that arithmetic on it stays exact.
const MAX_COORD = 1e7;

/** A view rectangle from another browser, or null when it is not a sane one. */
export function readView(value: unknown): ViewRect | null {
  if (typeof value !== 'object' || value === null) return null;
  const { x, y, width, height } = value as Record<string, unknown>;
  const numbers = [x, y, width, height];
  if (!numbers.every((n) => typeof n === 'number' && Math.abs(n) <= MAX_COORD)) return null;
  if ((width as number) <= 0 || (height as number) <= 0) return null;
  return { x: x as number, y: y as number, width: width as number, height: height as number };
}

/**
 * The id of an active summons ("Bring everyone here"), or null. Only a state the server
 * stamped with the facilitator role can summon: a customer claiming it is not obeyed.
 */
export function readSummon(value: unknown, role: Role): string | null {
  if (role !== 'facilitator' || typeof value !== 'object' || value === null) return null;
  const { id, active } = value as { id?: unknown; active?: unknown };
  return active === true && typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : null;
}

/**
 * Everyone else on the board, sorted by name. Awareness comes from other browsers: anything
 * that is not well-formed presence is ignored, and names are shown as text, never markup.
 */
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID || !isPresence(state)) return;
    // A role is only a label here (the server enforces access), but an unknown one must not
    // reach lookups such as ROLE_LABEL['constructor'].
    const role: Role = isRole(state.user.role) ? state.user.role : 'edit';
    peers.push({
      clientId,
      user: { name: state.user.name.slice(0, 80), color: state.user.color, role },
      cursor: readCursor(state.cursor),
      view: readView(state.view),
      summon: readSummon(state.summon, role),
    });
  });
  return peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
}
