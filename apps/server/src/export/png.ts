import type { ExportFormat } from './formats.js';
import { scaleOption, zoneOption } from './pictureOptions.js';
import { renderBoardPng } from './picturePool.js';

/** `format=png`: the board (or `zone=`) as a PNG, `scale=` pixels per board unit. */
export const png: ExportFormat = {
  extension: 'png',
  contentType: 'image/png',
  render: ({ update, options }) =>
    renderBoardPng(update, { ...zoneOption(options), scale: scaleOption(options.scale) }),
};
