import type { RunSummary } from './analyze.ts';
import { VARIANTS, type VariantName } from './config.ts';
import type { LatencyReport } from './latency.ts';
import { median, spread } from './stats.ts';

/** Medians over the rounds of one variant; maxima stay maxima (a goal "in all" holds for every run). */
export interface VariantAggregate {
  runs: number;
  /** DMs sent in the measured window of each run. */
  dms: number;
  scriptMs: number;
  taskMs: number;
  /** max − min over the rounds: the run-to-run noise of this variant. */
  scriptSpreadMs: number;
  taskSpreadMs: number;
  detectorInclusiveMs: number | null;
  detectorSelfMs: number | null;
  detectorFrames: number | null;
  detectorLongestRunMs: number | null;
  longTasks: number;
  /** Summed over the rounds; null when any round could not attribute them. */
  detectorLongTasks: number | null;
  latency: { rows: LatencyAggregate; inbox: LatencyAggregate } | null;
}

export interface LatencyAggregate {
  renderP50: number;
  renderP95: number;
  detectionP50: number;
  detectionP95: number;
  detectionMax: number;
  afterTaskP50: number;
  afterTaskP95: number;
  afterTaskMax: number;
  /** Summed over the rounds. */
  missed: number;
}

export function aggregateLatency(reports: readonly LatencyReport[]): LatencyAggregate {
  const mid = (f: (r: LatencyReport) => number) => median(reports.map(f));
  const top = (f: (r: LatencyReport) => number) => Math.max(...reports.map(f));
  return {
    renderP50: mid((r) => r.render.p50),
    renderP95: mid((r) => r.render.p95),
    detectionP50: mid((r) => r.detection.p50),
    detectionP95: mid((r) => r.detection.p95),
    detectionMax: top((r) => r.detection.max),
    afterTaskP50: mid((r) => r.afterTask.p50),
    afterTaskP95: mid((r) => r.afterTask.p95),
    afterTaskMax: top((r) => r.afterTask.max),
    missed: reports.reduce((sum, r) => sum + r.missed, 0),
  };
}

export function aggregate(runs: readonly RunSummary[]): Record<VariantName, VariantAggregate> {
  const out = {} as Record<VariantName, VariantAggregate>;
  for (const variant of VARIANTS) {
    const mine = runs.filter((run) => run.variant === variant);
    if (mine.length === 0) throw new Error(`No run of the variant ${variant}`);
    const pick = (f: (run: RunSummary) => number) => median(mine.map(f));
    const detectors = mine.map((run) => run.detector).filter((d) => d !== null);
    const latencies = mine.map((run) => run.latency).filter((l) => l !== null);
    const attributed = mine.every((run) => run.detectorLongTasks !== null);
    out[variant] = {
      runs: mine.length,
      dms: pick((run) => run.dms),
      scriptMs: pick((run) => run.scriptMs),
      taskMs: pick((run) => run.taskMs),
      scriptSpreadMs: spread(mine.map((run) => run.scriptMs)),
      taskSpreadMs: spread(mine.map((run) => run.taskMs)),
      detectorInclusiveMs: detectors.length ? median(detectors.map((d) => d.inclusiveMs)) : null,
      detectorSelfMs: detectors.length ? median(detectors.map((d) => d.selfMs)) : null,
      detectorFrames: detectors.length ? Math.min(...detectors.map((d) => d.frames)) : null,
      detectorLongestRunMs: detectors.length ? Math.max(...detectors.map((d) => d.longestRunMs)) : null,
      longTasks: pick((run) => run.longTasks),
      detectorLongTasks: attributed
        ? mine.reduce((sum, run) => sum + (run.detectorLongTasks?.length ?? 0), 0)
        : null,
      latency: latencies.length
        ? {
            rows: aggregateLatency(latencies.map((l) => l.rows)),
            inbox: aggregateLatency(latencies.map((l) => l.inbox)),
          }
        : null,
    };
  }
  return out;
}
