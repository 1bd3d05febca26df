/**
 * The updates that, applied in order, make a board as stored: the first (the last compaction)
 * as it came, and every later one copied into one growing buffer. A busy board stores
 * thousands of small updates between compactions; kept as arrays of their own, each would be
 * two or three objects that the garbage collector traces and moves until the next compaction,
 * and that grow every full collection of a server carrying many boards. Here a board holds
 * three objects however many updates it has stored.
 */
export class UpdateLog {
  private first: Uint8Array | undefined;
  private bytes = new Uint8Array(0);
  /** Where each later update ends in `bytes`. */
  private ends = new Uint32Array(0);
  private count = 0;

  constructor(updates: readonly Uint8Array[] = []) {
    this.reset(updates);
  }

  /** How many updates the log holds. */
  get size(): number {
    return this.first === undefined ? 0 : 1 + this.count;
  }

  /** Replaces everything with `updates`. */
  reset(updates: readonly Uint8Array[]): void {
    const [first, ...rest] = updates;
    this.first = first;
    const total = rest.reduce((sum, update) => sum + update.byteLength, 0);
    this.bytes = new Uint8Array(Math.max(total, INITIAL_BYTES));
    this.ends = new Uint32Array(Math.max(rest.length, INITIAL_COUNT));
    this.count = 0;
    for (const update of rest) this.append(update);
  }

  /** Adds a copy of `update`: the caller may reuse its bytes. */
  append(update: Uint8Array): void {
    if (this.first === undefined) {
      this.first = update.slice();
      return;
    }
    const start = this.count === 0 ? 0 : (this.ends[this.count - 1] as number);
    const end = start + update.byteLength;
    if (end > this.bytes.byteLength) this.bytes = grown(this.bytes, end, start);
    if (this.count === this.ends.length) this.ends = grown(this.ends, this.count + 1, this.count);
    this.bytes.set(update, start);
    this.ends[this.count++] = end;
  }

  /** The updates in order: views on the log's bytes, which later appends leave as they are. */
  updates(): Uint8Array[] {
    if (this.first === undefined) return [];
    const updates = [this.first];
    for (let index = 0, start = 0; index < this.count; index++) {
      const end = this.ends[index] as number;
      updates.push(this.bytes.subarray(start, end));
      start = end;
    }
    return updates;
  }
}

const INITIAL_BYTES = 4096;
const INITIAL_COUNT = 32;

/** A copy of the first `used` items of `array` in one at least twice as large, holding `needed`. */
function grown<T extends Uint8Array | Uint32Array>(array: T, needed: number, used: number): T {
  const next = new (array.constructor as new (length: number) => T)(
    Math.max(needed, array.length * 2),
  );
  next.set(array.subarray(0, used));
  return next;
}
