import { TIMER_MAX_MS, TIMER_PRESET_MINUTES } from '@dartboard/board';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useBoardContext } from './boardContext';
import { endAndSave, timerActions } from './sessionActions';

const MAX_MINUTES = TIMER_MAX_MS / 60_000;

/** A modal dialog that is open while shown and calls `onClose` when closed (Escape too). */
export function Modal({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = `dialog-${title.toLowerCase().replace(/\W+/g, '-')}`;
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="share session-dialog" aria-labelledby={id} onClose={onClose}>
      <h2 id={id}>{title}</h2>
      {children}
    </dialog>
  );
}

/** "Start timer": a preset of 1 to 15 minutes or a custom length, for everyone to see. */
export function StartTimerDialog({ onClose }: { onClose: () => void }) {
  const ctx = useBoardContext();
  const [choice, setChoice] = useState<string>('5');
  const [custom, setCustom] = useState('20');
  const minutes = choice === 'custom' ? Number(custom) : Number(choice);
  const valid = Number.isFinite(minutes) && minutes > 0 && minutes <= MAX_MINUTES;
  return (
    <Modal title="Start timer" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid) return;
          timerActions.start(ctx, minutes);
          onClose();
        }}
      >
        <fieldset className="durations">
          <legend>Duration</legend>
          {TIMER_PRESET_MINUTES.map((preset) => (
            <label key={preset}>
              <input
                type="radio"
                name="duration"
                value={preset}
                checked={choice === String(preset)}
                onChange={() => setChoice(String(preset))}
              />
              {preset === 1 ? '1 minute' : `${preset} minutes`}
            </label>
          ))}
          <label>
            <input
              type="radio"
              name="duration"
              value="custom"
              checked={choice === 'custom'}
              onChange={() => setChoice('custom')}
            />
            Custom
          </label>
          {choice === 'custom' && (
            <label className="custom-minutes">
              Minutes
              <input
                type="number"
                min={1}
                max={MAX_MINUTES}
                value={custom}
                onChange={(event) => setCustom(event.target.value)}
              />
            </label>
          )}
        </fieldset>
        {!valid && (
          <p className="field-error" role="alert">
            Choose between 1 and {MAX_MINUTES} minutes.
          </p>
        )}
        <p className="row dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!valid}>
            Start
          </button>
        </p>
      </form>
    </Modal>
  );
}

/**
 * "End session": records the end, optionally read-only for everyone else, then hands over to
 * the summary preview (`onEnded`).
 */
export function EndSessionDialog({
  onClose,
  onEnded,
}: {
  onClose: () => void;
  onEnded: () => void;
}) {
  const ctx = useBoardContext();
  const [readOnly, setReadOnly] = useState(true);
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  return (
    <Modal title="End session" onClose={onClose}>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setState('busy');
          try {
            await endAndSave(ctx, readOnly);
            onEnded();
          } catch {
            setState('failed');
          }
        }}
      >
        <p>The end time is recorded and the summary opens, ready to download.</p>
        <label className="check">
          <input
            type="checkbox"
            checked={readOnly}
            onChange={(event) => setReadOnly(event.target.checked)}
          />
          Make the board read-only for everyone else
        </label>
        {state === 'failed' && (
          <p className="field-error" role="alert">
            The session could not be ended. Check the connection and try again.
          </p>
        )}
        <p className="row dialog-buttons">
          <button type="button" onClick={onClose} disabled={state === 'busy'}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={state === 'busy'}>
            End session
          </button>
        </p>
      </form>
    </Modal>
  );
}
