import type { VariantAggregate } from './aggregate.ts';
import { GOALS, type VariantName } from './config.ts';
import type { BundleSize } from './sizes.ts';
import { median } from './stats.ts';

export interface Goal {
  label: string;
  target: string;
  value: string;
  met: boolean;
}

export interface GoalInputs {
  variants: Record<VariantName, VariantAggregate>;
  contentScript: BundleSize;
  popupRuns: readonly number[];
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Every goal of the bench, checked against the measured numbers. A value that is missing misses. */
export function evaluateGoals({ variants, contentScript, popupRuns }: GoalInputs): Goal[] {
  const ext = variants.extension;
  const none = variants.none;
  const rescan = variants.naiveObserver;
  const goals: Goal[] = [];
  const add = (label: string, target: string, value: string, met: boolean) =>
    goals.push({ label, target, value, met });

  const rows = ext.latency?.rows;
  const inbox = ext.latency?.inbox;
  add(
    'every DM seen by the extension',
    '0 missed',
    `${(rows?.missed ?? Number.NaN) + (inbox?.missed ?? Number.NaN)} missed`,
    rows?.missed === 0 && inbox?.missed === 0,
  );
  add(
    'message row detected after its render, p95',
    `≤ ${GOALS.detectionP95Ms} ms`,
    ms(rows?.detectionP95 ?? Number.NaN),
    (rows?.detectionP95 ?? Number.POSITIVE_INFINITY) <= GOALS.detectionP95Ms,
  );
  add(
    'message row detected after its render, max of all runs',
    `≤ ${GOALS.detectionMaxMs} ms`,
    ms(rows?.detectionMax ?? Number.NaN),
    (rows?.detectionMax ?? Number.POSITIVE_INFINITY) <= GOALS.detectionMaxMs,
  );
  add(
    "inbox preview detected after the page's render task, p95",
    `≤ ${GOALS.detectionP95Ms} ms`,
    ms(inbox?.afterTaskP95 ?? Number.NaN),
    (inbox?.afterTaskP95 ?? Number.POSITIVE_INFINITY) <= GOALS.detectionP95Ms,
  );
  add(
    "inbox preview detected after the page's render task, max of all runs",
    `≤ ${GOALS.detectionMaxMs} ms`,
    ms(inbox?.afterTaskMax ?? Number.NaN),
    (inbox?.afterTaskMax ?? Number.POSITIVE_INFINITY) <= GOALS.detectionMaxMs,
  );
  add(
    'content script frames found in the CPU profile (attribution works)',
    '> 0 frames',
    `${ext.detectorFrames ?? 0} frames`,
    (ext.detectorFrames ?? 0) > 0,
  );
  const ratio = (rescan.detectorInclusiveMs ?? Number.NaN) / (ext.detectorInclusiveMs ?? Number.NaN);
  add(
    'main-thread time: rescanning observer ÷ extension',
    `≥ ${GOALS.cpuRatioVsRescan}×`,
    `${ratio.toFixed(1)}×`,
    ratio >= GOALS.cpuRatioVsRescan,
  );
  const scriptDiff = ext.scriptMs - none.scriptMs;
  add(
    'page script time, with − without the extension',
    `within the noise floor of (a): ${ms(none.scriptSpreadMs)}`,
    `${scriptDiff >= 0 ? '+' : ''}${ms(scriptDiff)}`,
    Math.abs(scriptDiff) <= none.scriptSpreadMs,
  );
  const taskDiff = ext.taskMs - none.taskMs;
  add(
    'page task time, with − without the extension',
    `within the noise floor of (a): ${ms(none.taskSpreadMs)}`,
    `${taskDiff >= 0 ? '+' : ''}${ms(taskDiff)}`,
    Math.abs(taskDiff) <= none.taskSpreadMs,
  );
  add(
    'long tasks (> 50 ms) caused by the extension, all runs',
    `${GOALS.extensionLongTasks}`,
    ext.detectorLongTasks === null ? 'unknown (clocks not tied)' : String(ext.detectorLongTasks),
    ext.detectorLongTasks !== null && ext.detectorLongTasks <= GOALS.extensionLongTasks,
  );
  const kb = contentScript.gzipBytes / 1000;
  add(
    'content script, gzipped',
    `≤ ${GOALS.contentScriptGzipKb} kB`,
    `${kb.toFixed(1)} kB`,
    kb <= GOALS.contentScriptGzipKb,
  );
  const popup = median(popupRuns);
  add(
    'popup: Away switch in the DOM, median',
    `≤ ${GOALS.popupFirstRenderMs} ms`,
    ms(popup),
    popup <= GOALS.popupFirstRenderMs,
  );
  return goals;
}
