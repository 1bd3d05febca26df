import type * as Y from 'yjs';
import { metaMap } from './doc.js';

/** What a customer is told when a write reaches a session the facilitator ended read-only. */
export const SESSION_ENDED_MESSAGE = 'The facilitator has ended this session.';

/** Whether and when the facilitator ended the session (`meta.endedAt`, `meta.readOnly`). */
export interface SessionEnd {
  /** When "End session" was pressed (ms since the epoch); null while the session goes on. */
  endedAt: number | null;
  /** When true the server refuses every change from anyone but the facilitator. */
  readOnly: boolean;
}

export function readSessionEnd(doc: Y.Doc): SessionEnd {
  const meta = metaMap(doc);
  const endedAt = meta.get('endedAt');
  return {
    endedAt: typeof endedAt === 'number' && Number.isFinite(endedAt) ? endedAt : null,
    readOnly: meta.get('readOnly') === true,
  };
}

/** Marks the session ended at `now`, read-only for everyone else when `readOnly`. */
export function endSession(doc: Y.Doc, now: number, readOnly: boolean): void {
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('endedAt', now);
    meta.set('readOnly', readOnly);
  });
}

/** Opens an ended session again: everyone may write as before. */
export function reopenSession(doc: Y.Doc): void {
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.delete('endedAt');
    meta.delete('readOnly');
  });
}
