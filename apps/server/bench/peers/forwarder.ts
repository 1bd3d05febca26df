// The floor: forwarderServer.mjs passes frames on and does nothing else. It takes part in the
// load workloads only; with nothing stored there is no cold load to measure.
import { fileURLToPath } from 'node:url';
import type { Peer } from './peer.js';

const script = fileURLToPath(new URL('./forwarderServer.mjs', import.meta.url));

export const forwarder: Peer = {
  name: 'forwarder',
  storage: 'none: frames passed on as they arrive, nothing checked, applied or stored',
  loadOnly: true,
  command(port) {
    return { args: [script], env: { HOST: '127.0.0.1', PORT: String(port) } };
  },
  async createBoards(port, count, label) {
    return Array.from({ length: count }, (_, i) => {
      const name = `${label.replace(/\W+/g, '-')}-${i}`;
      return { protocol: 'y-websocket' as const, name, url: `ws://127.0.0.1:${port}/${name}` };
    });
  },
};
