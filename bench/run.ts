// `npm run bench`: builds (through the npm script), then measures the built extension in real Chromium on a
// heavy fake X page next to the page alone and two naive detectors, and writes bench/results/.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { relative } from 'node:path';
import { chromiumPath } from '../test/e2e/support/browser-paths.ts';
import { extensionDir } from '../test/e2e/support/paths.ts';
import { aggregate } from './aggregate.ts';
import { type RunSummary, summarize } from './analyze.ts';
import { launchBench } from './browser.ts';
import { BENCH, VARIANT_LABELS, VARIANTS, type VariantName } from './config.ts';
import { evaluateGoals } from './goals.ts';
import { timePopup } from './popup.ts';
import { consoleReport, readmeSection } from './report.ts';
import { type BenchResults, writeResults } from './results.ts';
import { type RULES_BENCH, runRulesBench } from './rules.ts';
import { runVariant } from './run-variant.ts';
import { extensionSizes } from './sizes.ts';

// The naive rule matcher costs ~60 ms per message against 1,000 rules: 100 messages tell the same figure.
const RULES_NAIVE_MESSAGES = 100;

async function measure(variant: VariantName): Promise<RunSummary> {
  for (let attempt = 1; ; attempt++) {
    try {
      return summarize(await runVariant(variant));
    } catch (error) {
      // A browser that failed to start or a page that never got ready is not a measurement: retry once.
      if (attempt >= 2) throw error;
      console.warn(`  ${VARIANT_LABELS[variant]} failed (${String(error)}); retrying once`);
    }
  }
}

function brief(run: RunSummary): string {
  const rows = run.latency?.rows.detection;
  const latency = rows ? `, row detection p95 ${rows.p95.toFixed(1)} ms` : '';
  const cpu = run.detector ? `, detector ${run.detector.inclusiveMs.toFixed(0)} ms` : '';
  return `script ${run.scriptMs.toFixed(0)} ms${cpu}${latency}`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadStart = loadavg()[0] ?? 0;
  const dist = extensionDir('chromium');
  const sizes = extensionSizes(dist);
  const chromium = execFileSync(chromiumPath(), ['--version'], {
    encoding: 'utf8',
    // Debian's wrapper script complains on stderr about its own memory check; only the version matters.
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  console.log(`${chromium}; ${BENCH.rounds} rounds of ${VARIANTS.length} variants, ${BENCH.dms} DMs each`);

  const runs: RunSummary[] = [];
  for (let round = 1; round <= BENCH.rounds; round++) {
    for (const variant of VARIANTS) {
      const run = await measure(variant);
      if (run.nodes < BENCH.minNodes)
        throw new Error(
          `The page had ${run.nodes} elements, fewer than the ${BENCH.minNodes} the bench needs.`,
        );
      runs.push(run);
      console.log(`  round ${round} ${VARIANT_LABELS[variant]}: ${brief(run)}`);
    }
  }

  const browser = await launchBench({ extension: true, config: {}, initScripts: [] });
  let popupRuns: number[];
  try {
    popupRuns = (await timePopup(browser, BENCH.popupRuns)).runs;
  } finally {
    await browser.close();
  }
  console.log('  popup timed; rule matching next');
  // RULES_BENCH is `as const`, so its Partial only admits the default values: widen the option's type.
  const rulesOptions = { naiveMessages: RULES_NAIVE_MESSAGES } as unknown as Partial<typeof RULES_BENCH>;
  const rules = await runRulesBench(rulesOptions);

  const variants = aggregate(runs);
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, chromium, loadAverage: { start: loadStart, end: loadavg()[0] ?? 0 } },
    setup: {
      rounds: BENCH.rounds,
      dmsPerRun: BENCH.dms,
      windowMs: BENCH.windowMs,
      churnPerSecond: BENCH.churnPerSecond,
      nodes: Math.min(...runs.map((run) => run.nodes)),
    },
    runs,
    variants,
    sizes,
    popup: { runsMs: popupRuns },
    rules,
    goals: evaluateGoals({ variants, contentScript: sizes.contentScript, popupRuns }),
    durationMs: Date.now() - started,
  };
  const written = writeResults(results, readmeSection(results));
  console.log(`\n${consoleReport(results)}\n`);
  console.log(
    `Wrote ${relative(process.cwd(), written.json)} and ${relative(process.cwd(), written.readme)}`,
  );
  console.log(`Bench took ${Math.round(results.durationMs / 1000)} s.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
