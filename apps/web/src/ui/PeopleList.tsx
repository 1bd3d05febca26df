import { useStore } from 'zustand';
import type { Role } from '../api';
import { usePeers } from '../sync/hooks';
import { useBoardContext } from './boardContext';
import { initials } from './initials';

const ROLE_LABEL: Record<string, string> = {
  facilitator: 'facilitator',
  edit: 'editing',
  view: 'viewing',
};

/**
 * Who is on the board right now, this person first, each in the colour of their cursor. Each
 * other person's avatar is a button that follows their view (ui/follow.ts); again stops.
 */
export function PeopleList({ role }: { role: Role }) {
  const ctx = useBoardContext();
  const peers = usePeers(ctx.connection.provider.awareness);
  const following = useStore(ctx.ui, (s) => s.following?.clientId);
  const people = [
    { id: undefined, name: ctx.name, label: `${ctx.name} (you)`, color: ctx.color, role },
    ...peers.map((p) => ({
      id: p.clientId,
      name: p.user.name,
      label: p.user.name,
      color: p.user.color,
      role: p.user.role,
    })),
  ];
  return (
    <ul className="people" aria-label={`People here: ${people.length}`}>
      {people.map((person) => {
        const avatar = (
          <span className="avatar" style={{ background: person.color }} aria-hidden="true">
            {initials(person.name)}
          </span>
        );
        const { id } = person;
        return (
          <li key={id ?? 'me'} title={`${person.label}, ${ROLE_LABEL[person.role] ?? 'here'}`}>
            {id === undefined ? (
              avatar
            ) : (
              <button
                type="button"
                className="avatar-button"
                aria-label={`Follow ${person.name}`}
                aria-pressed={following === id}
                onClick={() =>
                  ctx.ui.setState({
                    following: following === id ? undefined : { clientId: id, summon: undefined },
                  })
                }
              >
                {avatar}
              </button>
            )}
            <span className="visually-hidden">
              {person.label}, {ROLE_LABEL[person.role] ?? 'here'}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
