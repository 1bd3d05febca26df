import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UpdateLog } from './updateLog.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const plain = (updates: Uint8Array[]) => updates.map((update) => [...update]);

describe('UpdateLog', () => {
  it('holds nothing at first', () => {
    const log = new UpdateLog();
    expect(log.size).toBe(0);
    expect(log.updates()).toEqual([]);
  });

  it('gives back what was appended, in order, through many times its first capacity', () => {
    const log = new UpdateLog([bytes(1, 2, 3)]);
    const expected = [[1, 2, 3]];
    for (let index = 0; index < 3000; index++) {
      // Lengths from 0 to 6 bytes, and now and then one larger than the whole buffer so far.
      const length = index % 500 === 499 ? 20_000 : index % 7;
      const update = new Uint8Array(length).fill(index % 256);
      log.append(update);
      expected.push([...update]);
    }
    expect(log.size).toBe(3001);
    expect(plain(log.updates())).toEqual(expected);
  });

  it('copies what it is given: the caller may reuse its bytes', () => {
    const log = new UpdateLog();
    const scratch = bytes(7, 7);
    log.append(scratch);
    log.append(scratch);
    scratch.fill(0);
    expect(plain(log.updates())).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  it('leaves views it handed out as they were when later appends grow it', () => {
    const log = new UpdateLog([bytes(0)]);
    log.append(bytes(1, 1));
    const before = log.updates();
    for (let index = 0; index < 5000; index++) log.append(bytes(2, 2, 2));
    expect(plain(before)).toEqual([[0], [1, 1]]);
  });

  it('replaces everything on reset', () => {
    const log = new UpdateLog([bytes(1), bytes(2), bytes(3)]);
    log.reset([bytes(9), bytes(8)]);
    expect(plain(log.updates())).toEqual([[9], [8]]);
    log.reset([]);
    expect(log.size).toBe(0);
    log.append(bytes(4));
    expect(plain(log.updates())).toEqual([[4]]);
  });

  it('builds the same document as the updates it was given', () => {
    const source = new Y.Doc();
    const log = new UpdateLog();
    source.on('update', (update: Uint8Array) => log.append(update));
    const notes = source.getMap<Y.Map<unknown>>('notes');
    for (let index = 0; index < 200; index++) {
      source.transact(() => {
        const note = notes.get(`n${index % 20}`) ?? new Y.Map<unknown>();
        if (!notes.has(`n${index % 20}`)) notes.set(`n${index % 20}`, note);
        note.set('x', index);
        note.set('text', `note ${index}`);
      });
    }
    const copy = new Y.Doc();
    for (const update of log.updates()) Y.applyUpdate(copy, update);
    expect(copy.getMap('notes').toJSON()).toEqual(notes.toJSON());
  });
});
