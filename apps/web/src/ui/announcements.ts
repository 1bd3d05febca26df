import type { NoteChange } from '../sync/remoteChanges';

function notes(count: number): string {
  return count === 1 ? 'a note' : `${count} notes`;
}

/** "to Access", "outside the zones", or nothing when the notes went to different places. */
function where(kind: 'added' | 'moved', zones: readonly (string | undefined)[]): string {
  const [first] = zones;
  if (zones.some((zone) => zone !== first)) return '';
  if (first !== undefined) return ` to ${first}`;
  return kind === 'added' ? ' outside the zones' : ' out of the zones';
}

/**
 * What a screen reader says about other people's changes to notes: one sentence per person
 * and kind of change, in the order they came, counted ("Sam added 3 notes to Access. Cara
 * deleted a note"). Names are the people's own text.
 */
export function describeChanges(changes: readonly NoteChange[]): string {
  const groups = new Map<
    string,
    { who: string; kind: NoteChange['kind']; zones: (string | undefined)[] }
  >();
  for (const change of changes) {
    const key = JSON.stringify([change.who, change.kind]);
    const group = groups.get(key) ?? { who: change.who, kind: change.kind, zones: [] };
    group.zones.push(change.zone);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ who, kind, zones }) => {
      const place = kind === 'deleted' ? '' : where(kind, zones);
      return `${who} ${kind} ${notes(zones.length)}${place}`;
    })
    .join('. ');
}
