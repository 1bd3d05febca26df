import { afterEach, describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { visibleRect } from '../canvas/viewport';
import { createUiStore } from '../state/ui';
import { followViews, publishView, setSummons } from './follow';

// Two pages' presence, joined by hand the way the relay joins them: what one page publishes
// reaches the other with the role the server stamped.

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function page(name: string, role: string) {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState({ user: { name, color: '#2563eb', role }, cursor: null });
  const ui = createUiStore({ screen: { width: 1000, height: 500 } });
  stops.push(() => awareness.destroy());
  return { awareness, ui };
}

/** Relays every presence change of `from` to `to`. */
function relay(from: Awareness, to: Awareness) {
  const send = () =>
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'relay');
  from.on('update', send);
  send();
  stops.push(() => from.off('update', send));
}

function start(leader: ReturnType<typeof page>, follower: ReturnType<typeof page>) {
  relay(leader.awareness, follower.awareness);
  stops.push(publishView(leader.awareness, leader.ui));
  stops.push(followViews(follower.awareness, follower.ui));
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const shown = (p: ReturnType<typeof page>) =>
  visibleRect(p.ui.getState().viewport, p.ui.getState().screen);

describe('following a view', () => {
  it('follows the chosen person as they pan, and stops when the follower pans', async () => {
    const sam = page('Sam', 'facilitator');
    const cara = page('Cara', 'edit');
    start(sam, cara);
    cara.ui.setState({ following: { clientId: sam.awareness.clientID, summon: undefined } });
    sam.ui.setState({ viewport: { x: -2000, y: -1000, scale: 1 } });
    await wait(200);
    expect(shown(cara)).toMatchObject({ x: 2000, y: 1000, width: 1000, height: 500 });

    // Cara drags the board: she stays where she put it, whatever Sam does next.
    cara.ui.setState({ viewport: { x: 0, y: 0, scale: 1 } });
    expect(cara.ui.getState().following).toBeUndefined();
    sam.ui.setState({ viewport: { x: -500, y: 0, scale: 2 } });
    await wait(200);
    expect(cara.ui.getState().viewport).toEqual({ x: 0, y: 0, scale: 1 });
  });

  it('obeys the facilitator summoning, leaves it by panning, and ends with the release', async () => {
    const sam = page('Sam', 'facilitator');
    const cara = page('Cara', 'edit');
    start(sam, cara);
    sam.ui.setState({ viewport: { x: -300, y: -100, scale: 1 } });
    setSummons(sam.awareness, true);
    await wait(200);
    expect(cara.ui.getState().following?.clientId).toBe(sam.awareness.clientID);
    expect(shown(cara).x).toBeCloseTo(300);

    cara.ui.setState({ viewport: { x: 10, y: 10, scale: 1 } });
    sam.ui.setState({ viewport: { x: -900, y: -100, scale: 1 } });
    await wait(200);
    // Still summoning, but Cara left it: she is not pulled back.
    expect(cara.ui.getState().following).toBeUndefined();
    expect(cara.ui.getState().viewport).toEqual({ x: 10, y: 10, scale: 1 });

    // A new summons brings her again; the release lets her go where she is.
    setSummons(sam.awareness, false);
    setSummons(sam.awareness, true);
    await wait(50);
    expect(cara.ui.getState().following?.summon).toBeDefined();
    setSummons(sam.awareness, false);
    expect(cara.ui.getState().following).toBeUndefined();
    expect(shown(cara).x).toBeCloseTo(900);
  });

  it('ignores a summons from anyone the server did not stamp facilitator', async () => {
    const chris = page('Chris', 'edit');
    const cara = page('Cara', 'edit');
    start(chris, cara);
    chris.ui.setState({ viewport: { x: -300, y: -100, scale: 1 } });
    setSummons(chris.awareness, true);
    await wait(200);
    expect(cara.ui.getState().following).toBeUndefined();
    expect(cara.ui.getState().viewport).toEqual({ x: 0, y: 0, scale: 1 });
  });
});
