import { addNote, DART_ZONES, listZones } from '@dartboard/board';
import { XMLValidator } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CreatedBoard,
  connectClient,
  createBoard,
  startServer,
  type TestClient,
  type TestServer,
} from './helpers.js';

let server: TestServer;
let board: CreatedBoard;
let editor: TestClient;
const BLUE = '#93c5fd';
let zoneId: string;
const zone = DART_ZONES[0] ?? { x: 0, y: 0, width: 900, height: 700 };
/** A blue note in the first zone, its text at the top, plain paper at its centre. */
const NOTE = { x: zone.x + 100, y: zone.y + 200, width: 200, height: 160 };

function picture(query: string, token = board.tokens.facilitator) {
  return fetch(`${server.url}/api/boards/${board.id}/summary?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

async function png(query: string): Promise<PNG> {
  const response = await picture(`format=png&${query}`);
  expect(response.status).toBe(200);
  return PNG.sync.read(Buffer.from(await response.arrayBuffer()));
}

function pixel(image: PNG, x: number, y: number): string {
  const at = (Math.round(y) * image.width + Math.round(x)) * 4;
  return `#${[0, 1, 2].map((i) => (image.data[at + i] ?? 0).toString(16).padStart(2, '0')).join('')}`;
}

beforeAll(async () => {
  // The 5,000-note PNG below can take longer than the 30 s allowed by default on a busy machine.
  server = await startServer({ exportTimeoutMs: 200_000 });
  board = await createBoard(server.url, { title: 'Acme: pictures' });
  editor = connectClient(server.wsUrl, board.id, board.tokens.edit);
  await editor.synced;
  zoneId = listZones(editor.doc)[0]?.id ?? '';
  addNote(editor.doc, { ...NOTE, color: BLUE, author: 'Sam', text: 'Blue note' });
  addNote(editor.doc, { x: zone.x + 400, y: zone.y + 200, author: 'Chris', text: '<b>&"hi"' });
  // The server has both notes once its picture shows them.
  const deadline = Date.now() + 15_000;
  for (;;) {
    const svg = await (await picture('format=svg')).text();
    if (svg.includes('Blue note') && svg.includes('&lt;b&gt;')) break;
    if (Date.now() > deadline) throw new Error('the notes never reached the server');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 30_000);

afterAll(async () => {
  editor?.destroy();
  await server?.cleanup();
});

describe('format=svg', () => {
  it('downloads the board as an SVG document', async () => {
    const response = await picture('format=svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="dartboard-acme-pictures-\d{4}-\d{2}-\d{2}\.svg"$/,
    );
    const svg = await response.text();
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('>Blue note<');
    expect(svg).toContain('&lt;b&gt;&amp;&quot;hi&quot;');
    expect(svg).toContain('>Dialogue<');
  });

  it('answers 400 for a zone that is not on the board', async () => {
    const response = await picture('format=svg&zone=nope');
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe('There is no zone "nope" on this board.');
  });
});

describe('format=png', () => {
  it('downloads the board as a PNG with each note in its colour', async () => {
    const response = await picture('format=png');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toMatch(
      /filename="dartboard-acme-pictures-[\d-]+\.png"$/,
    );
    const image = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
    expect(image.width).toBeGreaterThan(zone.width);
  });

  it('crops to one zone with zone=, and scales with scale=', async () => {
    const whole = await png('');
    const cropped = await png(`zone=${zoneId}`);
    // A zone's picture is the zone with 20 board units around it.
    expect(cropped.width).toBe(zone.width + 40);
    expect(cropped.height).toBe(zone.height + 40);
    expect(cropped.width).toBeLessThan(whole.width);
    const centre = {
      x: NOTE.x - zone.x + 20 + NOTE.width / 2,
      y: NOTE.y - zone.y + 20 + NOTE.height / 2,
    };
    expect(pixel(cropped, centre.x, centre.y)).toBe(BLUE);
    const double = await png(`zone=${zoneId}&scale=2`);
    expect(double.width).toBe(cropped.width * 2);
    expect(pixel(double, centre.x * 2, centre.y * 2)).toBe(BLUE);
  });

  it('answers 400 for a scale out of range and an unknown zone', async () => {
    for (const scale of ['0.1', '5', 'abc', '-1', '1e3']) {
      const response = await picture(`format=png&scale=${scale}`);
      expect(response.status, scale).toBe(400);
      expect((await response.json()).message).toContain('scale must be a number from 0.25 to 4');
    }
    expect((await picture('format=png&zone=nope')).status).toBe(400);
  });

  it('is for the facilitator only: the edit and view links get 403', async () => {
    for (const token of [board.tokens.edit, board.tokens.view]) {
      expect((await picture('format=png', token)).status).toBe(403);
      expect((await picture('format=svg', token)).status).toBe(403);
    }
  });
});

describe('a big picture', () => {
  let big: CreatedBoard;
  let writer: TestClient;

  beforeAll(async () => {
    big = await createBoard(server.url, { title: 'Big' });
    writer = connectClient(server.wsUrl, big.id, big.tokens.edit);
    await writer.synced;
    // 5,000 notes in batches, each under the relay's message limit.
    for (let batch = 0; batch < 10; batch++) {
      writer.doc.transact(() => {
        for (let i = 0; i < 500; i++) {
          const n = batch * 500 + i;
          addNote(writer.doc, {
            x: 2000 + (n % 100) * 220,
            y: 2000 + Math.floor(n / 100) * 180,
            author: `Person ${n % 7}`,
            text: `Note ${n}: a few words about what was said, long enough to wrap over lines`,
          });
        }
      });
    }
    const deadline = Date.now() + 30_000;
    for (;;) {
      const response = await fetch(`${server.url}/api/boards/${big.id}/summary?format=json`, {
        headers: { authorization: `Bearer ${big.tokens.facilitator}` },
      });
      const count = ((await response.json()) as { noteCount: number }).noteCount;
      if (count >= 5000) break;
      if (Date.now() > deadline) throw new Error(`only ${count} notes reached the server`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 60_000);

  afterAll(() => writer?.destroy());

  it('answers 400 when the PNG would be too large', async () => {
    const response = await fetch(`${server.url}/api/boards/${big.id}/summary?format=png&scale=4`, {
      headers: { authorization: `Bearer ${big.tokens.facilitator}` },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/at most 16000 on a side and 64 million/);
  });

  it('keeps the server answering while a 5,000-note PNG is drawn', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = Date.now();
    const drawing = fetch(`${server.url}/api/boards/${big.id}/summary?format=png&scale=0.25`, {
      headers: { authorization: `Bearer ${big.tokens.facilitator}` },
    });
    // Small requests answer while the picture is drawn in a worker thread.
    const answered: number[] = [];
    for (let i = 0; i < 5; i++) {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.ok).toBe(true);
      answered.push(Date.now() - started);
    }
    const response = await drawing;
    const took = Date.now() - started;
    clearInterval(timer);
    expect(response.status).toBe(200);
    const image = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
    expect(image.width).toBeGreaterThan(1000);
    // Every health check answered before the picture was done, and the timers kept running.
    expect(Math.max(...answered)).toBeLessThan(took);
    expect(ticks).toBeGreaterThan(0);
  }, 240_000);
});
