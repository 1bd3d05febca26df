/** One entry of a Y.Text delta. */
export type DeltaOp = { retain?: number; insert?: unknown; delete?: number };

/**
 * Where a caret at `index` ends up after someone else's change `delta`: text inserted before
 * it pushes it right, text deleted before it pulls it left. Keeps the local caret in place
 * while a peer types into the same note.
 */
export function transformIndex(index: number, delta: readonly DeltaOp[]): number {
  // `position` walks the text as it was before the change.
  let position = 0;
  let result = index;
  for (const op of delta) {
    if (position > index) break;
    if (op.retain !== undefined) {
      position += op.retain;
    } else if (op.insert !== undefined) {
      // Text inserted at or before the caret pushes it right.
      result += typeof op.insert === 'string' ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      result -= Math.min(op.delete, Math.max(0, index - position));
      position += op.delete;
    }
  }
  return Math.max(0, result);
}
