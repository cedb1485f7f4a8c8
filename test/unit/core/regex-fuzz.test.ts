import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, matchRule } from '../../../src/core/rules.ts';
import { rule } from './fixtures.ts';

/**
 * Property (b) of issue 11: random patterns built from what freezes backtracking engines (nested and
 * adjacent repeats, overlapping choices, lookarounds, bounded repeats up to {1,500}). Whatever the rule
 * check accepts must decide any message of up to 10,000 characters (X's limit) in under 50 ms.
 */
function patternOf(depth: number): fc.Arbitrary<string> {
  const atom = fc.constantFrom('a', 'b', '.', '\\w', '\\d', '\\s', '\\S', '[ab]', ' ', 'x', '\\p{L}', 'é');
  const inner = depth === 0 ? atom : fc.oneof(atom, patternOf(depth - 1));
  const quantifier = fc.constantFrom(
    '',
    '',
    '',
    '*',
    '+',
    '?',
    '{2,}',
    '{1,3}',
    '{1,50}',
    '{1,100}',
    '{1,200}',
    '{1,500}',
  );
  const quantified = fc
    .tuple(inner, quantifier)
    .map(([p, q]) =>
      q && p.length > 1 && !/^\\.$|^\\p\{L\}$|^\[.*\]$/.test(p) ? `(?:${p})${q}` : `${p}${q}`,
    );
  const lookaround = fc
    .tuple(fc.constantFrom('(?=', '(?!', '(?<=', '(?<!'), inner)
    .map(([open, body]) => `${open}${body}+${body}+)`);
  const item = fc.oneof({ arbitrary: quantified, weight: 12 }, { arbitrary: lookaround, weight: 1 });
  const sequence = fc.array(item, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(''));
  return fc
    .array(sequence, { minLength: 1, maxLength: 2 })
    .map((alts) => (alts.length > 1 ? `(?:${alts.join('|')})` : alts[0]!));
}

const UNITS = ['a', 'b', 'ab', 'aab', 'a ', '1', 'a1', ' ', 'x', 'ax', 'é', 'aé b'];
const hostileText = fc
  .tuple(fc.constantFrom(...UNITS), fc.integer({ min: 1, max: 10_000 }), fc.constantFrom('!', '', 'x'))
  .map(
    ([unit, length, end]) =>
      `${unit.repeat(Math.ceil(length / unit.length)).slice(0, length - end.length)}${end}`,
  );

/**
 * Milliseconds one decision of a fresh compile takes. The machine is shared: a measurement over the
 * limit is taken again (up to twice), and the fastest counts. A slow pattern is slow every time.
 */
function decisionMs(pattern: string, text: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && best >= 50; attempt++) {
    const compiled = compileRules([rule({ trigger: { kind: 'regex', pattern } })]);
    const started = performance.now();
    matchRule(compiled, { text, firstContact: false, eligible: () => true });
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('property: accepted regexes cannot freeze the worker', () => {
  it('every pattern the rule check accepts decides any message of up to 10,000 characters in under 50 ms', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        patternOf(1),
        fc.boolean(),
        fc.array(hostileText, { minLength: 3, maxLength: 3 }),
        (body, anchored, texts) => {
          const pattern = anchored ? `${body}$` : body;
          const compiled = compileRules([rule({ trigger: { kind: 'regex', pattern } })]);
          if (compiled.errors.size > 0) {
            refused++;
            return;
          }
          accepted++;
          for (const text of texts) {
            expect(
              decisionMs(pattern, text),
              `${pattern} on ${text.length} × ${text.slice(0, 4)}…`,
            ).toBeLessThan(50);
          }
        },
      ),
      { numRuns: 500 },
    );
    // Both outcomes occur, so the property says something.
    expect(accepted).toBeGreaterThan(80);
    expect(refused).toBeGreaterThan(100);
  }, 120_000);
});
