import { SUMMARY_HEADINGS, SUMMARY_MORE_HEADINGS } from '@dartboard/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPIN_SUMMARY_SECTIONS } from '../../../packages/board/src/summaryFixture.testing.js';
import { startServer, type TestServer } from './helpers.js';
import { type ReadPdf, readPdf } from './poppler.js';
import { HOSTILE_TEXT, type SampleSession, writeSampleSession } from './sampleSession.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.cleanup();
});

async function exportPdf(session: SampleSession): Promise<Response> {
  return fetch(`${server.url}/api/boards/${session.board.id}/summary?format=pdf`, {
    headers: { authorization: `Bearer ${session.board.tokens.facilitator}` },
  });
}

/** The non-empty lines of a page, trimmed, without the footer (the last two lines). */
function bodyLines(page: string): string[] {
  return page
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, -1);
}

/** Where each heading first stands alone on a line, in the text of all pages. */
function headingOrder(pdf: ReadPdf, headings: readonly string[]): number[] {
  const lines = pdf.pages.flatMap(bodyLines);
  return headings.map((heading) => lines.indexOf(heading));
}

describe('GET /api/boards/:id/summary?format=pdf', () => {
  let session: SampleSession;
  let pdf: ReadPdf;
  let text: string;

  beforeAll(async () => {
    session = await writeSampleSession(server, 'Größe & Übermaß: Flottenpilot 2027');
    const response = await exportPdf(session);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="dartboard-grosse-ubermass-flottenpilot-2027-(\d{4}-\d\d-\d\d)\.pdf"; filename\*=UTF-8''dartboard-gr%C3%B6%C3%9Fe-%C3%BCberma%C3%9F-flottenpilot-2027-\1\.pdf$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    pdf = readPdf(bytes);
    text = pdf.pages.join('\n');
  });

  it('has the title, date, customer, goal and participants on the first page, accents intact', () => {
    const first = pdf.pages[0] ?? '';
    expect(first).toContain('Größe & Übermaß: Flottenpilot 2027');
    expect(first).toMatch(/Session of \d{4}-\d\d-\d\d · \d+ notes/);
    const folded = first.replace(/\s+/g, ' ');
    expect(folded).toContain(
      'Participants Jörg Müller (facilitator), Begoña Núñez (participant), Zbyněk Łukasiewicz (participant)',
    );
    expect(folded).toContain('Customer Begoña Núñez (Transportes Añón S.L.)');
    expect(folded).toContain('Goal Einen Piloten für 2027 vereinbaren: un almacén, tres meses');
    expect(first).toMatch(/Session ended\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC · lasted 1 h 25 min/);
  });

  it('shows the board on the first page, and no other picture', () => {
    expect(pdf.pictures).toHaveLength(1);
    expect(pdf.pictures[0]).toMatchObject({ page: 1, width: 1400 });
  });

  it('has the sections in the order of the summary', () => {
    const order = headingOrder(pdf, SPIN_SUMMARY_SECTIONS);
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('puts the notes in their sections, German, Spanish, Polish and Czech text intact', () => {
    /** The lines from the heading `from` to the heading `to` (or the end). */
    const section = (from: string, to?: string) => {
      const lines = pdf.pages.flatMap(bodyLines);
      return lines.slice(lines.indexOf(from), to ? lines.indexOf(to) : undefined).join('\n');
    };
    const rules = section(SUMMARY_HEADINGS.groundRules, SUMMARY_MORE_HEADINGS.stages);
    expect(rules).toContain('1. Wir sprechen auf Augenhöhe — hablamos de igual a igual.');
    expect(rules).toMatch(/Agreed by Begoña Núñez \(.+ UTC\), Zbyněk Łukasiewicz/);
    const questions = section(SUMMARY_HEADINGS.questions, SUMMARY_HEADINGS.risksAndBenefits);
    expect(questions).toMatch(/•\s+Wie groß ist Ihre Flotte heute\? — Jörg Müller\n–\s+Größe: 140/);
    expect(questions).toContain('Übermaß an Leerfahrten');
    expect(questions).toContain('Łódź depot: příliš žluťoučký kůň úpěl ďábelské ódy');
    expect(questions).toContain('¿Cuánto cuesta un viaje de vuelta vacío?');
    expect(questions).toContain('el niño lo sabe');
    const risks = section(SUMMARY_HEADINGS.risksAndBenefits, SUMMARY_MORE_HEADINGS.ideas);
    expect(risks).toMatch(/RISKS\s+BENEFITS/);
    expect(risks).toMatch(/High: Los conductores rechazan .+High: Weniger Leerkilometer/);
    const votes = section(SUMMARY_HEADINGS.votes, SUMMARY_MORE_HEADINGS.metrics);
    expect(votes).toContain('2 dots each · on the whole board · revealed');
    expect(votes).toMatch(/1\. Piloto en un almacén — 2 dots \(Begoña Núñez, Zbyněk Łukasiewicz\)/);
    const actions = section(SUMMARY_HEADINGS.actions, SUMMARY_HEADINGS.commitments);
    expect(actions).toMatch(/WHAT\s+OWNER\s+DUE/);
    expect(actions).toMatch(/Pilotplan schicken\s+Jörg Müller\s+2026-12-01/);
    expect(actions).toMatch(/Preguntar al comité de empresa\s+Begoña Núñez\s+—/);
    const commitments = section(SUMMARY_HEADINGS.commitments);
    expect(commitments).toMatch(/Customer\n•\s+Un almacén para el piloto — Begoña Núñez/);
    expect(commitments).toMatch(/Supplier\n•\s+Tracker kostenlos einbauen — Jörg Müller/);
    expect(text).toContain('Leerkilometer — target: −20 % in 3 Monaten');
  });

  it('writes a hostile note as plain text: control characters gone, the long word wrapped', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
    expect(text).not.toMatch(/[\u0000-\u0008\u202A-\u202E]/);
    expect(text).toContain('Ignore this evil <script>alert(1)</script>');
    expect(text).toContain('<b>Mallory</b>');
    // The 400 x's break over lines inside the text width instead of running off the page.
    const xs = text.match(/x{20,}/g) ?? [];
    expect(xs.length).toBeGreaterThan(1);
    expect(xs.join('').length).toBe(400);
    for (const line of text.split('\n')) expect(line.length).toBeLessThan(140);
    expect(HOSTILE_TEXT).toContain('\u202E');
  });

  it('embeds its fonts and renders pages with ink on them', () => {
    expect(pdf.fonts.length).toBeGreaterThanOrEqual(2);
    for (const font of pdf.fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSans-/);
      expect(font.embedded).toBe(true);
    }
    expect(pdf.images.length).toBe(pdf.pages.length);
    expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
    for (const ink of pdf.ink) expect(ink).toBeGreaterThan(0.0003);
    for (const [i, page] of pdf.pages.entries()) {
      expect(page).toMatch(new RegExp(`Page ${i + 1} of ${pdf.pages.length}\\s*$`));
    }
  });
});

describe('a long session as PDF', () => {
  let session: SampleSession;

  beforeAll(async () => {
    session = await writeSampleSession(server, 'Long workshop', { extra: 281 });
  });

  it('flows 300 cards across pages with no heading left at the foot of a page', async () => {
    expect(session.cards).toBeGreaterThanOrEqual(300);
    const response = await exportPdf(session);
    expect(response.status).toBe(200);
    const pdf = readPdf(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.pages.length).toBeGreaterThanOrEqual(6);
    const headings = new Set<string>([
      ...Object.values(SUMMARY_HEADINGS),
      ...Object.values(SUMMARY_MORE_HEADINGS),
      'Situation',
      'Problem',
      'Implication',
      'Need-payoff',
      'Customer',
      'Supplier',
      'Both sides',
    ]);
    for (const [i, page] of pdf.pages.entries()) {
      const lines = bodyLines(page);
      const last = lines[lines.length - 1] ?? '';
      expect(headings.has(last), `page ${i + 1} ends with the heading "${last}"`).toBe(false);
      expect(last).not.toMatch(/^(RISKS|WHAT)\s/);
    }
    for (const ink of pdf.ink) expect(ink).toBeGreaterThan(0.0003);
    const notes = pdf.pages.join('\n').match(/Nota \d+:/g) ?? [];
    expect(notes.length).toBe(281);
  });

  it('lays out off the event loop, at most two exports at once', async () => {
    // A first export starts the export pool's threads, which loads their code.
    expect((await exportPdf(session)).status).toBe(200);
    let most = 0;
    let lag = 0;
    let last = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      lag = Math.max(lag, now - last - 5);
      last = now;
      most = Math.max(most, server.app.exportPool.load().running);
    }, 5);
    const responses = await Promise.all([1, 2, 3].map(() => exportPdf(session)));
    clearInterval(probe);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(most).toBe(2);
    expect(server.app.exportPool.load()).toEqual({ running: 0, waiting: 0 });
    // Made on the event loop, the three reports would hold it for about 1.8 s. What is left is
    // the cores shared with the two busy export threads.
    expect(lag).toBeLessThan(750);
  }, 120_000);
});
