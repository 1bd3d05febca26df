// `npm test`: build, lint, unit + integration tests (Vitest), browser tests (Playwright),
// then one closing line `N passed, N failed` that sums every suite.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const results = [];
const TMP = resolve('.tmp');
const VITEST_JSON = resolve(TMP, 'vitest.json');
const PLAYWRIGHT_JSON = resolve(TMP, 'playwright.json');
mkdirSync(TMP, { recursive: true });

function run(name, command, args, extraEnv = {}) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  return result.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// A failed check that is not a test suite counts as one failed test.
function check(name, ok) {
  results.push({ name, passed: 0, failed: ok ? 0 : 1, ok });
}

const built = run('build', 'npm', ['run', 'build']);
check('build', built);
check('lint', run('lint', 'npx', ['biome', 'check', '--error-on-warnings', '.']));

if (built) {
  // The PDF export's tests read their PDFs back with poppler-utils.
  check('test tools', run('test tools', 'bash', ['scripts/ensure-test-tools.sh']));
  // The PostgreSQL storage tests start a throwaway cluster with its binaries (skipped without).
  check('postgresql', run('postgresql', 'bash', ['scripts/ensure-postgres.sh']));
  // The fan-out tests start a throwaway Redis beside it (skipped without).
  check('redis', run('redis', 'bash', ['scripts/ensure-redis.sh']));
  rmSync(VITEST_JSON, { force: true });
  const vitestOk = run('unit and integration tests', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${VITEST_JSON}`,
  ]);
  const vitest = readJson(VITEST_JSON);
  results.push({
    name: 'vitest',
    passed: vitest?.numPassedTests ?? 0,
    failed: vitest ? vitest.numFailedTests : 1,
    ok: vitestOk,
  });

  const chromium = run('browser', 'bash', ['scripts/ensure-chromium.sh']);
  check('chromium', chromium);
  if (chromium) {
    rmSync(PLAYWRIGHT_JSON, { force: true });
    const port = String(await freePort());
    const e2eOk = run(
      'browser tests',
      'npx',
      ['playwright', 'test', '--config', 'e2e/playwright.config.ts', '--reporter=list,json'],
      { E2E_PORT: port, PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON },
    );
    const stats = readJson(PLAYWRIGHT_JSON)?.stats;
    results.push({
      name: 'playwright',
      passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
      failed: stats ? stats.unexpected : 1,
      ok: e2eOk,
    });
  }
}

const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
const broken = results.filter((r) => !r.ok).map((r) => r.name);
console.log('');
if (broken.length > 0) console.log(`Failed: ${broken.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(broken.length === 0 && failed === 0 ? 0 : 1);
