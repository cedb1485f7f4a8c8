import { describe, expect, it } from 'vitest';
import {
  compileRules,
  MAX_PATTERN_LENGTH,
  matchRule,
  type RuleErrorCode,
  validateRule,
} from '../../../src/core/rules.ts';
import { rule } from './fixtures.ts';

const regex = (pattern: string) => validateRule(rule({ trigger: { kind: 'regex', pattern } }));

describe('validateRule', () => {
  it.each([
    '\\b(price|cost|rate)s?\\b',
    'hello',
    '(?:a|b)+',
    '^\\d{3}-\\d{4}$',
    '[a-z]+@[a-z]+\\.com',
    '(ab){2}',
    '(a{2})+',
    'caf[eé]',
    '😀+',
    'foo.*bar',
    '\\w+@\\w+',
    '\\s*:\\s*',
    '\\d+(\\.\\d+)?',
    '(?<word>urgent)',
    // Shapes a backtracking engine chokes on: the linear-time engine runs them safely.
    '(a+)+$',
    '(.*)*',
    '(\\w|\\d)*',
    '\\d+\\.?\\d*',
    'a.*b.*c.*d',
    '\\w{1,150}',
    '\\p{Script=Greek}+|\\p{Letter}|\\p{Emoji}',
  ])('accepts %j', (pattern) => {
    expect(regex(pattern)).toEqual({ ok: true });
  });

  it.each([
    ['(?=\\w+\\w+\\w+!)', 'lookaround', 0],
    ['(?=.*urgent)', 'lookaround', 0],
    ['x(?!y)', 'lookaround', 1],
    ['(?<=a)b', 'lookaround', 0],
    ['(?<!a)b', 'lookaround', 0],
    ['(a)\\1', 'backreference', 3],
    ['(?<n>a)\\k<n>', 'backreference', 7],
    ['\\p{Script=Latn}', 'patternUnsupported', 0],
    ['a\\p{scx=Latn}', 'patternUnsupported', 1],
  ] as const)('refuses %j as %s at %i', (pattern, code, position) => {
    expect(regex(pattern)).toEqual({ ok: false, code, position });
  });

  it('refuses patterns too large to run quickly on every message (issue 11)', () => {
    for (const pattern of [
      '\\w{1,300}\\w{1,300}\\w{1,300}!',
      'a{1001}',
      '(?:\\w{1,500}){1,500}',
      '.{1000}'.repeat(50),
    ]) {
      expect(regex(pattern), pattern).toEqual({ ok: false, code: 'patternTooComplex' });
    }
  });

  it('refuses a pattern that does not compile, is empty or too long', () => {
    expect(regex('(unclosed')).toEqual({ ok: false, code: 'patternInvalid' });
    expect(regex('a{')).toEqual({ ok: false, code: 'patternInvalid' }); // invalid under the u flag
    expect(regex('')).toEqual({ ok: false, code: 'patternMissing' });
    expect(regex('a'.repeat(MAX_PATTERN_LENGTH + 1))).toEqual({
      ok: false,
      code: 'patternTooLong',
      position: MAX_PATTERN_LENGTH,
    });
  });

  it('refuses keyword triggers without usable keywords, pointing at the keyword', () => {
    const kw = (keywords?: string[]) => validateRule(rule({ trigger: { kind: 'keywords', keywords } }));
    expect(kw([])).toEqual({ ok: false, code: 'keywordsMissing' });
    expect(kw(undefined)).toEqual({ ok: false, code: 'keywordsMissing' });
    expect(kw(['ok', ' !!! ', 'fine'])).toEqual({ ok: false, code: 'keywordBlank', position: 1 });
    expect(kw(Array.from({ length: 101 }, (_, i) => `k${i}`))).toMatchObject({ code: 'tooManyKeywords' });
    expect(kw(['hello', 'out of office'])).toEqual({ ok: true });
  });

  it('refuses a rule without template or with a non-finite priority', () => {
    const codes: RuleErrorCode[] = [];
    for (const r of [rule({ templateId: '' }), rule({ priority: Number.NaN })]) {
      const v = validateRule(r);
      if (!v.ok) codes.push(v.code);
    }
    expect(codes).toEqual(['templateMissing', 'priorityInvalid']);
  });

  it('the freezing lookahead of issue 11 is refused and cannot stall a decision', () => {
    const hostile = rule({ trigger: { kind: 'regex', pattern: '(?=\\w+\\w+\\w+!)' } });
    const compiled = compileRules([hostile]);
    const started = performance.now();
    matchRule(compiled, { text: 'a'.repeat(400), firstContact: false, eligible: () => true });
    expect(performance.now() - started).toBeLessThan(50);
    expect(compiled.errors.get(hostile.id)).toMatchObject({ code: 'lookaround' });
  });
});
