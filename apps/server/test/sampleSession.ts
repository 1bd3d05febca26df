import {
  addMetric,
  addNote,
  agreeToGroundRules,
  type Card,
  defaultPrep,
  endSession,
  goToStage,
  joinSession,
  listNotes,
  placeDot,
  revealVotes,
  SPIN_ZONES,
  setGroundRules,
  setStagesEnabled,
  startVote,
} from '@dartboard/board';
import {
  type CreatedBoard,
  connectClient,
  createBoard,
  saveFirstPrep,
  type TestServer,
  waitFor,
} from './helpers.js';

// A realistic co-creation session between a German supplier and a Spanish customer, written
// through the stock y-websocket client as the page would: SPIN questions with answers in four
// languages, risks, benefits, ideas, actions, commitments, a revealed vote, a test metric, and
// one hostile note. The people and their dots are recorded on the server's copy, as the relay
// does.

export const HOSTILE_TEXT =
  'Ignore\u0000 this\u0007 \u202Eevil\u202C <script>alert(1)</script> ' +
  `https://example.com/${'x'.repeat(400)}`;

/**
 * A spot in SPIN lane `lane` (0–3) for its `slot`-th card: three to a row, none on another (a
 * card lying on a question would count as its answer). Slot -1 is the lane's bottom strip, where
 * the long session's extra notes pile up away from the cards.
 */
function spot(lane: number, slot: number): { x: number; y: number } {
  const zone = SPIN_ZONES[lane];
  if (!zone) throw new Error(`no lane ${lane}`);
  if (slot < 0) return { x: zone.x + 20, y: zone.y + zone.height - 180 };
  return { x: zone.x + 20 + (slot % 3) * 250, y: zone.y + 80 + Math.floor(slot / 3) * 180 };
}

export interface SampleSession {
  board: CreatedBoard;
  /** How many cards were written. */
  cards: number;
}

export interface SampleOptions {
  /** Plain notes added across the lanes, for a long session. */
  extra?: number;
  /** Whether to write the hostile note (left out of the documentation's example). */
  hostile?: boolean;
}

/**
 * Creates a SPIN board titled `title`, saves a preparation whose goal and customer go into the
 * summary, and writes the session. Resolves once the server holds every card.
 */
export async function writeSampleSession(
  server: TestServer,
  title: string,
  { extra = 0, hostile = true }: SampleOptions = {},
): Promise<SampleSession> {
  const board = await createBoard(server.url, { title, template: 'spin' });
  const prep = defaultPrep();
  prep.goal = 'Einen Piloten für 2027 vereinbaren: un almacén, tres meses';
  prep.customer = 'Begoña Núñez';
  prep.company = 'Transportes Añón S.L.';
  prep.summary = { goal: true, customer: true };
  const saved = await saveFirstPrep(server.url, board, prep);
  if (!saved.ok) throw new Error(`prep not saved: ${saved.status}`);
  const client = connectClient(server.wsUrl, board.id, board.tokens.facilitator);
  await client.synced;
  const { doc } = client;
  const start = Date.now() - 90 * 60_000;
  const slots = [0, 0, 0, 0];
  let written = 0;
  const card = (lane: number, text: string, author: string, kind: Card = { kind: 'note' }) => {
    written += 1;
    const slot = slots[lane] ?? 0;
    slots[lane] = slot + 1;
    return addNote(doc, {
      ...spot(lane, slot),
      text,
      author,
      card: kind,
      createdAt: start + written * 60_000,
    });
  };
  setStagesEnabled(doc, true, start);
  goToStage(doc, 'options', start + 40 * 60_000);
  setGroundRules(doc, [
    'Wir sprechen auf Augenhöhe — hablamos de igual a igual.',
    'Every action gets an owner and a date.',
  ]);
  const question = (lane: number, text: string) =>
    card(lane, text, 'Jörg Müller', {
      kind: 'question',
      spin: (['situation', 'problem', 'implication', 'need-payoff'] as const)[lane] ?? null,
      deckId: null,
    });
  const answer = (lane: number, to: string, text: string, author = 'Begoña Núñez') =>
    card(lane, text, author, { kind: 'answer', answerTo: to });

  const fleet = question(0, 'Wie groß ist Ihre Flotte heute?');
  answer(0, fleet, 'Größe: 140 camiones en tres almacenes, año 2026');
  const routes = question(1, 'Where do routes go wrong most often?');
  answer(1, routes, 'Übermaß an Leerfahrten\nnach den Freitagslieferungen');
  answer(1, routes, 'Łódź depot: příliš žluťoučký kůň úpěl ďábelské ódy', 'Zbyněk Łukasiewicz');
  const cost = question(2, '¿Cuánto cuesta un viaje de vuelta vacío?');
  answer(2, cost, 'Unos 300 EUR por viaje, el niño lo sabe');
  const worth = question(3, 'What would live tracking be worth to you?');
  answer(3, worth, 'Fewer angry customer calls', 'Zbyněk Łukasiewicz');
  card(2, 'Los conductores rechazan el seguimiento', 'Begoña Núñez', { kind: 'risk', weight: 3 });
  card(2, 'Hardwarekosten für Übergrößen', 'Jörg Müller', { kind: 'risk', weight: 2 });
  card(3, 'Weniger Leerkilometer', 'Jörg Müller', { kind: 'benefit', weight: 3 });
  card(3, 'Clientes más contentos', 'Begoña Núñez', { kind: 'benefit', weight: 1 });
  card(3, 'Piloto en un almacén', 'Begoña Núñez', { kind: 'idea', feasibility: 'realistic' });
  if (hostile) card(3, HOSTILE_TEXT, '<b>Mallory</b>\u0000');
  card(3, 'Pilotplan schicken', 'Jörg Müller', {
    kind: 'action',
    owner: 'Jörg Müller',
    due: '2026-12-01',
  });
  card(3, 'Preguntar al comité de empresa', 'Begoña Núñez', {
    kind: 'action',
    owner: 'Begoña Núñez',
    due: '',
  });
  card(3, 'Un almacén para el piloto', 'Begoña Núñez', { kind: 'commitment', side: 'customer' });
  card(3, 'Tracker kostenlos einbauen', 'Jörg Müller', { kind: 'commitment', side: 'supplier' });
  for (let i = 0; i < extra; i += 1) {
    written += 1;
    addNote(doc, {
      ...spot(i % 4, -1),
      text: `Nota ${i + 1}: Größe und Übermaß prüfen, año ${2026 + (i % 3)}`,
      author: 'Zbyněk Łukasiewicz',
      createdAt: start + written * 60_000,
    });
  }
  addMetric(doc, { metric: 'Leerkilometer', target: '−20 % in 3 Monaten', kind: 'success' });
  const cards = written;
  await waitFor(
    'the cards on the server',
    () => {
      const room = server.app.rooms.loaded(board.id);
      return !!room && listNotes(room.doc).length === cards;
    },
    20_000,
  );
  client.destroy();

  const room = server.app.rooms.loaded(board.id);
  if (!room) throw new Error('no room');
  await room.change((doc) => {
    joinSession(doc, 'p-joerg', 'Jörg Müller', 'facilitator', start);
    joinSession(doc, 'p-begona', 'Begoña Núñez', 'edit', start + 60_000);
    joinSession(doc, 'p-zbynek', 'Zbyněk Łukasiewicz', 'edit', start + 120_000);
    agreeToGroundRules(doc, 'p-begona', true, start + 180_000);
    agreeToGroundRules(doc, 'p-zbynek', true, start + 200_000);
    startVote(doc, { dots: 2 }, start + 60 * 60_000);
    const idea = listNotes(doc).find((note) => note.card.kind === 'idea')?.id ?? '';
    const benefit = listNotes(doc).find((note) => note.text === 'Weniger Leerkilometer')?.id;
    placeDot(doc, 'p-begona', idea);
    placeDot(doc, 'p-zbynek', idea);
    placeDot(doc, 'p-joerg', benefit ?? '');
    revealVotes(doc, start + 70 * 60_000);
    endSession(doc, start + 85 * 60_000, true);
  });
  return { board, cards };
}
