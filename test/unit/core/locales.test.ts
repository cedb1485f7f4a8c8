import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, defaultRulesFor, starterTemplatesOf } from '../../../src/core/defaults.ts';
import {
  closestLocale,
  DEFAULT_LOCALE,
  LOCALE_CODES,
  LOCALES,
  localeInfo,
  servedLocale,
} from '../../../src/core/locales.ts';
import { validateTemplate } from '../../../src/core/templates.ts';

const root = join(import.meta.dirname, '../../..');
const localesDir = join(root, 'public/_locales');

describe('the list of languages (src/core/locales.ts)', () => {
  it('has a messages file for every entry, and an entry for every messages file', () => {
    for (const code of LOCALE_CODES) {
      expect(existsSync(join(localesDir, code, 'messages.json')), `_locales/${code}/messages.json`).toBe(
        true,
      );
    }
    expect(readdirSync(localesDir).sort()).toEqual([...LOCALE_CODES].sort());
  });

  it('starts with the manifest’s default language, and each code appears once', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
      default_locale: string;
    };
    expect(manifest.default_locale).toBe(DEFAULT_LOCALE);
    expect(LOCALE_CODES[0]).toBe(DEFAULT_LOCALE);
    expect(new Set(LOCALE_CODES).size).toBe(LOCALE_CODES.length);
  });

  it.each(LOCALES.map((locale) => [locale.code, locale] as const))(
    '%s: names, tag and direction agree with CLDR',
    (code, locale) => {
      // Chrome's folder form (pt_BR) and the BCP 47 tag (pt-BR) name the same language.
      expect(code).toMatch(/^[a-z]{2,3}(_[A-Z]{2})?$/);
      expect(locale.tag).toBe(code.replace('_', '-'));
      expect(Intl.getCanonicalLocales(locale.tag)).toEqual([locale.tag]);
      const inItself = new Intl.DisplayNames([locale.tag], { type: 'language' }).of(locale.tag) ?? '';
      expect(locale.nativeName.toLocaleLowerCase(locale.tag)).toBe(inItself.toLocaleLowerCase(locale.tag));
      expect(locale.englishName).toBe(new Intl.DisplayNames(['en'], { type: 'language' }).of(locale.tag));
      const intlLocale = new Intl.Locale(locale.tag) as Intl.Locale & {
        textInfo?: { direction: string };
        getTextInfo?: () => { direction: string };
      };
      expect(locale.dir).toBe((intlLocale.getTextInfo?.() ?? intlLocale.textInfo)?.direction);
    },
  );

  it.each(LOCALE_CODES)('%s writes hours as its usual short time does (07:05 or 7:05)', (code) => {
    const { tag, hour } = localeInfo(code);
    const at = Date.UTC(2026, 7, 3, 7, 5);
    const hourOf = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' })
        .formatToParts(at)
        .find((p) => p.type === 'hour')?.value;
    expect(hourOf({ hour, minute: '2-digit' })).toBe(hourOf({ timeStyle: 'short' }));
  });

  it.each(LOCALE_CODES)(
    '%s has starter texts: a valid away template, the same quick replies as English, a rule name',
    (code) => {
      const { starters, fallback } = localeInfo(code);
      expect(starters.awayRuleName.trim()).not.toBe('');
      expect(starters.away.kind).toBe('away');
      expect(starters.quick.map((q) => q.kind)).toEqual(localeInfo('en').starters.quick.map((q) => q.kind));
      for (const template of starterTemplatesOf(code)) {
        expect(template.name.trim(), template.id).not.toBe('');
        expect(validateTemplate(template.body), template.id).toEqual({ ok: true });
        expect(template.locale).toBe(code);
      }
      expect(defaultRulesFor(code)[0]?.name).toBe(starters.awayRuleName);
      expect(fallback.awayUntil.trim()).not.toBe('');
    },
  );

  it('gives every starter template its own id, one storage accepts', () => {
    const ids = DEFAULT_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]{1,64}$/);
    expect(ids).toEqual(expect.arrayContaining(['away-en', 'away-fr', 'quick-en-thanks', 'quick-fr-busy']));
  });

  it('has words for each language: stop words, loop phrases and urgent words', () => {
    for (const locale of LOCALES) {
      for (const list of [locale.stopWords, locale.loopPhrases, locale.urgentWords]) {
        expect(list.length, locale.code).toBeGreaterThan(0);
        for (const word of list) expect(word.trim(), locale.code).toBe(word);
      }
    }
  });
});

describe('the language of a browser', () => {
  it('is the one browser.i18n serves: exact, else the bare language, else the default', () => {
    expect(servedLocale('fr')).toBe('fr');
    expect(servedLocale('fr-CA')).toBe('fr');
    expect(servedLocale('en-GB')).toBe('en');
    expect(servedLocale('zh-CN')).toBe('en');
    expect(servedLocale('')).toBe('en');
  });

  it('is matched to the closest language shipped when the browser serves none', () => {
    expect(closestLocale('FR-be')).toBe('fr');
    expect(closestLocale('nl')).toBe('en');
    for (const code of LOCALE_CODES) {
      expect(closestLocale(localeInfo(code).tag)).toBe(code);
      expect(servedLocale(localeInfo(code).tag)).toBe(code);
    }
  });

  it('reads an unknown code as the default language rather than failing', () => {
    expect(localeInfo('xx').code).toBe(DEFAULT_LOCALE);
  });
});
