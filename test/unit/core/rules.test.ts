import { describe, expect, it } from 'vitest';
import { compileRules, isCompiledRules, type MatchInput, matchRule } from '../../../src/core/rules.ts';
import type { Rule, Trigger } from '../../../src/core/types.ts';
import { rule } from './fixtures.ts';

const input = (text: string, extra: Partial<MatchInput> = {}): MatchInput => ({
  text,
  firstContact: false,
  eligible: () => true,
  ...extra,
});
const withTrigger = (trigger: Trigger, extra: Partial<Rule> = {}) =>
  rule({ id: trigger.kind, trigger, ...extra });
const match = (rules: Rule[], text: string, extra: Partial<MatchInput> = {}) =>
  matchRule(compileRules(rules), input(text, extra))?.id ?? null;

describe('keywords', () => {
  const kw = (...keywords: string[]) => [withTrigger({ kind: 'keywords', keywords })];

  it('ignore case and accents, both ways', () => {
    expect(match(kw('café'), 'Un CAFE demain ?')).toBe('keywords');
    expect(match(kw('CAFE'), 'un café ?')).toBe('keywords');
    expect(match(kw('Straße'), 'in der strasse')).toBe('keywords');
  });

  it('match whole words only', () => {
    expect(match(kw('cat'), 'concatenate this')).toBeNull();
    expect(match(kw('cat'), 'my cat, again')).toBe('keywords');
    expect(match(kw('price'), 'price?')).toBe('keywords');
  });

  it('match phrases as consecutive words, whatever the punctuation between', () => {
    expect(match(kw('out of stock'), 'Is it out-of-stock?')).toBe('keywords');
    expect(match(kw('out of stock'), 'out of the stock')).toBeNull();
  });

  it('any of several keywords matches', () => {
    expect(match(kw('invoice', 'facture', 'bill'), 'où est ma facture')).toBe('keywords');
    expect(match(kw('invoice', 'facture', 'bill'), 'hello')).toBeNull();
  });
});

describe('regex', () => {
  it('is case-insensitive and unicode-aware', () => {
    const rules = [withTrigger({ kind: 'regex', pattern: '\\border\\s*#?\\d{4,}' })];
    expect(match(rules, 'About ORDER #12345 please')).toBe('regex');
    expect(match(rules, 'about order 12')).toBeNull();
    expect(match([withTrigger({ kind: 'regex', pattern: '^\\p{Lu}' })], 'émile')).toBe('regex');
  });

  it('only sees the first 2,000 characters', () => {
    const rules = [withTrigger({ kind: 'regex', pattern: 'needle' })];
    expect(match(rules, `${'x'.repeat(1_990)}needle`)).toBe('regex');
    expect(match(rules, `${'x'.repeat(2_000)}needle`)).toBeNull();
  });

  it('keeps what JavaScript regexes mean with flags iu (white space, dot, escapes, empty classes)', () => {
    const hit = (pattern: string, text: string) =>
      match([withTrigger({ kind: 'regex', pattern })], text) === 'regex';
    expect(hit('prix\\s:', 'prix\u00a0: 10 €')).toBe(true); // a no-break space is white space
    expect(hit('a\\Sb', 'a\u2009b')).toBe(false);
    expect(hit('a.b', 'a\nb')).toBe(false);
    expect(hit('a.b', 'a\rb')).toBe(false);
    expect(hit('a[^]b', 'a\nb')).toBe(true);
    expect(hit('a[]b', 'ab')).toBe(false);
    expect(hit('caf\\u00e9|\\u{1F600}', 'CAFÉ')).toBe(true);
    expect(hit('^\\uD83D\\uDE00+$', '😀😀')).toBe(true);
    expect(hit('strasse', 'STRASSE')).toBe(true);
    expect(hit('s', 'ſ')).toBe(true); // Unicode case folding, as with flag i
    expect(hit('end$', 'the end\n')).toBe(false);
    expect(hit('\\bcat\\b', 'concatenate')).toBe(false);
    expect(hit('[\\d-]+x', '12-3x')).toBe(true);
    expect(hit('\\p{Letter}{3}', 'été')).toBe(true);
  });

  it('a refused regex never matches and is reported', () => {
    const bad = withTrigger({ kind: 'regex', pattern: '(?=a)a' });
    const compiled = compileRules([bad]);
    expect(matchRule(compiled, input('aaaa'))?.id).toBe('regex');
    expect(compiled.errors.get('regex')).toMatchObject({ ok: false, code: 'lookaround' });
  });

  it('a refused rule stands in the way of the rules after it, not of those before', () => {
    const bad = withTrigger({ kind: 'regex', pattern: '(?=a)a' }, { id: 'bad', priority: 5 });
    const before = withTrigger({ kind: 'keywords', keywords: ['urgent'] }, { id: 'before', priority: 1 });
    const after = withTrigger({ kind: 'any' }, { id: 'after', priority: 9 });
    expect(match([bad, before, after], 'urgent please')).toBe('before');
    expect(match([bad, before, after], 'hello')).toBe('bad');
    expect(match([{ ...bad, enabled: false }, before, after], 'hello')).toBe('after');
  });
});

describe('any and firstContact', () => {
  it('any matches everything, including empty text', () => {
    expect(match([withTrigger({ kind: 'any' })], '')).toBe('any');
  });

  it('firstContact follows the input flag', () => {
    const rules = [withTrigger({ kind: 'firstContact' })];
    expect(match(rules, 'hi', { firstContact: true })).toBe('firstContact');
    expect(match(rules, 'hi', { firstContact: false })).toBeNull();
  });
});

describe('priority, enabled, eligible', () => {
  const a = rule({ id: 'a', priority: 5, trigger: { kind: 'keywords', keywords: ['hello'] } });
  const b = rule({ id: 'b', priority: 1, trigger: { kind: 'regex', pattern: 'hel+o' } });
  const c = rule({ id: 'c', priority: 9, trigger: { kind: 'any' } });

  it('lowest priority number first, whatever the array order', () => {
    expect(match([c, a, b], 'hello')).toBe('b');
    expect(match([c, a], 'hello')).toBe('a');
    expect(match([c, a], 'bye')).toBe('c');
  });

  it('equal priorities keep the given order', () => {
    const x = rule({ id: 'x', priority: 1 });
    const y = rule({ id: 'y', priority: 1 });
    expect(match([x, y], 'hi')).toBe('x');
    expect(match([y, x], 'hi')).toBe('y');
  });

  it('disabled and ineligible rules are skipped', () => {
    expect(match([{ ...b, enabled: false }, a], 'hello')).toBe('a');
    expect(match([a, b, c], 'hello', { eligible: (r) => r.id === 'c' })).toBe('c');
  });

  it('a keyword rule ranked after a regex rule that also matches loses', () => {
    expect(match([a, { ...b, priority: 6 }], 'hello')).toBe('a');
  });
});

describe('compileRules', () => {
  it('is recognisable as compiled', () => {
    expect(isCompiledRules(compileRules([]))).toBe(true);
    expect(isCompiledRules([])).toBe(false);
  });
});
