// What the export pool's workers are asked and answer: plain, structured-clonable data, so a
// task crosses to a worker thread as it is.
import type { SummarySessionInput, SummaryVisit } from '@dartboard/board';
import type { ExportFileName } from './fileName.js';

/** The summary's options (SummaryOptions) as data: `now` as an ISO 8601 string. */
export interface SummaryInput {
  now: string;
  session?: SummarySessionInput;
  visits?: readonly SummaryVisit[];
}

/** The format options of a request (`zone=`, `scale=`), unchecked: the format checks them. */
export interface ExportOptions {
  zone?: string | undefined;
  scale?: string | undefined;
}

export interface ExportTask {
  /** A name of EXPORT_FORMATS. */
  format: string;
  /** The board's stored updates, in order: applying them all restores its document. */
  updates: Uint8Array[];
  summary: SummaryInput;
  options: ExportOptions;
  /** The year the board pictures write due dates without (the current one, on the server). */
  thisYear: number;
}

/**
 * The file (its bytes and its name, `exportFileName`), or why it cannot be made with these
 * options: an answer 400 from the route, exit code 2 from the command line.
 */
export type ExportResult = { body: Uint8Array; fileName: ExportFileName } | { error: string };

/** A format option that cannot be honoured (a zone not on the board, a scale out of range). */
export class ExportOptionError extends Error {}
