import { describe, expect, it } from 'vitest';
import { CASES, type CaseReport, summarize } from '../../../scripts/stress-summary.mjs';

const clean = (name: string, trials = 100): CaseReport => ({
  name,
  trials,
  doubleSends: 0,
  wrongThreadSends: 0,
  missing: 0,
  failed: 0,
  failures: [],
  finished: true,
  ms: 60_000,
});

describe('npm run stress: the figures', () => {
  it('every case ran all its trials cleanly: ok, with totals', () => {
    const { lines, ok } = summarize(
      CASES.map((name) => clean(name)),
      100,
      true,
    );
    expect(ok).toBe(true);
    expect(lines.at(-1)).toBe(
      '300 trials, 0 double sends, 0 wrong-thread sends, 0 missing, 0 failed, in 180 s',
    );
  });

  it('a case that failed, broke off or never reported is in the table, and the run is not clean', () => {
    const reload: CaseReport = {
      ...clean('reload while typing', 37),
      failed: 1,
      finished: false,
      failures: ['trial 37 (friend236): Timed out waiting for typing to start; jobs [pending/0]'],
    };
    const { lines, problems, ok } = summarize([clean('two tabs'), reload], 100, false);
    expect(ok).toBe(false);
    expect(lines.find((line) => line.startsWith('reload while typing'))).toMatch(/37\/100 .* 1 .*broke off/);
    expect(lines).toContain(
      '  trial 37 (friend236): Timed out waiting for typing to start; jobs [pending/0]',
    );
    expect(lines.find((line) => line.startsWith('worker stopped'))).toMatch(/did not report/);
    expect(problems).toEqual([
      'reload while typing: broke off after 37 trials',
      'reload while typing: 37 of 100 trials',
      'reload while typing: not clean',
      'worker stopped: no report',
      'the test run failed',
    ]);
  });

  it('a double send alone makes the run not clean, even when the tests passed', () => {
    const rows = CASES.map((name) => clean(name));
    rows[0] = { ...rows[0]!, doubleSends: 1 };
    expect(summarize(rows, 100, true).ok).toBe(false);
  });
});
