import { describe, expect, it } from 'vitest';
import type { LatencyAggregate, VariantAggregate } from '../../../bench/aggregate.ts';
import { aggregate } from '../../../bench/aggregate.ts';
import type { RunSummary } from '../../../bench/analyze.ts';
import { VARIANTS, type VariantName } from '../../../bench/config.ts';
import { evaluateGoals } from '../../../bench/goals.ts';
import { consoleReport, readmeSection } from '../../../bench/report.ts';
import type { BenchResults } from '../../../bench/results.ts';

const latency = (p95: number, max: number): LatencyAggregate => ({
  renderP50: 2,
  renderP95: 5,
  detectionP50: 1,
  detectionP95: p95,
  detectionMax: max,
  afterTaskP50: 0.5,
  afterTaskP95: p95,
  afterTaskMax: max,
  missed: 0,
});

function variant(over: Partial<VariantAggregate> = {}): VariantAggregate {
  return {
    runs: 3,
    dms: 200,
    scriptMs: 100,
    taskMs: 1000,
    scriptSpreadMs: 10,
    taskSpreadMs: 100,
    detectorInclusiveMs: null,
    detectorSelfMs: null,
    detectorFrames: null,
    detectorLongestRunMs: null,
    longTasks: 0,
    detectorLongTasks: 0,
    latency: null,
    ...over,
  };
}

function goodVariants(): Record<VariantName, VariantAggregate> {
  return {
    none: variant(),
    extension: variant({
      scriptMs: 104,
      detectorInclusiveMs: 10,
      detectorSelfMs: 5,
      detectorFrames: 12,
      latency: { rows: latency(2, 8), inbox: latency(3, 9) },
    }),
    naivePoll: variant({ detectorInclusiveMs: 50 }),
    naiveObserver: variant({ detectorInclusiveMs: 400 }),
  };
}

const size = { files: ['src/content/index.js'], rawBytes: 40_000, gzipBytes: 12_000 };
const missed = (goals: ReturnType<typeof evaluateGoals>) => goals.filter((g) => !g.met).map((g) => g.label);

describe('bench goals', () => {
  it('all met on good numbers', () => {
    expect(
      missed(evaluateGoals({ variants: goodVariants(), contentScript: size, popupRuns: [60, 80, 90] })),
    ).toEqual([]);
  });

  it('each miss is reported', () => {
    const variants = goodVariants();
    variants.extension = variant({
      scriptMs: 150, // +50 ms against a noise of ±10
      detectorInclusiveMs: 100, // only 4× less than the rescanning observer
      detectorFrames: 0,
      detectorLongTasks: null,
      latency: { rows: latency(6, 20), inbox: latency(2, 3) },
    });
    const goals = evaluateGoals({
      variants,
      contentScript: { ...size, gzipBytes: 16_000 },
      popupRuns: [150],
    });
    expect(missed(goals)).toEqual([
      'message row detected after its render, p95',
      'message row detected after its render, max of all runs',
      'content script frames found in the CPU profile (attribution works)',
      'main-thread time: rescanning observer ÷ extension',
      'page script time, with − without the extension',
      'long tasks (> 50 ms) caused by the extension, all runs',
      'content script, gzipped',
      'popup: Away switch in the DOM, median',
    ]);
  });

  it('the printed report says MISSED next to a missed goal and shows every variant', () => {
    const variants = goodVariants();
    const goals = evaluateGoals({ variants, contentScript: size, popupRuns: [150] });
    const results: BenchResults = {
      date: '2026-07-14T10:00:00.000Z',
      machine: { cpus: 2, chromium: 'Chromium 156', loadAverage: { start: 1, end: 1 } },
      setup: { rounds: 3, dmsPerRun: 200, windowMs: 10_000, churnPerSecond: 120, nodes: 3400 },
      runs: [],
      variants,
      sizes: { contentScript: size, popup: size, typer: size },
      popup: { runsMs: [150] },
      rules: {
        rules: 1000,
        messages: 10_000,
        compileMs: 5,
        engineUsPerMsg: 10,
        naiveUsPerMsg: 1000,
        ratio: 100,
        naiveMessages: 100,
        matched: 5,
      },
      goals,
      durationMs: 1,
    };
    const text = consoleReport(results);
    expect(text).toMatch(/MISSED\s+popup: Away switch in the DOM, median: 150\.0 ms/);
    expect(text).toMatch(/ok\s+content script, gzipped: 12\.0 kB/);
    expect(text).toContain('typer, injected only into a tab that types an automatic reply: 12.0 kB gzipped');
    for (const label of ['no extension', 'Away for X', 'poll', 'rescanning observer'])
      expect(text).toContain(label);
    const readme = readmeSection(results);
    expect(readme).toMatch(/^## Performance/);
    expect(readme).toContain('❌ **missed** popup');
    expect(readme).toContain('| --- |');
  });
});

describe('aggregation over rounds', () => {
  const run = (variant: VariantName, scriptMs: number, longTasks: number): RunSummary => ({
    variant,
    nodes: 3400,
    dms: 200,
    latency: null,
    scriptMs,
    taskMs: scriptMs * 10,
    detector:
      variant === 'none' ? null : { frames: 3, selfMs: 1, inclusiveMs: scriptMs / 2, longestRunMs: 2 },
    longTasks,
    detectorLongTasks:
      variant === 'none'
        ? []
        : Array.from({ length: longTasks }, () => ({ startTime: 0, duration: 60, ownMs: 20 })),
  });

  it('takes medians, spreads and totals per variant', () => {
    const runs = [1, 2, 3].flatMap((round) =>
      VARIANTS.map((v) => run(v, 100 + round * 10, round === 2 ? 1 : 0)),
    );
    const result = aggregate(runs);
    expect(result.none.scriptMs).toBe(120);
    expect(result.none.scriptSpreadMs).toBe(20);
    expect(result.extension.detectorInclusiveMs).toBe(60);
    expect(result.extension.detectorLongTasks).toBe(1);
  });

  it('refuses a bench where a variant never ran', () => {
    expect(() => aggregate([run('none', 1, 0)])).toThrow(/No run/);
  });
});
