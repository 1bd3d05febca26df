/**
 * A token bucket: `burst` tokens to start with, refilled at `perSecond`. Lets a client spend
 * short bursts (a drag, a paste) while holding its average to the rate.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now = performance.now(),
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** Takes `cost` tokens if there are enough; false (and nothing taken) when there are not. */
  take(cost = 1, now = performance.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}
