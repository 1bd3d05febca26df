import type { ExportRender } from './formats.js';
import { drawBoard } from './picture.js';
import { zoneOption } from './pictureOptions.js';

/** `format=svg`: the board (or `zone=`) as an SVG document, drawn as the page draws it. */
export const svg: ExportRender = ({ doc, options, thisYear }) =>
  drawBoard(doc, { ...zoneOption(options), thisYear }).svg;
