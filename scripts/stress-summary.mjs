// The table and the verdict of `npm run stress` (scripts/stress.mjs), from what each case of
// test/e2e/sending-robust.test.ts reported. Pure, so a unit test can feed it a broken run.

/** The cases of test/e2e/sending-robust.test.ts that report, by the names they report under. */
export const CASES = ['two tabs', 'reload while typing', 'worker stopped'];

/**
 * The table and the verdict for what the cases reported (one object per line of the report): every case
 * of CASES has a row, one that never reported says so, one that broke off says so, and the verdict is
 * clean only when every case ran all `trials` with nothing sent twice, in the wrong thread, missing or
 * failed, and the test run itself passed.
 */
export function summarize(rows, trials, testsPassed) {
  const byName = new Map(rows.map((row) => [row.name, row]));
  const lines = [];
  const columns = ['case', 'trials', 'double sends', 'wrong-thread sends', 'missing', 'failed', 'time'];
  const width = Math.max(...CASES.map((name) => name.length), 4);
  const cell = (value, i) =>
    i === 0 ? String(value).padEnd(width) : String(value).padStart(columns[i].length);
  lines.push(columns.map((c, i) => (i === 0 ? c.padEnd(width) : c)).join('  '));
  const problems = [];
  const total = { trials: 0, doubleSends: 0, wrongThreadSends: 0, missing: 0, failed: 0, ms: 0 };
  for (const name of CASES) {
    const row = byName.get(name);
    if (!row) {
      lines.push(
        `${name.padEnd(width)}  did not report (the case did not run or crashed before its first trial)`,
      );
      problems.push(`${name}: no report`);
      continue;
    }
    const failed = row.failed ?? 0;
    lines.push(
      [
        name,
        `${row.trials}/${trials}`,
        row.doubleSends,
        row.wrongThreadSends,
        row.missing,
        failed,
        `${Math.round((row.ms ?? 0) / 1000)} s`,
      ]
        .map(cell)
        .join('  ') + (row.finished === false ? '  (broke off)' : ''),
    );
    for (const key of Object.keys(total)) total[key] += key === 'failed' ? failed : (row[key] ?? 0);
    if (row.finished === false) problems.push(`${name}: broke off after ${row.trials} trials`);
    if (row.trials < trials) problems.push(`${name}: ${row.trials} of ${trials} trials`);
    if (row.doubleSends + row.wrongThreadSends + row.missing + failed > 0)
      problems.push(`${name}: not clean`);
    for (const failure of row.failures ?? []) lines.push(`  ${failure}`);
  }
  lines.push('');
  lines.push(
    `${total.trials} trials, ${total.doubleSends} double sends, ${total.wrongThreadSends} wrong-thread sends, ` +
      `${total.missing} missing, ${total.failed} failed, in ${Math.round(total.ms / 1000)} s`,
  );
  if (!testsPassed) problems.push('the test run failed');
  return { lines, problems, ok: problems.length === 0 };
}
