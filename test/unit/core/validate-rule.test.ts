import { describe, expect, it } from 'vitest';
import { MAX_PATTERN_LENGTH, type RuleErrorCode, validateRule } from '../../../src/core/rules.ts';
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
    '(?=.*urgent)',
  ])('accepts the safe pattern %j', (pattern) => {
    expect(regex(pattern)).toEqual({ ok: true });
  });

  it.each([
    ['(a+)+', 'nestedQuantifier', 4],
    ['(.*)*', 'nestedQuantifier', 4],
    ['(a?)*', 'nestedQuantifier', 4],
    ['(\\w+\\s?)+$', 'nestedQuantifier', 8],
    ['x(?:a*b)*', 'nestedQuantifier', 8],
    ['(a|a)*', 'overlappingAlternation', 1],
    ['(a|ab)+', 'overlappingAlternation', 1],
    ['(\\w|\\d)*', 'overlappingAlternation', 1],
    ['(?:é|É)+', 'overlappingAlternation', 3],
    ['(a|)*', 'nestedQuantifier', 4],
    ['((x|xy)z)+', 'overlappingAlternation', 2],
    ['\\d+\\.?\\d*', 'overlappingQuantifiers', 8],
    ['\\w+\\s*\\w+', 'overlappingQuantifiers', 8],
    ['.*.*=', 'overlappingQuantifiers', 3],
    ['.*foo.*bar$', 'overlappingQuantifiers', 6],
    ['a.*b.*c.*d', 'overlappingQuantifiers', 5],
    ['foo.*bar.*baz', 'overlappingQuantifiers', 9],
    ['(a)\\1', 'backreference', 3],
    ['(?<n>a)\\k<n>', 'backreference', 7],
  ] as const)('refuses %j as %s at %i', (pattern, code, position) => {
    expect(regex(pattern)).toEqual({ ok: false, code, position });
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

  it('every accepted pattern runs fast on hostile 2,000-character inputs', () => {
    const accepted = [
      '(?:a|b)+$',
      'foo.*bar$',
      '\\d+(\\.\\d+)?x',
      '[a-z]+@[a-z]+\\.com',
      '(a{2})+$',
      '\\s*:\\s*$',
      '\\w+@\\w+x',
      '[a-z]+ [a-z]+ [a-z]+!',
    ];
    const inputs = ['a', 'ab', '1', ' ', 'foo', 'a@', 'ab ', 'foobar'].map((s) =>
      s.repeat(2_000).slice(0, 2_000),
    );
    for (const pattern of accepted) {
      expect(regex(pattern).ok).toBe(true);
      const re = new RegExp(pattern, 'iu');
      const start = performance.now();
      for (const text of inputs) re.test(`${text}!`);
      expect(performance.now() - start).toBeLessThan(200);
    }
  });
});
