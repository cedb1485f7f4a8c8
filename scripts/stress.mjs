// `npm run stress [trials]`: runs the sending cases that must never send twice — two X tabs, a reload
// while typing, the service worker stopped while a job waits — many times each (default 20) in Chromium
// with the built extension, then prints per case: trials, double sends, wrong-thread sends, missing replies.
// Exits non-zero when any trial sent twice, sent in the wrong thread, or did not send.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium, INSTALL_HINT } from './find-browsers.mjs';

const trials = Number(process.argv[2] ?? process.env.AFX_STRESS_TRIALS ?? 20);
if (!Number.isInteger(trials) || trials < 1) {
  console.error('usage: npm run stress [trials ≥ 1]');
  process.exit(2);
}
const chromium = findChromium();
if (!chromium) {
  console.error(INSTALL_HINT.chromium);
  process.exit(1);
}

const report = '.tmp/stress-report.jsonl';
mkdirSync('.tmp', { recursive: true });
rmSync(report, { force: true });
const env = {
  ...process.env,
  CHROME_PATH: chromium,
  AFX_STRESS_TRIALS: String(trials),
  AFX_STRESS_REPORT: report,
};
const run = (cmd, args) =>
  spawnSync(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });

if (run('npm', ['run', '--silent', 'build:chrome']).status !== 0) process.exit(1);
const started = Date.now();
const vitest = run('npx', [
  'vitest',
  'run',
  '--project=e2e',
  'test/e2e/sending-robust.test.ts',
  '--testNamePattern=exactly once',
  // Each case runs all its trials in one test: allow minutes, not the default 90 s.
  '--testTimeout=1800000',
]);

const rows = existsSync(report)
  ? readFileSync(report, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
const width = Math.max(4, ...rows.map((row) => row.name.length));
console.log('');
console.log(`${'case'.padEnd(width)}  trials  double sends  wrong-thread sends  missing`);
for (const row of rows) {
  console.log(
    `${row.name.padEnd(width)}  ${String(row.trials).padStart(6)}  ${String(row.doubleSends).padStart(12)}  ${String(
      row.wrongThreadSends,
    ).padStart(18)}  ${String(row.missing).padStart(7)}`,
  );
}
const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
console.log(
  `\n${total('trials')} trials, ${total('doubleSends')} double sends, ${total('wrongThreadSends')} wrong-thread sends, ${total('missing')} missing, in ${Math.round((Date.now() - started) / 1000)} s`,
);
const bad =
  vitest.status !== 0 ||
  rows.length < 3 ||
  total('doubleSends') + total('wrongThreadSends') + total('missing') > 0;
process.exit(bad ? 1 : 0);
