import type { Note } from '@dartboard/board';
import { describe, expect, it } from 'vitest';
import { answerLinks } from './AnswerLinks';

function card(id: string, x: number, card: Note['card']): Note {
  return {
    id,
    text: '',
    x,
    y: 0,
    width: 100,
    height: 100,
    color: '#fde68a',
    author: 'Ann',
    createdAt: 0,
    locked: false,
    card,
  };
}

describe('answerLinks', () => {
  it('links each answer to its question while both are on the board, as shown', () => {
    const question = card('q', 0, { kind: 'question', spin: null, deckId: null });
    const answer = card('a', 200, { kind: 'answer', answerTo: 'q' });
    const orphan = card('o', 400, { kind: 'answer', answerTo: 'gone' });
    const plain = card('p', 600, { kind: 'note' });
    expect(answerLinks([question, answer, orphan, plain], undefined)).toEqual([
      { id: 'a', points: [250, 50, 50, 50] },
    ]);
    const preview = new Map([['q', { x: 0, y: 300, width: 100, height: 100 }]]);
    expect(answerLinks([question, answer], preview)).toEqual([
      { id: 'a', points: [250, 50, 50, 350] },
    ]);
  });

  it('draws no link to a card that is no longer a question', () => {
    const turned = card('q', 0, { kind: 'idea', feasibility: null });
    const answer = card('a', 200, { kind: 'answer', answerTo: 'q' });
    expect(answerLinks([turned, answer], undefined)).toEqual([]);
  });
});
