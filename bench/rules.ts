import { pathToFileURL } from 'node:url';
import { createRng, type Rng } from '../src/core/rng.ts';
import { compileRules, matchRule } from '../src/core/rules.ts';
import type { Rule } from '../src/core/types.ts';
import { naiveMatch } from './naive-rules.ts';

/**
 * Rule matching at scale: 1,000 rules against 10,000 messages, the engine (rules compiled once: keyword
 * word index, regexes built once, text folded once per message) against the naive baseline in
 * naive-rules.ts. Run directly with `npx tsx bench/rules.ts`; `runRulesBench()` returns the figures for
 * `npm run bench`.
 */

/**
 * The naive matcher is timed on the first `naiveMessages` messages only: on all 10,000 it would take about
 * a minute, most of `npm run bench`'s budget, to tell the same per-message figure.
 */
export const RULES_BENCH = {
  rules: 1_000,
  messages: 10_000,
  naiveMessages: 300,
  seed: 20_260_610,
};

export type RulesBenchOptions = typeof RULES_BENCH;

export interface RulesBenchResult {
  rules: number;
  messages: number;
  /** Time to compile the rules once, ms. */
  compileMs: number;
  engineUsPerMsg: number;
  naiveUsPerMsg: number;
  /** naive / engine: how many times faster the engine is. */
  ratio: number;
  /** Messages the naive matcher was timed on (the first ones of the same list). */
  naiveMessages: number;
  /** Messages some rule other than the final catch-all matched; the rest walked every rule. */
  matched: number;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ACCENTED = 'éèàçôù';

/** A made-up word of 4–9 letters, one in five with an accent, like a mix of English and French. */
function word(rng: Rng): string {
  const n = 4 + Math.floor(rng() * 6);
  let w = '';
  for (let i = 0; i < n; i++) w += LETTERS[Math.floor(rng() * LETTERS.length)];
  if (rng() < 0.2) {
    const at = Math.floor(rng() * n);
    w = w.slice(0, at) + ACCENTED[Math.floor(rng() * ACCENTED.length)] + w.slice(at + 1);
  }
  return w;
}

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)]!;
}

/** Mostly keyword rules, a fifth regexes, and one catch-all last, as a heavy user might set up. */
export function benchRules(rng: Rng, count: number, vocabulary: readonly string[]): Rule[] {
  const rules: Rule[] = [];
  for (let i = 0; i < count - 1; i++) {
    const base = {
      id: `r${i}`,
      name: `r${i}`,
      enabled: true,
      priority: i,
      mode: 'suggest',
      when: 'away',
      templateId: 't',
    } as const;
    if (rng() < 0.2) {
      const pattern =
        rng() < 0.5
          ? `\\b${pick(rng, vocabulary)}\\s*#?\\d{${3 + (i % 4)},}`
          : `\\b(?:${pick(rng, vocabulary)}|${pick(rng, vocabulary)})s?\\b`;
      rules.push({ ...base, trigger: { kind: 'regex', pattern } });
    } else {
      const keywords = Array.from({ length: 1 + Math.floor(rng() * 4) }, () =>
        rng() < 0.3 ? `${pick(rng, vocabulary)} ${pick(rng, vocabulary)}` : pick(rng, vocabulary),
      );
      rules.push({ ...base, trigger: { kind: 'keywords', keywords } });
    }
  }
  rules.push({
    id: 'any',
    name: 'any',
    enabled: true,
    priority: count,
    mode: 'suggest',
    when: 'away',
    templateId: 't',
    trigger: { kind: 'any' },
  });
  // Stored order is not priority order.
  return rules.reverse();
}

/**
 * DMs of 5–40 words, in mixed case with accents and punctuation, mostly words no rule mentions (`other`),
 * so about half the messages walk every rule: the costly case.
 */
export function benchMessages(
  rng: Rng,
  count: number,
  ruleWords: readonly string[],
  other: readonly string[],
): string[] {
  return Array.from({ length: count }, () => {
    const n = 5 + Math.floor(rng() * 36);
    const parts = Array.from({ length: n }, () => {
      const w = pick(rng, rng() < 0.02 ? ruleWords : other);
      return rng() < 0.1 ? `${w.toUpperCase()},` : w;
    });
    return `${parts.join(' ')}${rng() < 0.5 ? '?' : '!'}`;
  });
}

function timePerMessage(
  messages: readonly string[],
  match: (text: string) => Rule | null,
): { us: number; ids: string[] } {
  const ids: string[] = [];
  const start = performance.now();
  for (const text of messages) ids.push(match(text)?.id ?? '');
  return { us: ((performance.now() - start) * 1_000) / messages.length, ids };
}

export async function runRulesBench(options: Partial<RulesBenchOptions> = {}): Promise<RulesBenchResult> {
  const { rules: ruleCount, messages: messageCount, naiveMessages, seed } = { ...RULES_BENCH, ...options };
  const rng = createRng(seed);
  const vocabulary = [...new Set(Array.from({ length: 24_000 }, () => word(rng)))];
  const ruleWords = vocabulary.slice(0, 4_000);
  const rules = benchRules(rng, ruleCount, ruleWords);
  const messages = benchMessages(rng, messageCount, ruleWords, vocabulary.slice(4_000));

  const compileStart = performance.now();
  const compiled = compileRules(rules);
  const compileMs = performance.now() - compileStart;
  const input = { firstContact: false, eligible: () => true };
  const engineMatch = (text: string) => matchRule(compiled, { ...input, text });
  const naive = (text: string) => naiveMatch(rules, text);

  // Warm both paths up so the JIT does not favour whichever runs second.
  for (const text of messages.slice(0, 200)) {
    engineMatch(text);
    naive(text);
  }
  const engine = timePerMessage(messages, engineMatch);
  const baseline = timePerMessage(messages.slice(0, naiveMessages), naive);
  const disagreements = baseline.ids.filter((id, i) => id !== engine.ids[i]).length;
  if (disagreements > 0) throw new Error(`engine and naive matcher disagree on ${disagreements} messages`);

  return {
    rules: ruleCount,
    messages: messageCount,
    compileMs: round(compileMs),
    engineUsPerMsg: round(engine.us),
    naiveUsPerMsg: round(baseline.us),
    ratio: round(baseline.us / engine.us),
    naiveMessages: Math.min(naiveMessages, messageCount),
    matched: engine.ids.filter((id) => id !== 'any').length,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runRulesBench();
  console.log(
    `rules bench: ${result.rules} rules × ${result.messages} messages (${result.matched} matched a rule)`,
  );
  console.table({
    engine: { 'µs / message': result.engineUsPerMsg, 'compile (ms)': result.compileMs },
    naive: { 'µs / message': result.naiveUsPerMsg, 'compile (ms)': 0 },
  });
  console.log(`engine is ${result.ratio}× faster`);
  console.log(JSON.stringify(result));
}
