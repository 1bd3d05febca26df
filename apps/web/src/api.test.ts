import { describe, expect, it } from 'vitest';
import { clockOffset, dispositionFileName, fetchBoard } from './api';

// The HTTP calls themselves are covered by the browser tests against a real server; only what
// needs no network is tested here.
describe('fetchBoard', () => {
  it('reports a link without a token as such, without asking the server', async () => {
    await expect(fetchBoard('board1', '')).resolves.toEqual({ ok: false, reason: 'no_token' });
  });
});

describe('clockOffset', () => {
  it("is the server's time against the middle of the round trip", () => {
    expect(clockOffset(10_500, 1_000, 1_200)).toBe(9_400);
    expect(clockOffset(900, 1_000, 1_200)).toBe(-200);
  });

  it('is 0 when an older server sends no time', () => {
    expect(clockOffset(undefined, 1_000, 1_200)).toBe(0);
    expect(clockOffset('noon', 1_000, 1_200)).toBe(0);
  });
});

describe('dispositionFileName', () => {
  it("takes the server's file name, or the fallback", () => {
    expect(
      dispositionFileName('attachment; filename="dartboard-acme-2026-11-26.csv"', 'x.csv'),
    ).toBe('dartboard-acme-2026-11-26.csv');
    expect(dispositionFileName(null, 'dartboard-summary.csv')).toBe('dartboard-summary.csv');
    expect(dispositionFileName('attachment', 'dartboard-summary.md')).toBe('dartboard-summary.md');
  });

  it('prefers the UTF-8 name of filename*= to the ASCII one', () => {
    const header = `attachment; filename="dartboard-grosse-2026-11-26.pdf"; filename*=UTF-8''dartboard-gr%C3%B6%C3%9Fe-2026-11-26.pdf`;
    expect(dispositionFileName(header, 'x.pdf')).toBe('dartboard-größe-2026-11-26.pdf');
    const broken = `attachment; filename="dartboard-grosse-2026-11-26.pdf"; filename*=UTF-8''%E0%A4%A`;
    expect(dispositionFileName(broken, 'x.pdf')).toBe('dartboard-grosse-2026-11-26.pdf');
  });
});
