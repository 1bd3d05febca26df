import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';
import { BASE_URL, E2E_PORT as port } from './env.js';

// The real server, started as `npm start` would (after `npm run build`), on its own port and
// with a throwaway data folder.
const dataDir = mkdtempSync(join(tmpdir(), 'dartboard-e2e-'));

export default defineConfig({
  testDir: '.',
  outputDir: '../test-results',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: 'node ../apps/server/dist/main.js',
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // Every test creates boards, opens links and connects from one address.
      CREATE_BOARDS_PER_MINUTE: '100000',
      REQUESTS_PER_MINUTE: '100000',
      MAX_CONNECTIONS_PER_ADDRESS: '10000',
    },
  },
});
