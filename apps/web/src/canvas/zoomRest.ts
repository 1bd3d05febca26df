/** How long the zoom must stay put before images are repainted at exactly that zoom. */
export const ZOOM_REST_MS = 150;

/**
 * The resolution to paint cached images at (device pixels per board pixel) for the zoom a shape
 * is drawn at: a power of √2 while the zoom moves, so images survive the gesture and are drawn
 * scaled; exactly the zoom once it has rested for ZOOM_REST_MS, so they are copied pixel for
 * pixel and look sharp. One per shape; `redraw` asks for the frame after the rest.
 */
export class ZoomRest {
  private zoom = 0;
  private changedAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly redraw: () => void) {}

  resolution(zoom: number, now = performance.now()): number {
    if (zoom !== this.zoom) {
      this.zoom = zoom;
      this.changedAt = now;
      clearTimeout(this.timer);
      this.timer = setTimeout(this.redraw, ZOOM_REST_MS + 10);
    }
    return now - this.changedAt >= ZOOM_REST_MS ? zoom : resolutionStep(zoom);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

/** A power of √2 at or above `resolution`, for images that survive a zoom gesture. */
export function resolutionStep(resolution: number): number {
  return Math.SQRT2 ** Math.ceil(Math.log2(resolution) * 2 - 1e-9);
}
