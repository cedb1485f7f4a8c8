import { describe, expect, it } from 'vitest';
import { planTiming, splitChunks, TYPING_CPM } from '../../../src/core/humanize.ts';
import { createRng } from '../../../src/core/rng.ts';
import type { TimingPlan } from '../../../src/core/types.ts';

const bounds = { minDelayMs: 30_000, maxDelayMs: 120_000 };
const wide = { minDelayMs: 0, maxDelayMs: 10_000_000 };
const TEXT = 'Hi Alice, thanks for your message! I am away at the moment. I will reply soon.';
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function expectConsistent(plan: TimingPlan, text: string) {
  expect(plan.chunks.join('')).toBe(text);
  expect(plan.keyDelaysMs).toHaveLength(plan.chunks.length);
  expect(plan.readMs + plan.thinkMs + sum(plan.keyDelaysMs)).toBe(plan.totalMs);
  for (const n of [plan.readMs, plan.thinkMs, ...plan.keyDelaysMs]) {
    expect(Number.isInteger(n) && n >= 0).toBe(true);
  }
}

describe('splitChunks', () => {
  it('splits into words keeping their spaces, so chunks rebuild the text exactly', () => {
    expect(splitChunks('  Hi  there,\nyou!')).toEqual(['  Hi  ', 'there,\n', 'you!']);
    expect(splitChunks('')).toEqual([]);
  });
});

describe('planTiming', () => {
  it('fits the bounds and its parts add up', () => {
    for (let seed = 0; seed < 200; seed++) {
      const plan = planTiming(TEXT, 'hello, are you there?', bounds, createRng(seed));
      expectConsistent(plan, TEXT);
      expect(plan.totalMs).toBeGreaterThanOrEqual(30_000);
      expect(plan.totalMs).toBeLessThanOrEqual(120_000);
    }
  });

  it('is reproducible from its seed', () => {
    expect(planTiming(TEXT, 'x', bounds, createRng(9))).toEqual(planTiming(TEXT, 'x', bounds, createRng(9)));
  });

  it('two seeds never give the same plan', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 2_000; seed++)
      seen.add(JSON.stringify(planTiming(TEXT, 'hi', bounds, createRng(seed))));
    expect(seen.size).toBe(2_000);
  });

  it('types at a human speed drawn per reply, unscaled when the bounds allow', () => {
    const speeds = new Set<number>();
    for (let seed = 0; seed < 100; seed++) {
      const plan = planTiming(TEXT, 'hi', wide, createRng(seed));
      const cpm = (TEXT.length / sum(plan.keyDelaysMs)) * 60_000;
      // Punctuation pauses slow the average a little below the drawn speed.
      expect(cpm).toBeGreaterThan(TYPING_CPM.min * 0.6);
      expect(cpm).toBeLessThan(TYPING_CPM.max * 1.2);
      speeds.add(Math.round(cpm));
    }
    expect(speeds.size).toBeGreaterThan(50);
  });

  it('reading takes longer for longer messages', () => {
    const short = planTiming(TEXT, 'hi', wide, createRng(5));
    const long = planTiming(TEXT, 'a much longer message '.repeat(10), wide, createRng(5));
    expect(long.readMs).toBeGreaterThan(short.readMs + 4_000);
  });

  it('pauses longer after punctuation', () => {
    const text = 'aaaa. bbbb cccc, dddd eeee';
    let afterStop = 0;
    let plain = 0;
    for (let seed = 0; seed < 300; seed++) {
      const d = planTiming(text, 'hi', wide, createRng(seed)).keyDelaysMs;
      afterStop += d[1]!; // "bbbb " after "aaaa. "
      plain += d[2]!; // "cccc, " after "bbbb "
    }
    expect(afterStop / 300).toBeGreaterThan(plain / 300 + 300);
  });

  it('keystrokes are uneven: equal words do not take equal time', () => {
    const d = planTiming('word word word word word', 'hi', wide, createRng(1)).keyDelaysMs;
    expect(new Set(d).size).toBeGreaterThan(3);
  });

  it('stretches only the wait when the plan is too short, keeping typing speed', () => {
    const free = planTiming('ok', 'hi', wide, createRng(2));
    const slow = planTiming('ok', 'hi', { minDelayMs: 60_000, maxDelayMs: 60_000 }, createRng(2));
    expect(slow.totalMs).toBe(60_000);
    expect(slow.keyDelaysMs).toEqual(free.keyDelaysMs);
    expect(slow.readMs).toBeGreaterThan(free.readMs);
  });

  it('squeezes everything when typing alone exceeds the maximum', () => {
    const long = 'word '.repeat(400).trim();
    const plan = planTiming(long, 'hi', { minDelayMs: 0, maxDelayMs: 10_000 }, createRng(3));
    expectConsistent(plan, long);
    expect(plan.totalMs).toBe(10_000);
  });

  it('survives odd bounds: reversed, negative, not numbers', () => {
    expect(planTiming(TEXT, 'hi', { minDelayMs: 50_000, maxDelayMs: 10_000 }, createRng(1)).totalMs).toBe(
      50_000,
    );
    expect(planTiming(TEXT, 'hi', { minDelayMs: -5, maxDelayMs: 0 }, createRng(1)).totalMs).toBe(0);
    const nan = planTiming(TEXT, 'hi', { minDelayMs: Number.NaN, maxDelayMs: Number.NaN }, createRng(1));
    expectConsistent(nan, TEXT);
    expect(nan.totalMs).toBe(0);
  });

  it('an empty text only reads and thinks', () => {
    const plan = planTiming('', 'hi', bounds, createRng(1));
    expect(plan.chunks).toEqual([]);
    expect(plan.readMs + plan.thinkMs).toBe(plan.totalMs);
  });
});

describe('createRng', () => {
  it('is deterministic, in [0, 1), and differs by seed', () => {
    const a = createRng(123);
    const b = createRng(123);
    const xs = Array.from({ length: 1_000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1_000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(createRng(124)()).not.toBe(createRng(123)());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });
});
