// `--series`: the edits of a run second by second (by when each was created), to tell a steady
// tail from a few stalls and to line those up with what the server did then (`--server-log`
// with `--server-node-args=--trace-gc`, compactions). Printed on stderr after each run.

/** Latencies by the second of the window they were created in. */
export class Series {
  private readonly seconds: number[][] = [];

  add(createdSinceStartMs: number, latencyMs: number): void {
    const second = Math.floor(createdSinceStartMs / 1000);
    const latencies = this.seconds[second] ?? [];
    latencies.push(latencyMs);
    this.seconds[second] = latencies;
  }

  /** One line per second: edits, median, 95th percentile and slowest, in milliseconds. */
  lines(label: string): string[] {
    return this.seconds.map((latencies, second) => {
      const sorted = [...latencies].sort((a, b) => a - b);
      const at = (share: number) => (sorted[Math.floor(sorted.length * share)] ?? 0).toFixed(1);
      const max = (sorted[sorted.length - 1] ?? 0).toFixed(1);
      return `${label} ${second} s: ${sorted.length} edits, ${at(0.5)} / ${at(0.95)} / ${max} ms`;
    });
  }
}
