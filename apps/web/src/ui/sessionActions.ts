// What the facilitator's session tools do to the board: the timer, the stages, the test metrics
// and ending the session. The server refuses these from anyone else (they live in the meta map);
// the page checks the same table first so a customer is never offered them.
import {
  addMetric,
  endSession,
  goToStage,
  type Metric,
  may,
  pauseTimer,
  removeMetric,
  reopenSession,
  resetTimer,
  resumeTimer,
  type Stage,
  setStagesEnabled,
  startTimer,
} from '@dartboard/board';
import { fetchExport } from '../api';
import { showNotice } from '../state/ui';
import type { BoardContextValue } from './boardContext';
import type { ExportFormatName } from './exportFormats';

/** Whether this person runs the session (the timer, the stages, ending it). */
export function runsSession(ctx: BoardContextValue): boolean {
  return may(ctx.role, 'meta.write');
}

/**
 * Now on the server's clock, as this page estimates it: the timer's end and the stages' and the
 * session's times are all written and read by it, so a participant whose own clock is off still
 * sees the same countdown.
 */
export function sessionNow(ctx: BoardContextValue): number {
  return Date.now() + ctx.clockOffsetMs;
}

function asFacilitator(ctx: BoardContextValue, write: () => void): void {
  if (runsSession(ctx)) write();
}

export const timerActions = {
  start: (ctx: BoardContextValue, minutes: number) =>
    asFacilitator(ctx, () => startTimer(ctx.doc, minutes * 60_000, sessionNow(ctx))),
  pause: (ctx: BoardContextValue) => asFacilitator(ctx, () => pauseTimer(ctx.doc, sessionNow(ctx))),
  resume: (ctx: BoardContextValue) =>
    asFacilitator(ctx, () => resumeTimer(ctx.doc, sessionNow(ctx))),
  reset: (ctx: BoardContextValue) => asFacilitator(ctx, () => resetTimer(ctx.doc)),
};

export const stageActions = {
  show: (ctx: BoardContextValue, shown: boolean) =>
    asFacilitator(ctx, () => setStagesEnabled(ctx.doc, shown, sessionNow(ctx))),
  goTo: (ctx: BoardContextValue, stage: Stage) =>
    asFacilitator(ctx, () => goToStage(ctx.doc, stage, sessionNow(ctx))),
  addMetric: (ctx: BoardContextValue, metric: Metric) =>
    asFacilitator(ctx, () => {
      if (!addMetric(ctx.doc, metric)) showNotice(ctx.ui, 'The list of metrics is full.');
    }),
  removeMetric: (ctx: BoardContextValue, index: number) =>
    asFacilitator(ctx, () => removeMetric(ctx.doc, index)),
};

/** Resolves once the server has stored every change made here, or after `timeoutMs`. */
function saved(ctx: BoardContextValue, timeoutMs = 5_000): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stop();
      clearTimeout(timer);
      resolve();
    };
    const stop = ctx.connection.onChange(() => {
      if (ctx.connection.unsaved() === 0) done();
    });
    const timer = setTimeout(done, timeoutMs);
    if (ctx.connection.unsaved() === 0) done();
  });
}

/** Saves `text` as a file the browser downloads. */
export function download(filename: string, text: string, type = 'text/markdown'): void {
  saveFile(filename, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** Saves a blob as a file the browser downloads, through an <a download>. */
function saveFile(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/**
 * Downloads the session in one export format as the server has the board now, under the file
 * name the server gives it.
 */
export async function exportAs(ctx: BoardContextValue, format: ExportFormatName): Promise<void> {
  const { blob, filename } = await fetchExport(ctx.boardId, ctx.token, format);
  saveFile(filename, blob);
}

/**
 * "End session": records the end (read-only for everyone else when asked) and waits until the
 * server has it, so that the summary shown next holds the end time and the duration.
 */
export async function endAndSave(ctx: BoardContextValue, readOnly: boolean): Promise<void> {
  if (!runsSession(ctx)) return;
  endSession(ctx.doc, sessionNow(ctx), readOnly);
  await saved(ctx);
}

export function reopen(ctx: BoardContextValue): void {
  asFacilitator(ctx, () => reopenSession(ctx.doc));
}
