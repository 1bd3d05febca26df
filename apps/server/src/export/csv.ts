import { summaryToCsv } from '@dartboard/board';
import type { ExportRender } from './formats.js';

/** `format=csv`: one row per card (packages/board summaryCsv.ts), read from the document. */
export const csv: ExportRender = ({ doc }) => summaryToCsv(doc);
