import { AUTHOR_MAX_LENGTH } from '@dartboard/board';
import { type FormEvent, useRef, useState } from 'react';
import type { Role } from '../api';

const ROLE_TEXT: Record<Role, string> = {
  facilitator: 'You are the facilitator of this session.',
  edit: 'You can add and edit notes together with everyone on the board.',
  view: 'You can follow the board live; this link is view-only.',
};

/** Asks for a display name, the only thing a participant needs to join. */
export function JoinForm({
  title,
  role,
  onJoin,
}: {
  title: string;
  role: Role;
  onJoin: (name: string) => void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError('Enter a name so others know who wrote what.');
      input.current?.focus();
      return;
    }
    onJoin(trimmed);
  };
  return (
    <main className="page center">
      <form className="card join" onSubmit={submit} noValidate aria-labelledby="join-title">
        <p className="eyebrow">Dartboard session</p>
        <h1 id="join-title">{title}</h1>
        <p>{ROLE_TEXT[role]}</p>
        <label htmlFor="join-name">Your name</label>
        <input
          id="join-name"
          ref={input}
          name="name"
          autoComplete="name"
          // biome-ignore lint/a11y/noAutofocus: the name is the only thing this page asks for
          autoFocus
          maxLength={AUTHOR_MAX_LENGTH}
          value={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'join-error' : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setError('');
          }}
        />
        {error && (
          <p id="join-error" className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          Join
        </button>
      </form>
    </main>
  );
}
