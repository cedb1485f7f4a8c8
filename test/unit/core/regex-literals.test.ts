import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefilterText, requiredLiterals } from '../../../src/core/regex-literals.ts';

describe('requiredLiterals', () => {
  it.each([
    ['\\border\\s*#?\\d{4,}', ['order']],
    ['\\b(?:price|cost)s?\\b', ['price', 'cost']],
    ['ORDER #\\d+', ['order #']],
    ['ab+c', ['ab']],
    ['a|bc', ['a', 'bc']],
    ['(?=foo)bar', ['bar']],
    ['caf[eé]', ['caf']],
    ['r\\.s\\.v\\.p', ['r.s.v.p']],
  ])('%j needs one of %j', (pattern, needs) => {
    expect(requiredLiterals(pattern)).toEqual(needs);
  });

  it.each(['\\d+', '^\\w+$', 'a?b?', '(?:a|\\d)', 'é+'])('%j promises nothing', (pattern) => {
    expect(requiredLiterals(pattern)).toBeNull();
  });
});

describe('prefilter soundness', () => {
  it('only ſ and the Kelvin sign fold onto ASCII letters, which prefilterText maps', () => {
    const anyAsciiLetter = /^[a-z]$/iu;
    const folding: string[] = [];
    for (let cp = 128; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (anyAsciiLetter.test(c)) folding.push(c);
    }
    expect(folding).toEqual(['ſ', '\u212a']);
    expect(prefilterText('ſ\u212a')).toBe('sk');
  });

  const piece = fc.constantFrom(
    'a',
    'B',
    'k',
    'S',
    'é',
    '.',
    '\\d',
    '\\w',
    ' ',
    '#',
    'x',
    'or',
    'DER',
    '\\.',
  );
  const pattern = fc
    .array(fc.tuple(piece, fc.constantFrom('', '', '+', '*', '?')), { minLength: 1, maxLength: 5 })
    .map((items) => items.map(([p, q]) => (q && p.length > 1 ? `(?:${p})${q}` : p + q)).join(''))
    .chain((seq) => fc.constantFrom(seq, `(?:${seq}|zz)`, `\\b${seq}`, `(?:${seq})+`));
  const text = fc.string({
    unit: fc.constantFrom(...Array.from('aAbBkKsSſ\u212aéÉxX #.1 oOrRdDeE')),
    maxLength: 30,
  });

  it('a pattern never matches a text that lacks all of its required literals', () => {
    let checked = 0;
    fc.assert(
      fc.property(pattern, text, (p, t) => {
        const needs = requiredLiterals(p);
        if (!new RegExp(p, 'iu').test(t)) return;
        checked++;
        const lowered = prefilterText(t);
        expect(needs === null || needs.some((n) => lowered.includes(n)), `${p} on ${t}`).toBe(true);
      }),
      { numRuns: 3_000 },
    );
    expect(checked).toBeGreaterThan(300);
  });
});
