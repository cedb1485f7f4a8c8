import { describe, expect, it } from 'vitest';
import { runRulesBench } from '../../../bench/rules.ts';

describe('rules bench', () => {
  it('runs small, with the engine and the naive matcher agreeing on every message', async () => {
    // runRulesBench throws when the two disagree: this is a differential test of the engine.
    const result = await runRulesBench({ rules: 120, messages: 600, naiveMessages: 200, seed: 7 });
    expect(result).toMatchObject({ rules: 120, messages: 600, naiveMessages: 200 });
    expect(result.matched).toBeGreaterThan(0);
    expect(result.matched).toBeLessThan(600);
    for (const n of [result.engineUsPerMsg, result.naiveUsPerMsg, result.ratio]) expect(n).toBeGreaterThan(0);
  }, 30_000);
});
