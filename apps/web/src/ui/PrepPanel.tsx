import {
  PREP_GOAL_MAX_LENGTH,
  PREP_NAME_MAX_LENGTH,
  PREP_NOTES_MAX_LENGTH,
  type Prep,
} from '@dartboard/board';
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { PrepController, PrepSave } from '../state/prep';
import { PrepDeck } from './PrepDeck';
import { PrepReadiness } from './PrepReadiness';
import './prep.css';

function SaveStatus({ save, onRetry }: { save: PrepSave; onRetry: () => void }) {
  return (
    <p className="prep-status small" role="status">
      {save.kind === 'saved' && 'Saved'}
      {(save.kind === 'pending' || save.kind === 'saving') && 'Saving…'}
      {save.kind === 'conflict' &&
        'Someone else saved the preparation in the meantime: their version is shown.'}
      {save.kind === 'failed' && (
        <>
          <span className="prep-failed">Not saved: {save.reason}</span>{' '}
          <button type="button" className="small" onClick={onRetry}>
            Retry
          </button>
        </>
      )}
    </p>
  );
}

function Fields({ prep, value }: { prep: PrepController; value: Prep }) {
  const set = (fields: Partial<Prep>) => prep.edit((p) => ({ ...p, ...fields }));
  return (
    <>
      <section aria-labelledby="prep-customer" className="prep-section">
        <h3 id="prep-customer">Customer</h3>
        <label htmlFor="prep-customer-name">Customer name</label>
        <input
          id="prep-customer-name"
          value={value.customer}
          maxLength={PREP_NAME_MAX_LENGTH}
          autoComplete="off"
          onChange={(event) => set({ customer: event.target.value })}
        />
        <label htmlFor="prep-company">Company</label>
        <input
          id="prep-company"
          value={value.company}
          maxLength={PREP_NAME_MAX_LENGTH}
          autoComplete="off"
          onChange={(event) => set({ company: event.target.value })}
        />
      </section>
      <section aria-labelledby="prep-goal-heading" className="prep-section">
        <h3 id="prep-goal-heading">Session goal</h3>
        <label htmlFor="prep-goal" className="visually-hidden">
          Session goal
        </label>
        <textarea
          id="prep-goal"
          rows={3}
          value={value.goal}
          maxLength={PREP_GOAL_MAX_LENGTH}
          placeholder="What should this session achieve?"
          onChange={(event) => set({ goal: event.target.value })}
        />
        <fieldset className="prep-summary">
          <legend>Include in summary</legend>
          <label>
            <input
              type="checkbox"
              checked={value.summary.goal}
              onChange={(event) =>
                set({ summary: { ...value.summary, goal: event.target.checked } })
              }
            />
            The session goal
          </label>
          <label>
            <input
              type="checkbox"
              checked={value.summary.customer}
              onChange={(event) =>
                set({ summary: { ...value.summary, customer: event.target.checked } })
              }
            />
            The customer and company
          </label>
        </fieldset>
      </section>
      <section aria-labelledby="prep-readiness-heading" className="prep-section">
        <h3 id="prep-readiness-heading">Readiness check</h3>
        <PrepReadiness prep={prep} items={value.readiness} />
      </section>
      <section aria-labelledby="prep-notes-heading" className="prep-section">
        <h3 id="prep-notes-heading">Private notes</h3>
        <label htmlFor="prep-notes" className="visually-hidden">
          Private notes
        </label>
        <textarea
          id="prep-notes"
          rows={5}
          value={value.notes}
          maxLength={PREP_NOTES_MAX_LENGTH}
          onChange={(event) => set({ notes: event.target.value })}
        />
      </section>
      <section aria-labelledby="prep-deck-heading" className="prep-section">
        <h3 id="prep-deck-heading">Question deck</h3>
        <PrepDeck prep={prep} questions={value.questions} />
      </section>
    </>
  );
}

/**
 * The facilitator's preparation, beside the board: only the facilitator's page has it, and it
 * is loaded from the server (never the board document) when the panel first opens. Escape
 * closes it; the caller puts focus back on what opened it.
 */
export function PrepPanel({ prep, onClose }: { prep: PrepController; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { load, prep: value, save } = useStore(prep.store);
  useEffect(() => {
    void prep.load();
    heading.current?.focus();
    // Whatever is still waiting for the pause goes now.
    return () => void prep.save();
  }, [prep]);
  return (
    <aside
      className="prep-panel"
      aria-labelledby="prep-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="prep-head">
        <h2 id="prep-title" ref={heading} tabIndex={-1}>
          Preparation
        </h2>
        <button type="button" className="quiet" onClick={onClose} aria-label="Close preparation">
          ✕
        </button>
      </div>
      <p className="muted small">Only you see this. It is never shown on the board.</p>
      {load.kind === 'ready' && <SaveStatus save={save} onRetry={() => void prep.save()} />}
      {(load.kind === 'idle' || load.kind === 'loading') && (
        <p className="muted small" role="status">
          Loading…
        </p>
      )}
      {load.kind === 'failed' && (
        <p className="field-error" role="alert">
          The preparation could not be loaded: {load.reason}{' '}
          <button type="button" className="small" onClick={() => void prep.load()}>
            Retry
          </button>
        </p>
      )}
      {load.kind === 'ready' && <Fields prep={prep} value={value} />}
    </aside>
  );
}
