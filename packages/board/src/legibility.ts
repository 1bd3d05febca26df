// How big text must be on screen to be read through a compressed screen share, and the font
// sizes in board units that guarantee it. The board opens at READABLE_ZOOM or closer (see
// openingView.ts), so every size below, multiplied by the zoom, is at least its minimum.

/**
 * The zoom the board never opens below (when the screen can show a zone at all): at 1280x800
 * with the outline open the four DART zones still fit at this zoom, and a phone shows most of
 * the first zone across its width.
 */
export const READABLE_ZOOM = 0.5;

/** Smallest on-screen sizes in CSS pixels at the opening zoom. */
export const MIN_SCREEN_PX = {
  /** A note's text: below this it shows what fits and "…more" instead of shrinking. */
  noteText: 12,
  /** A note's author line. */
  author: 10,
  /** A zone's title (bold). */
  title: 14,
  /** A zone's prompt. */
  prompt: 11,
} as const;

/** The font size in board units that is `px` CSS pixels on screen at READABLE_ZOOM. */
function boardUnits(px: number): number {
  return Math.ceil(px / READABLE_ZOOM);
}

/** Font sizes in board units. */
export const FONT_SIZE = {
  noteTextMin: boardUnits(MIN_SCREEN_PX.noteText),
  noteTextMax: 32,
  author: boardUnits(MIN_SCREEN_PX.author),
  title: boardUnits(MIN_SCREEN_PX.title),
  prompt: boardUnits(MIN_SCREEN_PX.prompt),
} as const;
