import { listZones, metaMap, readStages } from '@dartboard/board';
import type * as Y from 'yjs';
import { revealRect } from '../canvas/viewport';
import type { UiStore } from '../state/ui';

/**
 * When the facilitator moves the session to another step, every page that does not follow
 * someone brings that step's zone into view (with the least change of view), so nobody has to
 * look for where the session went. Loading the board or other meta changes move nothing.
 * Returns a stop.
 */
export function showCurrentStage(doc: Y.Doc, ui: UiStore): () => void {
  let last = readStages(doc);
  const onChange = () => {
    const stages = readStages(doc);
    const moved = stages.enabled && (stages.current !== last.current || !last.enabled);
    last = stages;
    if (!moved) return;
    const { following, viewport, screen } = ui.getState();
    if (following || screen.width <= 1) return;
    const zone = listZones(doc).find((z) => z.kind === stages.current);
    const next = zone && revealRect(zone, viewport, screen);
    if (next) ui.setState({ viewport: next });
  };
  const meta = metaMap(doc);
  meta.observe(onChange);
  return () => meta.unobserve(onChange);
}
