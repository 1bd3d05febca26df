import { describe, expect, it } from 'vitest';
import { parseRoute, syncUrl, tokenFromHash } from './links';

describe('parseRoute', () => {
  it('sends the root to the landing page', () => {
    expect(parseRoute('/')).toEqual({ page: 'landing' });
    expect(parseRoute('')).toEqual({ page: 'landing' });
  });

  it('reads the board id from /b/<id>, with or without a trailing slash', () => {
    expect(parseRoute('/b/Ab3_x-9')).toEqual({ page: 'board', boardId: 'Ab3_x-9' });
    expect(parseRoute('/b/Ab3_x-9/')).toEqual({ page: 'board', boardId: 'Ab3_x-9' });
    const longest = 'a'.repeat(64);
    expect(parseRoute(`/b/${longest}`)).toEqual({ page: 'board', boardId: longest });
  });

  it('shows the missing page for any other path', () => {
    const paths = [
      '/b',
      '/b/',
      '/b//',
      '/b/abc/def',
      '/b/abc%2F..',
      '/b/../admin',
      '/b/a.b',
      '/b/<script>',
      `/b/${'a'.repeat(65)}`,
      '/board/abc',
      '/B/abc',
      '/x/b/abc',
      '/api/boards',
    ];
    for (const path of paths) expect(parseRoute(path), path).toEqual({ page: 'missing' });
  });
});

describe('tokenFromHash', () => {
  it('reads the token from the fragment, with or without the #', () => {
    expect(tokenFromHash('#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromHash('token=abc')).toBe('abc');
  });

  it('finds the token among other fragment parameters, the first if there are several', () => {
    expect(tokenFromHash('#view=outline&token=abc&x=1')).toBe('abc');
    expect(tokenFromHash('#token=first&token=second')).toBe('first');
  });

  it('keeps every character of a base64url token', () => {
    const token = 'Zm9v_YmFy-YmF6_cXV4-MTIzNDU2Nzg5MA_AbCdEfGhIjK';
    expect(tokenFromHash(`#token=${token}`)).toBe(token);
  });

  it('is empty when there is no token', () => {
    for (const hash of ['', '#', '#token', '#token=', '#token=%20%20', '#tok=abc', '#other=1']) {
      expect(tokenFromHash(hash), hash).toBe('');
    }
  });

  it('does not throw on malformed fragments', () => {
    expect(() => tokenFromHash('#token=%E0%A4%A')).not.toThrow();
    expect(() => tokenFromHash('#%%%&&&==')).not.toThrow();
    expect(tokenFromHash('#%%%&&&==')).toBe('');
    expect(tokenFromHash('#&&token=abc&&')).toBe('abc');
  });
});

describe('syncUrl', () => {
  it('uses wss on https pages and ws on http pages, on the page’s own host and port', () => {
    expect(syncUrl({ protocol: 'https:', host: 'board.example.com' })).toBe(
      'wss://board.example.com/sync',
    );
    expect(syncUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/sync');
  });
});
