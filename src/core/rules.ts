import { compileSafeRegex, type RegexRefusal, type SafeRegex } from './regex-engine.ts';
import { prefilterText, requiredLiterals } from './regex-literals.ts';
import { MAX_KEYWORDS, MAX_PATTERN_LENGTH, MAX_REGEX_INPUT } from './rule-limits.ts';
import { foldedWords, startsAt } from './text-normalize.ts';
import type { Rule } from './types.ts';

export { MAX_KEYWORDS, MAX_PATTERN_LENGTH, MAX_REGEX_INPUT } from './rule-limits.ts';

/**
 * Codes for the rule editor and for import; `position` is an index in the pattern for regex codes and the
 * index of the keyword in the list for keyword codes.
 */
export type RuleErrorCode =
  | 'keywordsMissing'
  | 'tooManyKeywords'
  | 'keywordBlank'
  | 'patternMissing'
  | 'patternTooLong'
  | RegexRefusal
  | 'templateMissing'
  | 'priorityInvalid';

export type RuleValidation = { ok: true } | { ok: false; code: RuleErrorCode; position?: number };

const refuse = (code: RuleErrorCode, position?: number): RuleValidation =>
  position === undefined ? { ok: false, code } : { ok: false, code, position };

/** The verdict, and for a valid regex rule its compiled pattern. */
function checkRule(rule: Rule): { validation: RuleValidation; regex: SafeRegex | null } {
  const fails = (validation: RuleValidation) => ({ validation, regex: null });
  const verdict = checkShape(rule);
  if (!verdict.ok || rule.trigger.kind !== 'regex') return fails(verdict);
  const compiled = compileSafeRegex(rule.trigger.pattern ?? '');
  if (!compiled.ok) return fails(refuse(compiled.code, compiled.position));
  return { validation: { ok: true }, regex: compiled.regex };
}

/**
 * For the rule editor and import: `{ok: true}` or the first problem. A regex must compile and run on the
 * linear-time engine (regex-engine.ts): no lookaround, no back-reference, not too large.
 */
export function validateRule(rule: Rule): RuleValidation {
  return checkRule(rule).validation;
}

function checkShape(rule: Rule): RuleValidation {
  if (!Number.isFinite(rule.priority)) return refuse('priorityInvalid');
  if (!rule.templateId) return refuse('templateMissing');
  const { trigger } = rule;
  if (trigger.kind === 'keywords') {
    const keywords = trigger.keywords ?? [];
    if (keywords.length === 0) return refuse('keywordsMissing');
    if (keywords.length > MAX_KEYWORDS) return refuse('tooManyKeywords', MAX_KEYWORDS);
    // A keyword made only of punctuation or emoji has no words to match.
    const blank = keywords.findIndex((k) => foldedWords(k).length === 0);
    if (blank >= 0) return refuse('keywordBlank', blank);
  }
  if (trigger.kind === 'regex') {
    const pattern = trigger.pattern ?? '';
    if (pattern === '') return refuse('patternMissing');
    if (pattern.length > MAX_PATTERN_LENGTH) return refuse('patternTooLong', MAX_PATTERN_LENGTH);
  }
  return { ok: true };
}

interface CompiledRule {
  rule: Rule;
  regex: SafeRegex | null;
  /** For regex rules: strings one of which any match contains (see regex-literals.ts). */
  needs: string[] | null;
  /** Refused by validateRule: never matches. */
  invalid: boolean;
}

/**
 * Rules sorted and prepared once: regexes compiled, keywords folded into a word index. Build it when rules
 * change and pass it to `decide`; matching a message then folds its text once, whatever the rule count.
 */
export interface CompiledRules {
  readonly kind: 'compiledRules';
  readonly rules: readonly CompiledRule[];
  /** First word of a keyword → the rules (by index in `rules`) and the keyword's words. */
  readonly keywordIndex: ReadonlyMap<string, readonly { ruleIndex: number; words: readonly string[] }[]>;
  /**
   * Indexes (ascending) of the enabled rules tried one by one: those that are not keyword rules, and the
   * refused ones, which are returned when reached (see matchRule).
   */
  readonly others: readonly number[];
  /** Rules that will never match, with why. */
  readonly errors: ReadonlyMap<string, RuleValidation & { ok: false }>;
}

/** Lower priority first; equal priorities keep their given order. */
export function compileRules(rules: readonly Rule[]): CompiledRules {
  const sorted = rules
    .map((rule, i) => ({ rule, i }))
    .sort((a, b) => a.rule.priority - b.rule.priority || a.i - b.i);
  const compiled: CompiledRule[] = [];
  const keywordIndex = new Map<string, { ruleIndex: number; words: string[] }[]>();
  const errors = new Map<string, RuleValidation & { ok: false }>();
  const others: number[] = [];
  for (const { rule } of sorted) {
    const { validation, regex } = checkRule(rule);
    const ruleIndex = compiled.length;
    if (!validation.ok) errors.set(rule.id, validation);
    const invalid = !validation.ok;
    const needs = regex === null ? null : requiredLiterals(rule.trigger.pattern ?? '');
    compiled.push({ rule, regex, needs, invalid });
    if (!rule.enabled) continue;
    if (invalid || rule.trigger.kind !== 'keywords') {
      others.push(ruleIndex);
      continue;
    }
    for (const keyword of rule.trigger.keywords ?? []) {
      const words = foldedWords(keyword);
      const first = words[0]!;
      const bucket = keywordIndex.get(first) ?? [];
      bucket.push({ ruleIndex, words });
      keywordIndex.set(first, bucket);
    }
  }
  return { kind: 'compiledRules', rules: compiled, keywordIndex, others, errors };
}

export function isCompiledRules(value: CompiledRules | readonly Rule[]): value is CompiledRules {
  return !Array.isArray(value) && (value as CompiledRules).kind === 'compiledRules';
}

export interface MatchInput {
  text: string;
  /** The sender was never seen before this message (see decide.ts for how it is established). */
  firstContact: boolean;
  /** Which enabled rules may answer now, e.g. only `when: 'always'` ones while the user is present. */
  eligible: (rule: Rule) => boolean;
}

/** Indexes of rules with a keyword in the text: one pass over its words, whatever the number of rules. */
function keywordHits(compiled: CompiledRules, text: string): Set<number> {
  const hits = new Set<number>();
  if (compiled.keywordIndex.size === 0) return hits;
  const words = foldedWords(text);
  for (let i = 0; i < words.length; i++) {
    const bucket = compiled.keywordIndex.get(words[i]!);
    if (!bucket) continue;
    for (const entry of bucket) {
      if (!hits.has(entry.ruleIndex) && startsAt(words, entry.words, i)) hits.add(entry.ruleIndex);
    }
  }
  return hits;
}

/**
 * The first enabled, eligible rule (by priority) whose trigger matches, or null. Keyword rules cost nothing
 * here (the index already found them); only the other rules ranked above the best keyword hit are tried.
 *
 * A rule in `errors` (stored before a check refused it, e.g. a regex with a lookahead) is returned when
 * it is reached before any match: nobody can tell whether it would have matched, so the caller must not
 * let a lower rule answer in its place (decide skips with `ruleRefused`).
 */
export function matchRule(compiled: CompiledRules, input: MatchInput): Rule | null {
  const { rules } = compiled;
  let best = Number.POSITIVE_INFINITY;
  for (const i of keywordHits(compiled, input.text)) {
    const rule = rules[i]!.rule;
    if (i < best && rule.enabled && input.eligible(rule)) best = i;
  }
  const regexInput = input.text.slice(0, MAX_REGEX_INPUT);
  let lowered: string | null = null;
  const regexMatches = (regex: SafeRegex, needs: string[] | null) => {
    if (needs) {
      lowered ??= prefilterText(regexInput);
      const text = lowered;
      if (!needs.some((s) => text.includes(s))) return false;
    }
    return regex.test(regexInput);
  };
  for (const i of compiled.others) {
    if (i > best) break;
    const { rule, regex, needs, invalid } = rules[i]!;
    if (!input.eligible(rule)) continue;
    const kind = rule.trigger.kind;
    if (
      invalid ||
      kind === 'any' ||
      (kind === 'firstContact' && input.firstContact) ||
      (regex !== null && regexMatches(regex, needs))
    ) {
      return rule;
    }
  }
  return best === Number.POSITIVE_INFINITY ? null : rules[best]!.rule;
}
