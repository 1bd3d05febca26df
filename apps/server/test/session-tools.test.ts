import {
  addMetric,
  addNote,
  endSession,
  goToStage,
  listNotes,
  metaMap,
  pauseTimer,
  readNote,
  readSessionEnd,
  readStages,
  readTimer,
  resetTimer,
  SESSION_ENDED_MESSAGE,
  setNoteText,
  setStagesEnabled,
  startTimer,
} from '@dartboard/board';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  type CreatedBoard,
  collectRefusals,
  connectClient,
  createBoard,
  startServer,
  type TestClient,
  type TestServer,
  waitFor,
} from './helpers.js';

// The co-creation tools (timer, stages, metrics, ending the session) with the stock client:
// they live in the meta map, so only the facilitator may change them, and only to valid values.

const MINUTE = 60_000;
const ONLY_FACILITATOR = 'Only the facilitator can change the session details.';
const UNFIT = 'The board refused a change it cannot hold.';

let server: TestServer;
let board: CreatedBoard;
let facilitator: TestClient;
let customer: TestClient;
let customerRefusals: string[];
let facilitatorRefusals: string[];

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.cleanup());

beforeEach(async () => {
  board = await createBoard(server.url, { title: 'Session tools' });
  facilitator = connectClient(server.wsUrl, board.id, board.tokens.facilitator);
  customer = connectClient(server.wsUrl, board.id, board.tokens.edit);
  customerRefusals = collectRefusals(customer);
  facilitatorRefusals = collectRefusals(facilitator);
  await Promise.all([facilitator.synced, customer.synced]);
});
afterEach(() => {
  facilitator.destroy();
  customer.destroy();
});

/** The meta map as JSON, its fields in name order (copies may list them in any order). */
function metaJson(doc: Y.Doc): string {
  const meta = metaMap(doc).toJSON();
  return JSON.stringify(
    Object.fromEntries(Object.entries(meta).sort(([a], [b]) => (a < b ? -1 : 1))),
  );
}

/** The meta map as a newly joining client gets it from the server. */
async function storedMeta(): Promise<string> {
  const fresh = connectClient(server.wsUrl, board.id, board.tokens.view);
  try {
    await fresh.synced;
    return metaJson(fresh.doc);
  } finally {
    fresh.destroy();
  }
}

async function expectRefused(
  client: TestClient,
  refusals: string[],
  sentence: string,
  change: () => void,
) {
  const before = metaJson(facilitator.doc);
  const count = refusals.length;
  change();
  await waitFor('the refusal', () => refusals.length > count);
  expect(refusals.at(-1)).toBe(sentence);
  await waitFor('the writer snaps back', () => metaJson(client.doc) === before);
  expect(await storedMeta()).toBe(before);
}

/** Runs a facilitator's change and waits until the customer sees the meta map the same. */
async function byFacilitator(change: () => void) {
  change();
  await waitFor('the customer sees it', () => metaJson(customer.doc) === metaJson(facilitator.doc));
}

describe('the customer (edit link)', () => {
  it.each([
    ['start the timer', () => startTimer(customer.doc, 5 * MINUTE, Date.now())],
    ['turn the stages on', () => setStagesEnabled(customer.doc, true, Date.now())],
    [
      'add a test metric',
      () => addMetric(customer.doc, { metric: 'NPS', target: '40', kind: 'success' }),
    ],
    ['end the session', () => endSession(customer.doc, Date.now(), true)],
  ])('may not %s', async (_what, change) => {
    await expectRefused(customer, customerRefusals, ONLY_FACILITATOR, change);
  });

  it('may not pause, reset, move the stage or edit the metrics the facilitator set', async () => {
    await byFacilitator(() => {
      startTimer(facilitator.doc, 3 * MINUTE, Date.now());
      setStagesEnabled(facilitator.doc, true, Date.now());
      addMetric(facilitator.doc, { metric: 'NPS', target: '40', kind: 'success' });
    });
    const refuse = (change: () => void) =>
      expectRefused(customer, customerRefusals, ONLY_FACILITATOR, change);
    await refuse(() => pauseTimer(customer.doc, Date.now()));
    await refuse(() => resetTimer(customer.doc));
    await refuse(() => goToStage(customer.doc, 'test', Date.now()));
    await refuse(() => addMetric(customer.doc, { metric: 'Churn', target: '-5', kind: 'success' }));
    expect(readTimer(customer.doc)?.endsAt).not.toBeNull();
    expect(readStages(customer.doc).current).toBe('objective');
  });
});

describe('the facilitator', () => {
  it('runs the timer, the stages and the metrics, and everyone sees them', async () => {
    const now = Date.now();
    await byFacilitator(() => startTimer(facilitator.doc, MINUTE, now));
    expect(readTimer(customer.doc)).toEqual({
      durationMs: MINUTE,
      endsAt: now + MINUTE,
      remainingMs: MINUTE,
    });
    await byFacilitator(() => pauseTimer(facilitator.doc, now + 10_000));
    expect(readTimer(customer.doc)?.remainingMs).toBe(50_000);
    await byFacilitator(() => resetTimer(facilitator.doc));
    expect(readTimer(customer.doc)?.remainingMs).toBe(MINUTE);

    await byFacilitator(() => setStagesEnabled(facilitator.doc, true, now));
    await byFacilitator(() => goToStage(facilitator.doc, 'test', now + 1000));
    await byFacilitator(() =>
      addMetric(facilitator.doc, { metric: 'Onboarding', target: '2 days', kind: 'success' }),
    );
    expect(readStages(customer.doc)).toMatchObject({ enabled: true, current: 'test' });
    expect(JSON.parse(await storedMeta()).metrics).toEqual([
      { metric: 'Onboarding', target: '2 days', kind: 'success' },
    ]);

    // Ending it: the summary the facilitator exports has the stages, the metrics and the end.
    await byFacilitator(() => endSession(facilitator.doc, now + 90 * MINUTE, true));
    const response = await fetch(`${server.url}/api/boards/${board.id}/summary?format=json`, {
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    });
    const summary = await response.json();
    expect(summary).toMatchObject({
      endedAt: new Date(now + 90 * MINUTE).toISOString(),
      durationMs: 90 * MINUTE,
      metrics: [{ metric: 'Onboarding', target: '2 days', kind: 'success' }],
    });
    expect(summary.stages.find((s: { current: boolean }) => s.current)).toMatchObject({
      label: 'Test',
      startedAt: new Date(now + 1000).toISOString(),
    });
    expect(facilitatorRefusals).toEqual([]);
  });

  it.each([
    ['a timer of zero length', { durationMs: 0, endsAt: null, remainingMs: 0 }],
    ['a timer of a day', { durationMs: 86_400_000, endsAt: null, remainingMs: 0 }],
    ['a timer with text for a time', { durationMs: MINUTE, endsAt: 'soon', remainingMs: 0 }],
    ['a timer as a number', 60_000],
    ['a step that does not exist', { enabled: true, current: 'dinner', startedAt: {} }],
    [
      'a stage start that is not a time',
      { enabled: true, current: 'test', startedAt: { test: -1 } },
    ],
    ['a metric of another kind', [{ metric: 'NPS', target: '40', kind: 'vanity' }]],
    ['an end time that is text', 'yesterday'],
  ])('is refused %s', async (what, value) => {
    const field = what.includes('timer')
      ? 'timer'
      : what.includes('metric')
        ? 'metrics'
        : what.includes('end time')
          ? 'endedAt'
          : 'stages';
    await expectRefused(facilitator, facilitatorRefusals, UNFIT, () =>
      metaMap(facilitator.doc).set(field, value),
    );
  });
});

describe('ending the session read-only', () => {
  it("refuses the customer's note writes and says why; the facilitator still writes", async () => {
    const id = addNote(customer.doc, { x: 0, y: 0, author: 'Chris', text: 'Before the end' });
    await waitFor('the note', () => readNote(facilitator.doc, id) !== undefined);
    await byFacilitator(() => endSession(facilitator.doc, Date.now(), true));
    expect(readSessionEnd(customer.doc).readOnly).toBe(true);

    for (const change of [
      () => addNote(customer.doc, { x: 400, y: 0, author: 'Chris', text: 'After the end' }),
      () => setNoteText(customer.doc, id, 'Changed after the end'),
    ]) {
      const count = customerRefusals.length;
      change();
      await waitFor('the refusal', () => customerRefusals.length > count);
      expect(customerRefusals.at(-1)).toBe(SESSION_ENDED_MESSAGE);
    }
    await waitFor('the customer snaps back', () => listNotes(customer.doc).length === 1);
    expect(readNote(customer.doc, id)?.text).toBe('Before the end');

    const late = addNote(facilitator.doc, { x: 800, y: 0, author: 'Sam', text: 'Next steps' });
    await waitFor('the facilitator note', () => readNote(customer.doc, late) !== undefined);
    expect(facilitatorRefusals).toEqual([]);
  });

  it('without read-only, only records the end: the customer still writes', async () => {
    await byFacilitator(() => endSession(facilitator.doc, Date.now(), false));
    const id = addNote(customer.doc, { x: 0, y: 0, author: 'Chris', text: 'Afterthought' });
    await waitFor('the note', () => readNote(facilitator.doc, id) !== undefined);
    expect(customerRefusals).toEqual([]);
  });
});
