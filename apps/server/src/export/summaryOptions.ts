import { prepForSummary } from '@dartboard/board';
import { currentPrep } from '../routes/prep.js';
import type { Storage } from '../storage/types.js';
import type { SummaryInput } from './exportTask.js';

/**
 * What the summary of a board takes from storage besides its document: the preparation's
 * summary choices (goal, customer) and who the server saw on the board, as the data an export
 * task carries. The download route and the export command both ask for it.
 */
export async function summaryOptions(
  storage: Storage,
  boardId: string,
  now: Date,
): Promise<SummaryInput> {
  const [{ prep }, visits] = await Promise.all([
    currentPrep(storage, boardId),
    storage.listVisits(boardId),
  ]);
  return { now: now.toISOString(), session: prepForSummary(prep), visits };
}
