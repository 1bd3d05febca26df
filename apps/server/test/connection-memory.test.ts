import { setImmediate as tick } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { addNote } from '@dartboard/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app.js';
import { connectClient, createBoard, tempDataDir, waitFor } from './helpers.js';

// A board's connections live for a whole meeting: whatever each one holds, the server holds
// times the number of people, and every full garbage collection traces it again.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let app: Awaited<ReturnType<typeof buildServer>>;
let url: string;
/** The upgrade requests of /sync, their raw requests and replies, held weakly. */
const upgrades: WeakRef<object>[] = [];

beforeAll(async () => {
  app = await buildServer({ webRoot: null, dataDir: tempDataDir() });
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/sync/')) return;
    upgrades.push(new WeakRef(request), new WeakRef(request.raw), new WeakRef(reply));
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  url = `http://127.0.0.1:${address.port}`;
});
afterAll(() => app.close());

async function collect(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    // WeakRefs let go only once the job that last read them has ended.
    await tick();
    gc();
  }
}

describe('an open connection', () => {
  it('keeps nothing of the HTTP upgrade that opened it', async () => {
    const board = await createBoard(url);
    const client = connectClient(url.replace('http', 'ws'), board.id, board.tokens.edit);
    try {
      await client.synced;
      await waitFor('joined', () => app.rooms.loaded(board.id)?.connections.size === 1);
      expect(upgrades).toHaveLength(3);
      await collect();
      expect(upgrades.map((ref) => ref.deref() === undefined)).toEqual([true, true, true]);
      // And the connection still works both ways.
      const id = addNote(client.doc, { x: 0, y: 0, author: 'Ann', text: 'still live' });
      await waitFor(
        'applied',
        () => app.rooms.loaded(board.id)?.doc.getMap('notes').has(id) === true,
      );
    } finally {
      client.destroy();
    }
  });
});
