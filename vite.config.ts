import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/** Tests that need PostgreSQL (and Redis): files whose names start with `postgres`. */
const POSTGRES_TESTS = [
  'apps/server/src/**/postgres*.test.ts',
  'apps/server/test/postgres*.test.ts',
];

// One config for the web app's build (root apps/web) and for Vitest (tests across the repo).
// Tests and the web app import @dartboard/board from source, so no build is needed first.
export default defineConfig({
  root: here('./apps/web'),
  plugins: [
    react(),
    // A service worker that keeps the app itself (HTML, scripts, styles) so that a board page
    // reloads while offline and opens from the browser's copy of the board. It never answers
    // for the API, the websocket or the health check: those are always the server's.
    VitePWA({
      registerType: 'autoUpdate',
      // A script file, not an inline script: the server's CSP allows scripts from 'self' only.
      injectRegister: 'script',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        navigateFallback: 'index.html',
        navigateFallbackAllowlist: [/^\/$/, /^\/b\//],
        navigateFallbackDenylist: [/^\/api\//, /^\/sync\//, /^\/healthz/],
        cleanupOutdatedCaches: true,
        // autoUpdate: a new version takes over at once (the next page load uses it).
        skipWaiting: true,
        clientsClaim: true,
      },
    }),
  ],
  resolve: {
    alias: { '@dartboard/board': here('./packages/board/src/index.ts') },
  },
  build: { outDir: here('./apps/web/dist'), emptyOutDir: true },
  server: {
    // `npx vite` for client work: the API and websockets come from a running `npm start`.
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/healthz': 'http://127.0.0.1:8080',
      '/sync': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
  test: {
    dir: here('.'),
    exclude: ['**/node_modules/**', '**/dist/**', 'e2e/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit and integration',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/*/src/**/*.test.{ts,tsx}',
            'apps/*/test/**/*.test.ts',
          ],
          exclude: [...POSTGRES_TESTS, '**/node_modules/**', '**/dist/**', 'e2e/**'],
        },
      },
      {
        // Their own project, so that a throwaway PostgreSQL starts only when they run.
        extends: true,
        test: {
          name: 'postgres',
          include: POSTGRES_TESTS,
          // Redis too, for the tests of servers sharing boards (postgres-fanout*.test.ts).
          globalSetup: [
            here('./apps/server/test/postgresCluster.ts'),
            here('./apps/server/test/redisServer.ts'),
          ],
        },
      },
    ],
  },
});
