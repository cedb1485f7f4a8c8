import { describe, expect, it } from 'vitest';
import { BENCH } from '../../../bench/config.ts';
import { dmPlan, heavySeed, OPEN_THREAD } from '../../../bench/scenario.ts';

describe('bench scenario', () => {
  it('a busy account whose open thread has a long history', () => {
    const seed = heavySeed();
    expect(seed.threads).toHaveLength(BENCH.inboxThreads);
    expect(seed.threads[0]?.history).toHaveLength(BENCH.openThreadHistory);
    expect(OPEN_THREAD).toBe(`1000-${seed.threads[0]?.with[0]?.id}`);
  });

  it('the same plan every run: the window is filled, some DMs go to other threads, texts are unique', () => {
    const plan = dmPlan(200, 10_000, 'Bench');
    expect(dmPlan(200, 10_000, 'Bench')).toEqual(plan);
    const total = plan.reduce((sum, dm) => sum + dm.delayMs, 0);
    expect(total).toBeGreaterThan(8_000);
    expect(total).toBeLessThan(12_000);
    const elsewhere = plan.filter((dm) => !dm.open);
    expect(elsewhere).toHaveLength(200 / BENCH.inboxEvery);
    expect(elsewhere.every((dm) => dm.thread !== OPEN_THREAD)).toBe(true);
    expect(new Set(plan.map((dm) => dm.text)).size).toBe(200);
  });
});
