import { METRIC_TEXT_MAX_LENGTH, type Metric, type MetricKind } from '@dartboard/board';
import { useState } from 'react';
import { useBoardContext } from './boardContext';
import { runsSession, stageActions } from './sessionActions';

const KIND_LABELS: Record<MetricKind, string> = {
  success: 'Success',
  improvement: 'Improvement',
};

/** The facilitator's form for one more metric. */
function AddMetricForm() {
  const ctx = useBoardContext();
  const [metric, setMetric] = useState('');
  const [target, setTarget] = useState('');
  const [kind, setKind] = useState<MetricKind>('success');
  return (
    <form
      className="metric-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (metric.trim() === '') return;
        stageActions.addMetric(ctx, { metric, target, kind });
        setMetric('');
        setTarget('');
      }}
    >
      <input
        aria-label="Metric"
        placeholder="Metric"
        maxLength={METRIC_TEXT_MAX_LENGTH}
        value={metric}
        onChange={(event) => setMetric(event.target.value)}
      />
      <input
        aria-label="Target"
        placeholder="Target"
        maxLength={METRIC_TEXT_MAX_LENGTH}
        value={target}
        onChange={(event) => setTarget(event.target.value)}
      />
      <select
        aria-label="Kind"
        value={kind}
        onChange={(event) => setKind(event.target.value as MetricKind)}
      >
        <option value="success">Success</option>
        <option value="improvement">Improvement</option>
      </select>
      <button type="submit">Add metric</button>
    </form>
  );
}

/**
 * The success and improvement metrics agreed in the Test step: everyone sees the list, the
 * facilitator adds and removes.
 */
export function MetricsPanel({ metrics }: { metrics: readonly Metric[] }) {
  const ctx = useBoardContext();
  const runs = runsSession(ctx);
  return (
    <section className="metrics" aria-labelledby="metrics-title">
      <h2 id="metrics-title">Test metrics</h2>
      {metrics.length === 0 ? (
        <p className="muted small">No metrics agreed yet.</p>
      ) : (
        <ul>
          {metrics.map((metric, index) => (
            // The list has no ids; a metric's place is what the facilitator edits by.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <li key={index}>
              <span className="metric-kind">{KIND_LABELS[metric.kind]}</span> {metric.metric}
              {metric.target && <span className="muted"> — target: {metric.target}</span>}
              {runs && (
                <button
                  type="button"
                  className="quiet"
                  aria-label={`Remove metric ${metric.metric}`}
                  onClick={() => stageActions.removeMetric(ctx, index)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {runs && <AddMetricForm />}
    </section>
  );
}
