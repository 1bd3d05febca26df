import type { ExportFormat } from './formats.js';
import { zoneOption } from './pictureOptions.js';
import { renderBoardSvg } from './picturePool.js';

/** `format=svg`: the board (or `zone=`) as an SVG document, drawn as the page draws it. */
export const svg: ExportFormat = {
  extension: 'svg',
  contentType: 'image/svg+xml; charset=utf-8',
  render: ({ update, options }) => renderBoardSvg(update, zoneOption(options)),
};
