/**
 * Reads a V8 CPU profile (CDP `Profiler.stop`) of the page's renderer and tells how much main-thread time
 * belongs to a given script. Content scripts run in the page's renderer (an isolated world of the same
 * isolate), so their frames are in the page's profile under their chrome-extension:// URL. Pure.
 */

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds, same clock as the samples. */
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export type UrlMatcher = (url: string) => boolean;

export interface Attribution {
  /** Nodes in the profile whose own frame matches: proves the attribution can see this script at all. */
  frames: number;
  /** Time the script's own functions were on top of the stack. */
  selfMs: number;
  /** Time the script was anywhere on the stack: its functions plus the DOM calls they made. */
  inclusiveMs: number;
  /**
   * Longest stretch of consecutive samples with the script on the stack. Samples do not show task
   * boundaries, so a stretch may span tasks that ran back to back; see longTasksCausedBy for tasks.
   */
  longestRunMs: number;
}

/** One sample: when it was taken (µs), how long it stands for, and whether each matcher is on its stack. */
export interface Timeline {
  at: Float64Array;
  duration: Float64Array;
  inStack: Uint8Array;
  onTop: Uint8Array;
}

/** Samples in time order; each one lasts until the next (the last one until the profile's end). */
export function timeline(profile: CpuProfile, matches: UrlMatcher): Timeline {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const inStackMemo = new Map<number, boolean>();
  const inStack = (id: number): boolean => {
    const known = inStackMemo.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const result = node !== undefined && (matches(node.callFrame.url) || (up !== undefined && inStack(up)));
    inStackMemo.set(id, result);
    return result;
  };
  const count = samples.length;
  const out: Timeline = {
    at: new Float64Array(count),
    duration: new Float64Array(count),
    inStack: new Uint8Array(count),
    onTop: new Uint8Array(count),
  };
  let t = profile.startTime;
  for (let i = 0; i < count; i++) {
    t += deltas[i] ?? 0;
    out.at[i] = t;
    const id = samples[i] as number;
    out.inStack[i] = inStack(id) ? 1 : 0;
    out.onTop[i] = matches(byId.get(id)?.callFrame.url ?? '') ? 1 : 0;
  }
  for (let i = 0; i < count; i++) {
    const next = i + 1 < count ? (out.at[i + 1] as number) : profile.endTime;
    out.duration[i] = Math.max(0, next - (out.at[i] as number));
  }
  return out;
}

export function attribute(profile: CpuProfile, matches: UrlMatcher): Attribution {
  const line = timeline(profile, matches);
  let self = 0;
  let inclusive = 0;
  let run = 0;
  let longest = 0;
  for (let i = 0; i < line.at.length; i++) {
    const d = line.duration[i] as number;
    if (line.onTop[i]) self += d;
    if (line.inStack[i]) {
      inclusive += d;
      run += d;
      longest = Math.max(longest, run);
    } else run = 0;
  }
  return {
    frames: profile.nodes.filter((n) => matches(n.callFrame.url)).length,
    selfMs: self / 1000,
    inclusiveMs: inclusive / 1000,
    longestRunMs: longest / 1000,
  };
}

/** Time (ms) the script was on the stack between two instants given in profile microseconds. */
export function timeInWindow(line: Timeline, fromUs: number, toUs: number): number {
  let total = 0;
  for (let i = 0; i < line.at.length; i++) {
    if (!line.inStack[i]) continue;
    const start = line.at[i] as number;
    const end = start + (line.duration[i] as number);
    total += Math.max(0, Math.min(end, toUs) - Math.max(start, fromUs));
  }
  return total / 1000;
}

/**
 * The profile clock minus the page's `performance.now()` clock, in ms, from a marker: a function with a
 * known script URL that the page ran at a known `performance.now()`. Null when no sample caught it.
 */
export function clockOffsetMs(profile: CpuProfile, markerUrl: string, markerStartMs: number): number | null {
  const line = timeline(profile, (url) => url === markerUrl);
  for (let i = 0; i < line.at.length; i++) {
    if (line.inStack[i]) return (line.at[i] as number) / 1000 - markerStartMs;
  }
  return null;
}

export interface LongTask {
  /** Page `performance.now()` ms. */
  startTime: number;
  duration: number;
}

export const LONG_TASK_MS = 50;

/** A long task the script caused, with the script's own time inside it. */
export interface CausedLongTask extends LongTask {
  ownMs: number;
}

/**
 * Long tasks the script caused: tasks over 50 ms that would not have been long without the script's own
 * time inside them. A 120 ms page task in which the script ran 2 ms is the page's, not the script's.
 */
export function longTasksCausedBy(
  line: Timeline,
  tasks: readonly LongTask[],
  offsetMs: number,
): CausedLongTask[] {
  const caused: CausedLongTask[] = [];
  for (const task of tasks) {
    if (task.duration <= LONG_TASK_MS) continue;
    const fromUs = (task.startTime + offsetMs) * 1000;
    const ownMs = timeInWindow(line, fromUs, fromUs + task.duration * 1000);
    if (task.duration - ownMs <= LONG_TASK_MS) caused.push({ ...task, ownMs });
  }
  return caused;
}
