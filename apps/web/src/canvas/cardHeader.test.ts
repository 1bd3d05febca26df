import { describe, expect, it } from 'vitest';
import { CARD_HEADER, cardHeader, HEADER_LINE, headerHeight } from './cardHeader';

describe('cardHeader', () => {
  it('gives a plain note no header and a short card one line', () => {
    expect(headerHeight({ kind: 'note' }, 200)).toBe(0);
    const answer = cardHeader({ kind: 'answer', answerTo: 'q' }, 200);
    expect(answer).toMatchObject({ title: ['Answer'], inline: '', below: [] });
    expect(answer.height).toBe(CARD_HEADER);
  });

  it('puts details after the name when they fit, under it when they do not', () => {
    const wide = cardHeader({ kind: 'risk', weight: 3 }, 400);
    expect(wide).toMatchObject({ title: ['Risk'], inline: ' · High', below: [], dots: 3 });
    const action = cardHeader(
      { kind: 'action', owner: 'Roberta Fernández-Oliveira', due: '2026-12-01' },
      200,
    );
    expect(action.title).toEqual(['Action']);
    expect(action.below.length).toBeGreaterThan(0);
    expect(action.below.length).toBeLessThanOrEqual(2);
    expect(action.height).toBe(CARD_HEADER + action.below.length * HEADER_LINE);
  });

  it('never takes more than two lines of details, however long the owner', () => {
    const header = cardHeader({ kind: 'action', owner: 'word '.repeat(16).trim(), due: '' }, 200);
    expect(header.below).toHaveLength(2);
    expect(header.below[1]?.endsWith('…')).toBe(true);
  });
});
