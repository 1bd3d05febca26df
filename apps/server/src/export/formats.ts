import type { SessionSummary } from '@dartboard/board';
import type * as Y from 'yjs';
import type { ExportOptions } from './exportTask.js';

// The forms the session summary exports to (`GET /api/boards/:id/summary?format=`), listed here
// so that the route, the command line, the bench and the tests offer the same list. The route
// and the command line read only the names, extensions and content types, and the relay's
// process loads nothing more; each format's `render` is a file of its own, run in an export
// worker (renderers.ts, exportWorker.ts).

export interface ExportFileType {
  /** The file name's extension, without the dot. */
  extension: string;
  contentType: string;
}

export const EXPORT_FORMATS = {
  md: { extension: 'md', contentType: 'text/markdown; charset=utf-8' },
  json: { extension: 'json', contentType: 'application/json; charset=utf-8' },
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8' },
  svg: { extension: 'svg', contentType: 'image/svg+xml; charset=utf-8' },
  png: { extension: 'png', contentType: 'image/png' },
  pdf: { extension: 'pdf', contentType: 'application/pdf' },
} as const satisfies Record<string, ExportFileType>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;

export function isExportFormat(name: string): name is ExportFormatName {
  return Object.hasOwn(EXPORT_FORMATS, name);
}

/** What every format is made from, in the worker: the board's document and its summary. */
export interface ExportInput {
  doc: Y.Doc;
  summary: SessionSummary;
  /** Format options from the request (`zone=`, `scale=`), checked by the format. */
  options: ExportOptions;
  /** The year the board pictures write due dates without. */
  thisYear: number;
}

/** The file's bytes or text; throws an ExportOptionError for options it cannot honour. */
export type ExportRender = (
  input: ExportInput,
) => Promise<string | Uint8Array> | string | Uint8Array;
