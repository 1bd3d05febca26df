/** A kept image: a canvas, or an ImageBitmap (which has close(), to free it at once). */
export interface CachedImage {
  readonly width: number;
  readonly height: number;
  close?(): void;
}

const bytesOf = (image: CachedImage) => image.width * image.height * 4;

/**
 * Images by key, least recently used first, within a budget of bytes (4 per pixel). Adding an
 * entry past the budget drops the longest unused ones; a dropped ImageBitmap is closed.
 */
export class ImageCache<E extends { image: CachedImage }> {
  private readonly entries = new Map<string, E>();
  private used = 0;

  constructor(private readonly budgetBytes: number) {}

  /** Bytes the kept images take. */
  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): E | undefined {
    return this.entries.get(key);
  }

  /** Marks `key` as just used. */
  touch(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  /** Keeps `entry` for `key`, in place of any entry it had. */
  add(key: string, entry: E): E {
    this.delete(key);
    this.entries.set(key, entry);
    this.used += bytesOf(entry.image);
    for (const [oldKey, oldest] of this.entries) {
      if (this.used <= this.budgetBytes || oldest === entry) break;
      this.delete(oldKey);
    }
    return entry;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.used -= bytesOf(entry.image);
    entry.image.close?.();
  }

  /** Drops the entries whose key fails `keep`. */
  retain(keep: (key: string) => boolean): void {
    for (const key of [...this.entries.keys()]) if (!keep(key)) this.delete(key);
  }

  clear(): void {
    for (const key of [...this.entries.keys()]) this.delete(key);
  }
}
