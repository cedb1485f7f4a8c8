// `npm run stress [trials]`: runs the sending cases that must never send twice — two X tabs, a reload
// while typing, the service worker stopped while a job waits — many times each (default 100) in Chromium
// with the built extension, then prints per case: trials, double sends, wrong-thread sends, missing
// replies, failed trials (a trial that threw: a reply never typed, a delay out of bounds) and time.
// A case that broke off or never reported shows as such. Exits non-zero unless every case ran all its
// trials with nothing sent twice, nothing in the wrong thread, nothing missing and no trial failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium, INSTALL_HINT } from './find-browsers.mjs';
import { summarize } from './stress-summary.mjs';

const DEFAULT_TRIALS = 100;

function main() {
  const trials = Number(process.argv[2] ?? process.env.AFX_STRESS_TRIALS ?? DEFAULT_TRIALS);
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
    // Each case runs all its trials in one test: allow hours, not the default 90 s.
    '--testTimeout=7200000',
  ]);

  const rows = existsSync(report)
    ? readFileSync(report, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
  const { lines, problems, ok } = summarize(rows, trials, vitest.status === 0);
  console.log('');
  for (const line of lines) console.log(line);
  console.log(`wall clock ${Math.round((Date.now() - started) / 1000)} s`);
  if (!ok) console.log(`\nNOT CLEAN: ${problems.join('; ')}`);
  process.exit(ok ? 0 : 1);
}

main();
