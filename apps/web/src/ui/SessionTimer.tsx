import { formatCountdown, type Timer, timerRemaining } from '@dartboard/board';
import { useEffect, useRef, useState } from 'react';
import { useBoardContext } from './boardContext';
import { createAudio, playChime } from './chime';
import { runsSession, timerActions } from './sessionActions';

/** The current time, refreshed a few times a second while `ticking`. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!ticking) return;
    const interval = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(interval);
  }, [ticking]);
  return now;
}

/**
 * The countdown everyone sees, computed from the stored end time; at zero it glows softly and,
 * when this person turned the sound on, chimes once. The facilitator pauses, resumes and resets.
 */
export function SessionTimer({ timer }: { timer: Timer }) {
  const ctx = useBoardContext();
  const running = timer.endsAt !== null;
  const now = useNow(running);
  // On the server's clock, like the stored end time (sessionActions.ts sessionNow).
  const remaining = timerRemaining(timer, now + ctx.clockOffsetMs);
  const done = remaining === 0;
  // Reset (or never run): the full time is left.
  const fresh = !running && remaining === timer.durationMs;
  const [sound, setSound] = useState(false);
  const audio = useRef<AudioContext | undefined>(undefined);

  // Chime when the countdown reaches zero here, not when someone opens a timer long finished.
  const wasCounting = useRef(false);
  useEffect(() => {
    const counting = running && !done;
    if (wasCounting.current && running && done && sound && audio.current) playChime(audio.current);
    wasCounting.current = counting;
  }, [running, done, sound]);

  const toggleSound = () => {
    if (!sound) audio.current ??= createAudio();
    setSound(!sound);
  };

  return (
    <div className={`session-timer${done ? ' done' : ''}`}>
      <span role="timer" aria-label="Timer" className="timer-value">
        {formatCountdown(remaining)}
      </span>
      <span className="timer-state" role="status">
        {done ? 'Time is up' : running || fresh ? '' : 'Paused'}
      </span>
      {runsSession(ctx) && (
        <>
          {running && !done && (
            <button type="button" aria-label="Pause timer" onClick={() => timerActions.pause(ctx)}>
              Pause
            </button>
          )}
          {!running && !done && (
            <button
              type="button"
              aria-label={fresh ? 'Start timer' : 'Resume timer'}
              onClick={() => timerActions.resume(ctx)}
            >
              {fresh ? 'Start' : 'Resume'}
            </button>
          )}
          <button type="button" aria-label="Reset timer" onClick={() => timerActions.reset(ctx)}>
            Reset
          </button>
        </>
      )}
      <button
        type="button"
        className="quiet"
        aria-pressed={sound}
        aria-label="Timer sound"
        title="Play a soft sound when the timer reaches zero"
        onClick={toggleSound}
      >
        Sound
      </button>
    </div>
  );
}
