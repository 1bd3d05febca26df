import {
  addNote,
  deleteNote,
  listNotes,
  moveNote,
  NOTE_COLORS,
  setNoteColor,
  setNoteText,
} from '@dartboard/board';
import {
  type CreatedBoard,
  collectCloses,
  collectRefusals,
  connectClient,
  type TestClient,
  type TestServer,
} from '../helpers.js';
import type { Rng } from './rng.js';

// The two honest people of the fuzz: real y-websocket clients that keep making ordinary
// changes their link allows, and remember which notes they wrote and the text they last gave
// each, so the outcome can be judged against it.

/** Notes each honest client writes, at most. */
const HONEST_NOTES = 30;

export interface Honest {
  name: string;
  client: TestClient;
  closes: { code: number; reason: string }[];
  refusals: string[];
  /** Notes this client wrote and has not deleted, with the text it last gave them. */
  own: Map<string, string>;
  written: number;
  edits: number;
}

export function honestClient(server: TestServer, board: CreatedBoard, token: string, name: string) {
  const client = connectClient(server.wsUrl, board.id, token);
  client.provider.awareness.setLocalState({
    user: { name, color: '#16a34a', role: 'edit' },
    cursor: null,
  });
  const honest: Honest = {
    name,
    client,
    closes: collectCloses(client),
    refusals: collectRefusals(client),
    own: new Map(),
    written: 0,
    edits: 0,
  };
  return honest;
}

/** One ordinary change: a new note, a text edit of one's own note, a move, a colour, a delete. */
export function honestStep(honest: Honest, rng: Rng): void {
  const doc = honest.client.doc;
  const roll = rng.next();
  const own = [...honest.own.keys()];
  if (honest.written < HONEST_NOTES && (roll < 0.3 || own.length < 3)) {
    honest.written++;
    const text = `${honest.name}-${honest.written}`;
    const id = addNote(doc, {
      id: rng.id(),
      x: rng.int(1800),
      y: rng.int(1200),
      author: honest.name,
      text,
    });
    honest.own.set(id, text);
  } else if (roll < 0.6) {
    const id = rng.pick(own);
    const text = `${(honest.own.get(id) as string).replace(/ edit \d+$/, '')} edit ${++honest.edits}`;
    setNoteText(doc, id, text);
    honest.own.set(id, text);
  } else if (roll < 0.9) {
    const notes = listNotes(doc);
    const note = notes.length > 0 ? rng.pick(notes) : undefined;
    if (note) moveNote(doc, note.id, rng.int(1800), rng.int(1200));
  } else if (roll < 0.97) {
    const notes = listNotes(doc);
    const note = notes.length > 0 ? rng.pick(notes) : undefined;
    if (note) setNoteColor(doc, note.id, rng.pick(Object.values(NOTE_COLORS)));
  } else if (own.length > 5) {
    const id = rng.pick(own);
    deleteNote(doc, id);
    honest.own.delete(id);
  }
}
