import { signal } from '@preact/signals';
import browser from 'webextension-polyfill';
import { closestLocale, type LocaleCode, localeInfo, servedLocale } from '../core/locales.ts';
import type { Settings } from '../core/types.ts';

/** A language the extension ships texts for (src/core/locales.ts). */
export type Lang = LocaleCode;

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type MessageBundle = Record<string, MessageEntry>;

/** The language in use; components that read it re-render when it changes. */
export const lang = signal<Lang>('en');
/** The loaded bundle for `lang`; null until `loadLocale` ran, then `t` falls back to browser.i18n. */
const bundle = signal<MessageBundle | null>(null);

/**
 * `auto` follows the browser's UI language: `es-MX` reads Spanish, `pt-PT` Brazilian Portuguese, and a
 * language the extension does not speak reads English (the default locale).
 */
export function resolveLang(setting: Settings['uiLocale'], uiLanguage: string): Lang {
  if (setting !== 'auto') return setting;
  return closestLocale(uiLanguage);
}

/**
 * Same substitution rules as chrome.i18n: named `$placeholder$` entries resolve to their content, then
 * `$1`…`$9` take the substitutions and `$$` is a literal dollar.
 */
export function formatEntry(entry: MessageEntry, subs: readonly string[]): string {
  let text = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const found = Object.entries(entry.placeholders ?? {}).find(
      ([k]) => k.toLowerCase() === name.toLowerCase(),
    );
    return found ? found[1].content : whole;
  });
  text = text.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
  return text;
}

/** The text for `key` in the chosen language; the key itself if no bundle knows it (visible in tests). */
export function t(key: string, ...subs: Array<string | number>): string {
  const strings = subs.map(String);
  const entry = bundle.value?.[key];
  if (entry) return formatEntry(entry, strings);
  const fromBrowser = browser.i18n.getMessage(key, strings);
  return fromBrowser || key;
}

/** The messages file of one language, read from the extension's own files. */
export async function fetchBundle(which: Lang): Promise<MessageBundle> {
  const response = await fetch(browser.runtime.getURL(`_locales/${which}/messages.json`));
  if (!response.ok) throw new Error(`messages.json for ${which}: HTTP ${response.status}`);
  return (await response.json()) as MessageBundle;
}

/**
 * When the wanted language is the one browser.i18n answers in anyway (the browser's own, which is what
 * `auto` means), nothing needs fetching: `t` falls back to browser.i18n, which reads the same
 * messages.json. Switches to it and returns true; false when only `loadLocale` can provide the texts
 * (another language, or a browser.i18n that answers nothing).
 * The popup's first paint uses this to skip a fetch.
 */
export function switchToBrowserTexts(setting: Settings['uiLocale']): boolean {
  const uiLanguage = browser.i18n.getUILanguage();
  const which = resolveLang(setting, uiLanguage);
  if (which !== servedLocale(uiLanguage)) return false;
  // Chromium now and then gives an extension page a getMessage that answers "" for every key; then only
  // the messages file itself keeps the page from showing keys.
  if (!browser.i18n.getMessage('extName')) return false;
  bundle.value = null;
  setLang(which);
  return true;
}

/** Also on the page's root: `lang` for screen readers and fonts, `dir` for right-to-left languages. */
function setLang(which: Lang): void {
  lang.value = which;
  if (typeof document === 'undefined') return;
  const { tag, dir } = localeInfo(which);
  document.documentElement.lang = tag;
  document.documentElement.dir = dir;
}

/**
 * Loads the texts for the user's `uiLocale`. browser.i18n alone always follows the browser's language,
 * so honouring a chosen language means reading that locale's messages.json ourselves.
 */
export async function loadLocale(
  setting: Settings['uiLocale'],
  load: (which: Lang) => Promise<MessageBundle> = fetchBundle,
): Promise<Lang> {
  const which = resolveLang(setting, browser.i18n.getUILanguage());
  try {
    bundle.value = await load(which);
  } catch (error) {
    // browser.i18n still answers in the browser's language: degraded, never blank.
    console.warn('Could not load texts, using the browser language', error);
    bundle.value = null;
  }
  setLang(which);
  return which;
}

/** For tests: install a bundle without fetching. */
export function setBundle(which: Lang, messages: MessageBundle): void {
  bundle.value = messages;
  lang.value = which;
}

/** The BCP 47 tag of the UI language, for `Intl` (a code such as `pt_BR` is not a valid tag). */
export function langTag(): string {
  return localeInfo(lang.value).tag;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A date-time in the UI language, e.g. "Mon, Aug 3, 9:00 AM" / "lun. 3 août, 09:00". */
export function formatDateTime(at: number, options: Intl.DateTimeFormatOptions = {}): string {
  const { tag, hour } = localeInfo(lang.value);
  const opts: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour,
    minute: '2-digit',
    ...options,
  };
  const cacheKey = `${lang.value}|${JSON.stringify(opts)}`;
  let format = dateTimeFormats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, opts);
    dateTimeFormats.set(cacheKey, format);
  }
  return format.format(at);
}

export function formatTime(at: number, timeZone?: string): string {
  return formatDateTime(at, {
    weekday: undefined,
    day: undefined,
    month: undefined,
    ...(timeZone ? { timeZone } : {}),
  });
}

/** A calendar date `YYYY-MM-DD` (a holiday) in the UI language: "Mon, Aug 3, 2026" / "lun. 3 août 2026". */
export function formatDay(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  // Noon UTC of that date, read in UTC: the same date whatever the zone.
  const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  return formatDateTime(at, { year: 'numeric', hour: undefined, minute: undefined, timeZone: 'UTC' });
}
