import {
  addNote,
  addZone,
  agreeToGroundRules,
  endSession,
  joinSession,
  listPeople,
  metaMap,
  peopleMap,
  personIdFor,
  placeDot,
  readGroundRules,
  readPerson,
  revealVotes,
  SESSION_ENDED_MESSAGE,
  setGroundRules,
  startVote,
  takeDot,
  tallyVotes,
  writeBallot,
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

// Ground rules and dot voting with the stock client: the facilitator alone starts and reveals
// votes and edits the rules (meta fields); each person writes only their own record, under the
// person id their writer key derives to, and only dots the open vote allows.

const ONLY_FACILITATOR = 'Only the facilitator can change the session details.';
const NOT_YOURS = 'Only the person themselves can change their agreement and their dots.';
const UNFIT = 'The board refused a change it cannot hold.';
const CUSTOMER_KEY = 'customer-writer-key-0001';
const FACILITATOR_KEY = 'facilitator-writer-key-01';

let server: TestServer;
let board: CreatedBoard;
let facilitator: TestClient;
let customer: TestClient;
let refusals: string[];
let me: string;
let host: string;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.cleanup());

beforeEach(async () => {
  board = await createBoard(server.url, { title: 'Votes', template: 'blank' });
  facilitator = connectClient(server.wsUrl, board.id, board.tokens.facilitator, FACILITATOR_KEY);
  customer = connectClient(server.wsUrl, board.id, board.tokens.edit, CUSTOMER_KEY);
  refusals = collectRefusals(customer);
  await Promise.all([facilitator.synced, customer.synced]);
  me = personIdFor(board.id, CUSTOMER_KEY);
  host = personIdFor(board.id, FACILITATOR_KEY);
});
afterEach(() => {
  facilitator.destroy();
  customer.destroy();
});

/** JSON with object keys in name order (copies may list map fields in any order). */
function sorted(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
  return Object.fromEntries(entries.map(([key, inner]) => [key, sorted(inner)]));
}

const json = (doc: Y.Doc) =>
  JSON.stringify(sorted({ meta: metaMap(doc).toJSON(), people: peopleMap(doc).toJSON() }));

/** The board as a newly joining client gets it from the server. */
async function stored(): Promise<Y.Doc> {
  const fresh = connectClient(server.wsUrl, board.id, board.tokens.view);
  await fresh.synced;
  const doc = fresh.doc;
  fresh.provider.destroy();
  return doc;
}

async function seen(change: () => void, by: TestClient = facilitator) {
  change();
  await waitFor('everyone sees it', () => json(customer.doc) === json(facilitator.doc));
  expect(json(by.doc)).toBe(json(facilitator.doc));
}

async function refused(sentence: string, change: () => void, client = customer, list = refusals) {
  const before = json(facilitator.doc);
  const count = list.length;
  change();
  await waitFor('the refusal', () => list.length > count);
  expect(list.at(-1)).toBe(sentence);
  await waitFor('the writer snaps back', () => json(client.doc) === before);
  expect(json(await stored())).toBe(before);
}

describe('people records', () => {
  it('a person records themselves and agrees to the ground rules; everyone sees it', async () => {
    await seen(() => joinSession(customer.doc, me, 'Cy', 'edit', Date.now()), customer);
    await seen(() => agreeToGroundRules(customer.doc, me, true, Date.now()), customer);
    expect(readPerson(facilitator.doc, me)).toMatchObject({ name: 'Cy', role: 'edit' });
    expect(readPerson(await stored(), me)?.agreedAt).toBeGreaterThan(0);
  });

  it("nobody writes another person's record, nor one without a writer key", async () => {
    await seen(() => joinSession(facilitator.doc, host, 'Ann', 'facilitator', Date.now()));
    await refused(NOT_YOURS, () => agreeToGroundRules(customer.doc, host, true, Date.now()));
    await refused(NOT_YOURS, () =>
      joinSession(customer.doc, 'someoneElseSomeoneElse', 'X', 'edit', 1),
    );
    const keyless = connectClient(server.wsUrl, board.id, board.tokens.edit);
    const keylessRefusals = collectRefusals(keyless);
    await keyless.synced;
    try {
      await refused(
        NOT_YOURS,
        () => joinSession(keyless.doc, me, 'Cy', 'edit', 1),
        keyless,
        keylessRefusals,
      );
    } finally {
      keyless.destroy();
    }
  });

  it('a record claiming another role than the link, or unknown fields, is refused', async () => {
    await refused(UNFIT, () => joinSession(customer.doc, me, 'Cy', 'facilitator', 1));
    await seen(() => joinSession(customer.doc, me, 'Cy', 'edit', 1), customer);
    const record = peopleMap(customer.doc).get(me) as Y.Map<unknown>;
    await refused(UNFIT, () => record.set('isHost', true));
    await refused(UNFIT, () => record.set('name', 'x'.repeat(81)));
  });

  it('a view link writes no record, even with a writer key', async () => {
    const viewer = connectClient(
      server.wsUrl,
      board.id,
      board.tokens.view,
      'viewer-writer-key-00001',
    );
    const viewerRefusals = collectRefusals(viewer);
    await viewer.synced;
    try {
      const id = personIdFor(board.id, 'viewer-writer-key-00001');
      await refused(
        'This is a view-only link: it cannot change the board.',
        () => joinSession(viewer.doc, id, 'Vi', 'view', 1),
        viewer,
        viewerRefusals,
      );
    } finally {
      viewer.destroy();
    }
  });

  it('once the session ended read-only, a customer may no longer agree', async () => {
    await seen(() => joinSession(customer.doc, me, 'Cy', 'edit', 1), customer);
    await seen(() => endSession(facilitator.doc, Date.now(), true));
    await refused(SESSION_ENDED_MESSAGE, () => agreeToGroundRules(customer.doc, me, true, 2));
  });
});

describe("ground rules and votes are the facilitator's", () => {
  it('the customer may not edit the rules, start, reveal or clear a vote', async () => {
    await refused(ONLY_FACILITATOR, () => setGroundRules(customer.doc, ['Anything goes']));
    await refused(ONLY_FACILITATOR, () => startVote(customer.doc, {}, Date.now()));
    await seen(() => startVote(facilitator.doc, { dots: 2 }, Date.now()));
    await refused(ONLY_FACILITATOR, () => revealVotes(customer.doc, Date.now()));
    await seen(() => setGroundRules(facilitator.doc, ['Listen first']));
    expect(readGroundRules(customer.doc)).toEqual(['Listen first']);
  });
});

describe('dots', () => {
  let a: string;
  let b: string;
  beforeEach(async () => {
    await seen(() => {
      a = addNote(facilitator.doc, { x: 0, y: 0, author: 'Ann', text: 'Pilot' });
      b = addNote(facilitator.doc, { x: 3000, y: 0, author: 'Ann', text: 'Training' });
      joinSession(facilitator.doc, host, 'Ann', 'facilitator', 1);
    });
    await seen(() => joinSession(customer.doc, me, 'Cy', 'edit', 2), customer);
  });

  it('are refused before a vote starts', async () => {
    await refused('Voting is closed.', () =>
      writeBallot(customer.doc, me, { voteId: 'novote', dots: { [a]: 1 } }),
    );
  });

  it('a person places and takes back their own dots within the budget', async () => {
    await seen(() => startVote(facilitator.doc, { dots: 2 }, Date.now()));
    await seen(() => expect(placeDot(customer.doc, me, a)).toBe('placed'), customer);
    await seen(() => expect(placeDot(customer.doc, me, b)).toBe('placed'), customer);
    const voteId = (metaMap(customer.doc).get('vote') as { id: string }).id;
    // A crafted client skipping placeDot's own check: the relay counts the dots itself.
    await refused('You have used all your 2 dots.', () =>
      writeBallot(customer.doc, me, { voteId, dots: { [a]: 2, [b]: 1 } }),
    );
    await seen(() => expect(takeDot(customer.doc, me, a)).toBe('taken'), customer);
    await seen(() => expect(placeDot(customer.doc, me, b)).toBe('placed'), customer);
    await seen(() => placeDot(facilitator.doc, host, a));
    await seen(() => revealVotes(facilitator.doc, Date.now()));
    expect(tallyVotes(await stored())).toEqual([
      { noteId: b, dots: 2, voters: ['Cy', 'Cy'] },
      { noteId: a, dots: 1, voters: ['Ann'] },
    ]);
    // The page offers no dot once votes are revealed; a crafted client is refused.
    expect(takeDot(customer.doc, me, b)).toBe('closed');
    await refused('Voting is closed.', () =>
      writeBallot(customer.doc, me, { voteId, dots: { [b]: 1 } }),
    );
    await refused('Voting is closed.', () => writeBallot(customer.doc, me, null));
  });

  it("are refused on a card outside the vote's zone, on a missing card, and for an old vote", async () => {
    let zone = '';
    await seen(() => {
      zone = addZone(facilitator.doc, {
        kind: 'risk',
        title: 'Risk',
        x: -50,
        y: -50,
        width: 900,
        height: 700,
      });
      startVote(facilitator.doc, { zoneId: zone }, Date.now());
    });
    const voteId = (metaMap(customer.doc).get('vote') as { id: string }).id;
    await refused('This vote is only on the cards of one zone.', () =>
      writeBallot(customer.doc, me, { voteId, dots: { [b]: 1 } }),
    );
    await refused('That card is no longer on the board.', () =>
      writeBallot(customer.doc, me, { voteId, dots: { nosuchcard: 1 } }),
    );
    await refused('That vote is over; a new one has started.', () =>
      writeBallot(customer.doc, me, { voteId: 'anOlderVote', dots: { [a]: 1 } }),
    );
    await seen(() => expect(placeDot(customer.doc, me, a)).toBe('placed'), customer);
    expect(listPeople(await stored()).find((p) => p.id === me)?.ballot?.dots).toEqual({ [a]: 1 });
  });
});
