import { agreeToGroundRules, joinSession } from '@dartboard/board';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPeopleStore } from './peopleStore';

describe('createPeopleStore', () => {
  it('lists the people in the order they joined, read again when a record changes', () => {
    const doc = new Y.Doc();
    const store = createPeopleStore(doc);
    let calls = 0;
    store.subscribe(() => calls++);
    expect(store.getSnapshot()).toEqual([]);
    joinSession(doc, 'b'.repeat(22), 'Cara', 'edit', 2_000);
    joinSession(doc, 'a'.repeat(22), 'Sam', 'facilitator', 1_000);
    const joined = store.getSnapshot();
    expect(joined.map((p) => p.name)).toEqual(['Sam', 'Cara']);
    agreeToGroundRules(doc, 'b'.repeat(22), true, 3_000);
    const agreed = store.getSnapshot();
    expect(agreed).not.toBe(joined);
    expect(agreed[1]?.agreedAt).toBe(3_000);
    expect(calls).toBe(3);
    store.destroy();
    joinSession(doc, 'c'.repeat(22), 'Lee', 'edit', 4_000);
    expect(calls).toBe(3);
  });
});
