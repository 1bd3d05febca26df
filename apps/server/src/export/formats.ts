import { type SessionSummary, summaryToMarkdown } from '@dartboard/board';
import type * as Y from 'yjs';
import { csv } from './csv.js';
import type { ExportOptions } from './exportTask.js';
import { pdf } from './pdf.js';
import { png } from './png.js';
import { svg } from './svg.js';

// The forms the session summary exports to (`GET /api/boards/:id/summary?format=`): each is a
// file of its own registered here, so the route, the command line, the bench and the tests
// offer the same list. The route and the command line read only the names, extensions and
// content types; `render` runs in an export worker (exportWorker.ts).

/** What every format is made from, in the worker: the board's document and its summary. */
export interface ExportInput {
  doc: Y.Doc;
  summary: SessionSummary;
  /** Format options from the request (`zone=`, `scale=`), checked by the format. */
  options: ExportOptions;
  /** The year the board pictures write due dates without. */
  thisYear: number;
}

export interface ExportFormat {
  /** The file name's extension, without the dot. */
  extension: string;
  contentType: string;
  /** The file's bytes or text; throws an ExportOptionError for options it cannot honour. */
  render(input: ExportInput): Promise<string | Uint8Array> | string | Uint8Array;
}

const markdown: ExportFormat = {
  extension: 'md',
  contentType: 'text/markdown; charset=utf-8',
  render: ({ summary }) => summaryToMarkdown(summary),
};

const json: ExportFormat = {
  extension: 'json',
  contentType: 'application/json; charset=utf-8',
  render: ({ summary }) => JSON.stringify(summary, null, 2),
};

export const EXPORT_FORMATS: Readonly<Record<string, ExportFormat>> = {
  md: markdown,
  json,
  csv,
  svg,
  png,
  pdf,
};

export function isExportFormat(name: string): boolean {
  return Object.hasOwn(EXPORT_FORMATS, name);
}
