// The preparation's autosave against the real server: one save after a pause in the typing, the
// revision carried forward, the other version taken on a conflict, failures said in words.
import { defaultPrep } from '@dartboard/board';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchPrep, savePrep } from '../api';
import {
  type Cleanups,
  type CreatedBoard,
  createBoard,
  loadNode,
  type NodeModules,
  type ServerProcess,
  startServer,
} from '../sync/realServer.testing';
import { createPrepController, type PrepController } from './prep';

let node: NodeModules;
let dataDir: string;
let server: ServerProcess;
const cleanups: Cleanups = [];

beforeAll(async () => {
  node = await loadNode();
  dataDir = node.fs.mkdtempSync(`${node.tmpdir}/dartboard-client-prep-`);
  server = await startServer(node, cleanups, dataDir);
});
afterEach(async () => {
  vi.useRealTimers();
});
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  node.fs.rmSync(dataDir, { recursive: true, force: true });
});

function controller(board: CreatedBoard, token = board.tokens.facilitator): PrepController {
  const prep = createPrepController(
    {
      load: () => fetchPrep(board.id, token, server.url),
      save: (version) => savePrep(board.id, token, version, server.url),
    },
    20,
  );
  cleanups.push(() => prep.dispose());
  return prep;
}

/** Resolves once the controller has nothing left to send. */
async function settled(prep: PrepController): Promise<void> {
  await vi.waitFor(
    () => {
      expect(prep.unsaved()).toBe(false);
      expect(prep.store.getState().save.kind).not.toBe('pending');
    },
    { timeout: 5_000 },
  );
}

describe('the preparation controller', () => {
  it('loads the defaults, saves a burst of edits once it pauses, and builds on the new revision', async () => {
    const board = await createBoard(server);
    const prep = controller(board);
    await prep.load();
    expect(prep.store.getState()).toMatchObject({ load: { kind: 'ready' }, revision: 0 });
    expect(prep.store.getState().prep).toEqual(defaultPrep());
    for (const goal of ['A', 'Ag', 'Agree the pilot']) prep.edit((p) => ({ ...p, goal }));
    expect(prep.store.getState().save.kind).toBe('pending');
    await settled(prep);
    expect(prep.store.getState()).toMatchObject({ revision: 1, save: { kind: 'saved' } });
    prep.edit((p) => ({ ...p, customer: 'Dana' }));
    await settled(prep);
    expect(prep.store.getState().revision).toBe(2);
    const stored = await fetchPrep(board.id, board.tokens.facilitator, server.url);
    expect(stored.prep).toMatchObject({ goal: 'Agree the pilot', customer: 'Dana' });
  });

  it('takes the version saved elsewhere first, and says so', async () => {
    const board = await createBoard(server);
    const laptop = controller(board);
    const phone = controller(board);
    await Promise.all([laptop.load(), phone.load()]);
    laptop.edit((p) => ({ ...p, goal: 'From the laptop' }));
    await settled(laptop);
    phone.edit((p) => ({ ...p, goal: 'From the phone' }));
    await settled(phone);
    expect(phone.store.getState()).toMatchObject({
      revision: 1,
      save: { kind: 'conflict' },
      prep: { goal: 'From the laptop' },
    });
    // The next change builds on the version it took.
    phone.edit((p) => ({ ...p, notes: 'Then the phone' }));
    await settled(phone);
    expect(phone.store.getState()).toMatchObject({ revision: 2, save: { kind: 'saved' } });
  });

  it('does not send a question without words, and says what to do', async () => {
    const board = await createBoard(server);
    const prep = controller(board);
    await prep.load();
    prep.edit((p) => ({
      ...p,
      questions: p.questions.map((q, i) => (i === 0 ? { ...q, text: '' } : q)),
    }));
    await vi.waitFor(() =>
      expect(prep.store.getState().save).toEqual({
        kind: 'failed',
        reason: 'a question is empty: write it or remove it',
      }),
    );
    expect((await fetchPrep(board.id, board.tokens.facilitator, server.url)).revision).toBe(0);
  });

  it('says why it cannot load or save, and saves once the cause is gone', async () => {
    const board = await createBoard(server);
    const refused = controller(board, board.tokens.edit);
    await refused.load();
    expect(refused.store.getState().load).toEqual({
      kind: 'failed',
      reason: 'Only the facilitator link can open the preparation.',
    });
    const prep = controller(board);
    await prep.load();
    prep.edit((p) => ({ ...p, notes: 'x'.repeat(20_001) }));
    await vi.waitFor(() => expect(prep.store.getState().save.kind).toBe('failed'));
    prep.edit((p) => ({ ...p, notes: 'short' }));
    await prep.save();
    expect(prep.store.getState()).toMatchObject({ revision: 1, save: { kind: 'saved' } });
  });
});
