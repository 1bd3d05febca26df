import * as Y from 'yjs';

/** Names of the root types of a board document (see docs/schema.md). */
export const ROOT_META = 'meta';
export const ROOT_ZONES = 'zones';
export const ROOT_NOTES = 'notes';

/** The board's metadata: title, template, createdAt. */
export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT_META);
}

/** Zone id to zone record. Values are Y.Maps unless a misbehaving peer wrote something else. */
export function zonesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT_ZONES);
}

/** Note id to note record. Values are Y.Maps unless a misbehaving peer wrote something else. */
export function notesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT_NOTES);
}

/** The record stored under `id` in a root map, if it is a Y.Map. */
export function recordIn(map: Y.Map<unknown>, id: string): Y.Map<unknown> | undefined {
  const value = map.get(id);
  return value instanceof Y.Map ? value : undefined;
}

export const ROOT_PEOPLE = 'people';

/**
 * Person id to that person's own record (name, agreement to the ground rules, dots): only the
 * holder of the writer key the id derives from may write it (see people.ts).
 */
export function peopleMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT_PEOPLE);
}
