// Runs in a worker thread of the picture pool (picturePool.ts): builds the board's SVG from the
// document and, for a PNG, rasterises it with resvg, off the relay's event loop.
import { boardPicture, UnknownZoneError } from '@dartboard/board';
import { Resvg } from '@resvg/resvg-js';
import * as Y from 'yjs';
import {
  PICTURE_FONT_FAMILY,
  PICTURE_FONT_FILES,
  pictureFont,
  pictureOutline,
} from './pictureFont.js';
import {
  type PictureResult,
  type PictureTask,
  PNG_MAX_PIXELS,
  PNG_MAX_SIDE,
} from './pictureLimits.js';

export default function renderPicture(task: PictureTask): PictureResult {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, task.update);
    const font = pictureFont();
    let picture: ReturnType<typeof boardPicture>;
    try {
      picture = boardPicture(doc, {
        ...font,
        fontFamily: PICTURE_FONT_FAMILY,
        thisYear: task.thisYear,
        // Pixels come faster from outlines; the SVG document keeps its text selectable.
        ...(task.type === 'png' ? { outline: pictureOutline() } : {}),
        ...(task.zoneId === undefined ? {} : { zoneId: task.zoneId }),
      });
    } catch (error) {
      if (error instanceof UnknownZoneError) return { error: error.message };
      throw error;
    }
    if (task.type === 'svg') return { body: picture.svg };
    const width = Math.ceil(picture.width * task.scale);
    const height = Math.ceil(picture.height * task.scale);
    if (width > PNG_MAX_SIDE || height > PNG_MAX_SIDE || width * height > PNG_MAX_PIXELS) {
      return {
        error: `The picture would be ${width} by ${height} pixels: at most ${PNG_MAX_SIDE} on a side and ${PNG_MAX_PIXELS / 1_000_000} million in all. Choose a smaller scale= or one zone with zone=.`,
      };
    }
    const resvg = new Resvg(picture.svg, {
      fitTo: { mode: 'zoom', value: task.scale },
      font: {
        fontFiles: [PICTURE_FONT_FILES.regular, PICTURE_FONT_FILES.bold],
        loadSystemFonts: false,
        defaultFontFamily: PICTURE_FONT_FAMILY,
        sansSerifFamily: PICTURE_FONT_FAMILY,
      },
    });
    return { body: new Uint8Array(resvg.render().asPng()) };
  } finally {
    doc.destroy();
  }
}
