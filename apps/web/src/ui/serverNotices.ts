import { showNotice, type UiStore } from '../state/ui';
import type { BoardConnection } from '../sync/connection';

/**
 * Shows each change the server refuses ("Only the facilitator can move zones.") as the notice
 * over the board; the server has already sent the correction that puts the board back.
 * Returns the unsubscribe function.
 */
export function showRefusals(connection: Pick<BoardConnection, 'onRefusal'>, ui: UiStore) {
  return connection.onRefusal((sentence) => showNotice(ui, sentence));
}
