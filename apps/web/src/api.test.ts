import { describe, expect, it } from 'vitest';
import { fetchBoard } from './api';

// The HTTP calls themselves are covered by the browser tests against a real server; only what
// needs no network is tested here.
describe('fetchBoard', () => {
  it('reports a link without a token as such, without asking the server', async () => {
    await expect(fetchBoard('board1', '')).resolves.toEqual({ ok: false, reason: 'no_token' });
  });
});
