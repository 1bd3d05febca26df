import { describe, expect, it } from 'vitest';
import { UpdateSequence } from './sequence.js';

const u = (n: number) => new Uint8Array([n]);

function drain(seqs: UpdateSequence): number[] {
  const taken: number[] = [];
  for (let update = seqs.takeNext(); update; update = seqs.takeNext()) taken.push(update[0] ?? -1);
  return taken;
}

describe('UpdateSequence', () => {
  it('hands out other instances’ updates in number order, holding those past a gap', () => {
    const seqs = new UpdateSequence(10);
    expect(seqs.offer(12, u(12))).toBe(true);
    expect(drain(seqs)).toEqual([]);
    expect(seqs.hasGap).toBe(true);
    expect(seqs.offer(11, u(11))).toBe(true);
    expect(drain(seqs)).toEqual([11, 12]);
    expect(seqs.through).toBe(12);
    expect(seqs.hasGap).toBe(false);
    // Known already: what was loaded, and repeats.
    expect(seqs.offer(9, u(9))).toBe(false);
    expect(seqs.offer(12, u(12))).toBe(false);
  });

  it('counts its own stored updates as applied, in order with the others', () => {
    const seqs = new UpdateSequence(3);
    seqs.markApplied(5);
    expect(seqs.through).toBe(3);
    expect(seqs.isOwn(5)).toBe(true);
    expect(seqs.offer(5, u(5))).toBe(false);
    expect(seqs.offer(4, u(4))).toBe(true);
    expect(drain(seqs)).toEqual([4]);
    expect(seqs.through).toBe(5);
    seqs.markApplied(6);
    expect(seqs.through).toBe(6);
    expect(seqs.hasGap).toBe(false);
  });

  it('jumps to what storage returned, dropping what that covers', () => {
    const seqs = new UpdateSequence(1);
    seqs.markApplied(3);
    seqs.offer(4, u(4));
    seqs.offer(7, u(7));
    seqs.caughtUpTo(5);
    expect(seqs.through).toBe(5);
    expect(seqs.isOwn(3)).toBe(false);
    expect(drain(seqs)).toEqual([]);
    seqs.offer(6, u(6));
    expect(drain(seqs)).toEqual([6, 7]);
    expect(seqs.hasGap).toBe(false);
  });
});
