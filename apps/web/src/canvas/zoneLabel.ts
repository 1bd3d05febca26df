import { FONT_FAMILY, fitLine, wrapText } from './fitText';
import { FONT_SIZE } from './legibility';
import type { Context2D } from './paintNote';
import { copyImage, MAX_IMAGE_RESOLUTION } from './zoomRest';

/** Where the label sits in its zone and how it is set (board pixels). */
export const LABEL = { x: 24, y: 16, inset: 48 };
/** Font sizes of a zone's title and prompt, board units. */
export const TITLE_SIZE = FONT_SIZE.title;
export const PROMPT_SIZE = FONT_SIZE.prompt;
const PROMPT_Y = Math.round(TITLE_SIZE * 1.4);
const PROMPT_LINE = Math.round(PROMPT_SIZE * 1.3);
/**
 * A prompt wraps to at most two lines of at most this width: about 65 characters, a comfortable
 * line to read, and narrow enough that a phone opening on the first zone shows it whole.
 */
const PROMPT_MEASURE = 700;
const PROMPT_LINES = 2;
/** Height of the label's image; zones keep ZONE_HEADER_HEIGHT clear for it (placement.ts). */
const HEIGHT = PROMPT_Y + PROMPT_LINES * PROMPT_LINE;
const PROMPT_ALPHA = 0.75;

export interface LabelLook {
  title: string;
  prompt: string;
  /** Room for the text, board pixels; longer lines end in an ellipsis. */
  width: number;
  color: string;
}

/**
 * A zone's title and prompt, painted once into an image at `resolution` device pixels per board
 * pixel and painted anew only when they or the resolution change. Setting text costs far more
 * than copying an image, and a pan redraws the zones on every frame.
 */
export class ZoneLabel {
  private painted: { look: LabelLook; resolution: number; canvas: HTMLCanvasElement } | undefined;

  /**
   * Draws the label on `context` (identity transform, device pixels) with its top-left corner
   * at (`left`, `top`), `zoom` device pixels per board pixel, from an image at `resolution`.
   */
  draw(
    context: CanvasRenderingContext2D,
    look: LabelLook,
    place: { left: number; top: number; zoom: number; resolution: number },
  ): void {
    const left = Math.round(place.left);
    const top = Math.round(place.top);
    if (place.zoom > MAX_IMAGE_RESOLUTION) {
      context.setTransform(place.zoom, 0, 0, place.zoom, left, top);
      paintLabel(context, look);
      context.setTransform(1, 0, 0, 1, 0, 0);
      return;
    }
    const image = this.image(look, place.resolution);
    if (image) copyImage(context, image, left, top, place.zoom / place.resolution);
  }

  private image(look: LabelLook, resolution: number): HTMLCanvasElement | undefined {
    const old = this.painted;
    if (old && old.resolution === resolution && sameLook(old.look, look)) return old.canvas;
    const canvas = old?.canvas ?? document.createElement('canvas');
    canvas.width = Math.max(1, Math.ceil(look.width * resolution));
    canvas.height = Math.ceil(HEIGHT * resolution);
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    context.setTransform(resolution, 0, 0, resolution, 0, 0);
    paintLabel(context, look);
    this.painted = { look, resolution, canvas };
    return canvas;
  }
}

/** Paints the title and prompt with the label's top-left corner at the origin. */
function paintLabel(context: Context2D, look: LabelLook): void {
  const measure = (text: string, size: number) => {
    context.font = fontOf(size);
    return context.measureText(text).width;
  };
  const title = fitLine(look.title, TITLE_SIZE, look.width, measure);
  const prompt = promptLines(look.prompt, Math.min(look.width, PROMPT_MEASURE), measure);
  context.save();
  context.textBaseline = 'top';
  context.textAlign = 'left';
  context.fillStyle = look.color;
  context.font = fontOf(TITLE_SIZE);
  context.fillText(title, 0, 0);
  context.globalAlpha = PROMPT_ALPHA;
  context.font = fontOf(PROMPT_SIZE);
  prompt.forEach((line, index) => {
    context.fillText(line, 0, PROMPT_Y + index * PROMPT_LINE);
  });
  context.restore();
}

/** The prompt wrapped to at most PROMPT_LINES lines, the last ending in an ellipsis if cut. */
function promptLines(
  prompt: string,
  width: number,
  measure: (text: string, size: number) => number,
): string[] {
  const lines = wrapText(prompt, PROMPT_SIZE, width, measure, PROMPT_LINES);
  if (lines.length <= PROMPT_LINES) return lines;
  const kept = lines.slice(0, PROMPT_LINES);
  const last = `${kept[PROMPT_LINES - 1] ?? ''} ${lines.slice(PROMPT_LINES).join(' ')}`;
  kept[PROMPT_LINES - 1] = fitLine(last, PROMPT_SIZE, width, measure);
  return kept;
}

/** The title is bold, the prompt regular. */
function fontOf(size: number): string {
  return `${size === TITLE_SIZE ? 'bold ' : ''}${size}px ${FONT_FAMILY}`;
}

function sameLook(a: LabelLook, b: LabelLook): boolean {
  return a.title === b.title && a.prompt === b.prompt && a.width === b.width && a.color === b.color;
}
