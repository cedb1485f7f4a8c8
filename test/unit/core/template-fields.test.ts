import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.ts';
import {
  cleanAnswer,
  fillWith,
  hasFields,
  showFields,
  templateFields,
} from '../../../src/core/template-fields.ts';
import { matchesTemplate } from '../../../src/core/template-match.ts';
import {
  FIELD_MAX_LENGTH,
  parseTemplate,
  validateTemplate,
  worstCaseLength,
} from '../../../src/core/template-syntax.ts';
import { render } from '../../../src/core/templates.ts';

describe('fields in the template grammar: {ask:Label} and {ask:Label|default}', () => {
  it('parses a field with and without a default, labels and defaults trimmed', () => {
    const parsed = parseTemplate('Order {ask: Order number } ships {ask:Date| tomorrow }.');
    expect(parsed).toEqual({
      ok: true,
      nodes: [
        { kind: 'text', value: 'Order ' },
        { kind: 'field', label: 'Order number', defaultValue: null, position: 6 },
        { kind: 'text', value: ' ships ' },
        { kind: 'field', label: 'Date', defaultValue: 'tomorrow', position: 33 },
        { kind: 'text', value: '.' },
      ],
    });
  });

  it('lists each field once, in order, with its default; an empty default is a default', () => {
    expect(templateFields('{ask:Date|tomorrow} {ask:Order} then {ask:Date|later} {ask:Note|}')).toEqual([
      { label: 'Date', defaultValue: 'tomorrow' },
      { label: 'Order', defaultValue: null },
      { label: 'Note', defaultValue: '' },
    ]);
    expect(hasFields('Hi {first_name}, {Hello|Hey}')).toBe(false);
    expect(hasFields('Order {ask:Number}')).toBe(true);
    expect(templateFields('{ask:broken')).toEqual([]);
  });

  it('refuses what it cannot read, at the right position', () => {
    expect(validateTemplate('Hi {ask:}')).toEqual({ ok: false, code: 'fieldEmptyLabel', position: 3 });
    expect(validateTemplate('Hi {ask:  |x}')).toMatchObject({ code: 'fieldEmptyLabel' });
    expect(validateTemplate('Hi {ask:Date|a|b}')).toEqual({ ok: false, code: 'fieldInvalid', position: 14 });
    expect(validateTemplate('Hi {ask:Da{te}')).toEqual({ ok: false, code: 'fieldInvalid', position: 10 });
    expect(validateTemplate(`{ask:${'x'.repeat(61)}}`)).toMatchObject({ code: 'fieldInvalid' });
    expect(validateTemplate(`{ask:x|${'d'.repeat(FIELD_MAX_LENGTH + 1)}}`)).toMatchObject({
      code: 'fieldInvalid',
    });
    expect(validateTemplate('Hi {ask:Date')).toEqual({ ok: false, code: 'unclosedBrace', position: 3 });
    expect(validateTemplate('{Hi|Hello {ask:Name}}')).toEqual({
      ok: false,
      code: 'fieldInVariation',
      position: 10,
    });
    const eleven = Array.from({ length: 11 }, (_, i) => `{ask:F${i}}`).join(' ');
    expect(validateTemplate(eleven)).toMatchObject({ code: 'tooManyFields' });
    expect(validateTemplate(Array.from({ length: 10 }, (_, i) => `{ask:F${i}}`).join(' '))).toEqual({
      ok: true,
    });
    // "ask" alone is not a variable, and `{ask|x}` stays a variation.
    expect(validateTemplate('{ask}')).toMatchObject({ code: 'unknownVariable' });
    expect(validateTemplate('{ask|x}')).toEqual({ ok: true });
  });

  it('counts each field at its longest answer when checking the reply fits in one message', () => {
    expect(worstCaseLength('Order {ask:Number}')).toBe('Order '.length + FIELD_MAX_LENGTH);
  });
});

describe('filling fields', () => {
  const body = 'Hi {first_name}, order {ask:Order number} ships {ask:Date|tomorrow}. {Bye|Cheers}';
  const vars = { first_name: 'Alice' };

  it('puts each answer in its place, a default where the answer is empty', () => {
    const text = render(body, vars, createRng(1), fillWith({ 'Order number': ' A-17 ', Date: '' }));
    expect(text).toMatch(/^Hi Alice, order A-17 ships tomorrow\. (Bye|Cheers)$/);
    expect(render(body, vars, createRng(1), fillWith({ 'Order number': 'A-17', Date: 'Friday' }))).toMatch(
      /ships Friday\./,
    );
  });

  it('shows each field as [Label] in previews, and as its default (or nothing) without answers', () => {
    expect(render('Order {ask:Number}, {ask:Date|tomorrow}', {}, createRng(1), showFields)).toBe(
      'Order [Number], [Date]',
    );
    expect(render('Order {ask:Number}, {ask:Date|tomorrow}', {}, createRng(1))).toBe('Order, tomorrow');
  });

  it('keeps an answer on one line, without control characters, within its limit', () => {
    expect(cleanAnswer(' two\nlines\u200b here ')).toBe('two lines here');
    expect(cleanAnswer('x'.repeat(FIELD_MAX_LENGTH + 50))).toHaveLength(FIELD_MAX_LENGTH);
    expect(cleanAnswer(`${'x'.repeat(FIELD_MAX_LENGTH - 1)}😀`)).toHaveLength(FIELD_MAX_LENGTH - 1);
  });

  it('a filled template is still recognised as one of ours by loop detection', () => {
    const sent = render(
      'Thanks, your order {ask:Order number} is confirmed and ships {ask:Date|tomorrow} morning.',
      {},
      createRng(1),
      fillWith({ 'Order number': 'A-17' }),
    );
    expect(
      matchesTemplate(
        sent,
        'Thanks, your order {ask:Order number} is confirmed and ships {ask:Date|tomorrow} morning.',
      ),
    ).toBe(true);
  });
});
