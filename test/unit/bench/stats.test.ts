import { describe, expect, it } from 'vitest';
import { distribution, median, percentile, spread } from '../../../bench/stats.ts';
import { createRng } from '../../../src/core/rng.ts';

describe('bench statistics', () => {
  it('nearest-rank percentiles', () => {
    const values = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });

  it('median of odd and even counts, spread', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(spread([3, 9, 5])).toBe(6);
    expect(spread([7])).toBe(0);
  });

  it('distribution sums up a list', () => {
    expect(distribution([1, 2, 3, 4])).toEqual({ count: 4, p50: 2, p95: 4, max: 4 });
  });

  it('the seeded generator the bench uses repeats itself and stays in [0, 1)', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(95);
  });
});
