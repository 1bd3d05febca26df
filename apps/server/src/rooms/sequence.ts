/**
 * Which of a board's stored updates (numbered 1, 2, 3… per board by PostgreSQL) a room's
 * document holds, when several instances store updates of one board. `through` is the highest number such that
 * every update up to it is in the document; updates known beyond it (this instance's own, or
 * received out of order) wait here until the ones before them arrive.
 *
 * A compaction's merged update holds only updates numbered before it (whoever compacted had
 * them all), so applying "everything up to N" in any mix of original and merged updates gives
 * the same document: numbers that a compaction deleted simply never arrive.
 */
export class UpdateSequence {
  /** Numbers beyond `through` already in the document (this instance's own writes). */
  private readonly held = new Set<number>();
  /** Updates from other instances beyond `through`, not applied yet. */
  private readonly waiting = new Map<number, Uint8Array>();

  constructor(private last: number) {}

  get through(): number {
    return this.last;
  }

  /** Whether some update between `through` and a known later one has not arrived. */
  get hasGap(): boolean {
    return this.held.size > 0 || this.waiting.size > 0;
  }

  /** An update the document already holds (stored by this instance, or a merged one of it). */
  markApplied(seq: number): void {
    if (seq > this.last) this.held.add(seq);
    this.advance();
  }

  /** Whether this instance stored `seq` itself (so its content is in the document). */
  isOwn(seq: number): boolean {
    return this.held.has(seq);
  }

  /** Keeps another instance's update until it is next; false when it is known already. */
  offer(seq: number, update: Uint8Array): boolean {
    if (seq <= this.last || this.held.has(seq) || this.waiting.has(seq)) return false;
    this.waiting.set(seq, update);
    return true;
  }

  /** The next waiting update to apply, if it is next in order; counts it as applied. */
  takeNext(): Uint8Array | undefined {
    const update = this.waiting.get(this.last + 1);
    if (update === undefined) return undefined;
    this.waiting.delete(this.last + 1);
    this.last++;
    this.advance();
    return update;
  }

  /** Everything up to `seq` is now in the document (read back from storage). */
  caughtUpTo(seq: number): void {
    if (seq <= this.last) return;
    this.last = seq;
    for (const held of this.held) if (held <= seq) this.held.delete(held);
    for (const waiting of this.waiting.keys()) if (waiting <= seq) this.waiting.delete(waiting);
    this.advance();
  }

  private advance(): void {
    while (this.held.delete(this.last + 1)) this.last++;
  }
}
