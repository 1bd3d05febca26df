import { useStore } from 'zustand';
import type { Role } from '../api';
import { usePeers } from '../sync/hooks';
import { useBoardContext } from './boardContext';
import { initials } from './initials';
import { useMenuButton } from './menuKeys';
import { PHONE_QUERY, useMediaQuery } from './useMediaQuery';

const ROLE_LABEL: Record<string, string> = {
  facilitator: 'facilitator',
  edit: 'editing',
  view: 'viewing',
};

/** People shown as avatars before the rest fold into "+N": on a wide screen, on a phone. */
const SHOWN = { wide: 4, phone: 2 };

/**
 * Who is on the board right now, this person first, each in the colour of their cursor. Each
 * other person's avatar is a button that follows their view (ui/follow.ts); again stops. When
 * there are more people than room, the rest fold into a "+N" menu that follows them as well.
 */
export function PeopleList({ role }: { role: Role }) {
  const ctx = useBoardContext();
  const peers = usePeers(ctx.connection.provider.awareness);
  const following = useStore(ctx.ui, (s) => s.following?.clientId);
  const phone = useMediaQuery(PHONE_QUERY);
  const toggleFollow = (id: number) =>
    ctx.ui.setState({
      following: following === id ? undefined : { clientId: id, summon: undefined },
    });
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
  const room = phone ? SHOWN.phone : SHOWN.wide;
  // "+N" only replaces two or more avatars: one more person fits where "+1" would.
  const shown = people.length > room + 1 ? people.slice(0, room) : people;
  const folded = people.slice(shown.length);
  return (
    <ul className="people" aria-label={`People here: ${people.length}`}>
      {shown.map((person) => {
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
                onClick={() => toggleFollow(id)}
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
      {folded.length > 0 && (
        <li>
          <MorePeople
            people={folded.flatMap((p) => (p.id === undefined ? [] : [{ ...p, id: p.id }]))}
            following={following}
            onFollow={toggleFollow}
          />
        </li>
      )}
    </ul>
  );
}

interface FoldedPerson {
  id: number;
  name: string;
  color: string;
  role: string;
}

/** "+N": the people without room for an avatar, as a menu; choosing one follows them. */
function MorePeople(props: {
  people: FoldedPerson[];
  following: number | undefined;
  onFollow: (id: number) => void;
}) {
  const { open, close, buttonProps, menuProps } = useMenuButton();
  const count = props.people.length;
  return (
    <div className="menu-anchor">
      <button
        {...buttonProps}
        type="button"
        className="people-more"
        aria-label={`${count} others here`}
        title={props.people.map((p) => p.name).join(', ')}
      >
        +{count}
      </button>
      {open && (
        <div {...menuProps} role="menu" className="menu people-menu" aria-label="Others here">
          {props.people.map((person) => (
            <button
              key={person.id}
              type="button"
              role="menuitemcheckbox"
              aria-checked={props.following === person.id}
              tabIndex={-1}
              onClick={() => {
                close();
                props.onFollow(person.id);
              }}
            >
              <span className="avatar" style={{ background: person.color }} aria-hidden="true">
                {initials(person.name)}
              </span>
              {props.following === person.id ? 'Stop following' : 'Follow'} {person.name}
              <span className="people-menu-role">{ROLE_LABEL[person.role] ?? 'here'}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
