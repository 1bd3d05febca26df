import { rectCenter, rectContainsPoint } from './geometry.js';
import type { Note } from './note.js';

/**
 * The answers to each question card, oldest first: answer cards linked to it (`answerTo`) and
 * any other card (not a question) whose centre lies on it. A note linked to one question and
 * lying on another answers the one it is linked to.
 */
export function answersByQuestion(notes: readonly Note[]): Map<string, Note[]> {
  const questions = notes.filter((note) => note.card.kind === 'question');
  const answers = new Map<string, Note[]>(questions.map((q) => [q.id, []]));
  for (const note of notes) {
    if (note.card.kind === 'question') continue;
    const linked = note.card.kind === 'answer' ? note.card.answerTo : null;
    if (linked !== null && answers.has(linked)) {
      answers.get(linked)?.push(note);
      continue;
    }
    const center = rectCenter(note);
    const under = questions.find((q) => rectContainsPoint(q, center.x, center.y));
    if (under) answers.get(under.id)?.push(note);
  }
  return answers;
}

/** The preparation deck's questions that have a card on the board (asked at least once). */
export function askedDeckIds(notes: readonly Note[]): Set<string> {
  const asked = new Set<string>();
  for (const note of notes) {
    if (note.card.kind === 'question' && note.card.deckId) asked.add(note.card.deckId);
  }
  return asked;
}
