// @hocuspocus/server 3.4 started by hocuspocusServer.mjs: whole-document snapshots written to
// files by its onStoreDocument hook (debounced by Hocuspocus: 2 s after the last change, at most
// 10 s), read back by onLoadDocument. One websocket URL; the document is named in each message.
import { fileURLToPath } from 'node:url';
import type { Peer } from './peer.js';

const script = fileURLToPath(new URL('./hocuspocusServer.mjs', import.meta.url));

export const hocuspocus: Peer = {
  name: 'hocuspocus',
  storage: 'files, one snapshot per document (onStoreDocument, debounced 2-10 s)',
  command(port, dataDir) {
    return { args: [script], env: { HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir } };
  },
  async createBoards(port, count, label) {
    return Array.from({ length: count }, (_, i) => ({
      protocol: 'hocuspocus' as const,
      name: `${label.replace(/\W+/g, '-')}-${i}`,
      url: `ws://127.0.0.1:${port}`,
    }));
  },
};
