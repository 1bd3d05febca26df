import type * as Y from 'yjs';
import { metaMap } from './doc.js';

/** Shortest and longest countdown the facilitator may set. */
export const TIMER_MIN_MS = 1_000;
export const TIMER_MAX_MS = 4 * 60 * 60 * 1_000;
/** The durations "Start timer" offers, in minutes (a custom one is allowed too). */
export const TIMER_PRESET_MINUTES = [1, 3, 5, 10, 15] as const;

/**
 * The session countdown, stored as one JSON value in `meta.timer`. It runs while `endsAt` is
 * set: everyone computes what is left from that end time, so a person who joins or reloads
 * midway sees the same countdown without anyone sending ticks. `endsAt` is on the facilitator's
 * clock; a participant whose clock is off sees the countdown off by as much.
 */
export interface Timer {
  /** The length chosen when the timer was started; "Reset" goes back to it. */
  durationMs: number;
  /** When a running timer reaches zero (ms since the epoch); null while paused or reset. */
  endsAt: number | null;
  /** What is left while paused (equals durationMs after a reset); ignored while running. */
  remainingMs: number;
}

function isWholeMs(value: unknown, min: number, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** The value rule of `meta.timer`: exactly the three fields, within their bounds. */
export function isTimer(value: unknown): value is Timer {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value).sort().join(',');
  if (keys !== 'durationMs,endsAt,remainingMs') return false;
  const { durationMs, endsAt, remainingMs } = value as Record<string, unknown>;
  return (
    isWholeMs(durationMs, TIMER_MIN_MS, TIMER_MAX_MS) &&
    isWholeMs(remainingMs, 0, durationMs) &&
    (endsAt === null || (typeof endsAt === 'number' && Number.isFinite(endsAt) && endsAt >= 0))
  );
}

/** The board's timer, or null when none was ever started (or the stored value is broken). */
export function readTimer(doc: Y.Doc): Timer | null {
  const value = metaMap(doc).get('timer');
  return isTimer(value) ? { ...value } : null;
}

/** Milliseconds left at `now`: counts down while running, frozen while paused, never below 0. */
export function timerRemaining(timer: Timer, now: number): number {
  if (timer.endsAt === null) return timer.remainingMs;
  return Math.max(0, Math.min(timer.durationMs, timer.endsAt - now));
}

export function isTimerRunning(timer: Timer | null, now: number): boolean {
  return timer !== null && timer.endsAt !== null && timer.endsAt > now;
}

/** Starts a fresh countdown of `durationMs` (rounded to whole seconds, within the bounds). */
export function startTimer(doc: Y.Doc, durationMs: number, now: number): void {
  if (!Number.isFinite(durationMs) || !Number.isFinite(now)) {
    throw new RangeError('duration and time must be finite numbers');
  }
  const duration = Math.min(
    TIMER_MAX_MS,
    Math.max(TIMER_MIN_MS, Math.round(durationMs / 1000) * 1000),
  );
  const timer: Timer = {
    durationMs: duration,
    endsAt: Math.round(now) + duration,
    remainingMs: duration,
  };
  metaMap(doc).set('timer', timer);
}

/** Freezes a running timer at what is left now; does nothing to a paused one. */
export function pauseTimer(doc: Y.Doc, now: number): void {
  const timer = readTimer(doc);
  if (!timer || timer.endsAt === null) return;
  const remainingMs = Math.round(timerRemaining(timer, now));
  metaMap(doc).set('timer', { ...timer, endsAt: null, remainingMs });
}

/** Runs a paused timer on from what it had left; does nothing to a running or finished one. */
export function resumeTimer(doc: Y.Doc, now: number): void {
  const timer = readTimer(doc);
  if (!timer || timer.endsAt !== null || timer.remainingMs === 0) return;
  metaMap(doc).set('timer', { ...timer, endsAt: Math.round(now) + timer.remainingMs });
}

/** Stops the timer and sets it back to its full duration, paused. */
export function resetTimer(doc: Y.Doc): void {
  const timer = readTimer(doc);
  if (!timer) return;
  metaMap(doc).set('timer', { ...timer, endsAt: null, remainingMs: timer.durationMs });
}

/** "4:05", or "1:02:03" past an hour: what is left, rounded up to the second. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}
