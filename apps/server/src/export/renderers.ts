import { summaryToMarkdown } from '@dartboard/board';
import { csv } from './csv.js';
import type { ExportFormatName, ExportRender } from './formats.js';
import { pdf } from './pdf.js';
import { png } from './png.js';
import { svg } from './svg.js';

/**
 * How each format of formats.ts is made. Only export workers load this: the picture formats
 * bring fonts, a rasteriser and a PDF writer that the relay's own process has no use for.
 */
export const EXPORT_RENDERERS: Readonly<Record<ExportFormatName, ExportRender>> = {
  md: ({ summary }) => summaryToMarkdown(summary),
  json: ({ summary }) => JSON.stringify(summary, null, 2),
  csv,
  svg,
  png,
  pdf,
};
