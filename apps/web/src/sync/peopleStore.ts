import { listPeople, type Person, peopleMap } from '@dartboard/board';
import type * as Y from 'yjs';

/**
 * The people the board records (packages/board people.ts: names, agreement to the ground rules,
 * ballots) as an immutable list for React, read again whenever a record changes. Apart from
 * the board store: the list is short, and it changes when notes do not.
 */
export function createPeopleStore(doc: Y.Doc) {
  const people = peopleMap(doc);
  let snapshot: readonly Person[] = listPeople(doc);
  const listeners = new Set<() => void>();
  const onChange = () => {
    snapshot = listPeople(doc);
    for (const listener of listeners) listener();
  };
  people.observeDeep(onChange);
  return {
    getSnapshot: () => snapshot,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      people.unobserveDeep(onChange);
      listeners.clear();
    },
  };
}

export type PeopleStore = ReturnType<typeof createPeopleStore>;
