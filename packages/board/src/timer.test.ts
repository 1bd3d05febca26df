import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap } from './doc.js';
import { META_RULES } from './rules.js';
import {
  formatCountdown,
  isTimer,
  pauseTimer,
  readTimer,
  resetTimer,
  resumeTimer,
  startTimer,
  timerRemaining,
} from './timer.js';

const T0 = Date.parse('2026-11-26T10:00:00Z');
const MINUTE = 60_000;

describe('session timer', () => {
  it('reads as none on a board made before timers', () => {
    expect(readTimer(new Y.Doc())).toBeNull();
  });

  it('stores the end time, so anyone computes the same remaining time whenever they look', () => {
    const doc = new Y.Doc();
    startTimer(doc, 5 * MINUTE, T0);
    expect(metaMap(doc).get('timer')).toEqual({
      durationMs: 5 * MINUTE,
      endsAt: T0 + 5 * MINUTE,
      remainingMs: 5 * MINUTE,
    });
    const timer = readTimer(doc);
    if (!timer) throw new Error('no timer');
    expect(timerRemaining(timer, T0 + 2 * MINUTE)).toBe(3 * MINUTE);
    expect(timerRemaining(timer, T0 + 9 * MINUTE)).toBe(0);
  });

  it('pauses at what is left, resumes from there, and resets to the full duration', () => {
    const doc = new Y.Doc();
    startTimer(doc, 3 * MINUTE, T0);
    pauseTimer(doc, T0 + MINUTE);
    const paused = readTimer(doc);
    expect(paused).toEqual({ durationMs: 3 * MINUTE, endsAt: null, remainingMs: 2 * MINUTE });
    // A paused timer stands still however long the pause lasts.
    if (paused) expect(timerRemaining(paused, T0 + 60 * MINUTE)).toBe(2 * MINUTE);
    resumeTimer(doc, T0 + 10 * MINUTE);
    expect(readTimer(doc)?.endsAt).toBe(T0 + 12 * MINUTE);
    resetTimer(doc);
    expect(readTimer(doc)).toEqual({
      durationMs: 3 * MINUTE,
      endsAt: null,
      remainingMs: 3 * MINUTE,
    });
  });

  it('keeps durations within one second and four hours, in whole seconds', () => {
    const doc = new Y.Doc();
    startTimer(doc, 10, T0);
    expect(readTimer(doc)?.durationMs).toBe(1000);
    startTimer(doc, 24 * 60 * MINUTE, T0);
    expect(readTimer(doc)?.durationMs).toBe(4 * 60 * MINUTE);
    startTimer(doc, 90_400, T0);
    expect(readTimer(doc)?.durationMs).toBe(90_000);
    expect(() => startTimer(doc, Number.NaN, T0)).toThrow(RangeError);
  });

  it('has a value rule that refuses malformed timers', () => {
    expect(META_RULES.timer).toBe(isTimer);
    const good = { durationMs: MINUTE, endsAt: T0, remainingMs: MINUTE };
    expect(isTimer(good)).toBe(true);
    expect(isTimer({ ...good, endsAt: null })).toBe(true);
    for (const bad of [
      null,
      'running',
      [good],
      { ...good, durationMs: 0 },
      { ...good, durationMs: 5 * 60 * 60 * 1000 },
      { ...good, durationMs: Number.POSITIVE_INFINITY },
      { ...good, remainingMs: 2 * MINUTE },
      { ...good, remainingMs: -1 },
      { ...good, endsAt: Number.NaN },
      { ...good, endsAt: '10:00' },
      { ...good, label: 'extra' },
      { durationMs: MINUTE, remainingMs: MINUTE },
    ]) {
      expect(isTimer(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('shows what is left as minutes and seconds, rounded up', () => {
    expect(formatCountdown(5 * MINUTE)).toBe('5:00');
    expect(formatCountdown(61_001)).toBe('1:02');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5)).toBe('0:00');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
  });
});
