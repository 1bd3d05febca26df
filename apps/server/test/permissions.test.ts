import {
  addNote,
  addZone,
  addZoneOfKind,
  deleteNote,
  deleteZone,
  listNotes,
  listZones,
  metaMap,
  moveNote,
  moveZone,
  notesMap,
  readMeta,
  readNote,
  readZone,
  resizeNote,
  resizeZone,
  setNoteColor,
  setNoteLocked,
  setNoteText,
  setTitle,
  setZoneLocked,
  updateZoneText,
  zonesMap,
} from '@dartboard/board';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type CreatedBoard,
  collectRefusals,
  connectClient,
  createBoard,
  insertIntoListPart,
  startServer,
  type TestClient,
  type TestServer,
  waitFor,
} from './helpers.js';

// Every row of the permission table, with the stock y-websocket client: what a role may do
// reaches everyone; what it may not is refused, and the writer's own copy is put back.

let server: TestServer;
let board: CreatedBoard;
let facilitator: TestClient;
let customer: TestClient;
let customerRefusals: string[];
const extra: TestClient[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.cleanup());

beforeEach(async () => {
  board = await createBoard(server.url, { title: 'Permissions' });
  facilitator = connectClient(server.wsUrl, board.id, board.tokens.facilitator);
  customer = connectClient(server.wsUrl, board.id, board.tokens.edit);
  customerRefusals = collectRefusals(customer);
  await Promise.all([facilitator.synced, customer.synced]);
});
afterEach(() => {
  for (const client of [facilitator, customer, ...extra.splice(0)]) client.destroy();
});

function zoneId(client = facilitator): string {
  const zone = listZones(client.doc)[0];
  if (!zone) throw new Error('board has no zone');
  return zone.id;
}

/** Both copies equal, as JSON of the whole board. */
function boardJson(doc: Y.Doc): string {
  return JSON.stringify({ meta: readMeta(doc), zones: listZones(doc), notes: listNotes(doc) });
}

async function converged(what: string) {
  await waitFor(what, () => boardJson(facilitator.doc) === boardJson(customer.doc));
}

/** The stored board, as the server would give it to a new client. */
async function storedBoard(): Promise<string> {
  const fresh = connectClient(server.wsUrl, board.id, board.tokens.view);
  extra.push(fresh);
  await fresh.synced;
  return boardJson(fresh.doc);
}

async function expectRefused(sentence: string, change: () => void) {
  const before = boardJson(facilitator.doc);
  const refusals = customerRefusals.length;
  change();
  await waitFor('the refusal', () => customerRefusals.length > refusals);
  expect(customerRefusals.at(-1)).toBe(sentence);
  await converged('the customer snaps back');
  expect(boardJson(customer.doc)).toBe(before);
  expect(await storedBoard()).toBe(before);
  expect(customer.provider.wsconnected).toBe(true);
}

describe('the customer (edit link)', () => {
  it.each([
    [
      'move a zone',
      'Only the facilitator can move zones.',
      () => moveZone(customer.doc, zoneId(customer), 500, 500),
    ],
    [
      'resize a zone',
      'Only the facilitator can resize zones.',
      () => resizeZone(customer.doc, zoneId(customer), 300, 300),
    ],
    [
      'rename a zone',
      'Only the facilitator can rename zones.',
      () => updateZoneText(customer.doc, zoneId(customer), { title: 'Mine now' }),
    ],
    [
      'delete a zone',
      'Only the facilitator can delete zones.',
      () => deleteZone(customer.doc, zoneId(customer)),
    ],
    [
      'add a zone',
      'Only the facilitator can add zones.',
      () =>
        addZone(customer.doc, {
          kind: 'risk',
          title: 'Extra',
          x: 0,
          y: 0,
          width: 200,
          height: 200,
        }),
    ],
    [
      'lock a zone',
      'Only the facilitator can lock and unlock.',
      () => setZoneLocked(customer.doc, zoneId(customer), true),
    ],
    [
      'rename the board',
      'Only the facilitator can change the session details.',
      () => setTitle(customer.doc, 'Hijacked'),
    ],
  ])('may not %s', async (_what, sentence, change) => {
    await expectRefused(sentence, change);
  });

  it('may add, write, move, resize, colour and delete notes, and lock none', async () => {
    const id = addNote(customer.doc, { x: 10, y: 90, author: 'Chris', text: 'Budget' });
    setNoteText(customer.doc, id, 'Budget for Q3');
    moveNote(customer.doc, id, 200, 200);
    resizeNote(customer.doc, id, 300, 240);
    setNoteColor(customer.doc, id, '#93c5fd');
    await waitFor(
      'the note at the facilitator',
      () => readNote(facilitator.doc, id)?.color === '#93c5fd',
    );
    expect(readNote(facilitator.doc, id)).toMatchObject({
      text: 'Budget for Q3',
      x: 200,
      y: 200,
      width: 300,
      height: 240,
    });
    await expectRefused('Only the facilitator can lock and unlock.', () =>
      setNoteLocked(customer.doc, id, true),
    );
    const other = addNote(facilitator.doc, { x: 0, y: 0, author: 'Sam', text: 'Agenda' });
    await waitFor('the facilitator note', () => !!readNote(customer.doc, other));
    deleteNote(customer.doc, other);
    deleteNote(customer.doc, id);
    await waitFor('both deleted', () => listNotes(facilitator.doc).length === 0);
    expect(customerRefusals).toHaveLength(1);
  });

  it('may not change a locked note in any way, but may once it is unlocked', async () => {
    const id = addNote(facilitator.doc, { x: 10, y: 90, author: 'Sam', text: 'Price: 40k' });
    setNoteLocked(facilitator.doc, id, true);
    await waitFor('the locked note', () => readNote(customer.doc, id)?.locked === true);
    const locked = 'This note is locked by the facilitator.';
    await expectRefused(locked, () => setNoteText(customer.doc, id, 'Price: 4k'));
    await expectRefused(locked, () => moveNote(customer.doc, id, 900, 900));
    await expectRefused(locked, () => setNoteColor(customer.doc, id, '#86efac'));
    await expectRefused(locked, () => deleteNote(customer.doc, id));
    await expectRefused(locked, () => notesMap(customer.doc).set(id, new Y.Map()));
    // The note came back as the same note: text, place and lock.
    expect(readNote(customer.doc, id)).toMatchObject({ text: 'Price: 40k', x: 10, locked: true });

    setNoteLocked(facilitator.doc, id, false);
    await waitFor('unlocked', () => readNote(customer.doc, id)?.locked === false);
    setNoteText(customer.doc, id, 'Price: 38k');
    await waitFor('the edit', () => readNote(facilitator.doc, id)?.text === 'Price: 38k');
  });

  it('may still edit a note that sits in a locked zone', async () => {
    const zone = zoneId();
    setZoneLocked(facilitator.doc, zone, true);
    const z = readZone(facilitator.doc, zone);
    if (!z) throw new Error('no zone');
    await waitFor('locked zone', () => readZone(customer.doc, zone)?.locked === true);
    const id = addNote(customer.doc, { x: z.x + 20, y: z.y + 90, author: 'Chris', text: 'In it' });
    setNoteText(customer.doc, id, 'In the locked zone');
    await waitFor('the note', () => readNote(facilitator.doc, id)?.text === 'In the locked zone');
    expect(customerRefusals).toEqual([]);
  });

  it('keeps working after a refusal: later edits of the same client still arrive', async () => {
    await expectRefused('Only the facilitator can move zones.', () =>
      moveZone(customer.doc, zoneId(customer), 1, 1),
    );
    const id = addNote(customer.doc, { x: 0, y: 0, author: 'Chris', text: 'After' });
    setNoteText(customer.doc, id, 'After the refusal');
    await waitFor('later edit', () => readNote(facilitator.doc, id)?.text === 'After the refusal');
  });

  it('refuses the whole update when one part is not allowed', async () => {
    await expectRefused('Only the facilitator can move zones.', () =>
      customer.doc.transact(() => {
        addNote(customer.doc, { x: 0, y: 0, author: 'Chris', text: 'Sneaked in' });
        moveZone(customer.doc, zoneId(customer), 5, 5);
      }),
    );
    expect(listNotes(facilitator.doc)).toEqual([]);
  });
});

describe('the facilitator', () => {
  it('may add zones of any kind and remove them; the customer sees both, notes stay', async () => {
    await customer.synced;
    const risk = addZoneOfKind(facilitator.doc, 'risk', { x: 0, y: 0 });
    const free = addZoneOfKind(facilitator.doc, 'free');
    await waitFor('the new zones', () => listZones(customer.doc).length === 6);
    expect(readZone(customer.doc, free)).toMatchObject({ kind: 'free', title: 'Free zone' });
    const note = addNote(customer.doc, { x: 0, y: 0, author: 'Chris', text: 'Kept' });
    await waitFor('the note', () => !!readNote(facilitator.doc, note));
    deleteZone(facilitator.doc, risk);
    await waitFor('the zone removed', () => !readZone(customer.doc, risk));
    expect(readNote(customer.doc, note)?.text).toBe('Kept');
    expect(await storedBoard()).toBe(boardJson(facilitator.doc));
    expect(customerRefusals).toEqual([]);
  });
});

describe('values outside the schema are refused for every role', () => {
  const unfit = 'The board refused a change it cannot hold.';
  const noteOf = (client: TestClient) => {
    const [note] = listNotes(client.doc);
    const record = note && notesMap(client.doc).get(note.id);
    if (!(record instanceof Y.Map)) throw new Error('no note');
    return record;
  };

  beforeEach(async () => {
    addNote(facilitator.doc, { x: 0, y: 0, author: 'Sam', text: 'Target' });
    await waitFor('note', () => listNotes(customer.doc).length === 1);
  });

  it.each([
    ['a position that is text', (r: Y.Map<unknown>) => r.set('x', 'left')],
    ['a colour that is not #rrggbb', (r: Y.Map<unknown>) => r.set('color', 'url(javascript:x)')],
    ['a size beyond the limit', (r: Y.Map<unknown>) => r.set('width', 1e9)],
    ['a field the schema does not define', (r: Y.Map<unknown>) => r.set('onclick', 'alert(1)')],
    ['text that is not a Y.Text', (r: Y.Map<unknown>) => r.set('text', 'plain')],
    [
      'text over the length limit',
      (r: Y.Map<unknown>) => (r.get('text') as Y.Text).insert(0, 'x'.repeat(10_001)),
    ],
    ['an author over the length limit', (r: Y.Map<unknown>) => r.set('author', 'a'.repeat(500))],
  ])('from the customer: %s', async (_what, change) => {
    await expectRefused(unfit, () => change(noteOf(customer)));
  });

  it('from the facilitator too: a zone width of NaN, a meta field not in the schema', async () => {
    const refusals = collectRefusals(facilitator);
    const before = boardJson(customer.doc);
    const id = zoneId();
    (zonesMap(facilitator.doc).get(id) as Y.Map<unknown>).set('width', Number.NaN);
    metaMap(facilitator.doc).set('owner', 'Sam');
    await waitFor('two refusals', () => refusals.length === 2);
    expect(refusals).toEqual([unfit, unfit]);
    await waitFor('facilitator snaps back', () => boardJson(facilitator.doc) === before);
    expect(metaMap(facilitator.doc).has('owner')).toBe(false);
  });

  it.each([
    [
      'list items in the meta map',
      (doc: Y.Doc) => insertIntoListPart(doc, metaMap(doc), ['HIDDEN']),
    ],
    [
      'list items in a zone record',
      (doc: Y.Doc) =>
        insertIntoListPart(doc, zonesMap(doc).get(listZones(doc)[0]?.id ?? '') as Y.Map<unknown>, [
          'HIDDEN',
        ]),
    ],
    [
      'list items in a note record',
      (doc: Y.Doc) => insertIntoListPart(doc, noteOf({ doc } as TestClient), ['HIDDEN']),
    ],
    [
      'a map embedded in note text',
      (doc: Y.Doc) =>
        (noteOf({ doc } as TestClient).get('text') as Y.Text).insertEmbed(0, new Y.Map()),
    ],
    [
      'a text nested in a note field',
      (doc: Y.Doc) => noteOf({ doc } as TestClient).set('color', new Y.Text('HIDDEN')),
    ],
  ])('%s: refused from the facilitator too, and never stored', async (_what, change) => {
    const refusals = collectRefusals(facilitator);
    const before = boardJson(customer.doc);
    const serverId = server.app.rooms.loaded(board.id)?.doc.clientID;
    change(facilitator.doc);
    await waitFor('refusal', () => refusals.length === 1);
    expect(refusals[0]).toBe(unfit);
    await converged('back in step');
    expect(boardJson(customer.doc)).toBe(before);
    const room = server.app.rooms.loaded(board.id);
    await room?.flushed();
    const stored = await server.app.storage.loadDocument(board.id);
    const hidden = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1').includes('HIDDEN');
    expect(stored.updates.some(hidden)).toBe(false);
    // The text of the note still edits where it should.
    const id = listNotes(facilitator.doc)[0]?.id ?? '';
    setNoteText(facilitator.doc, id, 'Target, edited');
    await waitFor('edit', () => readNote(customer.doc, id)?.text === 'Target, edited');
    // The room writes its corrections under one client id (Yjs would pick a new one if a
    // restore ran as a remote transaction).
    expect(room?.doc.clientID).toBe(serverId);
  });

  it('a root the board does not have is refused and dropped from the writer', async () => {
    const refusals = collectRefusals(facilitator);
    facilitator.doc.getMap('evil').set('payload', 'x'.repeat(1000));
    await waitFor('refusal', () => refusals.length === 1);
    await waitFor('dropped', () => facilitator.doc.getMap('evil').size === 0);
    const fresh = connectClient(server.wsUrl, board.id, board.tokens.view);
    extra.push(fresh);
    await fresh.synced;
    expect(fresh.doc.getMap('evil').size).toBe(0);
    expect(facilitator.provider.wsconnected).toBe(true);
  });
});

describe('the view link', () => {
  it('writes nothing: its note is refused, dropped from its own copy and never stored', async () => {
    const viewer = connectClient(server.wsUrl, board.id, board.tokens.view);
    extra.push(viewer);
    const refusals = collectRefusals(viewer);
    await viewer.synced;
    const id = addNote(viewer.doc, { x: 0, y: 0, author: 'Eve', text: 'Forged' });
    await waitFor('refusal', () => refusals.length === 1);
    expect(refusals[0]).toBe('This is a view-only link: it cannot change the board.');
    await waitFor('dropped from the viewer', () => !readNote(viewer.doc, id));
    expect(readNote(facilitator.doc, id)).toBeUndefined();
    expect(JSON.parse(await storedBoard()).notes).toEqual([]);
    // The viewer still follows the board live.
    const live = addNote(facilitator.doc, { x: 0, y: 0, author: 'Sam', text: 'Live' });
    await waitFor('viewer follows', () => !!readNote(viewer.doc, live));
  });
});

describe('what is refused is never stored', () => {
  it('keeps refused text out of the stored log and the compacted document', async () => {
    const id = addNote(facilitator.doc, { x: 0, y: 0, author: 'Sam', text: 'Public' });
    setNoteLocked(facilitator.doc, id, true);
    await waitFor('locked note', () => readNote(customer.doc, id)?.locked === true);
    await expectRefused('This note is locked by the facilitator.', () =>
      setNoteText(customer.doc, id, 'SECRET-REFUSED-TEXT'),
    );
    await expectRefused('Only the facilitator can rename zones.', () =>
      updateZoneText(customer.doc, zoneId(customer), { title: 'SECRET-REFUSED-TITLE' }),
    );
    const contains = (bytes: Uint8Array) =>
      Buffer.from(bytes).toString('latin1').includes('SECRET');
    const room = server.app.rooms.loaded(board.id);
    await room?.flushed();
    const stored = await server.app.storage.loadDocument(board.id);
    expect(stored.updates.some(contains)).toBe(false);
    await room?.compact();
    const compacted = await server.app.storage.loadDocument(board.id);
    expect(compacted.updates).toHaveLength(1);
    expect(compacted.updates.some(contains)).toBe(false);
  });
});
