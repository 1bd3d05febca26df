import { neighbourStage, STAGE_LABELS, STAGES, type Stages } from '@dartboard/board';
import { useEffect, useRef } from 'react';
import { useBoardContext } from './boardContext';
import { runsSession, stageActions } from './sessionActions';

/**
 * The six steps of the session as a bar; the current one is marked (aria-current="step"). The
 * facilitator moves the session by clicking a step or with Previous and Next.
 */
export function StageBar({ stages }: { stages: Stages }) {
  const ctx = useBoardContext();
  const runs = runsSession(ctx);
  const previous = neighbourStage(stages.current, -1);
  const next = neighbourStage(stages.current, 1);
  // On a phone the steps scroll sideways: keep the current one in view (only the list scrolls).
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const ol = list.current;
    const step = ol?.querySelector<HTMLElement>(`[data-stage="${stages.current}"]`);
    if (!ol || !step || ol.scrollWidth <= ol.clientWidth) return;
    ol.scrollLeft = step.offsetLeft - (ol.clientWidth - step.offsetWidth) / 2;
  }, [stages.current]);
  return (
    <nav className="stage-bar" aria-label="Stages">
      {runs && (
        <button
          type="button"
          className="stage-step-button"
          aria-label="Previous step"
          disabled={!previous}
          onClick={() => previous && stageActions.goTo(ctx, previous)}
        >
          ‹
        </button>
      )}
      <ol ref={list}>
        {STAGES.map((stage, index) => {
          const current = stage === stages.current ? 'step' : undefined;
          const label = (
            <>
              <span className="stage-number" aria-hidden="true">
                {index + 1}
              </span>
              {STAGE_LABELS[stage]}
            </>
          );
          return (
            <li key={stage} data-stage={stage}>
              {runs ? (
                <button
                  type="button"
                  className="stage"
                  aria-current={current}
                  onClick={() => stageActions.goTo(ctx, stage)}
                >
                  {label}
                </button>
              ) : (
                <span className="stage" aria-current={current}>
                  {label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {runs && (
        <button
          type="button"
          className="stage-step-button"
          aria-label="Next step"
          disabled={!next}
          onClick={() => next && stageActions.goTo(ctx, next)}
        >
          ›
        </button>
      )}
    </nav>
  );
}
