// The board's picture, drawn in an export worker: the SVG as the page draws it, and for a PNG
// that SVG rasterised with resvg in the picture font.
import { type BoardPicture, boardPicture, UnknownZoneError } from '@dartboard/board';
import { Resvg } from '@resvg/resvg-js';
import type * as Y from 'yjs';
import { ExportOptionError } from './exportTask.js';
import {
  PICTURE_FONT_FAMILY,
  PICTURE_FONT_FILES,
  pictureFont,
  pictureOutline,
} from './pictureFont.js';
import { PNG_MAX_PIXELS, PNG_MAX_SIDE } from './pictureLimits.js';

/**
 * The board, or only zone `zoneId`; an ExportOptionError when the board has no such zone. For
 * pixels (`forPixels`) the text is set as glyph outlines, which resvg draws many times faster
 * than it shapes text; an SVG document keeps real, selectable text.
 */
export function drawBoard(
  doc: Y.Doc,
  options: { zoneId?: string; thisYear: number; forPixels?: boolean },
): BoardPicture {
  try {
    return boardPicture(doc, {
      ...pictureFont(),
      fontFamily: PICTURE_FONT_FAMILY,
      thisYear: options.thisYear,
      ...(options.forPixels ? { outline: pictureOutline() } : {}),
      ...(options.zoneId === undefined ? {} : { zoneId: options.zoneId }),
    });
  } catch (error) {
    if (error instanceof UnknownZoneError) throw new ExportOptionError(error.message);
    throw error;
  }
}

/**
 * The picture as a PNG, `scale` pixels per board unit; an ExportOptionError when it would be
 * larger than PNG_MAX_SIDE or PNG_MAX_PIXELS.
 */
export function rasterise(picture: BoardPicture, scale: number): Uint8Array {
  const width = Math.ceil(picture.width * scale);
  const height = Math.ceil(picture.height * scale);
  if (width > PNG_MAX_SIDE || height > PNG_MAX_SIDE || width * height > PNG_MAX_PIXELS) {
    throw new ExportOptionError(
      `The picture would be ${width} by ${height} pixels: at most ${PNG_MAX_SIDE} on a side and ${PNG_MAX_PIXELS / 1_000_000} million in all. Choose a smaller scale= or one zone with zone=.`,
    );
  }
  const resvg = new Resvg(picture.svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      fontFiles: [PICTURE_FONT_FILES.regular, PICTURE_FONT_FILES.bold],
      loadSystemFonts: false,
      defaultFontFamily: PICTURE_FONT_FAMILY,
      sansSerifFamily: PICTURE_FONT_FAMILY,
    },
  });
  return new Uint8Array(resvg.render().asPng());
}
