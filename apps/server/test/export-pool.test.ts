import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { spinSession } from '../../../packages/board/src/summaryFixture.testing.js';
import { HttpError } from '../src/errors.js';
import {
  createExportPool,
  EXPORT_QUEUE,
  EXPORT_THREADS,
  ExportTimeoutError,
} from '../src/export/exportPool.js';
import { ExportOptionError, type ExportTask } from '../src/export/exportTask.js';

// The pool every export runs in, driven directly: its real worker threads, no server.

const updates = [Y.encodeStateAsUpdate(spinSession().doc)];
const task = (format: string, options: ExportTask['options'] = {}): ExportTask => ({
  format,
  updates,
  summary: { now: '2026-11-20T11:00:00.000Z' },
  options,
  thisYear: 2026,
});

describe('the export pool', () => {
  const pool = createExportPool();
  afterAll(() => pool.close());

  it('answers the file and its name, made from the stored updates in a worker', async () => {
    const { body, fileName } = await pool.run(task('md'));
    expect(new TextDecoder().decode(body)).toMatch(/^# Acme Logistics: fleet telematics/);
    expect(fileName.name).toBe('dartboard-acme-logistics-fleet-telematics-2026-11-20.md');
  });

  it('refuses an option the format cannot honour, as an ExportOptionError', async () => {
    await expect(pool.run(task('svg', { zone: 'nowhere' }))).rejects.toThrow(ExportOptionError);
    await expect(pool.run(task('png', { scale: '9' }))).rejects.toThrow(/scale must be/);
  });

  it(`runs ${EXPORT_THREADS} at once, queues ${EXPORT_QUEUE} and answers busy beyond`, async () => {
    const accepted = Array.from({ length: EXPORT_THREADS + EXPORT_QUEUE }, () =>
      pool.run(task('json')),
    );
    const refused = pool.run(task('json'));
    await expect(refused).rejects.toThrow(HttpError);
    await expect(refused).rejects.toMatchObject({ statusCode: 503, error: 'busy' });
    expect(pool.load()).toEqual({ running: EXPORT_THREADS, waiting: EXPORT_QUEUE });
    await Promise.all(accepted);
    expect(pool.load()).toEqual({ running: 0, waiting: 0 });
  });
});

describe('an export that takes too long', () => {
  it('is stopped, its thread booting or running, and answers 503 export_timeout', async () => {
    const pool = createExportPool({ timeoutMs: 100 });
    try {
      // The first waits for its thread to boot (over a second from source) and is taken from
      // piscina's queue; once the threads are up, the report is stopped while it is made.
      const waiting = pool.run(task('pdf'));
      await expect(waiting).rejects.toThrow(ExportTimeoutError);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const running = pool.run(task('pdf'));
      await expect(running).rejects.toMatchObject({ statusCode: 503, error: 'export_timeout' });
      expect(pool.load()).toEqual({ running: 0, waiting: 0 });
    } finally {
      await pool.close();
    }
  });
});

describe('closing the pool', () => {
  it('fails the exports running and waiting, and those asked later', async () => {
    const pool = createExportPool();
    const asked = [1, 2, 3, 4].map(() => pool.run(task('pdf')));
    expect(pool.load()).toEqual({ running: 2, waiting: 2 });
    await pool.close();
    const settled = await Promise.allSettled(asked);
    expect(settled.map((outcome) => outcome.status)).toEqual(Array(4).fill('rejected'));
    await expect(pool.run(task('md'))).rejects.toThrow('The export pool is closed.');
    expect(pool.load()).toEqual({ running: 0, waiting: 0 });
  });
});
