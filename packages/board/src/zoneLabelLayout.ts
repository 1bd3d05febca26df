// Where a zone's title and prompt sit in the zone and how they wrap, the same in the page's
// canvas and in the board picture.
import { FONT_SIZE } from './legibility.js';
import { fitLine, type Measure, wrapText } from './textLayout.js';

/** Where the label sits in its zone and how much of the zone's width it leaves (board pixels). */
export const ZONE_LABEL = { x: 24, y: 16, inset: 48 };
/** Font sizes of a zone's title (bold) and prompt, board units. */
export const ZONE_TITLE_SIZE = FONT_SIZE.title;
export const ZONE_PROMPT_SIZE = FONT_SIZE.prompt;
/** The prompt's first line, below the label's top, and its line height. */
export const ZONE_PROMPT_Y = Math.round(ZONE_TITLE_SIZE * 1.4);
export const ZONE_PROMPT_LINE = Math.round(ZONE_PROMPT_SIZE * 1.3);
/**
 * A prompt wraps to at most two lines of at most this width: about 65 characters, a comfortable
 * line to read, and narrow enough that a phone opening on the first zone shows it whole.
 */
const PROMPT_MEASURE = 700;
export const ZONE_PROMPT_LINES = 2;
/** The prompt is the title's colour, this opaque. */
export const ZONE_PROMPT_ALPHA = 0.75;
/** A zone's outline: its corner radius and line width. */
export const ZONE_RADIUS = 16;
export const ZONE_STROKE = 2;

export interface ZoneLabelLines {
  title: string;
  prompt: string[];
}

/**
 * A zone's title on one line (cut with an ellipsis) and its prompt on at most two, in `width`;
 * `measureBold` measures the bold title, `measure` the prompt.
 */
export function layoutZoneLabel(
  title: string,
  prompt: string,
  width: number,
  measure: Measure,
  measureBold: Measure,
): ZoneLabelLines {
  const room = Math.min(width, PROMPT_MEASURE);
  const lines = wrapText(prompt, ZONE_PROMPT_SIZE, room, measure, ZONE_PROMPT_LINES);
  const kept = lines.slice(0, ZONE_PROMPT_LINES);
  if (lines.length > ZONE_PROMPT_LINES) {
    const last = `${kept[ZONE_PROMPT_LINES - 1] ?? ''} ${lines.slice(ZONE_PROMPT_LINES).join(' ')}`;
    kept[ZONE_PROMPT_LINES - 1] = fitLine(last, ZONE_PROMPT_SIZE, room, measure);
  }
  return { title: fitLine(title, ZONE_TITLE_SIZE, width, measureBold), prompt: kept };
}
