import { describe, expect, it } from 'vitest';
import type { BoardInfo } from '../api';
import {
  forgetReplaced,
  forgetTabBoard,
  lastChecked,
  rememberChecked,
  takeToken,
  wasReplaced,
} from './tabBoard';

/** A Storage-like key-value store in memory, standing in for sessionStorage. */
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

/** An address bar: what replaceState leaves in it. */
function addressBar(path: string, hash = '') {
  const location = { pathname: path, search: '', hash };
  const history = {
    state: null,
    replaceState(_state: unknown, _title: string, url?: string | URL | null) {
      const [pathAndQuery = '', fragment] = String(url).split('#');
      location.pathname = pathAndQuery;
      location.hash = fragment === undefined ? '' : `#${fragment}`;
    },
  };
  return { location, history };
}

const info = (role: BoardInfo['role'] = 'edit'): BoardInfo => ({
  id: 'b1',
  title: 'Acme',
  role,
  links: { edit: 'https://x/b/b1#token=abc', view: 'https://x/b/b1#token=def' },
});

describe('takeToken', () => {
  it('takes the token out of the address bar and keeps it for a reload of this tab', () => {
    const storage = new MemoryStorage();
    const { location, history } = addressBar('/b/b1', '#token=abc');
    expect(takeToken('b1', location, history, storage)).toBe('abc');
    expect(location.hash).toBe('');
    expect(location.pathname).toBe('/b/b1');

    // The reload: nothing in the address bar any more.
    const reloaded = addressBar('/b/b1');
    expect(takeToken('b1', reloaded.location, reloaded.history, storage)).toBe('abc');
    // Another board has no token in this tab.
    expect(takeToken('b2', addressBar('/b/b2').location, history, storage)).toBe('');
  });

  it('lets a link opened again win over the kept token, and drops what was said about the old one', () => {
    const storage = new MemoryStorage();
    const first = addressBar('/b/b1', '#token=old');
    takeToken('b1', first.location, first.history, storage);
    rememberChecked('b1', 'old', info(), storage);
    expect(lastChecked('b1', 'old', storage)).toEqual(info());

    const again = addressBar('/b/b1', '#token=new');
    expect(takeToken('b1', again.location, again.history, storage)).toBe('new');
    expect(lastChecked('b1', 'new', storage)).toBeUndefined();
    const reloaded = addressBar('/b/b1');
    expect(takeToken('b1', reloaded.location, reloaded.history, storage)).toBe('new');
  });

  it('keeps what the server said when the same link is opened again', () => {
    const storage = new MemoryStorage();
    rememberChecked('b1', 'abc', info('view'), storage);
    const again = addressBar('/b/b1', '#token=abc');
    takeToken('b1', again.location, again.history, storage);
    expect(lastChecked('b1', 'abc', storage)?.role).toBe('view');
  });
});

describe('what the tab keeps about a board', () => {
  it('answers only for the token it was told about', () => {
    const storage = new MemoryStorage();
    rememberChecked('b1', 'abc', info(), storage);
    expect(lastChecked('b1', 'abc', storage)).toEqual(info());
    expect(lastChecked('b1', 'other', storage)).toBeUndefined();
    expect(lastChecked('b2', 'abc', storage)).toBeUndefined();
  });

  it('forgets the token and the board together', () => {
    const storage = new MemoryStorage();
    rememberChecked('b1', 'abc', info(), storage);
    forgetTabBoard('b1', storage);
    expect(lastChecked('b1', 'abc', storage)).toBeUndefined();
    expect(takeToken('b1', addressBar('/b/b1').location, addressBar('/').history, storage)).toBe(
      '',
    );
  });

  it('remembers that the link was replaced, without its token, until another link is opened', () => {
    const storage = new MemoryStorage();
    rememberChecked('b1', 'abc', info(), storage);
    forgetReplaced('b1', storage);
    expect(wasReplaced('b1', storage)).toBe(true);
    expect(lastChecked('b1', 'abc', storage)).toBeUndefined();
    const reloaded = addressBar('/b/b1');
    expect(takeToken('b1', reloaded.location, reloaded.history, storage)).toBe('');

    const newLink = addressBar('/b/b1', '#token=new');
    expect(takeToken('b1', newLink.location, newLink.history, storage)).toBe('new');
    expect(wasReplaced('b1', storage)).toBe(false);
  });

  it('ignores damaged entries and works without storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('dartboard.board.b1', '{not json');
    expect(takeToken('b1', addressBar('/b/b1').location, addressBar('/').history, storage)).toBe(
      '',
    );
    storage.setItem('dartboard.board.b1', JSON.stringify({ token: 'abc', info: { id: 'b2' } }));
    expect(lastChecked('b1', 'abc', storage)).toBeUndefined();
    const { location, history } = addressBar('/b/b1', '#token=abc');
    expect(takeToken('b1', location, history, undefined)).toBe('abc');
    expect(location.hash).toBe('');
  });
});
