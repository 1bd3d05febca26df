// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUiStore, type UiStore } from '../state/ui';
import { useZoomPercent, ZOOM_LABEL_MS } from './useZoomPercent';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(scale = 1) {
  const ui = createUiStore({ viewport: { x: 0, y: 0, scale } });
  let renders = 0;
  const hook = renderHook(() => {
    renders++;
    return useZoomPercent(ui);
  });
  return { ui, hook, renders: () => renders };
}

function zoomTo(ui: UiStore, scale: number) {
  act(() => ui.setState({ viewport: { ...ui.getState().viewport, scale } }));
}

describe('useZoomPercent', () => {
  it('shows the zoom in whole per cent, and a zoom that starts at once', () => {
    const { ui, hook } = setup(0.523);
    expect(hook.result.current).toBe(52);
    zoomTo(ui, 1.5);
    expect(hook.result.current).toBe(150);
  });

  it('follows a zoom going on at most every ZOOM_LABEL_MS, and ends on the zoom reached', () => {
    const { ui, hook, renders } = setup();
    const before = renders();
    // A zoom of 60 frames at 60 fps, 3 % a frame: one second.
    let scale = 1;
    for (let frame = 0; frame < 60; frame++) {
      scale *= 1.03;
      zoomTo(ui, scale);
      act(() => vi.advanceTimersByTime(1000 / 60));
    }
    expect(renders() - before).toBeLessThanOrEqual(1 + Math.ceil(1000 / ZOOM_LABEL_MS));
    expect(renders() - before).toBeGreaterThanOrEqual(Math.floor(1000 / ZOOM_LABEL_MS) - 1);
    act(() => vi.advanceTimersByTime(ZOOM_LABEL_MS));
    expect(hook.result.current).toBe(Math.round(scale * 100));
  });

  it('does not render for a pan, nor for a zoom that rounds to the same per cent', () => {
    const { ui, hook, renders } = setup(0.5);
    const before = renders();
    act(() => ui.setState({ viewport: { x: 40, y: -10, scale: 0.5 } }));
    act(() => vi.advanceTimersByTime(ZOOM_LABEL_MS * 2));
    zoomTo(ui, 0.501);
    act(() => vi.advanceTimersByTime(ZOOM_LABEL_MS * 2));
    expect(hook.result.current).toBe(50);
    expect(renders()).toBe(before);
  });

  it('stops following once unmounted', () => {
    const { ui, hook } = setup();
    zoomTo(ui, 2);
    zoomTo(ui, 3);
    hook.unmount();
    act(() => vi.advanceTimersByTime(ZOOM_LABEL_MS * 2));
    expect(vi.getTimerCount()).toBe(0);
  });
});
