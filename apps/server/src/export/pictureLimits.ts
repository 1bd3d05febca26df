// What the picture pool's workers are asked and answer, and the limits of a PNG.

/** PNG `scale=`: pixels per board unit. */
export const PNG_SCALE_MIN = 0.25;
export const PNG_SCALE_MAX = 4;
/** A PNG's largest side and area in pixels (about 256 MB of pixels in memory while drawn). */
export const PNG_MAX_SIDE = 16_000;
export const PNG_MAX_PIXELS = 64_000_000;

export interface PictureTask {
  type: 'svg' | 'png';
  /** The board's document as one update. */
  update: Uint8Array;
  zoneId: string | undefined;
  /** PNG pixels per board unit. */
  scale: number;
  thisYear: number;
}

/** The picture, or why it cannot be made with these options (an answer 400). */
export type PictureResult = { body: string | Uint8Array } | { error: string };
