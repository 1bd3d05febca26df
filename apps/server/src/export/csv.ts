import { summaryToCsv } from '@dartboard/board';
import type { ExportFormat } from './formats.js';

/** `format=csv`: one row per card (packages/board summaryCsv.ts), read from the document. */
export const csv: ExportFormat = {
  extension: 'csv',
  contentType: 'text/csv; charset=utf-8',
  render: ({ doc }) => summaryToCsv(doc),
};
