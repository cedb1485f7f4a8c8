import { ar } from './locales/ar.ts';
import { de } from './locales/de.ts';
import { en } from './locales/en.ts';
import { es } from './locales/es.ts';
import { fr } from './locales/fr.ts';
import { ja } from './locales/ja.ts';
import { ptBR } from './locales/pt-br.ts';

/**
 * The languages Away for X speaks. Everything that varies by language derives from this list: the
 * interface texts (`public/_locales/<code>/messages.json`), the starter templates, the stop words, the
 * phrases loop detection knows, the auto-reply labels and the urgent words. Adding a language is one
 * messages file plus one entry here (CONTRIBUTING.md has the steps; test/unit/core/locales.test.ts
 * checks that both exist and agree).
 */
export const LOCALES = [en, fr, es, ptBR, de, ja, ar] as const satisfies readonly LocaleInfo[];

/** A shipped language, as stored in settings and templates and as named by its `_locales` folder. */
export type LocaleCode = (typeof LOCALES)[number]['code'];

export const LOCALE_CODES: readonly LocaleCode[] = LOCALES.map((locale) => locale.code);

/** The manifest's `default_locale`: what the browser shows when it has no better match. */
export const DEFAULT_LOCALE: LocaleCode = 'en';

const BY_CODE: ReadonlyMap<string, LocaleInfo> = new Map(LOCALES.map((locale) => [locale.code, locale]));

export function isLocaleCode(value: string): value is LocaleCode {
  return BY_CODE.has(value);
}

/** The entry of a language; English for a code that is not (or no longer) shipped, so callers never fail. */
export function localeInfo(code: string): LocaleInfo {
  return BY_CODE.get(code) ?? en;
}

/** `pt-BR`, `pt_br` → `pt_BR`: a browser language tag in the `_locales` folder form. */
function folderForm(tag: string): string {
  const [language = '', region] = tag.trim().replace(/-/g, '_').split('_');
  return region ? `${language.toLowerCase()}_${region.toUpperCase()}` : language.toLowerCase();
}

/**
 * The language whose messages file `browser.i18n` itself serves for a browser language: the exact
 * locale (`pt_BR`), else the bare language (`es` for `es-MX`), else the default. Chrome and Firefox
 * both look the exact form up first and the bare language second.
 */
export function servedLocale(browserLanguage: string): LocaleCode {
  const exact = folderForm(browserLanguage);
  if (isLocaleCode(exact)) return exact;
  const bare = exact.split('_')[0] ?? '';
  return isLocaleCode(bare) ? bare : DEFAULT_LOCALE;
}

/**
 * The shipped language closest to a browser language: `servedLocale`, and failing that any variant of
 * the same language (`pt-PT` or `pt` → `pt_BR`), which reads better than the default.
 */
export function closestLocale(browserLanguage: string): LocaleCode {
  const served = servedLocale(browserLanguage);
  if (served !== DEFAULT_LOCALE) return served;
  const bare = (folderForm(browserLanguage).split('_')[0] ?? '').toLowerCase();
  const sibling = LOCALES.find((locale) => locale.code.split('_')[0] === bare);
  return sibling?.code ?? DEFAULT_LOCALE;
}

/** What a language entry holds. Words are matched ignoring case and accents (see text-normalize.ts). */
export interface LocaleInfo {
  /** The `_locales` folder name (Chrome's form, e.g. `pt_BR`), also the value stored in settings. */
  code: string;
  /** BCP 47 tag for `Intl` and the `lang` attribute, e.g. `pt-BR`. */
  tag: string;
  englishName: string;
  /** The name in the language itself, as the language menu shows it. */
  nativeName: string;
  dir: 'ltr' | 'rtl';
  /** How the language writes hours, as CLDR's short time does: `07:05` (`2-digit`) or `7:05` (`numeric`). */
  hour: '2-digit' | 'numeric';
  /**
   * What people write to make automatic messages stop. Each is matched as whole words, in a row,
   * anywhere in a message, in every language at once (a contact may write in any of them): so only
   * unambiguous opt-outs, never a word that is common in ordinary messages of any shipped language.
   */
  stopWords: readonly string[];
  /** Phrases auto-responders write (out-of-office texts); matched like stop words. */
  loopPhrases: readonly string[];
  /** Words that make a message urgent, for letting urgent people through while away; matched likewise. */
  urgentWords: readonly string[];
  /** What template variables become without a value (see templates.ts). */
  fallback: {
    /** `{name}` / `{first_name}` with no name and no handle: English "there"; "" where nothing fits. */
    person: string;
    /** `{away_until}` when away has no end: "soon". */
    awayUntil: string;
  };
  /** The starter rule's name and starter templates, seeded for a new profile in its language. */
  starters: {
    awayRuleName: string;
    away: StarterText;
    quick: readonly StarterText[];
  };
}

export interface StarterText {
  /** The end of the template id (`away-<code>`, `quick-<code>-<kind>`); the same kinds in every language. */
  kind: string;
  name: string;
  body: string;
}
