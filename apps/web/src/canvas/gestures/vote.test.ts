import { addNote, dotSpots, joinSession, placeDot, startVote } from '@dartboard/board';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardContextValue } from '../../ui/boardContext';
import { destroyContext, testContext } from '../../ui/boardContext.testing';
import { voteTarget } from './vote';

const CARA = 'C'.repeat(22);
const contexts: BoardContextValue[] = [];
afterEach(() => {
  for (const ctx of contexts.splice(0)) destroyContext(ctx);
});

describe('voteTarget', () => {
  it('takes back from a dot of ones own (over the card edge), places on the card otherwise', () => {
    const doc = new Y.Doc();
    const card = addNote(doc, { x: 0, y: 0, author: 'Cara', text: 'Pilot' });
    const other = addNote(doc, { x: 400, y: 0, author: 'Cara', text: 'Training' });
    joinSession(doc, CARA, 'Cara', 'edit', 1);
    startVote(doc, { dots: 3 }, 2);
    placeDot(doc, CARA, card);
    const ctx = testContext(doc, { role: 'edit', name: 'Cara', personId: CARA });
    contexts.push(ctx);
    const note = ctx.board.getSnapshot().byId.get(card);
    if (!note) throw new Error('no card');
    const [dot] = dotSpots(note, 1, 1);
    if (!dot) throw new Error('no dot');
    // Above the card's top edge: still the dot.
    expect(voteTarget(ctx, { x: dot.x, y: dot.y - dot.r + 2 })).toMatchObject({
      note: { id: card },
      take: true,
    });
    expect(voteTarget(ctx, { x: 40, y: 100 })).toMatchObject({ note: { id: card }, take: false });
    expect(voteTarget(ctx, { x: 450, y: 100 })).toMatchObject({ note: { id: other }, take: false });
    expect(voteTarget(ctx, { x: 300, y: 100 })).toBeUndefined();
  });

  it('finds nothing for a page without a person record (a view link)', () => {
    const doc = new Y.Doc();
    addNote(doc, { x: 0, y: 0, author: 'Cara' });
    startVote(doc, {}, 2);
    const ctx = testContext(doc, { role: 'view', name: 'Vic' });
    contexts.push(ctx);
    expect(voteTarget(ctx, { x: 40, y: 100 })).toBeUndefined();
  });
});
