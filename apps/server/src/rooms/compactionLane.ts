/**
 * Runs the rooms' compactions one at a time, resting after each so that compacting takes at
 * most `busyShare` of the process's time. A compaction holds the loop for a few milliseconds
 * (encoding the document, rewriting the board's log in storage) and its board's writes wait
 * for it; boards that filled up together (a server restarted under load, a class of boards
 * opened at once) would otherwise compact in the same instant and hold every other board's
 * edits behind a hundred of them.
 */
export class CompactionLane {
  private readonly waiting: (() => Promise<void>)[] = [];
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly busyShare = 0.1) {}

  /** Queues `compact`; it runs after those queued before it. Its failure is its own to report. */
  add(compact: () => Promise<void>): void {
    if (this.closed) return;
    this.waiting.push(compact);
    if (!this.running && this.timer === undefined) this.next();
  }

  /** Drops what is still waiting: for shutdown, which compacts every room itself. */
  close(): void {
    this.closed = true;
    this.waiting.length = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private next(): void {
    this.timer = undefined;
    const compact = this.waiting.shift();
    if (!compact || this.closed) return;
    this.running = true;
    const started = performance.now();
    const rest = () => {
      this.running = false;
      if (this.closed) return;
      const tookMs = performance.now() - started;
      const restMs = (tookMs * (1 - this.busyShare)) / this.busyShare;
      this.timer = setTimeout(() => this.next(), restMs);
      this.timer.unref();
    };
    compact().then(rest, rest);
  }
}
