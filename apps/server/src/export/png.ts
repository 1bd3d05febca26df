import type { ExportRender } from './formats.js';
import { drawBoard, rasterise } from './picture.js';
import { scaleOption, zoneOption } from './pictureOptions.js';

/** `format=png`: the board (or `zone=`) as a PNG, `scale=` pixels per board unit. */
export const png: ExportRender = ({ doc, options, thisYear }) => {
  const scale = scaleOption(options.scale);
  return rasterise(drawBoard(doc, { ...zoneOption(options), thisYear, forPixels: true }), scale);
};
