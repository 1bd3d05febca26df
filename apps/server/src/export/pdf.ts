import type { ExportFormat } from './formats.js';
import { summaryToPdfContent } from './pdfContent.js';
import { runInWorker } from './pool.js';

/**
 * `format=pdf`: an A4 report to send to the customer. The content is put together here and
 * laid out in a worker thread (pdfWorker.ts), at most two exports at once (pool.ts).
 */
export const pdf: ExportFormat = {
  extension: 'pdf',
  contentType: 'application/pdf',
  render: async ({ summary }) => runInWorker<Uint8Array>('pdfWorker', summaryToPdfContent(summary)),
};
