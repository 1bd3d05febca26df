import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { CompactionLane } from './compactionLane.js';

/** A task that records when it ran and how many tasks ran with it. */
function recorder() {
  const log: { name: string; start: number; end: number; alongside: number }[] = [];
  let active = 0;
  const task =
    (name: string, ms: number, fail = false) =>
    async () => {
      active++;
      const start = performance.now();
      const alongside = active - 1;
      await sleep(ms);
      active--;
      log.push({ name, start, end: performance.now(), alongside });
      if (fail) throw new Error(`${name} failed`);
    };
  return { log, task };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await sleep(5);
}

describe('CompactionLane', () => {
  it('runs compactions one at a time, in the order they came', async () => {
    const lane = new CompactionLane(0.5);
    const { log, task } = recorder();
    for (const name of ['a', 'b', 'c', 'd']) lane.add(task(name, 5));
    await until(() => log.length === 4);
    expect(log.map((entry) => entry.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(log.every((entry) => entry.alongside === 0)).toBe(true);
    lane.close();
  });

  it('rests after each so that compacting takes at most its share of the time', async () => {
    const lane = new CompactionLane(0.25);
    const { log, task } = recorder();
    lane.add(task('a', 20));
    lane.add(task('b', 20));
    await until(() => log.length === 2);
    const [a, b] = log as [(typeof log)[0], (typeof log)[0]];
    // A quarter of the time: three times as long resting as the 20 ms compacting.
    expect(b.start - a.end).toBeGreaterThanOrEqual(0.9 * 3 * (a.end - a.start));
    lane.close();
  });

  it('starts the first at once and goes on after one that failed', async () => {
    const lane = new CompactionLane(0.5);
    const { log, task } = recorder();
    const added = performance.now();
    lane.add(task('fails', 1, true));
    lane.add(task('after', 1));
    await until(() => log.length === 2);
    expect(log[0]?.start).toBeLessThan(added + 20);
    expect(log.map((entry) => entry.name)).toEqual(['fails', 'after']);
    lane.close();
  });

  it('drops what waits once closed, and takes nothing more', async () => {
    const lane = new CompactionLane(0.1);
    const { log, task } = recorder();
    lane.add(task('running', 10));
    lane.add(task('waiting', 1));
    lane.close();
    lane.add(task('late', 1));
    await sleep(150);
    expect(log.map((entry) => entry.name)).toEqual(['running']);
  });
});
