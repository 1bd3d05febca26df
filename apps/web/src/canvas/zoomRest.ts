/**
 * Above this many device pixels per board pixel, notes and labels are painted directly: few are
 * in view, and their images would be large.
 */
export const MAX_IMAGE_RESOLUTION = 3;

/** How long the zoom must stay put before images are repainted at exactly that zoom. */
export const ZOOM_REST_MS = 150;

/**
 * The resolution to paint cached images at (device pixels per board pixel) for the zoom a shape
 * is drawn at: a power of √2 while the zoom moves, so images survive the gesture and are drawn
 * scaled; exactly the zoom once it has rested for ZOOM_REST_MS, so they are copied pixel for
 * pixel and look sharp. One per layer, shared by its shapes; `redraw` asks for the frame after
 * the rest.
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

/**
 * Copies a cached image with its top-left corner at whole device pixels (`left`, `top`),
 * scaled by `ratio` (zoom over the image's resolution); at 1 it is copied pixel for pixel.
 */
export function copyImage(
  context: CanvasRenderingContext2D,
  image: CanvasImageSource & { width: number; height: number },
  left: number,
  top: number,
  ratio: number,
): void {
  if (ratio === 1) context.drawImage(image, left, top);
  else context.drawImage(image, left, top, image.width * ratio, image.height * ratio);
}

/** A power of √2 at or above `resolution`, for images that survive a zoom gesture. */
export function resolutionStep(resolution: number): number {
  return Math.SQRT2 ** Math.ceil(Math.log2(resolution) * 2 - 1e-9);
}
