import { prepForSummary, type SummaryOptions } from '@dartboard/board';
import { currentPrep } from '../routes/prep.js';
import type { Storage } from '../storage/types.js';

/**
 * What the summary of a board takes from storage besides its document: the preparation's
 * summary choices (goal, customer) and who the server saw on the board. The download route and
 * the export command both build their summaries with it.
 */
export async function summaryOptions(
  storage: Storage,
  boardId: string,
  now: Date,
): Promise<SummaryOptions> {
  const [{ prep }, visits] = await Promise.all([
    currentPrep(storage, boardId),
    storage.listVisits(boardId),
  ]);
  return { now, session: prepForSummary(prep), visits };
}
