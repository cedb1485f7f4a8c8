// `npm test`: builds the extension, runs every unit and end-to-end test, and ends with one plain line
// "N passed, N failed" so a run that executed no test is visible at a glance.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium, findFirefox, INSTALL_HINT } from './find-browsers.mjs';

const chromium = findChromium();
const firefox = findFirefox();
const missing = [!chromium && INSTALL_HINT.chromium, !firefox && INSTALL_HINT.firefox].filter(Boolean);
if (missing.length > 0) {
  for (const hint of missing) console.error(hint);
  console.error('The end-to-end tests need both browsers; nothing was run.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const env = { ...process.env, CHROME_PATH: chromium, FIREFOX_PATH: firefox };
const run = (cmd, args) =>
  spawnSync(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });

for (const script of ['build', 'build:e2e']) {
  if (run('npm', ['run', '--silent', script]).status !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

// Unit tests first, then the real-browser tests on their own: browsers get both cores, so their timings
// do not depend on what else runs.
mkdirSync('.tmp', { recursive: true });
const extra = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
let status = 0;
for (const project of ['unit', 'e2e']) {
  const report = `.tmp/vitest-${project}.json`;
  rmSync(report, { force: true });
  const vitest = run('npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...extra,
  ]);
  let projectFailed = 0;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    skipped += json.numPendingTests + json.numTodoTests;
    projectFailed = json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0);
    // A file that failed to load counts as a failure even though none of its tests ran.
    projectFailed += json.testResults.filter(
      (f) => f.status === 'failed' && f.assertionResults.length === 0,
    ).length;
  } catch {
    projectFailed = 1;
  }
  if (vitest.status !== 0 && projectFailed === 0) projectFailed = 1;
  failed += projectFailed;
  if (vitest.status !== 0) status = vitest.status ?? 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status === 0 && failed === 0 ? 0 : 1);
