// Seeded randomness (mulberry32), so a failing fuzz run can be replayed from its seed. Every
// random choice of the hostile senders and the honest clients is drawn from one of these.

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** A non-zero 32-bit Yjs client id. */
  clientId(): number {
    return 1 + this.int(2 ** 32 - 2);
  }

  bytes(length: number): Uint8Array {
    const bytes = new Uint8Array(length);
    for (let i = 0; i < length; i++) bytes[i] = this.int(256);
    return bytes;
  }

  /** A note or zone id as the board makes them: 16 characters of [A-Za-z0-9]. */
  id(): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let id = '';
    for (let i = 0; i < 16; i++) id += alphabet[this.int(alphabet.length)];
    return id;
  }

  /** A short string of any characters, control and astral ones included. */
  text(max: number): string {
    let text = '';
    const length = this.int(max + 1);
    for (let i = 0; i < length; i++) {
      text += this.chance(0.8)
        ? String.fromCharCode(32 + this.int(95))
        : String.fromCodePoint(this.int(0x10ffff));
    }
    return text;
  }
}
