import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { transformIndex } from './caret';

/** Applies `change` to a shared text and returns the delta a peer would observe. */
function deltaOf(initial: string, change: (text: Y.Text) => void) {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, initial);
  let delta: { retain?: number; insert?: unknown; delete?: number }[] = [];
  text.observe((event) => {
    delta = event.delta as typeof delta;
  });
  change(text);
  return delta;
}

describe('transformIndex', () => {
  it('moves the caret right when a peer types before it', () => {
    const delta = deltaOf('hello world', (t) => t.insert(0, '>> '));
    expect(transformIndex(6, delta)).toBe(9);
  });

  it('keeps the caret when a peer types after it', () => {
    const delta = deltaOf('hello world', (t) => t.insert(11, '!'));
    expect(transformIndex(5, delta)).toBe(5);
  });

  it('pulls the caret left when text before it is deleted, and to the cut when it is inside', () => {
    const before = deltaOf('hello world', (t) => t.delete(0, 6));
    expect(transformIndex(8, before)).toBe(2);
    const around = deltaOf('hello world', (t) => t.delete(3, 6));
    expect(transformIndex(5, around)).toBe(3);
  });

  it('handles a replacement in the middle', () => {
    const delta = deltaOf('the budget is ok', (t) => {
      t.doc?.transact(() => {
        t.delete(4, 6);
        t.insert(4, 'price');
      });
    });
    // "the price is ok": a caret after "is" (index 13) ends one to the left.
    expect(transformIndex(13, delta)).toBe(12);
  });
});
