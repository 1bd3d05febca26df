// The load generator's process: `node --import tsx generator.ts <job.json>`, started by run.ts
// pinned to its own core. Runs one job and prints its result as one JSON line.
import { readFileSync } from 'node:fs';
import { runCold, runIdle, runUpload } from './cold.js';
import { runLoad } from './load.js';
import { type Job, RESULT_PREFIX } from './messages.js';

// Every websocket adds listeners; a thousand clients are expected here.
process.setMaxListeners(0);

const path = process.argv[2];
if (!path) throw new Error('usage: generator.ts <job.json>');
const job = JSON.parse(readFileSync(path, 'utf8')) as Job;

const closes = new Map<string, number>();
function result(): Promise<unknown> {
  switch (job.mode) {
    case 'load':
      return runLoad(job, (what) => closes.set(what, (closes.get(what) ?? 0) + 1));
    case 'upload':
      return runUpload(job);
    case 'cold':
      return runCold(job);
    case 'idle':
      return runIdle(job);
  }
}

const output = await result();
if (closes.size > 0) {
  console.error(`generator: the server closed connections: ${JSON.stringify([...closes])}`);
}
// Exits once the line is written: a pipe takes it asynchronously, and exiting at once would cut
// off a long one (a meeting's cursor samples run to hundreds of kilobytes).
process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(output)}\n`, () => process.exit(0));
