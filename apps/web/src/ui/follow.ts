import type { Awareness } from 'y-protocols/awareness';
import { followRect } from '../canvas/viewport';
import { throttle } from '../lib/throttle';
import type { UiStore, Viewport } from '../state/ui';
import { readPeers } from '../sync/presence';

/** How often this page's view is published while it changes (ms). */
export const VIEW_INTERVAL_MS = 150;

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Publishes the board area this page shows as `view` in presence, at most every
 * VIEW_INTERVAL_MS and only when it changes, so that others can follow it. Returns a stop.
 */
export function publishView(awareness: Awareness, ui: UiStore): () => void {
  const send = throttle(() => {
    const { viewport, screen } = ui.getState();
    if (screen.width <= 1) return;
    const { scale, x, y } = viewport;
    awareness.setLocalStateField('view', {
      x: round(-x / scale),
      y: round(-y / scale),
      width: round(screen.width / scale),
      height: round(screen.height / scale),
    });
  }, VIEW_INTERVAL_MS);
  send();
  const stop = ui.subscribe((state, prev) => {
    if (state.viewport !== prev.viewport || state.screen !== prev.screen) send();
  });
  return () => {
    stop();
    send.cancel();
  };
}

const same = (a: Viewport, b: Viewport) =>
  Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.scale - b.scale) < 1e-4;

/**
 * Keeps this page's viewport on the view of the person in `ui.following`, and obeys the
 * facilitator's summons ("Bring everyone here"). Any viewport change this code did not make
 * (the person panned, zoomed, pressed a key) stops following; a summons left that way is not
 * obeyed again on this page, while every other page stays with the facilitator.
 * Returns a stop.
 */
export function followViews(awareness: Awareness, ui: UiStore): () => void {
  // The viewport this code set last: anything else in ui.viewport came from the person.
  let applied: Viewport | undefined;
  // Summonses this page has left (by panning or "Stop following"); not obeyed again.
  const left = new Set<string>();

  const update = () => {
    const peers = readPeers(awareness);
    let { following } = ui.getState();
    const summoner = peers.find((p) => p.summon !== null && !left.has(p.summon));
    if (summoner?.summon && following?.summon !== summoner.summon) {
      following = { clientId: summoner.clientId, summon: summoner.summon };
      ui.setState({ following });
    }
    if (!following) return;
    const leader = peers.find((p) => p.clientId === following.clientId);
    // Gone, or the facilitator released everyone: this page stays where it is.
    if (!leader || (following.summon !== undefined && leader.summon !== following.summon)) {
      ui.setState({ following: undefined });
      return;
    }
    if (!leader.view) return;
    const { viewport, screen } = ui.getState();
    const next = followRect(leader.view, screen);
    if (same(next, viewport)) {
      applied = viewport;
      return;
    }
    applied = next;
    ui.setState({ viewport: next });
  };

  const stopUi = ui.subscribe((state, prev) => {
    const summon = prev.following?.summon;
    if (summon && state.following?.summon !== summon) left.add(summon);
    if (!state.following) return;
    if (state.following !== prev.following || state.screen !== prev.screen) {
      update();
    } else if (state.viewport !== prev.viewport && state.viewport !== applied) {
      ui.setState({ following: undefined });
    }
  });
  awareness.on('change', update);
  update();
  return () => {
    stopUi();
    awareness.off('change', update);
  };
}

/** The facilitator's "Bring everyone here" (a fresh summons) or "Release everyone" (none). */
export function setSummons(awareness: Awareness, on: boolean): void {
  const id = on ? crypto.randomUUID().slice(0, 12) : undefined;
  awareness.setLocalStateField('summon', id ? { id, active: true } : null);
}

/** Whether this page is summoning everyone now. */
export function summoning(awareness: Awareness): boolean {
  const state = awareness.getLocalState() as { summon?: unknown } | null;
  return typeof state?.summon === 'object' && state.summon !== null;
}
