import type { Person } from '@dartboard/board';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useBoardSnapshot } from '../sync/hooks';
import { useBoardContext } from './boardContext';
import { GroundRulesEditor } from './GroundRulesEditor';
import { agreeToRules, writesOwnRecord } from './groundRulesActions';
import { runsSession } from './sessionActions';
import { usePeople } from './useVote';
import './groundRules.css';

function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** "I agree", or "You agreed at 10:32" and a way to take it back. */
function Agreement({ me }: { me: Person | undefined }) {
  const ctx = useBoardContext();
  const agreedAt = me?.agreedAt ?? null;
  const button = useRef<HTMLButtonElement>(null);
  const [acted, setActed] = useState(false);
  // The button pressed gives way to the other one: focus goes with it (once the agreement
  // the page wrote is read back, which is what `agreedAt` changing says).
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (acted) button.current?.focus();
  }, [acted, agreedAt]);
  if (agreedAt !== null) {
    return (
      <p className="ground-rules-agreed">
        <span>✓ You agreed at {clockTime(agreedAt)}.</span>
        <button
          ref={button}
          type="button"
          className="quiet small"
          onClick={() => {
            agreeToRules(ctx, false);
            setActed(true);
          }}
        >
          Withdraw my agreement
        </button>
      </p>
    );
  }
  return (
    <p className="row">
      <button
        ref={button}
        type="button"
        className="primary"
        disabled={!me}
        onClick={() => {
          agreeToRules(ctx, true);
          setActed(true);
        }}
      >
        I agree
      </button>
    </p>
  );
}

/** Who agreed and when, and who has not yet: live, for everyone to see. */
function WhoAgreed({ people }: { people: readonly Person[] }) {
  const agreed = people
    .filter((person) => person.agreedAt !== null)
    .sort((a, b) => (a.agreedAt ?? 0) - (b.agreedAt ?? 0));
  const waiting = people.filter((person) => person.agreedAt === null);
  return (
    <section className="ground-rules-people" aria-labelledby="ground-rules-agreed">
      <h3 id="ground-rules-agreed">
        Agreed ({agreed.length} of {people.length})
      </h3>
      {agreed.length === 0 ? (
        <p className="muted small">Nobody has agreed yet.</p>
      ) : (
        <ul aria-labelledby="ground-rules-agreed">
          {agreed.map((person) => (
            <li key={person.id}>
              {person.name}{' '}
              <span className="muted small">at {clockTime(person.agreedAt ?? 0)}</span>
            </li>
          ))}
        </ul>
      )}
      {waiting.length > 0 && (
        <p className="muted small">Not yet: {waiting.map((person) => person.name).join(', ')}</p>
      )}
    </section>
  );
}

function Panel({ onClose }: { onClose: () => void }) {
  const ctx = useBoardContext();
  const { groundRules } = useBoardSnapshot(ctx.board).session;
  const people = usePeople(ctx);
  const me = people.find((person) => person.id === ctx.personId);
  const [editing, setEditing] = useState(false);
  const root = useRef<HTMLDialogElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);

  // Focus into the panel when it opens, and back where it was (or to the control that opens
  // it) when it closes.
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    root.current?.focus();
    return () => {
      const back =
        before && before !== document.body && before.isConnected
          ? before
          : document.querySelector<HTMLElement>('[data-ground-rules-control], .more-button');
      back?.focus();
    };
  }, []);

  const closeEditor = () => {
    setEditing(false);
    // The editor goes; its opener comes back, then takes the focus.
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    if (editing) closeEditor();
    else onClose();
  };

  return (
    <dialog
      open
      ref={root}
      className="ground-rules"
      aria-labelledby="ground-rules-title"
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div className="ground-rules-head">
        <h2 id="ground-rules-title">Ground rules</h2>
        <button type="button" className="quiet" aria-label="Close ground rules" onClick={onClose}>
          ×
        </button>
      </div>
      {editing ? (
        <GroundRulesEditor rules={groundRules} onDone={closeEditor} />
      ) : (
        <>
          {groundRules.length === 0 ? (
            <p className="muted">No ground rules for this session.</p>
          ) : (
            <ol className="ground-rules-list">
              {groundRules.map((rule, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rules are plain text, in order
                <li key={index}>{rule}</li>
              ))}
            </ol>
          )}
          {runsSession(ctx) && (
            <p className="row">
              <button type="button" ref={editButton} onClick={() => setEditing(true)}>
                Edit rules
              </button>
            </p>
          )}
        </>
      )}
      {writesOwnRecord(ctx) ? (
        <Agreement me={me} />
      ) : (
        !ctx.canEdit && (
          <p className="muted small">Everyone with a link to work on the board agrees to them.</p>
        )
      )}
      <WhoAgreed people={people} />
    </dialog>
  );
}

/**
 * The session's ground rules in a panel beside the board (not modal: the board stays usable):
 * the rules, "I agree", who agreed and when, and the facilitator's editor. It opens by itself
 * the first time a customer opens the board; the "Ground rules" control opens it later.
 */
export function GroundRulesPanel() {
  const { ui } = useBoardContext();
  const open = useStore(ui, (s) => s.groundRulesOpen);
  return open ? <Panel onClose={() => ui.setState({ groundRulesOpen: false })} /> : null;
}
