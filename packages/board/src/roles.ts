// Who may change what on a board. The relay enforces this table on every write; the page reads
// the same table only to hide what would be refused. See docs/api.md, "Permissions".
import { SESSION_ENDED_MESSAGE } from './ending.js';

/** A link's permission on its board. */
export const ROLES = ['facilitator', 'edit', 'view'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

/** A kind of change to the board, as the permission table names it. */
export type BoardAction =
  | 'meta.write'
  | 'zone.create'
  | 'zone.move'
  | 'zone.resize'
  | 'zone.rename'
  | 'zone.delete'
  | 'note.create'
  | 'note.edit'
  | 'note.delete'
  /** A person's own record: their name, agreement to the ground rules and dots. */
  | 'person.write'
  | 'lock';

/**
 * Whether a role may make a change. `locked` is whether the note or zone changed is locked now;
 * a lock stops everyone but the facilitator. `readOnly` is whether the facilitator ended the
 * session read-only (`meta.readOnly`): then only the facilitator may change anything. The table:
 *
 * | change                                    | facilitator | edit             | view |
 * | meta (title, template...)                 | yes         | no               | no   |
 * | zones: create, move, resize, rename, del. | yes         | no               | no   |
 * | notes: create, edit, move, delete         | yes         | unless locked    | no   |
 * | `locked` on a note or zone                | yes         | no               | no   |
 * | their own person record (see people.ts)   | yes         | yes              | no   |
 * | anything, once the session ended read-only | yes        | no               | no   |
 *
 * Whose person record a write may touch is checked apart from this table: only the record of
 * the writer's own person id.
 */
export function may(role: Role, action: BoardAction, locked = false, readOnly = false): boolean {
  if (role === 'facilitator') return true;
  if (role === 'view' || readOnly) return false;
  return (action.startsWith('note.') || action === 'person.write') && !locked;
}

const ONLY_FACILITATOR: Record<Exclude<BoardAction, `note.${string}` | 'person.write'>, string> = {
  'meta.write': 'Only the facilitator can change the session details.',
  'zone.create': 'Only the facilitator can add zones.',
  'zone.move': 'Only the facilitator can move zones.',
  'zone.resize': 'Only the facilitator can resize zones.',
  'zone.rename': 'Only the facilitator can rename zones.',
  'zone.delete': 'Only the facilitator can delete zones.',
  lock: 'Only the facilitator can lock and unlock.',
};

/** The short, polite sentence a person sees when `may(role, action, locked, readOnly)` is false. */
export function refusalMessage(role: Role, action: BoardAction, readOnly = false): string {
  if (role === 'view') return 'This is a view-only link: it cannot change the board.';
  if (readOnly && (action.startsWith('note.') || action === 'person.write')) {
    return SESSION_ENDED_MESSAGE;
  }
  if (action.startsWith('note.')) return 'This note is locked by the facilitator.';
  return ONLY_FACILITATOR[action as keyof typeof ONLY_FACILITATOR];
}
