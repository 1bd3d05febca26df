import { describe, expect, it } from 'vitest';
import {
  forgetSession,
  loadName,
  loadPersonId,
  loadRecent,
  type RecentSession,
  rememberSession,
  saveName,
} from './prefs';

/** A Storage-like key-value store in memory, standing in for localStorage. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const session = (id: string, openedAt = 1): RecentSession => ({
  id,
  title: `Session ${id}`,
  link: `https://dartboard.example/b/${id}#token=tok-${id}`,
  openedAt,
});

describe('display name', () => {
  it('is empty at first, then saved and loaded trimmed', () => {
    const storage = new MemoryStorage();
    expect(loadName(storage)).toBe('');
    saveName('  Ann Lee \n', storage);
    expect(loadName(storage)).toBe('Ann Lee');
    saveName('Bob', storage);
    expect(loadName(storage)).toBe('Bob');
    storage.setItem('dartboard.name', '  Carol  ');
    expect(loadName(storage)).toBe('Carol');
  });
});

describe('recent sessions', () => {
  it('is empty at first, then lists the most recently opened session first', () => {
    const storage = new MemoryStorage();
    expect(loadRecent(storage)).toEqual([]);
    rememberSession(session('a'), storage);
    rememberSession(session('b'), storage);
    rememberSession(session('c'), storage);
    expect(loadRecent(storage).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(loadRecent(storage)[0]).toEqual(session('c'));
  });

  it('moves a reopened session to the top instead of listing it twice', () => {
    const storage = new MemoryStorage();
    rememberSession(session('a', 1), storage);
    rememberSession(session('b', 2), storage);
    rememberSession({ ...session('a', 3), title: 'Renamed' }, storage);
    const recent = loadRecent(storage);
    expect(recent.map((r) => r.id)).toEqual(['a', 'b']);
    expect(recent[0]).toMatchObject({ title: 'Renamed', openedAt: 3 });
  });

  it('keeps only the 20 most recent sessions', () => {
    const storage = new MemoryStorage();
    for (let i = 1; i <= 25; i++) rememberSession(session(`s${i}`, i), storage);
    const recent = loadRecent(storage);
    expect(recent).toHaveLength(20);
    expect(recent[0]?.id).toBe('s25');
    expect(recent[19]?.id).toBe('s6');
  });

  it('removes a session and leaves the others in order', () => {
    const storage = new MemoryStorage();
    for (const id of ['a', 'b', 'c']) rememberSession(session(id), storage);
    forgetSession('b', storage);
    expect(loadRecent(storage).map((r) => r.id)).toEqual(['c', 'a']);
    forgetSession('not-there', storage);
    expect(loadRecent(storage).map((r) => r.id)).toEqual(['c', 'a']);
  });

  it('reads damaged storage as no sessions, and recovers on the next remember', () => {
    for (const raw of ['[{"id":', '{"id":"a"}', 'null', '"hello"', '']) {
      const storage = new MemoryStorage();
      storage.setItem('dartboard.recent', raw);
      expect(loadRecent(storage), raw).toEqual([]);
      rememberSession(session('a'), storage);
      expect(loadRecent(storage).map((r) => r.id)).toEqual(['a']);
    }
  });

  it('skips damaged entries but keeps the good ones', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      'dartboard.recent',
      JSON.stringify([
        session('good1'),
        null,
        'x',
        { id: 'no-link', title: 't', openedAt: 1 },
        { ...session('bad-time'), openedAt: '2024-01-01' },
        session('good2'),
      ]),
    );
    expect(loadRecent(storage).map((r) => r.id)).toEqual(['good1', 'good2']);
    forgetSession('good1', storage);
    expect(loadRecent(storage).map((r) => r.id)).toEqual(['good2']);
  });
});

describe('person id', () => {
  it('is made once and then kept, so the person keeps their colour across reloads', () => {
    const storage = new MemoryStorage();
    const first = loadPersonId(storage);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(loadPersonId(storage)).toBe(first);
    expect(storage.items.get('dartboard.person')).toBe(first);
  });

  it('differs between browsers', () => {
    expect(loadPersonId(new MemoryStorage())).not.toBe(loadPersonId(new MemoryStorage()));
  });

  it('replaces a damaged id', () => {
    const storage = new MemoryStorage();
    storage.setItem('dartboard.person', '<script>');
    const id = loadPersonId(storage);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(loadPersonId(storage)).toBe(id);
  });

  it('without storage, stays the same for as long as the page is open', () => {
    expect(loadPersonId(undefined)).toBe(loadPersonId(undefined));
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    expect(loadPersonId(refusing)).toBe(loadPersonId(undefined));
  });
});
