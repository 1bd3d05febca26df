/** An image kept for one key alone (a canvas): its memory counts while its entry is kept. */
export interface OwnImage {
  readonly width: number;
  readonly height: number;
}

/**
 * An image shared by several entries (a worker's sheet of several notes, an ImageBitmap): its
 * memory counts whole while any of them keeps it, and it is closed when the last one goes.
 */
export interface SharedImage extends OwnImage {
  close(): void;
}

function isShared(image: OwnImage | SharedImage): image is SharedImage {
  return 'close' in image;
}

const bytesOf = (image: OwnImage) => image.width * image.height * 4;

/**
 * Images by key, least recently used first, within a budget of bytes (4 per pixel). Adding an
 * entry past the budget drops the longest unused ones.
 */
export class ImageCache<E extends { image: OwnImage | SharedImage }> {
  private readonly entries = new Map<string, E>();
  /** How many entries (or arrivals not yet added) use each shared image. */
  private readonly users = new Map<SharedImage, number>();
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

  /**
   * Counts `count` future users of a shared image before any is added, so that an entry
   * dropped meanwhile does not close it under the others. Each is ended by `add` or `release`.
   */
  share(image: SharedImage, count: number): void {
    const users = this.users.get(image) ?? 0;
    if (users === 0) this.used += bytesOf(image);
    this.users.set(image, users + count);
  }

  /** Keeps `entry` for `key` (a shared image must have been counted by `share`). */
  add(key: string, entry: E): E {
    const old = this.entries.get(key);
    if (old) this.delete(key);
    this.entries.set(key, entry);
    if (!isShared(entry.image)) this.used += bytesOf(entry.image);
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
    if (isShared(entry.image)) this.release(entry.image);
    else this.used -= bytesOf(entry.image);
  }

  /** Drops the entries whose key fails `keep`. */
  retain(keep: (key: string) => boolean): void {
    for (const key of [...this.entries.keys()]) if (!keep(key)) this.delete(key);
  }

  clear(): void {
    for (const key of [...this.entries.keys()]) this.delete(key);
  }

  /** One user less of `image`; closed once none is left. */
  release(image: SharedImage): void {
    const users = (this.users.get(image) ?? 1) - 1;
    if (users > 0) {
      this.users.set(image, users);
      return;
    }
    this.users.delete(image);
    this.used -= bytesOf(image);
    image.close();
  }
}
