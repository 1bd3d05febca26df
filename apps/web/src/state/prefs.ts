// What the browser remembers between visits: the display name, and the facilitator's recent
// sessions (with their facilitator links, so the facilitator can return to them).

const NAME_KEY = 'dartboard.name';
const RECENT_KEY = 'dartboard.recent';
const RECENT_MAX = 20;

export interface RecentSession {
  id: string;
  title: string;
  /** The facilitator link, token in the fragment. */
  link: string;
  /** Milliseconds since the epoch when this browser last opened it. */
  openedAt: number;
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStorage(): KeyValue | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage can be disabled (privacy settings); the app then simply forgets.
    return undefined;
  }
}

export function loadName(storage = defaultStorage()): string {
  return storage?.getItem(NAME_KEY)?.trim() ?? '';
}

export function saveName(name: string, storage = defaultStorage()): void {
  storage?.setItem(NAME_KEY, name.trim());
}

function isRecent(value: unknown): value is RecentSession {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.id === 'string' &&
    typeof r.title === 'string' &&
    typeof r.link === 'string' &&
    typeof r.openedAt === 'number'
  );
}

/** Recent sessions, most recently opened first. Damaged entries are skipped, never thrown. */
export function loadRecent(storage = defaultStorage()): RecentSession[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isRecent) : [];
  } catch {
    return [];
  }
}

export function rememberSession(session: RecentSession, storage = defaultStorage()): void {
  const others = loadRecent(storage).filter((r) => r.id !== session.id);
  const next = [session, ...others].slice(0, RECENT_MAX);
  storage?.setItem(RECENT_KEY, JSON.stringify(next));
}

export function forgetSession(id: string, storage = defaultStorage()): void {
  const next = loadRecent(storage).filter((r) => r.id !== id);
  storage?.setItem(RECENT_KEY, JSON.stringify(next));
}

const PERSON_KEY = 'dartboard.person';
const PERSON_ID = /^[0-9a-f]{32}$/;
let unstoredId: string | undefined;

function randomPersonId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A random id for whoever uses this browser, the same on every board and kept across reloads:
 * their colour comes from it. It is never sent; without storage it lasts as long as the page.
 */
export function loadPersonId(storage = defaultStorage()): string {
  try {
    const kept = storage?.getItem(PERSON_KEY);
    if (kept && PERSON_ID.test(kept)) return kept;
    if (storage) {
      const id = randomPersonId();
      storage.setItem(PERSON_KEY, id);
      return id;
    }
  } catch {
    // Storage refused: fall through to the page's own id.
  }
  unstoredId ??= randomPersonId();
  return unstoredId;
}
