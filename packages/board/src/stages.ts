import type * as Y from 'yjs';
import { metaMap } from './doc.js';

/** The six steps of a co-creation journey, in order. */
export const STAGES = ['objective', 'options', 'ideation', 'prototype', 'test', 'launch'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  objective: 'Objective',
  options: 'Options',
  ideation: 'Ideation',
  prototype: 'Prototype',
  test: 'Test',
  launch: 'Launch',
};
/** The template whose boards show the stages without the facilitator turning them on. */
export const STAGES_TEMPLATE = 'journey';

/**
 * Where the session stands, stored as one JSON value in `meta.stages`. A board without it shows
 * no stage bar, unless it was built from the `journey` template.
 */
export interface Stages {
  /** Whether the stage bar is shown. */
  enabled: boolean;
  /** The step the session is on. */
  current: Stage;
  /** When each step first began (ms since the epoch); steps not reached yet are absent. */
  startedAt: Partial<Record<Stage, number>>;
}

export const METRICS_MAX = 20;
export const METRIC_TEXT_MAX_LENGTH = 200;
export const METRIC_KINDS = ['success', 'improvement'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/** A measure agreed in the Test step, stored in the `meta.metrics` list. */
export interface Metric {
  /** What is measured, e.g. "Onboarding time". */
  metric: string;
  /** The value that counts, e.g. "under 2 days". */
  target: string;
  kind: MetricKind;
}

export function isStage(value: unknown): value is Stage {
  return (STAGES as readonly unknown[]).includes(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasKeys(value: Record<string, unknown>, keys: string[]): boolean {
  return Object.keys(value).sort().join(',') === [...keys].sort().join(',');
}

/** The value rule of `meta.stages`. */
export function isStages(value: unknown): value is Stages {
  if (!isPlainObject(value) || !hasKeys(value, ['enabled', 'current', 'startedAt'])) return false;
  const { enabled, current, startedAt } = value;
  if (typeof enabled !== 'boolean' || !isStage(current) || !isPlainObject(startedAt)) return false;
  return Object.entries(startedAt).every(
    ([stage, ms]) => isStage(stage) && typeof ms === 'number' && Number.isFinite(ms) && ms >= 0,
  );
}

function isMetric(value: unknown): value is Metric {
  if (!isPlainObject(value) || !hasKeys(value, ['metric', 'target', 'kind'])) return false;
  const { metric, target, kind } = value;
  return (
    typeof metric === 'string' &&
    metric.length <= METRIC_TEXT_MAX_LENGTH &&
    typeof target === 'string' &&
    target.length <= METRIC_TEXT_MAX_LENGTH &&
    (METRIC_KINDS as readonly unknown[]).includes(kind)
  );
}

/** The value rule of `meta.metrics`: a list of at most METRICS_MAX metrics. */
export function isMetricList(value: unknown): value is Metric[] {
  return Array.isArray(value) && value.length <= METRICS_MAX && value.every(isMetric);
}

/**
 * The board's stages; a board without them reads as off, at step 1. A `journey` board reads as
 * on, its first step begun when the board was made (its `createdAt`, when known).
 */
export function readStages(doc: Y.Doc): Stages {
  const meta = metaMap(doc);
  const value = meta.get('stages');
  if (isStages(value)) return { ...value, startedAt: { ...value.startedAt } };
  const journey = meta.get('template') === STAGES_TEMPLATE;
  const createdAt = meta.get('createdAt');
  const known = typeof createdAt === 'number' && Number.isFinite(createdAt) && createdAt > 0;
  return {
    enabled: journey,
    current: 'objective',
    startedAt: journey && known ? { objective: createdAt } : {},
  };
}

/** Shows or hides the stage bar; showing it starts the current step if it never began. */
export function setStagesEnabled(doc: Y.Doc, enabled: boolean, now: number): void {
  const stages = readStages(doc);
  const startedAt = { ...stages.startedAt };
  if (enabled && startedAt[stages.current] === undefined) startedAt[stages.current] = now;
  metaMap(doc).set('stages', { ...stages, enabled, startedAt });
}

/** Moves the session to `stage`, recording when it first began. */
export function goToStage(doc: Y.Doc, stage: Stage, now: number): void {
  const stages = readStages(doc);
  const startedAt = { ...stages.startedAt };
  if (startedAt[stage] === undefined) startedAt[stage] = now;
  metaMap(doc).set('stages', { ...stages, current: stage, startedAt });
}

/** The step after (+1) or before (-1) `stage`, or undefined past either end. */
export function neighbourStage(stage: Stage, step: 1 | -1): Stage | undefined {
  return STAGES[STAGES.indexOf(stage) + step];
}

export function readMetrics(doc: Y.Doc): Metric[] {
  const value = metaMap(doc).get('metrics');
  return isMetricList(value) ? value.map((metric) => ({ ...metric })) : [];
}

function cleanMetric(metric: Metric): Metric {
  const clean = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, METRIC_TEXT_MAX_LENGTH);
  return { metric: clean(metric.metric), target: clean(metric.target), kind: metric.kind };
}

/** Adds a metric at the end; returns false (and adds nothing) when the list is full. */
export function addMetric(doc: Y.Doc, metric: Metric): boolean {
  const metrics = readMetrics(doc);
  if (metrics.length >= METRICS_MAX) return false;
  metaMap(doc).set('metrics', [...metrics, cleanMetric(metric)]);
  return true;
}

export function updateMetric(doc: Y.Doc, index: number, metric: Metric): void {
  const metrics = readMetrics(doc);
  if (!metrics[index]) return;
  metrics[index] = cleanMetric(metric);
  metaMap(doc).set('metrics', metrics);
}

export function removeMetric(doc: Y.Doc, index: number): void {
  const metrics = readMetrics(doc);
  if (!metrics[index]) return;
  metaMap(doc).set(
    'metrics',
    metrics.filter((_, i) => i !== index),
  );
}
