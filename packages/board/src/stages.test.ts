import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap } from './doc.js';
import { META_RULES } from './rules.js';
import {
  addMetric,
  goToStage,
  isMetricList,
  isStages,
  METRICS_MAX,
  neighbourStage,
  readMetrics,
  readStages,
  removeMetric,
  setStagesEnabled,
  updateMetric,
} from './stages.js';

const T0 = Date.parse('2026-11-26T10:00:00Z');

describe('session stages', () => {
  it('are off on an old or blank board, on for a journey board, at the first step', () => {
    expect(readStages(new Y.Doc())).toEqual({
      enabled: false,
      current: 'objective',
      startedAt: {},
    });
    const journey = new Y.Doc();
    metaMap(journey).set('template', 'journey');
    expect(readStages(journey)).toEqual({ enabled: true, current: 'objective', startedAt: {} });
    // Its first step began when the board was made, so the summary never calls it unreached.
    metaMap(journey).set('createdAt', T0);
    expect(readStages(journey).startedAt).toEqual({ objective: T0 });
    goToStage(journey, 'options', T0 + 1000);
    expect(readStages(journey).startedAt).toEqual({ objective: T0, options: T0 + 1000 });
  });

  it('record when each step first began as the facilitator moves through them', () => {
    const doc = new Y.Doc();
    setStagesEnabled(doc, true, T0);
    goToStage(doc, 'options', T0 + 1000);
    goToStage(doc, 'objective', T0 + 2000);
    goToStage(doc, 'options', T0 + 3000);
    expect(readStages(doc)).toEqual({
      enabled: true,
      current: 'options',
      startedAt: { objective: T0, options: T0 + 1000 },
    });
    setStagesEnabled(doc, false, T0 + 4000);
    expect(readStages(doc).enabled).toBe(false);
    expect(readStages(doc).startedAt.objective).toBe(T0);
  });

  it('know the next and previous step, and none past the ends', () => {
    expect(neighbourStage('objective', 1)).toBe('options');
    expect(neighbourStage('test', -1)).toBe('prototype');
    expect(neighbourStage('launch', 1)).toBeUndefined();
    expect(neighbourStage('objective', -1)).toBeUndefined();
  });

  it('have a value rule that refuses malformed stages', () => {
    expect(META_RULES.stages).toBe(isStages);
    const good = { enabled: true, current: 'test', startedAt: { test: T0 } };
    expect(isStages(good)).toBe(true);
    for (const bad of [
      null,
      { ...good, current: 'negotiation' },
      { ...good, enabled: 'yes' },
      { ...good, startedAt: { test: Number.NaN } },
      { ...good, startedAt: { dinner: T0 } },
      { ...good, startedAt: [T0] },
      { ...good, extra: 1 },
    ]) {
      expect(isStages(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('test metrics', () => {
  it('are added cleaned, changed, removed, and bounded in number', () => {
    const doc = new Y.Doc();
    expect(readMetrics(doc)).toEqual([]);
    addMetric(doc, { metric: '  Onboarding\ntime ', target: '< 2 days', kind: 'success' });
    addMetric(doc, { metric: 'Tickets', target: '-30 %', kind: 'improvement' });
    expect(readMetrics(doc)).toEqual([
      { metric: 'Onboarding time', target: '< 2 days', kind: 'success' },
      { metric: 'Tickets', target: '-30 %', kind: 'improvement' },
    ]);
    updateMetric(doc, 1, { metric: 'Support tickets', target: '-40 %', kind: 'improvement' });
    removeMetric(doc, 0);
    expect(readMetrics(doc)).toEqual([
      { metric: 'Support tickets', target: '-40 %', kind: 'improvement' },
    ]);
    for (let i = 1; i < METRICS_MAX; i++) {
      expect(addMetric(doc, { metric: `m${i}`, target: '', kind: 'success' })).toBe(true);
    }
    expect(addMetric(doc, { metric: 'one too many', target: '', kind: 'success' })).toBe(false);
    expect(readMetrics(doc)).toHaveLength(METRICS_MAX);
    expect(isMetricList(metaMap(doc).get('metrics'))).toBe(true);
  });

  it('have a value rule that refuses malformed lists', () => {
    expect(META_RULES.metrics).toBe(isMetricList);
    const good = { metric: 'NPS', target: '40', kind: 'success' };
    expect(isMetricList([good])).toBe(true);
    for (const bad of [
      good,
      [{ ...good, kind: 'vanity' }],
      [{ ...good, target: 40 }],
      [{ ...good, metric: 'x'.repeat(201) }],
      [{ ...good, note: 'extra' }],
      Array.from({ length: METRICS_MAX + 1 }, () => good),
    ]) {
      expect(isMetricList(bad)).toBe(false);
    }
  });
});
