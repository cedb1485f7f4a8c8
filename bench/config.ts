/**
 * The bench's knobs in one place. Sized so the whole `npm run bench` stays under ~5 minutes on 2 cores:
 * 4 variants × 3 rounds × ~16 s, plus the build, the popup runs and the rules bench.
 */
export const BENCH = {
  rounds: 3,
  /** Conversations in the inbox (all rendered: the fake does not virtualise its list). */
  inboxThreads: 150,
  /** Messages already in the open thread (the fake keeps the newest 40 rows in the DOM). */
  openThreadHistory: 40,
  /** Static cells added to the light DOM, standing for the rest of X's page (home timeline, trends). */
  fillerCells: 400,
  /** Sidebar timeline mutations per second while measuring. */
  churnPerSecond: 120,
  /** DMs that count, spread over the measured window. */
  dms: 200,
  windowMs: 10_000,
  /** One DM in this many goes to a conversation that is not open (seen in the inbox, not as a row). */
  inboxEvery: 5,
  /** DMs before the measured window, so code is warm and the detector has its baseline. */
  warmupDms: 10,
  /** CPU profiler sampling interval, µs (the default 1 ms is too coarse for sub-ms callbacks). */
  samplingIntervalUs: 200,
  popupRuns: 7,
  /** The page must be at least this big for the run to count. */
  minNodes: 3000,
  seed: 20260714,
} as const;

export const GOALS = {
  detectionP95Ms: 5,
  detectionMaxMs: 15,
  /** The rescanning observer must cost at least this many times more main-thread time than ours. */
  cpuRatioVsRescan: 20,
  extensionLongTasks: 0,
  contentScriptGzipKb: 15,
  popupFirstRenderMs: 100,
} as const;

export type VariantName = 'none' | 'extension' | 'naivePoll' | 'naiveObserver';

export const VARIANTS: readonly VariantName[] = ['none', 'extension', 'naivePoll', 'naiveObserver'];

export const VARIANT_LABELS: Record<VariantName, string> = {
  none: '(a) no extension',
  extension: '(b) Away for X',
  naivePoll: '(c) naive 1 s poll',
  naiveObserver: '(d) naive rescanning observer',
};
