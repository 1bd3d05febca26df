import { describe, expect, it } from 'vitest';
import { type CachedImage, ImageCache } from './imageCache';

// Stand-ins for the browser's images (jsdom paints no canvas and has no ImageBitmap): a canvas
// is its size; an ImageBitmap its size and a close() that records it was closed.
const canvas = (width: number, height: number): CachedImage => ({ width, height });
function bitmap(width: number, height: number): CachedImage & { closed: number } {
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
    const cache = new ImageCache<{ image: CachedImage }>(12 * KIB);
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
    const cache = new ImageCache<{ image: CachedImage }>(4 * KIB);
    cache.add('a', { image: small() });
    cache.add('big', { image: canvas(64, 64) });
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('big')).toBeDefined();
    expect(cache.bytes).toBe(16 * KIB);
  });

  it('closes the bitmaps it drops: past the budget, replaced, deleted or not retained', () => {
    const cache = new ImageCache<{ image: CachedImage }>(12 * KIB);
    const evicted = bitmap(32, 32);
    const replaced = bitmap(32, 32);
    const deleted = bitmap(32, 32);
    const kept = bitmap(32, 32);
    cache.add('evicted', { image: evicted });
    cache.add('replaced', { image: replaced });
    cache.add('deleted', { image: deleted });
    cache.add('kept', { image: kept });
    expect(evicted.closed).toBe(1);
    cache.add('replaced', { image: small() });
    expect(replaced.closed).toBe(1);
    cache.delete('deleted');
    expect(deleted.closed).toBe(1);
    expect(cache.bytes).toBe(8 * KIB);
    cache.retain((key) => key !== 'replaced');
    expect(cache.size).toBe(1);
    expect(kept.closed).toBe(0);
    cache.clear();
    expect(kept.closed).toBe(1);
    expect(cache.bytes).toBe(0);
  });

  it('frees nothing twice: deleting a missing key changes nothing', () => {
    const cache = new ImageCache<{ image: CachedImage }>(12 * KIB);
    const image = bitmap(32, 32);
    cache.add('a', { image });
    cache.delete('a');
    cache.delete('a');
    expect(image.closed).toBe(1);
    expect(cache.bytes).toBe(0);
  });
});
