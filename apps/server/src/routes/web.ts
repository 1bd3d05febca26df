import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export interface WebRoutesOptions {
  /** The built web app (apps/web/dist). */
  root: string;
}

/** Serves the web app: its files, and index.html for every board page `/b/:id`. */
export async function webRoutes(app: FastifyInstance, options: WebRoutesOptions) {
  if (!existsSync(join(options.root, 'index.html'))) {
    app.log.warn({ root: options.root }, 'web app not built; serving the API only');
    return;
  }
  await app.register(fastifyStatic, {
    root: options.root,
    wildcard: true,
    cacheControl: false,
    setHeaders(res, path) {
      // Vite puts a content hash in every asset name; index.html must always be fresh.
      res.setHeader(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/b/:id', (_request, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html'),
  );
}
