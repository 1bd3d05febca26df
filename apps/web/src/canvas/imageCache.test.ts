import { describe, expect, it } from 'vitest';
import { ImageCache, type OwnImage, type SharedImage } from './imageCache';

// Stand-ins for the browser's images: a canvas is its size; an ImageBitmap its size and a
// close() that records it was closed (jsdom has neither painted canvases nor ImageBitmap).
const canvas = (width: number, height: number): OwnImage => ({ width, height });
function sheet(width: number, height: number): SharedImage & { closed: number } {
  return {
    width,
    height,
    closed: 0,
    close() {
      this.closed++;
    },
  };
}

const KIB = 1024;
/** A 32 x 32 image takes 4 KiB. */
const small = () => canvas(32, 32);

describe('ImageCache', () => {
  it('keeps images within its budget, dropping the least recently used first', () => {
    const cache = new ImageCache<{ image: OwnImage }>(12 * KIB);
    cache.add('a', { image: small() });
    cache.add('b', { image: small() });
    cache.add('c', { image: small() });
    expect(cache.bytes).toBe(12 * KIB);
    cache.touch('a');
    cache.add('d', { image: small() });
    // 'b' was the longest unused once 'a' was drawn again.
    expect(['a', 'b', 'c', 'd'].filter((key) => cache.get(key))).toEqual(['a', 'c', 'd']);
    expect(cache.bytes).toBe(12 * KIB);
  });

  it('keeps an image larger than the whole budget rather than nothing', () => {
    const cache = new ImageCache<{ image: OwnImage }>(4 * KIB);
    cache.add('a', { image: small() });
    cache.add('big', { image: canvas(64, 64) });
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('big')).toBeDefined();
    expect(cache.bytes).toBe(16 * KIB);
  });

  it('counts a shared sheet once, whole, and closes it when its last note goes', () => {
    const cache = new ImageCache<{ image: OwnImage | SharedImage }>(1024 * KIB);
    const shared = sheet(128, 64); // 32 KiB for four notes
    cache.share(shared, 4);
    for (const key of ['a', 'b', 'c', 'd']) cache.add(key, { image: shared });
    expect(cache.bytes).toBe(32 * KIB);
    cache.delete('a');
    cache.delete('b');
    cache.delete('c');
    expect(shared.closed).toBe(0);
    expect(cache.bytes).toBe(32 * KIB);
    cache.delete('d');
    expect(shared.closed).toBe(1);
    expect(cache.bytes).toBe(0);
  });

  it('closes a sheet none of whose notes is wanted any more when it arrives', () => {
    const cache = new ImageCache<{ image: SharedImage }>(1024 * KIB);
    const shared = sheet(64, 64);
    cache.share(shared, 2);
    cache.add('a', { image: shared });
    cache.release(shared); // the other note was deleted while it was being painted
    expect(shared.closed).toBe(0);
    cache.retain((key) => key !== 'a');
    expect(shared.closed).toBe(1);
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it('counts a sheet against the budget whole: adding past it closes sheets, not just entries', () => {
    const cache = new ImageCache<{ image: OwnImage | SharedImage }>(40 * KIB);
    const first = sheet(128, 64); // 32 KiB
    cache.share(first, 2);
    cache.add('a', { image: first });
    cache.add('b', { image: first });
    // A 16 KiB canvas brings the total to 48 KiB: both notes of the first sheet must go for the
    // sheet's memory to be freed.
    cache.add('c', { image: canvas(64, 64) });
    expect(first.closed).toBe(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeUndefined();
    expect(cache.bytes).toBe(16 * KIB);
  });

  it('replacing a note’s image frees the old one', () => {
    const cache = new ImageCache<{ image: OwnImage | SharedImage }>(1024 * KIB);
    const old = sheet(32, 32);
    cache.share(old, 1);
    cache.add('a', { image: old });
    cache.add('a', { image: small() });
    expect(old.closed).toBe(1);
    expect(cache.bytes).toBe(4 * KIB);
    cache.clear();
    expect(cache.bytes).toBe(0);
  });
});
