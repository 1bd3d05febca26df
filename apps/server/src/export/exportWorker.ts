// One export, in a worker thread of the export pool (exportPool.ts): the board's document from
// its stored updates, its summary, and the file in the asked format, all off the relay's event loop.
import { buildSummary } from '@dartboard/board';
import { Piscina } from 'piscina';
import * as Y from 'yjs';
import { ExportOptionError, type ExportResult, type ExportTask } from './exportTask.js';
import { exportFileName } from './fileName.js';
import { EXPORT_FORMATS, isExportFormat } from './formats.js';
import { EXPORT_RENDERERS } from './renderers.js';

/** The file as bytes that own their whole buffer, so that it can be transferred. */
function ownBytes(rendered: string | Uint8Array): Uint8Array {
  if (typeof rendered === 'string') return new TextEncoder().encode(rendered);
  return rendered.byteLength === rendered.buffer.byteLength ? rendered : rendered.slice();
}

/** `value`, with `bytes` handed to the main thread rather than copied (Piscina.move). */
function moving<T>(value: T, bytes: Uint8Array): T {
  const movable = { [Piscina.transferableSymbol]: [bytes.buffer], [Piscina.valueSymbol]: value };
  // Piscina types its symbols as plain `symbol`, so TypeScript cannot see the interface is met.
  return Piscina.move(movable as unknown as Parameters<typeof Piscina.move>[0]) as unknown as T;
}

export default async function runExport(task: ExportTask): Promise<ExportResult> {
  if (!isExportFormat(task.format)) return { error: `Unknown format "${task.format}".` };
  const format = EXPORT_FORMATS[task.format];
  const render = EXPORT_RENDERERS[task.format];
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of task.updates) Y.applyUpdate(doc, update);
    });
    const { now, session, visits } = task.summary;
    const summary = buildSummary(doc, { now: new Date(now), session, visits });
    const rendered = await render({
      doc,
      summary,
      options: task.options,
      thisYear: task.thisYear,
    });
    const body = ownBytes(rendered);
    return moving({ body, fileName: exportFileName(summary, format.extension) }, body);
  } catch (error) {
    if (error instanceof ExportOptionError) return { error: error.message };
    throw error;
  } finally {
    doc.destroy();
  }
}
