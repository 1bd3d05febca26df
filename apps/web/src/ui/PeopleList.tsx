import type { Role } from '../api';
import { usePeers } from '../sync/hooks';
import { useBoardContext } from './boardContext';
import { initials } from './initials';

const ROLE_LABEL: Record<string, string> = {
  facilitator: 'facilitator',
  edit: 'editing',
  view: 'viewing',
};

/** Who is on the board right now, this person first, each in the colour of their cursor. */
export function PeopleList({ role }: { role: Role }) {
  const ctx = useBoardContext();
  const peers = usePeers(ctx.connection.provider.awareness);
  const people = [
    { id: 'me', name: ctx.name, label: `${ctx.name} (you)`, color: ctx.color, role },
    ...peers.map((p) => ({
      id: String(p.clientId),
      name: p.user.name,
      label: p.user.name,
      color: p.user.color,
      role: p.user.role,
    })),
  ];
  return (
    <ul className="people" aria-label={`People here: ${people.length}`}>
      {people.map((person) => (
        <li key={person.id} title={`${person.label}, ${ROLE_LABEL[person.role] ?? 'here'}`}>
          <span className="avatar" style={{ background: person.color }} aria-hidden="true">
            {initials(person.name)}
          </span>
          <span className="visually-hidden">
            {person.label}, {ROLE_LABEL[person.role] ?? 'here'}
          </span>
        </li>
      ))}
    </ul>
  );
}
