import { describe, expect, it } from 'vitest';
import { matchesTemplate, templateParts } from '../../../src/core/template-match.ts';

describe('template matching', () => {
  const body = '{Hi|Hello} {first_name}, I am on leave until {away_until}. {Talk soon|Cheers}!';

  it('matches renderings whatever the variables and options', () => {
    expect(matchesTemplate('Hi Bob, I am on leave until Monday. Talk soon!', body)).toBe(true);
    expect(matchesTemplate('hello there i am on leave until jeudi 2 avril a 09:00 cheers', body)).toBe(true);
    expect(matchesTemplate('Hello Bob, I am on leave until Monday. Cheers! [auto-reply]', body)).toBe(true);
  });

  it('does not match other text', () => {
    expect(matchesTemplate('Hi Bob, are you on leave until Monday?', body)).toBe(false);
    expect(matchesTemplate('Yo Bob, I am on leave until Monday. Cheers!', body)).toBe(false);
  });

  it('gives up on templates too generic or invalid to tell', () => {
    expect(templateParts('{Thanks|Thank you} {first_name}!')).toBeNull();
    expect(templateParts('{Hi|Hello there, my good friend} {first_name}!')).toBeNull();
    expect(templateParts('Hi {nobody}, thanks for writing')).toBeNull();
    expect(templateParts('Hi {first_name}, thanks for writing')).not.toBeNull();
  });

  it('stays fast on hostile input, however many variables', () => {
    const many = `Hi ${'{first_name} a {name} a '.repeat(20)} the end of this message`;
    const start = performance.now();
    expect(matchesTemplate(`Hi ${'a'.repeat(1_990)}`, many)).toBe(false);
    expect(matchesTemplate(`Hi ${'a'.repeat(40)} the end of this message`, many)).toBe(true);
    expect(performance.now() - start).toBeLessThan(200);
  });

  it('a wildcard spans at most 80 letters', () => {
    const b = 'Dear {name}, this is the end';
    expect(matchesTemplate(`Dear ${'x'.repeat(80)}, this is the end`, b)).toBe(true);
    expect(matchesTemplate(`Dear ${'x'.repeat(81)}, this is the end`, b)).toBe(false);
  });
});
