import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.ts';
import {
  AUTO_REPLY_ROOM,
  appendLabel,
  firstNameOf,
  MAX_REPLY_LENGTH,
  render,
  TEMPLATE_VARIABLES,
  type TemplateVars,
  templateVars,
  tidy,
  VARIABLE_MAX_LENGTH,
  validateTemplate,
  worstCaseLength,
} from '../../../src/core/templates.ts';

const vars: TemplateVars = {
  name: 'Alice Martin',
  first_name: 'Alice',
  handle: '@alice',
  date: 'Monday, June 15',
  time: '9:00 AM',
  away_until: 'Friday',
  my_name: 'Sam',
};
// 2026-03-29 08:05 UTC = 10:05 in Paris (the first day of summer time).
const NOW = Date.UTC(2026, 2, 29, 8, 5);

describe('render', () => {
  it('substitutes every variable', () => {
    const out = render(
      '{name}|{first_name}|{handle}|{date}|{time}|{away_until}|{my_name}',
      vars,
      createRng(1),
    );
    expect(out).toBe('Alice Martin|Alice|@alice|Monday, June 15|9:00 AM|Friday|Sam');
  });

  it('picks every option of a variation, nested ones included, according to the rng', () => {
    const seen = new Set<string>();
    const rng = createRng(42);
    for (let i = 0; i < 200; i++) seen.add(render('{Hi|Hello {first_name}|Hey {there|you}}', vars, rng));
    expect([...seen].sort()).toEqual(['Hello Alice', 'Hey there', 'Hey you', 'Hi']);
    const body = '{Hi|Hello {first_name}|Hey}';
    expect(render(body, vars, () => 0)).toBe('Hi');
    expect(render(body, vars, () => 0.5)).toBe('Hello Alice');
    expect(render(body, vars, () => 0.999)).toBe('Hey');
  });

  it('turns {{ and }} into literal braces', () => {
    expect(render('{{name}} is {name}}}', vars, createRng(1))).toBe('{name} is Alice Martin}');
  });

  it('tidies what empty values leave behind', () => {
    const empty = { ...vars, first_name: '', my_name: '' };
    expect(render('Merci {first_name} !', empty, createRng(1))).toBe('Merci !');
    expect(render('Bonjour {first_name}, à bientôt. {my_name}', empty, createRng(1))).toBe(
      'Bonjour, à bientôt.',
    );
    expect(render('{first_name}, hi', empty, createRng(1))).toBe('hi');
  });

  it('keeps line breaks, and missing or non-string values render as nothing, never "undefined"', () => {
    expect(render('Hi {first_name}\nSee you {away_until}', {}, createRng(1))).toBe('Hi\nSee you');
    const odd = { first_name: null } as unknown as Partial<TemplateVars>;
    expect(render('Hi {first_name}!', odd, createRng(1))).toBe('Hi !');
  });

  it('renders an invalid body without leaking braces', () => {
    expect(render('Hi {unknown} there}', vars, createRng(1))).toBe('Hi unknown there');
    expect(render('{Hi', vars, createRng(1))).toBe('Hi');
  });

  it('keeps markup as text', () => {
    const hostile = { ...vars, first_name: '<img src=x onerror=alert(1)>' };
    expect(render('Hi {first_name}', hostile, createRng(1))).toBe('Hi <img src=x onerror=alert(1)>');
  });
});

describe('templateVars', () => {
  const base = {
    senderName: '🌴 Marie-Claire Dupont | Design',
    senderHandle: 'mcd',
    myName: ' Sam ',
    now: NOW,
    awayUntil: Date.UTC(2026, 3, 2, 7, 0),
    timeZone: 'Europe/Paris',
  };

  it('formats dates and times in the user time zone, per language', () => {
    const fr = templateVars({ ...base, locale: 'fr' });
    expect(fr).toMatchObject({
      date: 'dimanche 29 mars',
      time: '10:05',
      away_until: 'jeudi 2 avril à 09:00',
    });
    const en = templateVars({ ...base, locale: 'en' });
    expect(en.date).toBe('Sunday, March 29');
    expect(en.time).toMatch(/^10:05\sAM$/);
    expect(en.away_until).toMatch(/^Thursday, April 2 at 9:00\sAM$/);
  });

  it('derives names and the handle', () => {
    expect(templateVars({ ...base, locale: 'en' })).toMatchObject({
      name: '🌴 Marie-Claire Dupont | Design',
      first_name: 'Marie-Claire',
      handle: '@mcd',
      my_name: 'Sam',
    });
  });

  it('falls back: first name → @handle → "there" (en) / nothing (fr); away_until → soon / bientôt', () => {
    const noName = { ...base, senderName: '🌴✨', awayUntil: null };
    expect(templateVars({ ...noName, locale: 'en' })).toMatchObject({
      name: '🌴✨',
      first_name: '@mcd',
      away_until: 'soon',
    });
    expect(templateVars({ ...noName, senderName: ' ', locale: 'en' }).name).toBe('@mcd');
    const nobody = { ...noName, senderName: '', senderHandle: '' };
    expect(templateVars({ ...nobody, locale: 'en' })).toMatchObject({
      first_name: 'there',
      name: 'there',
      handle: '',
    });
    expect(templateVars({ ...nobody, locale: 'fr' })).toMatchObject({
      first_name: '',
      away_until: 'bientôt',
    });
  });

  it('survives an unknown time zone (falls back to UTC)', () => {
    expect(templateVars({ ...base, timeZone: 'Mars/Olympus', locale: 'fr' }).time).toBe('08:05');
  });

  it('strips control characters from values', () => {
    expect(templateVars({ ...base, senderName: 'Al\u0000ice\u202e\nB', locale: 'en' }).name).toBe('Al ice B');
  });
});

describe('reply length (issue 11: 333 {name} rendered 16,650 characters)', () => {
  const longest = templateVars({
    senderName: `${'Ž'.repeat(120)} ${'x'.repeat(120)}`,
    senderHandle: 'h'.repeat(50),
    myName: 'm'.repeat(300),
    now: Date.UTC(2026, 8, 30, 12, 59),
    awayUntil: Date.UTC(2026, 8, 30, 23, 59),
    timeZone: 'Europe/Paris',
    locale: 'fr',
  });

  it('each variable is cut to its maximum, never in the middle of a character', () => {
    for (const name of TEMPLATE_VARIABLES) {
      expect(longest[name].length, name).toBeLessThanOrEqual(VARIABLE_MAX_LENGTH[name]);
    }
    expect(longest.name).toBe('Ž'.repeat(VARIABLE_MAX_LENGTH.name));
    const emoji = templateVars({
      senderName: '😀'.repeat(60),
      senderHandle: 'e',
      myName: '',
      now: 0,
      awayUntil: null,
      timeZone: 'UTC',
      locale: 'en',
    }).name;
    expect(emoji).toBe('😀'.repeat(VARIABLE_MAX_LENGTH.name / 2));
  });

  it('a body whose longest rendering could pass 10,000 characters is refused, whatever the branch', () => {
    expect(validateTemplate('{name}'.repeat(333))).toEqual({ ok: false, code: 'mayBeTooLong', position: 0 });
    expect(validateTemplate(`{short|${'{name}'.repeat(200)}}`)).toMatchObject({ code: 'mayBeTooLong' });
    expect(validateTemplate('{name}'.repeat(190))).toEqual({ ok: true });
    expect(worstCaseLength('Hi {first_name}{a|bcd}')).toBe(3 + VARIABLE_MAX_LENGTH.first_name + 3);
  });

  it('the label is cut too, so an accepted body with its label stays within X’s limit', () => {
    const body = '{my_name}'.repeat(48) + 'x'.repeat(10_000 - 48 * 200 - AUTO_REPLY_ROOM);
    expect(validateTemplate(body)).toEqual({ ok: true });
    const text = appendLabel(render(body, longest, createRng(1)), `[${'label '.repeat(40)}]`);
    expect(text.length).toBeLessThanOrEqual(MAX_REPLY_LENGTH);
  });
});

describe('helpers', () => {
  it('firstNameOf skips emoji and punctuation', () => {
    expect(firstNameOf('  ✨Zoë O’Neil')).toBe('Zoë');
    expect(firstNameOf('123 Jean')).toBe('Jean');
    expect(firstNameOf('🙂')).toBe('');
  });

  it('appendLabel adds the label on the same line; an empty label adds nothing', () => {
    expect(appendLabel('Hi', '[auto-reply]')).toBe('Hi [auto-reply]');
    expect(appendLabel('Hi', '  ')).toBe('Hi');
    expect(appendLabel('Hi', 'a\nb')).toBe('Hi a b');
  });

  it('tidy collapses spaces but keeps French spacing before ! and ?', () => {
    expect(tidy('  Salut   toi  !  Ça va ?  ')).toBe('Salut toi ! Ça va ?');
  });
});
