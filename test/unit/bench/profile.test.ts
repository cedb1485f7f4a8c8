import { describe, expect, it } from 'vitest';
import {
  attribute,
  type CpuProfile,
  clockOffsetMs,
  longTasksCausedBy,
  timeline,
} from '../../../bench/profile.ts';

const EXT = 'chrome-extension://abc/src/content/index.js';
const PAGE = 'https://x.com/__fakex/src/main.ts';
const MARK = 'afx-bench://mark.js';

/**
 * (root) ─┬─ page fn (2) ── querySelectorAll (native, 3)
 *         ├─ ext callback (4) ─┬─ querySelectorAll (native, 5)
 *         │                    └─ ext helper (6)
 *         └─ mark (7)
 */
function profile(samples: number[], deltaUs = 100): CpuProfile {
  return {
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '' }, children: [2, 4, 7] },
      { id: 2, callFrame: { functionName: 'render', url: PAGE }, children: [3] },
      { id: 3, callFrame: { functionName: 'querySelectorAll', url: '' } },
      { id: 4, callFrame: { functionName: 'process', url: EXT }, children: [5, 6] },
      { id: 5, callFrame: { functionName: 'querySelectorAll', url: '' } },
      { id: 6, callFrame: { functionName: 'parse', url: EXT } },
      { id: 7, callFrame: { functionName: 'mark', url: MARK } },
    ],
    startTime: 1_000_000,
    endTime: 1_000_000 + samples.length * deltaUs,
    samples,
    timeDeltas: samples.map((_, i) => (i === 0 ? 0 : deltaUs)),
  };
}

const isExt = (url: string) => url.startsWith('chrome-extension://abc/');

describe('CPU profile attribution', () => {
  it('self time counts only frames of the script; inclusive time adds the DOM calls it made', () => {
    // 100 µs each: page, page→native, ext, ext→native, ext helper, page
    const result = attribute(profile([2, 3, 4, 5, 6, 2]), isExt);
    expect(result.selfMs).toBeCloseTo(0.2);
    expect(result.inclusiveMs).toBeCloseTo(0.3);
    expect(result.frames).toBe(2);
    expect(result.longestRunMs).toBeCloseTo(0.3);
  });

  it('a native call made by the page is not the script’s', () => {
    expect(attribute(profile([3, 3, 3]), isExt).inclusiveMs).toBe(0);
  });

  it('the longest run is broken by anything else on the main thread', () => {
    const result = attribute(profile([4, 4, 2, 4, 5, 6, 4, 3]), isExt);
    expect(result.longestRunMs).toBeCloseTo(0.4);
    expect(result.inclusiveMs).toBeCloseTo(0.6);
  });

  it('finds no frame of a script that never ran (the attribution check can fail)', () => {
    expect(attribute(profile([2, 3, 2]), isExt).frames).toBe(2);
    expect(attribute(profile([2, 3, 2]), (url) => url.startsWith('chrome-extension://other/')).frames).toBe(
      0,
    );
  });

  it('ties the page clock to the profile clock through the marker', () => {
    // The marker is caught by the 4th sample, at 1,000,300 µs; the page said it started at 12.5 ms.
    const p = profile([2, 2, 2, 7, 7, 2]);
    expect(clockOffsetMs(p, MARK, 12.5)).toBeCloseTo(1000.3 - 12.5);
    expect(clockOffsetMs(profile([2, 2]), MARK, 12.5)).toBeNull();
  });

  it('blames a long task on the script only when the task would not be long without it', () => {
    // 1 ms per sample: 60 samples, the script on the stack in samples 10..29 (20 ms).
    const samples = Array.from({ length: 60 }, (_, i) => (i >= 10 && i < 30 ? 4 : 2));
    const p = profile(samples, 1000);
    const line = timeline(p, isExt);
    const offsetMs = 1000; // page time 0 = profile time 1,000,000 µs
    const tasks = [
      { startTime: 0, duration: 60 }, // 60 ms with 20 ms of script: 40 ms without → caused
      { startTime: 0, duration: 80 }, // 80 − 20 = 60 ms without → the page's own
      { startTime: 30, duration: 45 }, // not long at all
    ];
    const caused = longTasksCausedBy(line, tasks, offsetMs);
    expect(caused).toHaveLength(1);
    expect(caused[0]?.duration).toBe(60);
    expect(caused[0]?.ownMs).toBeCloseTo(20);
  });
});
