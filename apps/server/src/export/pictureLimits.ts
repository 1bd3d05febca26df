// The limits of a PNG export.

/** PNG `scale=`: pixels per board unit. */
export const PNG_SCALE_MIN = 0.25;
export const PNG_SCALE_MAX = 4;
/** A PNG's largest side and area in pixels (about 256 MB of pixels in memory while drawn). */
export const PNG_MAX_SIDE = 16_000;
export const PNG_MAX_PIXELS = 64_000_000;
