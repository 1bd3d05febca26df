import {
  layoutZoneLabel,
  ZONE_LABEL,
  ZONE_PROMPT_ALPHA,
  ZONE_PROMPT_LINE,
  ZONE_PROMPT_LINES,
  ZONE_PROMPT_SIZE,
  ZONE_PROMPT_Y,
  ZONE_TITLE_SIZE,
} from '@dartboard/board';
import { FONT_FAMILY } from './fitText';
import type { Context2D } from './paintNote';
import { copyImage, MAX_IMAGE_RESOLUTION } from './zoomRest';

/** Where the label sits in its zone (board pixels); see zoneLabelLayout.ts in packages/board. */
export const LABEL = ZONE_LABEL;
/** Height of the label's image; zones keep ZONE_HEADER_HEIGHT clear for it (placement.ts). */
const HEIGHT = ZONE_PROMPT_Y + ZONE_PROMPT_LINES * ZONE_PROMPT_LINE;

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
  const measure = (bold: boolean) => (text: string, size: number) => {
    context.font = fontOf(size, bold);
    return context.measureText(text).width;
  };
  const lines = layoutZoneLabel(look.title, look.prompt, look.width, measure(false), measure(true));
  context.save();
  context.textBaseline = 'top';
  context.textAlign = 'left';
  context.fillStyle = look.color;
  context.font = fontOf(ZONE_TITLE_SIZE, true);
  context.fillText(lines.title, 0, 0);
  context.globalAlpha = ZONE_PROMPT_ALPHA;
  context.font = fontOf(ZONE_PROMPT_SIZE, false);
  lines.prompt.forEach((line, index) => {
    context.fillText(line, 0, ZONE_PROMPT_Y + index * ZONE_PROMPT_LINE);
  });
  context.restore();
}

/** The title is bold, the prompt regular. */
function fontOf(size: number, bold: boolean): string {
  return `${bold ? 'bold ' : ''}${size}px ${FONT_FAMILY}`;
}

function sameLook(a: LabelLook, b: LabelLook): boolean {
  return a.title === b.title && a.prompt === b.prompt && a.width === b.width && a.color === b.color;
}
