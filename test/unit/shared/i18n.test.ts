// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import {
  formatDateTime,
  formatEntry,
  type Lang,
  lang,
  loadLocale,
  resolveLang,
  setBundle,
  switchToBrowserTexts,
  t,
} from '../../../src/shared/i18n.ts';
import type { BrowserMock } from '../support/browser-mock.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});
const mock = browser as unknown as BrowserMock;

describe('formatEntry', () => {
  it('fills $1…$9 and keeps $$ as a dollar', () => {
    expect(formatEntry({ message: 'Mode: $1 · $2 ($$)' }, ['suggest', 'away'])).toBe(
      'Mode: suggest · away ($)',
    );
  });

  it('resolves named placeholders like chrome.i18n, ignoring their case', () => {
    const entry = { message: 'Hello $User$!', placeholders: { user: { content: '$1' } } };
    expect(formatEntry(entry, ['Ada'])).toBe('Hello Ada!');
  });

  it('leaves a missing substitution empty', () => {
    expect(formatEntry({ message: 'a $1 b $2' }, ['x'])).toBe('a x b ');
  });
});

describe('resolveLang', () => {
  it('follows the browser for auto, to the closest language shipped, else English', () => {
    expect(resolveLang('auto', 'fr-CA')).toBe('fr');
    expect(resolveLang('auto', 'de-DE')).toBe('de');
    expect(resolveLang('auto', 'es-MX')).toBe('es');
    expect(resolveLang('auto', 'es-419')).toBe('es');
    expect(resolveLang('auto', 'pt-BR')).toBe('pt_BR');
    expect(resolveLang('auto', 'pt')).toBe('pt_BR');
    expect(resolveLang('auto', 'pt-PT')).toBe('pt_BR');
    expect(resolveLang('auto', 'ja')).toBe('ja');
    expect(resolveLang('auto', 'ar-EG')).toBe('ar');
    expect(resolveLang('auto', 'zh-CN')).toBe('en');
    expect(resolveLang('auto', '')).toBe('en');
    expect(resolveLang('fr', 'en-US')).toBe('fr');
    expect(resolveLang('en', 'fr-FR')).toBe('en');
    expect(resolveLang('pt_BR', 'ja')).toBe('pt_BR');
  });
});

describe('t and loadLocale', () => {
  beforeEach(() => setBundle('en', { greet: { message: 'Hi $1' } }));

  it('reads the loaded bundle', () => {
    expect(t('greet', 'Ada')).toBe('Hi Ada');
  });

  it('falls back to browser.i18n, then to the key itself', () => {
    expect(t('awayMode')).toBe('Away mode');
    expect(t('noSuchKey')).toBe('noSuchKey');
  });

  it('loads the chosen language, whatever the browser speaks', async () => {
    mock.i18n.getUILanguage.mockReturnValue('en-US');
    const load = vi.fn(async (which: Lang) => ({ greet: { message: `${which}: $1` } }));
    expect(await loadLocale('fr', load)).toBe('fr');
    expect(load).toHaveBeenCalledWith('fr');
    expect(lang.value).toBe('fr');
    expect(t('greet', 'x')).toBe('fr: x');
    expect(document.documentElement.lang).toBe('fr');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('sets the BCP 47 tag and the direction of the language on the page', async () => {
    const load = async (which: Lang) => ({ greet: { message: `${which}: $1` } });
    await loadLocale('ar', load);
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    await loadLocale('pt_BR', load);
    expect(document.documentElement.lang).toBe('pt-BR');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('falls back to the browser texts when the bundle cannot be read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await loadLocale('auto', async () => {
      throw new Error('offline');
    });
    expect(t('awayMode')).toBe('Away mode');
    expect(warn).toHaveBeenCalled();
  });

  it('fetches the packaged messages.json by default', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ greet: { message: 'Salut $1' } })));
    vi.stubGlobal('fetch', fetchMock);
    await loadLocale('fr');
    expect(fetchMock).toHaveBeenCalledWith('chrome-extension://test-extension-id/_locales/fr/messages.json');
    expect(t('greet', 'Ada')).toBe('Salut Ada');
    vi.unstubAllGlobals();
  });
});

describe('switchToBrowserTexts', () => {
  beforeEach(() => setBundle('fr', { awayMode: { message: 'Mode absent' } }));

  it("uses browser.i18n with no fetch when the wanted language is the browser's own", () => {
    mock.i18n.getUILanguage.mockReturnValue('en-GB');
    expect(switchToBrowserTexts('auto')).toBe(true);
    expect(t('awayMode')).toBe('Away mode');
    expect(lang.value).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    setBundle('fr', { awayMode: { message: 'Mode absent' } });
    expect(switchToBrowserTexts('en')).toBe(true);
    expect(t('awayMode')).toBe('Away mode');
  });

  it('refuses when browser.i18n would answer in another language than auto picks', () => {
    // Both browsers serve pt_BR only for pt-BR: a Portuguese (Portugal) browser gets English from them.
    mock.i18n.getUILanguage.mockReturnValue('pt-PT');
    expect(switchToBrowserTexts('auto')).toBe(false);
    mock.i18n.getUILanguage.mockReturnValue('es-MX');
    expect(switchToBrowserTexts('auto')).toBe(true);
    expect(lang.value).toBe('es');
  });

  it('refuses, changing nothing, when another language was chosen', () => {
    mock.i18n.getUILanguage.mockReturnValue('en-US');
    expect(switchToBrowserTexts('fr')).toBe(false);
    expect(t('awayMode')).toBe('Mode absent');
    mock.i18n.getUILanguage.mockReturnValue('fr-FR');
    setBundle('en', { awayMode: { message: 'Away mode' } });
    expect(switchToBrowserTexts('en')).toBe(false);
    expect(lang.value).toBe('en');
  });

  it('refuses, changing nothing, when browser.i18n answers nothing: the page reads its messages file instead of showing keys', () => {
    // Seen in Chromium: an extension page whose getMessage returns "" for every key, now and then.
    mock.i18n.getUILanguage.mockReturnValue('en-US');
    mock.i18n.getMessage.mockReturnValueOnce('');
    expect(switchToBrowserTexts('auto')).toBe(false);
    expect(t('awayMode')).toBe('Mode absent');
  });
});

describe('formatDateTime', () => {
  it('uses the UI language', () => {
    const at = Date.UTC(2026, 7, 3, 9, 5);
    setBundle('en', {});
    const english = formatDateTime(at, { timeZone: 'UTC' });
    setBundle('fr', {});
    const french = formatDateTime(at, { timeZone: 'UTC' });
    expect(english).toMatch(/Aug/);
    expect(english).toMatch(/9:05/);
    expect(french).toMatch(/août/);
    expect(french).toMatch(/09:05/);
  });

  it('uses the BCP 47 tag of languages whose code is not one (pt_BR)', () => {
    const at = Date.UTC(2026, 7, 3, 9, 5);
    setBundle('pt_BR', {});
    expect(formatDateTime(at, { timeZone: 'UTC' })).toMatch(/ago\./);
    setBundle('ja', {});
    expect(formatDateTime(at, { timeZone: 'UTC' })).toMatch(/8月3日/);
  });
});
