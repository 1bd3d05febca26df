import { describe, expect, it } from 'vitest';
import { cardHeading, cardSentence, formatDue, weightDots } from './cardText.js';

describe('card text', () => {
  it('writes due dates as people do, with the year only when it is another one', () => {
    expect(formatDue('2026-12-01', 2026)).toBe('1 Dec');
    expect(formatDue('2027-01-15', 2026)).toBe('15 Jan 2027');
    expect(formatDue('', 2026)).toBe('');
    expect(formatDue('2026-13-01', 2026)).toBe('');
  });

  it('heads each kind with its name and details, unset ones said so', () => {
    expect(cardHeading({ kind: 'note' }, 2026)).toBe('Note');
    expect(cardHeading({ kind: 'question', spin: 'problem', deckId: null }, 2026)).toBe(
      'Problem question',
    );
    expect(cardHeading({ kind: 'question', spin: null, deckId: null }, 2026)).toBe('Question');
    expect(cardHeading({ kind: 'answer', answerTo: 'q' }, 2026)).toBe('Answer');
    expect(cardHeading({ kind: 'risk', weight: 3 }, 2026)).toBe('Risk · High');
    expect(cardHeading({ kind: 'benefit', weight: null }, 2026)).toBe('Benefit · weight not set');
    expect(cardHeading({ kind: 'idea', feasibility: null }, 2026)).toBe(
      'Idea · feasibility not set',
    );
    expect(cardHeading({ kind: 'idea', feasibility: 'needs-work' }, 2026)).toBe(
      'Idea · Needs work',
    );
    expect(cardHeading({ kind: 'action', owner: 'Bob', due: '2026-12-01' }, 2026)).toBe(
      'Action · Bob · due 1 Dec',
    );
    expect(cardHeading({ kind: 'action', owner: '', due: '' }, 2026)).toBe('Action');
    expect(cardHeading({ kind: 'commitment', side: 'customer' }, 2026)).toBe(
      'Commitment · Customer',
    );
  });

  it('says a card in words before its text; a plain note says nothing', () => {
    expect(cardSentence({ kind: 'note' }, 2026)).toBe('');
    expect(cardSentence({ kind: 'risk', weight: 3 }, 2026)).toBe('Risk, high:');
    expect(cardSentence({ kind: 'question', spin: 'need-payoff', deckId: null }, 2026)).toBe(
      'Need-payoff question:',
    );
    expect(cardSentence({ kind: 'action', owner: '<b>Bo</b>', due: '2026-12-01' }, 2026)).toBe(
      'Action item, owner <b>Bo</b>, due 1 Dec:',
    );
    expect(cardSentence({ kind: 'commitment', side: 'both' }, 2026)).toBe(
      'Commitment, both sides:',
    );
  });

  it('shows a weight as dots', () => {
    expect(weightDots(1)).toBe('●○○');
    expect(weightDots(3)).toBe('●●●');
  });
});
