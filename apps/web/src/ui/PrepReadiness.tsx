import {
  newId,
  PREP_RATING_MAX,
  PREP_READINESS_MAX,
  PREP_READINESS_TEXT_MAX_LENGTH,
  READINESS_AREA_LABELS,
  READINESS_AREAS,
  type ReadinessArea,
  type ReadinessItem,
  suggestedReadiness,
} from '@dartboard/board';
import type { PrepController } from '../state/prep';

const RATINGS = Array.from({ length: PREP_RATING_MAX }, (_, i) => i + 1);

function Row({ item, index, prep }: { item: ReadinessItem; index: number; prep: PrepController }) {
  const id = `prep-readiness-${item.id}`;
  const change = (fields: Partial<ReadinessItem>) =>
    prep.edit((p) => ({
      ...p,
      readiness: p.readiness.map((r) => (r.id === item.id ? { ...r, ...fields } : r)),
    }));
  return (
    <li>
      <fieldset className="prep-readiness-row">
        <legend className="visually-hidden">Indicator {index + 1}</legend>
        <div className="prep-readiness-line">
          <div>
            <label htmlFor={`${id}-area`}>Area</label>
            <select
              id={`${id}-area`}
              value={item.area}
              onChange={(event) => change({ area: event.target.value as ReadinessArea })}
            >
              {READINESS_AREAS.map((area) => (
                <option key={area} value={area}>
                  {READINESS_AREA_LABELS[area]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-rating`}>Rating</label>
            <select
              id={`${id}-rating`}
              value={item.rating}
              onChange={(event) => change({ rating: Number(event.target.value) })}
            >
              <option value={0}>Not rated</option>
              {RATINGS.map((rating) => (
                <option key={rating} value={rating}>
                  {rating} of {PREP_RATING_MAX}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label htmlFor={`${id}-text`}>
          {item.area === 'critical' ? 'Critical point' : 'Indicator'}
        </label>
        <textarea
          id={`${id}-text`}
          rows={2}
          value={item.text}
          maxLength={PREP_READINESS_TEXT_MAX_LENGTH}
          onChange={(event) => change({ text: event.target.value })}
        />
        {item.area === 'critical' && (
          <>
            <label htmlFor={`${id}-cause`}>Cause</label>
            <textarea
              id={`${id}-cause`}
              rows={2}
              value={item.cause}
              maxLength={PREP_READINESS_TEXT_MAX_LENGTH}
              onChange={(event) => change({ cause: event.target.value })}
            />
          </>
        )}
        <button
          type="button"
          className="quiet small"
          aria-label={`Remove indicator ${index + 1}`}
          onClick={() =>
            prep.edit((p) => ({ ...p, readiness: p.readiness.filter((r) => r.id !== item.id) }))
          }
        >
          Remove
        </button>
      </fieldset>
    </li>
  );
}

/**
 * The readiness check: how far the customer trusts us, how credible we are to them, and the
 * critical points we know of with their causes, each rated 1 to 5 (or not rated yet).
 */
export function PrepReadiness({
  prep,
  items,
}: {
  prep: PrepController;
  items: readonly ReadinessItem[];
}) {
  const add = (rows: ReadinessItem[]) =>
    prep.edit((p) => ({ ...p, readiness: [...p.readiness, ...rows].slice(0, PREP_READINESS_MAX) }));
  return (
    <>
      {items.length === 0 ? (
        <div className="prep-empty">
          <p className="muted small">
            Nothing checked yet. Rate how much the customer trusts you, how credible you are to
            them, and the critical points you know of, with their causes.
          </p>
          <button type="button" onClick={() => add(suggestedReadiness())}>
            Add suggested indicators
          </button>
        </div>
      ) : (
        <ul className="prep-readiness">
          {items.map((item, index) => (
            <Row key={item.id} item={item} index={index} prep={prep} />
          ))}
        </ul>
      )}
      <button
        type="button"
        className="quiet small"
        disabled={items.length >= PREP_READINESS_MAX}
        onClick={() => add([{ id: newId(), area: 'trust', text: '', cause: '', rating: 0 }])}
      >
        Add indicator
      </button>
    </>
  );
}
