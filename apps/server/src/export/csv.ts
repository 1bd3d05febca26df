import { summaryToCsv } from '@dartboard/board';
import * as Y from 'yjs';
import type { ExportFormat } from './formats.js';

/** `format=csv`: one row per card (packages/board summaryCsv.ts), read from the document. */
export const csv: ExportFormat = {
  extension: 'csv',
  contentType: 'text/csv; charset=utf-8',
  render: ({ update }) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    try {
      return summaryToCsv(doc);
    } finally {
      doc.destroy();
    }
  },
};
