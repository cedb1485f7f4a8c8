import { describe, expect, it } from 'vitest';
import { parseTemplate, validateTemplate } from '../../../src/core/template-syntax.ts';

describe('validateTemplate', () => {
  it.each([
    'Hello {first_name}!',
    '{Hi|Hello|Hey} {first_name}, back {away_until}.',
    '{Hi|Hello {first_name}|Hey {there|you}}',
    '{Hello|Hi {first_name}}',
    'Braces: {{ and }} are text; a | too',
    '{ first_name }',
    '{Hi|}{name}',
    '{my_name} {handle} {date} {time} {name}',
  ])('accepts %j', (body) => {
    expect(validateTemplate(body)).toEqual({ ok: true });
  });

  it.each([
    ['', 'empty', 0],
    ['  \n ', 'empty', 0],
    ['{Hi there', 'unclosedBrace', 0],
    ['Hi {a|{b|c}', 'unclosedBrace', 3],
    ['Hi} there', 'unexpectedCloseBrace', 2],
    ['{a|b}}', 'unexpectedCloseBrace', 5],
    ['Hi {}', 'emptyBraces', 3],
    ['Hi {firstname}', 'unknownVariable', 4],
    ['Hi {Hello {name}}', 'unknownVariable', 4],
    ['Hi {first_name|there}', 'bareVariableInVariation', 4],
    ['{Hey|name}', 'bareVariableInVariation', 5],
    ['{a|{b|{c|{d|{e|{f|g}}}}}}', 'tooDeep', 15],
  ] as const)('refuses %j with %s at %i', (body, code, position) => {
    expect(validateTemplate(body)).toEqual({ ok: false, code, position });
  });

  it('refuses bodies over 2,000 characters', () => {
    expect(validateTemplate('a'.repeat(2_001))).toEqual({ ok: false, code: 'tooLong', position: 2_000 });
    expect(validateTemplate('a'.repeat(2_000))).toEqual({ ok: true });
  });

  it('parses escapes, variables and nested variations into a tree', () => {
    const parsed = parseTemplate('{{x}} {Hi|Yo {name}}');
    expect(parsed).toEqual({
      ok: true,
      nodes: [
        { kind: 'text', value: '{x} ' },
        {
          kind: 'variation',
          position: 6,
          options: [
            [{ kind: 'text', value: 'Hi' }],
            [
              { kind: 'text', value: 'Yo ' },
              { kind: 'variable', name: 'name', position: 13 },
            ],
          ],
        },
      ],
    });
  });
});
