import { type LatencyReport, measureLatency } from './latency.ts';
import { MARK_URL } from './page-support.ts';
import {
  type Attribution,
  attribute,
  type CausedLongTask,
  clockOffsetMs,
  longTasksCausedBy,
  timeline,
} from './profile.ts';
import type { RawRun } from './run-variant.ts';

/** One run reduced to numbers (what latest.json keeps per run). */
export interface RunSummary {
  variant: RawRun['variant'];
  nodes: number;
  dms: number;
  /** Message rows of the open thread, and previews in the inbox; null for the page alone (no detector). */
  latency: { rows: LatencyReport; inbox: LatencyReport } | null;
  scriptMs: number;
  taskMs: number;
  /** The variant's own detector in the CPU profile; null for the page alone. */
  detector: Attribution | null;
  longTasks: number;
  /** Long tasks the detector caused (see longTasksCausedBy); null when the clocks could not be tied. */
  detectorLongTasks: CausedLongTask[] | null;
}

export function summarize(run: RawRun): RunSummary {
  const detector = run.detectorUrl ? attribute(run.profile, run.detectorUrl) : null;
  let detectorLongTasks: CausedLongTask[] | null = [];
  if (run.detectorUrl) {
    const offset = clockOffsetMs(run.profile, MARK_URL, run.markStartMs);
    detectorLongTasks =
      offset === null
        ? null
        : longTasksCausedBy(timeline(run.profile, run.detectorUrl), inWindow(run), offset);
  }
  return {
    variant: run.variant,
    nodes: run.nodes,
    dms: run.sent.length,
    latency: run.detectorUrl
      ? {
          rows: measureLatency(
            run.sent.filter((dm) => dm.open),
            run.received,
            run.detections,
            run.clock,
          ),
          inbox: measureLatency(
            run.sent.filter((dm) => !dm.open),
            run.received,
            run.detections,
            run.clock,
          ),
        }
      : null,
    scriptMs: run.scriptMs,
    taskMs: run.taskMs,
    detector,
    longTasks: inWindow(run).length,
    detectorLongTasks,
  };
}

/** Long tasks of the measured window only (page load and warm-up are not measured). */
function inWindow(run: RawRun): RawRun['longTasks'] {
  return run.longTasks.filter((task) => task.startTime >= run.markStartMs);
}
