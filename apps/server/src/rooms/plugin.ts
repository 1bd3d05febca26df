import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { Storage } from '../storage/types.js';
import type { FanOut } from './fanout.js';
import { type RegistryOptions, RoomRegistry } from './registry.js';

// The decorations are declared in app.ts, which every user of the server imports.

export interface RoomsPluginOptions {
  storage: Storage;
  rooms: RegistryOptions;
  /** Other instances serving the same boards; closed with storage. */
  fanout?: FanOut;
}

/**
 * Storage and the rooms kept on it, as one plugin that owns their lifecycle: on close every
 * client gets a proper close code and every room is compacted, then the fan-out and storage
 * are closed.
 * Register it before the websocket plugin, whose own close would drop the sockets first.
 */
export const roomsPlugin = fastifyPlugin(
  async (app: FastifyInstance, options: RoomsPluginOptions) => {
    const rooms = new RoomRegistry(options.storage, options.rooms, app.log, options.fanout);
    app.decorate('storage', options.storage);
    app.decorate('rooms', rooms);
    app.addHook('preClose', async () => {
      await rooms.closeAll();
    });
    app.addHook('onClose', async () => {
      await options.fanout?.close();
      await options.storage.close();
    });
  },
  { name: 'dartboard-rooms' },
);
