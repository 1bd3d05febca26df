import { type SessionSummary, summaryToMarkdown } from '@dartboard/board';
import { csv } from './csv.js';
import { pdf } from './pdf.js';
import { png } from './png.js';
import { svg } from './svg.js';

// The forms the session summary exports to (`GET /api/boards/:id/summary?format=`): each is a
// file of its own registered here, so the route and the command line offer the same list.

/** What every format is made from: the summary, and the board's document as one update. */
export interface ExportInput {
  summary: SessionSummary;
  /** The board's document as the server holds it (Y.encodeStateAsUpdate), for pictures. */
  update: Uint8Array;
  /** Format options from the request (`zone=`, `scale=`), already checked by the format. */
  options: Record<string, string | undefined>;
}

export interface ExportFormat {
  /** The file name's extension, without the dot. */
  extension: string;
  contentType: string;
  /** The file's bytes or text; throws an ExportOptionError for options it cannot honour. */
  render(input: ExportInput): Promise<string | Uint8Array> | string | Uint8Array;
}

/** A format option that cannot be honoured (a zone not on the board, a scale out of range). */
export class ExportOptionError extends Error {}

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

/** `dartboard-<title slug>-<YYYY-MM-DD>.<extension>`: the board's title and the export date. */
export function exportFileName(summary: SessionSummary, format: ExportFormat): string {
  const slug = summary.title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_-]+/g, '-')
    .toLowerCase()
    .slice(0, 60);
  const date = summary.generatedAt.slice(0, 10);
  return `dartboard-${slug === '' ? 'session' : slug}-${date}.${format.extension}`;
}
