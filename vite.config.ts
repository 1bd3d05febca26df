import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// One config for the web app's build (root apps/web) and for Vitest (tests across the repo).
// Tests and the web app import @dartboard/board from source, so no build is needed first.
export default defineConfig({
  root: here('./apps/web'),
  resolve: {
    alias: { '@dartboard/board': here('./packages/board/src/index.ts') },
  },
  build: { outDir: here('./apps/web/dist'), emptyOutDir: true },
  test: {
    dir: here('.'),
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.{ts,tsx}',
      'apps/*/test/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**', 'e2e/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
