import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_REGEX_INPUT, validateRule } from '../../../src/core/rules.ts';
import { rule } from './fixtures.ts';

/** Small random regexes built from the pieces that cause catastrophic backtracking. */
function patternOf(depth: number): fc.Arbitrary<string> {
  const atom = fc.constantFrom('a', 'b', '.', '\\w', '\\d', '\\s', '[ab]', ' ', 'x');
  const inner = depth === 0 ? atom : fc.oneof(atom, patternOf(depth - 1));
  const quantified = fc
    .tuple(inner, fc.constantFrom('', '', '', '*', '+', '?', '{1,3}', '{2}', '{2,}'))
    .map(([p, q]) => (q && p.length > 1 && !/^\\.$|^\[.*\]$/.test(p) ? `(?:${p})${q}` : `${p}${q}`));
  const sequence = fc.array(quantified, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(''));
  return fc
    .array(sequence, { minLength: 1, maxLength: 2 })
    .map((alts) => (alts.length > 1 ? `(?:${alts.join('|')})` : alts[0]!));
}

const HOSTILE_UNITS = ['a', 'b', 'ab', 'aab', 'a ', '1', 'a1', ' ', 'x', 'ax'];
const hostileInputs = HOSTILE_UNITS.map((u) => `${u.repeat(MAX_REGEX_INPUT).slice(0, MAX_REGEX_INPUT - 1)}!`);

describe('property: accepted regexes cannot freeze the page', () => {
  it('every pattern validateRule accepts runs fast on hostile 2,000-character inputs', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(patternOf(1), fc.boolean(), (body, anchored) => {
        const pattern = anchored ? `${body}$` : body;
        const verdict = validateRule(rule({ trigger: { kind: 'regex', pattern } }));
        if (!verdict.ok) {
          refused++;
          return;
        }
        accepted++;
        const re = new RegExp(pattern, 'iu');
        for (const text of hostileInputs) {
          const start = performance.now();
          re.test(text);
          // One unbounded repeat costs n², times what bounded parts multiply it by: up to a few hundred ms
          // for the worst accepted shapes. What we refuse costs seconds to minutes.
          expect(performance.now() - start, `${pattern} on ${text.slice(0, 6)}…`).toBeLessThan(1_000);
        }
      }),
      // A fixed seed keeps this timing-based property steady from run to run.
      { numRuns: 600, seed: 20_260_610 },
    );
    // Both outcomes occur, so the property says something.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });
});
