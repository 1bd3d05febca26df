// The data exports over HTTP: the JSON form against its published schema (docs/
// summary.schema.json, checked with Ajv), and the CSV form read back with a real CSV parser.
import { readFileSync } from 'node:fs';
import {
  addNote,
  CSV_COLUMNS,
  joinSession,
  placeDot,
  SUMMARY_SCHEMA_VERSION,
  startVote,
} from '@dartboard/board';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { spinSession } from '../../../packages/board/src/summaryFixture.testing.js';
import {
  type CreatedBoard,
  connectClient,
  createBoard,
  startServer,
  type TestClient,
  type TestServer,
  waitFor,
} from './helpers.js';

const schema = JSON.parse(
  readFileSync(new URL('../../../docs/summary.schema.json', import.meta.url), 'utf8'),
) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

let server: TestServer;
/** A whole SPIN session: every card kind, four people, ground rules, a revealed vote, stages. */
let session: CreatedBoard;
let sessionIds: Record<string, string>;
/** A fresh board with one note, an open vote and no stages shown. */
let plain: CreatedBoard;

function exportOf(board: CreatedBoard, format: string) {
  return fetch(`${server.url}/api/boards/${board.id}/summary?format=${format}`, {
    headers: { authorization: `Bearer ${board.tokens.facilitator}` },
  });
}

const clients: TestClient[] = [];

/**
 * A change of the server's own to the board (stored and relayed, as the relay's are); a
 * connected facilitator keeps the room loaded.
 */
async function onServer(board: CreatedBoard, write: (doc: Y.Doc) => void) {
  const client = connectClient(server.wsUrl, board.id, board.tokens.facilitator);
  clients.push(client);
  await client.synced;
  await waitFor('the room loaded', () => !!server.app.rooms.loaded(board.id));
  const room = server.app.rooms.loaded(board.id);
  if (!room) throw new Error('no room');
  await room.change(write);
}

beforeAll(async () => {
  server = await startServer();
  // The fixture's own title, so whichever copy of the title wins the merge, it reads the same.
  session = await createBoard(server.url, {
    title: 'Acme Logistics: fleet telematics',
    template: 'spin',
  });
  const fixture = spinSession();
  sessionIds = fixture.ids;
  await onServer(session, (doc) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(fixture.doc)));
  plain = await createBoard(server.url, { title: 'Plain' });
  await onServer(plain, (doc) => {
    const id = addNote(doc, { x: -900, y: -900, author: 'Sam', text: '=1+1, "quoted"' });
    addNote(doc, { x: -600, y: -900, author: 'Sam', text: '' });
    joinSession(doc, 'p-sam', 'Sam', 'facilitator', Date.now());
    startVote(doc, { dots: 2 }, Date.now());
    placeDot(doc, 'p-sam', id);
  });
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.cleanup();
});

describe('format=json and docs/summary.schema.json', () => {
  it('starts with schemaVersion and validates against the schema, for a whole session', async () => {
    const response = await exportOf(session, 'json');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^\{\s*"schemaVersion": 1,/);
    const json = JSON.parse(text) as { schemaVersion: number; noteCount: number };
    expect(json.schemaVersion).toBe(SUMMARY_SCHEMA_VERSION);
    expect(json.noteCount).toBe(Object.keys(sessionIds).length);
    expect(validate(json), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('validates a board with an open vote, no stages and an empty note', async () => {
    const json = (await (await exportOf(plain, 'json')).json()) as object;
    expect(validate(json), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('rejects documents that are not a summary', async () => {
    const good = (await (await exportOf(session, 'json')).json()) as Record<string, unknown>;
    expect(validate(good)).toBe(true);
    const wrong: unknown[] = [
      {},
      { title: 'Only a title' },
      { ...good, schemaVersion: 2 },
      { ...good, noteCount: '23' },
      { ...good, generatedAt: 'yesterday' },
      { ...good, surprise: true },
      { ...good, stages: [] },
      {
        ...good,
        outside: {
          zoneId: null,
          kind: null,
          title: 'Outside',
          prompt: '',
          notes: [{ id: 'n', text: 'x', author: 'a', color: '#fde68a', createdAt: null }],
        },
      },
      {
        ...good,
        actions: [
          {
            id: 'n',
            text: 'x',
            author: 'a',
            color: '#fde68a',
            createdAt: null,
            card: { kind: 'spaceship' },
            owner: null,
            due: null,
          },
        ],
      },
    ];
    for (const document of wrong) expect(validate(document)).toBe(false);
    const { schemaVersion: _, ...unversioned } = good;
    expect(validate(unversioned)).toBe(false);
  });
});

describe('format=csv', () => {
  it('downloads UTF-8 CSV with a BOM, named after the board and the day', async () => {
    const response = await exportOf(session, 'csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="dartboard-acme-logistics-fleet-telematics-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(Object.keys(sessionIds).length);
    expect(rows.find((row) => row.id === sessionIds['idea-pilot'])).toMatchObject({
      kind: 'idea',
      zone: 'Need-payoff',
      votes: '3',
      feasibility: 'realistic',
    });
    expect(rows.find((row) => row.id === sessionIds.objective)).toMatchObject({
      zone: 'Objective',
      stage: 'objective',
    });
  });

  it('counts an open vote, neutralises a formula, leaves out an empty note', async () => {
    const rows = parse(await (await exportOf(plain, 'csv')).text(), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(rows).toEqual([expect.objectContaining({ text: '\'=1+1, "quoted"', votes: '1' })]);
  });

  it('is the facilitator’s only', async () => {
    const asEdit = await fetch(`${server.url}/api/boards/${plain.id}/summary?format=csv`, {
      headers: { authorization: `Bearer ${plain.tokens.edit}` },
    });
    expect(asEdit.status).toBe(403);
  });
});
