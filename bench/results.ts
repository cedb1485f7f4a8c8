import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VariantAggregate } from './aggregate.ts';
import type { RunSummary } from './analyze.ts';
import type { VariantName } from './config.ts';
import type { Goal } from './goals.ts';
import type { RulesBenchResult } from './rules.ts';
import type { BundleSize } from './sizes.ts';

/** What one `npm run bench` measured: the content of bench/results/latest.json. */
export interface BenchResults {
  /** ISO date of the run. */
  date: string;
  machine: { cpus: number; chromium: string; loadAverage: { start: number; end: number } };
  setup: {
    rounds: number;
    dmsPerRun: number;
    windowMs: number;
    churnPerSecond: number;
    /** Elements on the page (document and shadow root) when measuring started; the smallest of all runs. */
    nodes: number;
  };
  runs: RunSummary[];
  variants: Record<VariantName, VariantAggregate>;
  /** `typer`: absent in results written before the typer left the content script. */
  sizes: { contentScript: BundleSize; popup: BundleSize; typer?: BundleSize };
  popup: { runsMs: number[] };
  rules: RulesBenchResult;
  goals: Goal[];
  durationMs: number;
}

export const RESULTS_DIR = join(import.meta.dirname, 'results');

export function writeResults(results: BenchResults, readmeSection: string): { json: string; readme: string } {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = join(RESULTS_DIR, 'latest.json');
  const readme = join(RESULTS_DIR, 'README-section.md');
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(readme, readmeSection);
  return { json, readme };
}
