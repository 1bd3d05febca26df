// Hocuspocus for `npm run bench:peers`, with a store hook that writes each document's state to
// a file and a load hook that reads it back. Plain JavaScript so the server process carries no
// TypeScript loader (its memory is measured). HOST, PORT, DATA_DIR from the environment.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Server } from '@hocuspocus/server';
import * as Y from 'yjs';

const dir = process.env.DATA_DIR;
if (!dir) throw new Error('DATA_DIR is required');
const fileOf = (name) => join(dir, `${encodeURIComponent(name)}.ydoc`);

const server = new Server({
  address: process.env.HOST || '127.0.0.1',
  port: Number(process.env.PORT || 1234),
  quiet: true,
  async onLoadDocument({ documentName, document }) {
    try {
      Y.applyUpdate(document, await readFile(fileOf(documentName)));
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
  },
  async onStoreDocument({ documentName, document }) {
    const file = fileOf(documentName);
    await writeFile(`${file}.tmp`, Y.encodeStateAsUpdate(document));
    await rename(`${file}.tmp`, file);
  },
});
await server.listen();
