import type { Role } from '../api';
import { usePeers } from '../sync/hooks';
import { colorFor } from '../sync/presence';
import { useBoardContext } from './boardContext';

const ROLE_LABEL: Record<string, string> = {
  facilitator: 'facilitator',
  edit: 'editing',
  view: 'viewing',
};

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (
      (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
    ).toUpperCase() || '?'
  );
}

/** Who is on the board right now, this person first. */
export function PeopleList({ role }: { role: Role }) {
  const ctx = useBoardContext();
  const peers = usePeers(ctx.connection.provider.awareness);
  const people = [
    { id: 'me', name: `${ctx.name} (you)`, color: colorFor(ctx.doc.clientID), role },
    ...peers.map((p) => ({
      id: String(p.clientId),
      name: p.user.name,
      color: p.user.color,
      role: p.user.role,
    })),
  ];
  return (
    <ul className="people" aria-label={`People here: ${people.length}`}>
      {people.map((person) => (
        <li key={person.id} title={`${person.name}, ${ROLE_LABEL[person.role] ?? 'here'}`}>
          <span className="avatar" style={{ background: person.color }} aria-hidden="true">
            {initials(person.name.replace(/ \(you\)$/, ''))}
          </span>
          <span className="visually-hidden">
            {person.name}, {ROLE_LABEL[person.role] ?? 'here'}
          </span>
        </li>
      ))}
    </ul>
  );
}
