import type Konva from 'konva';

/** The parts of Konva's layer canvas that the swap below replaces. */
interface SceneCanvasInternals {
  _canvas: HTMLCanvasElement;
  context: { _context: CanvasRenderingContext2D };
}

/**
 * Gives a Konva layer an opaque canvas (a 2D context with `alpha: false`). The browser then
 * composites the board without blending it over the page, which with software rendering halves
 * the cost of every frame (docs/benchmarks.md). Konva has no option for it
 * (konvajs/konva#1470), so the layer's canvas element is swapped for an opaque one before the
 * first draw. An opaque layer is never cleared to transparent: draw paintBackground (background.ts) first and
 * give the layer `clearBeforeDraw={false}`.
 */
export function makeOpaque(layer: Konva.Layer): void {
  const sceneCanvas = layer.getCanvas();
  const internals = sceneCanvas as unknown as SceneCanvasInternals;
  const old = internals._canvas;
  if (old.dataset.opaque === 'true') return;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { alpha: false });
  if (!context) return;
  canvas.style.cssText = old.style.cssText;
  canvas.dataset.opaque = 'true';
  old.replaceWith(canvas);
  internals._canvas = canvas;
  internals.context._context = context;
  // Sizes the new bitmap and scales it for the device pixel ratio, as Konva did for the old one.
  sceneCanvas.setSize(old.width / sceneCanvas.pixelRatio, old.height / sceneCanvas.pixelRatio);
  layer.batchDraw();
}
