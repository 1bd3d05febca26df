import { parentPort, workerData } from 'node:worker_threads';
import type { PdfContent } from './pdfContent.js';
import { layoutPdf } from './pdfLayout.js';

// A worker thread of pool.ts: lays out one report and answers with its bytes (transferred).
const bytes = await layoutPdf(workerData as PdfContent);
parentPort?.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
