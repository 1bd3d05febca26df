import { expect, it } from 'vitest';
import type { Storage } from './types.js';

const bytes = (...values: number[]) => new Uint8Array(values);

/**
 * The behaviour every storage adapter must show. Each adapter's test file calls this with a
 * function that opens a fresh, empty store; `reopen` reopens the same store, when it can.
 */
export function storageContract(
  open: () => Promise<{ storage: Storage; reopen?: () => Promise<Storage> }>,
) {
  const board = (id: string) => ({ id, title: `Board ${id}`, template: 'dart', createdAt: 1000 });

  it('creates a board with its tokens and first update, and finds roles by token hash', async () => {
    const { storage } = await open();
    await storage.createBoard(
      board('b1'),
      [
        { role: 'facilitator', hash: bytes(1, 1) },
        { role: 'edit', hash: bytes(2, 2) },
        { role: 'view', hash: bytes(3, 3) },
      ],
      bytes(9, 9, 9),
    );
    expect(await storage.getBoard('b1')).toEqual(board('b1'));
    expect(await storage.getBoard('nope')).toBeUndefined();
    expect(await storage.findRole('b1', bytes(2, 2))).toBe('edit');
    expect(await storage.findRole('b1', bytes(3, 3))).toBe('view');
    expect(await storage.findRole('b1', bytes(4, 4))).toBeUndefined();
    expect(await storage.findRole('other', bytes(1, 1))).toBeUndefined();
    const stored = await storage.loadDocument('b1');
    expect(stored.updates).toEqual([bytes(9, 9, 9)]);
    expect(stored.lastSeq).toBeGreaterThan(0);
    await storage.close();
  });

  it('creates all or nothing: a clashing token hash leaves no trace of the board', async () => {
    const { storage } = await open();
    await storage.createBoard(board('b1'), [{ role: 'edit', hash: bytes(7) }], bytes(1));
    await expect(
      storage.createBoard(board('b2'), [{ role: 'edit', hash: bytes(7) }], bytes(2)),
    ).rejects.toThrow();
    expect(await storage.getBoard('b2')).toBeUndefined();
    expect((await storage.loadDocument('b2')).updates).toEqual([]);
    await storage.close();
  });

  it('appends updates in order with growing sequence numbers, per board', async () => {
    const { storage } = await open();
    await storage.createBoard(board('a'), [], bytes(0));
    await storage.createBoard(board('b'), [], bytes(0));
    const first = await storage.appendUpdate('a', bytes(1));
    await storage.appendUpdate('b', bytes(50));
    const second = await storage.appendUpdate('a', bytes(2));
    expect(second).toBeGreaterThan(first);
    const stored = await storage.loadDocument('a');
    expect(stored.updates).toEqual([bytes(0), bytes(1), bytes(2)]);
    expect(stored.lastSeq).toBe(second);
    expect((await storage.loadDocument('b')).updates).toEqual([bytes(0), bytes(50)]);
    await storage.close();
  });

  it('numbers appends of one board in the order they are made, without waiting for each', async () => {
    const { storage } = await open();
    await storage.createBoard(board('a'), [], bytes(0));
    await storage.createBoard(board('b'), [], bytes(0));
    const made = Array.from({ length: 40 }, (_, i) =>
      storage.appendUpdate(i % 4 === 3 ? 'b' : 'a', bytes(i + 1)),
    );
    const missing = storage.appendUpdate('nope', bytes(99));
    const seqs = await Promise.all(made);
    await expect(missing).rejects.toThrow();
    const ofA = seqs.filter((_, i) => i % 4 !== 3);
    for (const [index, seq] of ofA.entries())
      if (index > 0) expect(seq).toBeGreaterThan(ofA[index - 1] ?? 0);
    const expected = Array.from({ length: 40 }, (_, i) => i).filter((i) => i % 4 !== 3);
    expect((await storage.loadDocument('a')).updates).toEqual([
      bytes(0),
      ...expected.map((i) => bytes(i + 1)),
    ]);
    await storage.close();
  });

  it('stores what was appended before it closes', async () => {
    const { storage, reopen } = await open();
    await storage.createBoard(board('late'), [], bytes(0));
    // Appended and not yet committed when the store closes: committed first.
    const last = storage.appendUpdate('late', bytes(9));
    await storage.close();
    await expect(last).resolves.toBeGreaterThan(0);
    if (!reopen) return;
    const again = await reopen();
    expect((await again.loadDocument('late')).updates).toEqual([bytes(0), bytes(9)]);
    await again.close();
  });

  it('compacts the log up to a sequence number and keeps what came after', async () => {
    const { storage } = await open();
    await storage.createBoard(board('a'), [], bytes(0));
    await storage.appendUpdate('a', bytes(1));
    const through = await storage.appendUpdate('a', bytes(2));
    await storage.appendUpdate('a', bytes(3));
    const mergedSeq = await storage.compact('a', bytes(0, 1, 2), through);
    const stored = await storage.loadDocument('a');
    expect(stored.updates).toEqual([bytes(3), bytes(0, 1, 2)]);
    expect(stored.lastSeq).toBe(mergedSeq);
    await storage.close();
  });

  it('loads the updates after a sequence number, a merged update standing for those it replaced', async () => {
    const { storage } = await open();
    await storage.createBoard(board('a'), [], bytes(0));
    const one = await storage.appendUpdate('a', bytes(1));
    const two = await storage.appendUpdate('a', bytes(2));
    const three = await storage.appendUpdate('a', bytes(3));
    expect(await storage.loadUpdatesSince('a', one)).toEqual([
      { seq: two, update: bytes(2) },
      { seq: three, update: bytes(3) },
    ]);
    expect(await storage.loadUpdatesSince('a', three)).toEqual([]);
    const merged = await storage.compact('a', bytes(0, 1, 2), two);
    expect(await storage.loadUpdatesSince('a', one)).toEqual([
      { seq: three, update: bytes(3) },
      { seq: merged, update: bytes(0, 1, 2) },
    ]);
    expect(await storage.loadUpdatesSince('nope', 0)).toEqual([]);
    await storage.close();
  });

  it('stores a board preparation with compare-and-set revisions, apart from other boards', async () => {
    const { storage } = await open();
    await storage.createBoard(board('a'), [], bytes(0));
    await storage.createBoard(board('b'), [], bytes(0));
    expect(await storage.loadPrep('a')).toBeUndefined();
    expect(await storage.savePrep('a', '{"v":1}', 0)).toBe(1);
    expect(await storage.loadPrep('a')).toEqual({ revision: 1, data: '{"v":1}' });
    // A second first save, or a save from an old revision, loses and changes nothing.
    expect(await storage.savePrep('a', '{"v":"late"}', 0)).toBeUndefined();
    expect(await storage.savePrep('a', '{"v":2}', 1)).toBe(2);
    expect(await storage.savePrep('a', '{"v":"stale"}', 1)).toBeUndefined();
    expect(await storage.savePrep('a', '{"v":"ahead"}', 7)).toBeUndefined();
    expect(await storage.loadPrep('a')).toEqual({ revision: 2, data: '{"v":2}' });
    expect(await storage.loadPrep('b')).toBeUndefined();
    expect(await storage.savePrep('b', '{"v":"b"}', 1)).toBeUndefined();
    expect(await storage.savePrep('b', '{"v":"b"}', 0)).toBe(1);
    expect(await storage.loadPrep('a')).toEqual({ revision: 2, data: '{"v":2}' });
    // The preparation is not part of the board's document.
    expect((await storage.loadDocument('a')).updates).toEqual([bytes(0)]);
    await storage.close();
  });

  it('lists every board, oldest first', async () => {
    const { storage } = await open();
    expect(await storage.listBoards()).toEqual([]);
    await storage.createBoard({ ...board('late'), createdAt: 3000 }, [], bytes(0));
    await storage.createBoard(board('b'), [], bytes(0));
    await storage.createBoard(board('a'), [], bytes(0));
    expect((await storage.listBoards()).map((record) => record.id)).toEqual(['a', 'b', 'late']);
    expect((await storage.listBoards())[2]).toEqual({ ...board('late'), createdAt: 3000 });
    await storage.close();
  });

  it('records visits per board and visitor, widening their span and keeping the last name', async () => {
    const { storage } = await open();
    await storage.createBoard(board('a'), [], bytes(0));
    await storage.createBoard(board('b'), [], bytes(0));
    expect(await storage.listVisits('a')).toEqual([]);
    const cara = { visitor: 'person:c', name: 'Cara', role: 'edit' as const };
    await storage.recordVisit('a', { ...cara, firstSeen: 2000, lastSeen: 2000 });
    await storage.recordVisit('a', {
      visitor: 'view:Vic',
      name: 'Vic',
      role: 'view',
      firstSeen: 1500,
      lastSeen: 1600,
    });
    await storage.recordVisit('a', { ...cara, name: 'Cara C.', firstSeen: 2500, lastSeen: 4000 });
    // A late write of an earlier sighting narrows nothing.
    await storage.recordVisit('a', { ...cara, name: 'Cara C.', firstSeen: 3000, lastSeen: 3000 });
    await storage.recordVisit('b', { ...cara, firstSeen: 9000, lastSeen: 9000 });
    expect(await storage.listVisits('a')).toEqual([
      { visitor: 'view:Vic', name: 'Vic', role: 'view', firstSeen: 1500, lastSeen: 1600 },
      { ...cara, name: 'Cara C.', firstSeen: 2000, lastSeen: 4000 },
    ]);
    expect(await storage.listVisits('b')).toEqual([{ ...cara, firstSeen: 9000, lastSeen: 9000 }]);
    await storage.close();
  });

  it('keeps everything across a close and reopen', async () => {
    const { storage, reopen } = await open();
    if (!reopen) return;
    await storage.createBoard(board('a'), [{ role: 'view', hash: bytes(5) }], bytes(0));
    await storage.appendUpdate('a', bytes(1));
    await storage.savePrep('a', '{"goal":"kept"}', 0);
    const visit = { visitor: 'edit:Lee', name: 'Lee', role: 'edit' as const };
    await storage.recordVisit('a', { ...visit, firstSeen: 10, lastSeen: 20 });
    await storage.close();
    const again = await reopen();
    expect(await again.loadPrep('a')).toEqual({ revision: 1, data: '{"goal":"kept"}' });
    expect(await again.getBoard('a')).toEqual(board('a'));
    expect(await again.listVisits('a')).toEqual([{ ...visit, firstSeen: 10, lastSeen: 20 }]);
    expect(await again.findRole('a', bytes(5))).toBe('view');
    expect((await again.loadDocument('a')).updates).toEqual([bytes(0), bytes(1)]);
    await again.close();
  });
}
