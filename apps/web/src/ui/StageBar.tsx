import { neighbourStage, STAGE_LABELS, STAGES, type Stages } from '@dartboard/board';
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
      <ol>
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
            <li key={stage}>
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
