// @y/websocket-server 0.1.1 as its own bin starts it (src/server.js: HOST, PORT), persisting
// every update to LevelDB through y-leveldb (YPERSISTENCE=<folder>). The document's name is
// the URL's path.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Peer } from './peer.js';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@y/websocket-server/package.json'));

export const yWebsocket: Peer = {
  name: 'y-websocket',
  storage: 'LevelDB via y-leveldb (each update appended as it is applied, not awaited)',
  command(port, dataDir) {
    return {
      args: [join(packageDir, 'src/server.js')],
      env: { HOST: '127.0.0.1', PORT: String(port), YPERSISTENCE: dataDir },
    };
  },
  async createBoards(port, count, label) {
    return Array.from({ length: count }, (_, i) => {
      const name = `${label.replace(/\W+/g, '-')}-${i}`;
      return { protocol: 'y-websocket' as const, name, url: `ws://127.0.0.1:${port}/${name}` };
    });
  },
};
