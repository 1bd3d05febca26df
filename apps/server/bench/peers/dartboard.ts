// Dartboard as `npm start` runs it: the built server (apps/server/dist/main.js) with the Node
// options of the start script, SQLite in its data folder. The per-address limits are lifted
// because every bench client comes from 127.0.0.1 (a thousand connections and upgrades from one
// address, a hundred boards created in a minute); the per-connection limits (MESSAGES_PER_SECOND and the rest) stay at their
// defaults, which the workloads stay below.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BoardRef, Peer } from './peer.js';

// BENCH_DARTBOARD_MAIN=/path/to/other/dist/main.js runs another build, to compare two.
const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** The Node options `npm start` runs the server with, read from the root package.json. */
function readStartOptions(): string[] {
  const rootPackage = new URL('../../../../package.json', import.meta.url);
  const { scripts } = JSON.parse(readFileSync(rootPackage, 'utf8')) as {
    scripts: Record<string, string>;
  };
  const options = /node ((?:--\S+ )*)apps\/server\/dist\/main\.js/.exec(scripts.start ?? '');
  if (!options) throw new Error('package.json: start does not run apps/server/dist/main.js');
  return (options[1] ?? '').split(' ').filter(Boolean);
}

const startOptions = readStartOptions();

export const LIFTED_LIMITS = {
  CREATE_BOARDS_PER_MINUTE: '1000000',
  REQUESTS_PER_MINUTE: '1000000',
  MAX_CONNECTIONS_PER_ADDRESS: '100000',
};

export const dartboard: Peer = {
  name: 'dartboard',
  storage: 'SQLite (every update stored before it is relayed, synchronous=NORMAL)',
  command(port, dataDir) {
    return {
      args: [...startOptions, process.env.BENCH_DARTBOARD_MAIN ?? main],
      env: {
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        // Request logs off, as the other two log nothing per connection.
        LOG_LEVEL: 'warn',
        ...LIFTED_LIMITS,
      },
    };
  },
  async createBoards(port, count, label) {
    const boards: BoardRef[] = [];
    for (let i = 0; i < count; i++) {
      const response = await fetch(`http://127.0.0.1:${port}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: `${label} ${i}`, template: 'blank' }),
      });
      if (response.status !== 201) throw new Error(`creating a board: HTTP ${response.status}`);
      const body = (await response.json()) as { id: string; tokens: { edit: string } };
      boards.push({
        protocol: 'y-websocket',
        name: body.id,
        url: `ws://127.0.0.1:${port}/sync/${body.id}?token=${body.tokens.edit}`,
      });
    }
    return boards;
  },
};
