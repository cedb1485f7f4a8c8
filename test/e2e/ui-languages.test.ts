import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterTemplatesOf } from '../../src/core/defaults.ts';
import { LOCALES, type LocaleCode, type LocaleInfo } from '../../src/core/locales.ts';
import type { Template } from '../../src/core/types.ts';
import { seriousViolations, unfitTextsInPage } from './support/page-checks.ts';
import { EXTENSION_DB, readStoreInPage } from './support/read-store.ts';
import { type Cockpit, launchCockpit } from './ui-chromium.ts';

// Every language the extension ships, in the built extension in Chromium: the popup, the options page and
// the welcome page
// are laid out in the language's direction, no text is cut or pushed out of the window, axe finds nothing
// serious, and screenshots of each (light and dark) go to docs/screenshots/ for people to look at.

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'docs/screenshots');
const POPUP = 'src/popup/index.html';
const OPTIONS = 'src/options/index.html';
const WELCOME = 'src/welcome/index.html';

type Bundle = Record<string, { message: string }>;
const messagesOf = (code: LocaleCode): Bundle =>
  JSON.parse(readFileSync(join(root, 'public/_locales', code, 'messages.json'), 'utf8')) as Bundle;
/** A text of a language with its `$1` filled in, as the extension shows it. */
const text = (bundle: Bundle, key: string, sub = '') => (bundle[key]?.message ?? key).replace('$1', sub);
/** The longest fixed part of a text that takes a value, to find it whatever the value. */
const fixedPart = (bundle: Bundle, key: string) =>
  (bundle[key]?.message ?? key)
    .split(/\$\d/)
    .map((part) => part.trim())
    .sort((a, b) => b.length - a.length)[0]!;

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let cockpit: Cockpit;

beforeAll(async () => {
  cockpit = await launchCockpit();
  const page = await cockpit.open(`${OPTIONS}#rules`);
  await page.getByText('Away reply').waitFor();
  await page.close();
});

afterAll(async () => {
  await cockpit?.close();
});

async function setLanguage(locale: LocaleInfo): Promise<void> {
  const page = await cockpit.open(`${OPTIONS}#profile`);
  await page.locator('header select').selectOption(locale.code);
  await page.waitForFunction((tag) => document.documentElement.lang === tag, locale.tag);
  await page.close();
}

/** Runs in an extension page: puts or deletes templates with raw IndexedDB, as another tab would. */
async function changeTemplatesInPage([dbName, put, remove]: [string, Template[], string[]]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction('templates', 'readwrite');
  const store = tx.objectStore('templates');
  for (const [i, template] of put.entries()) store.put({ ...template, position: 1_000 + i });
  for (const id of remove) store.delete(id);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

async function expectLaidOut(page: Page, locale: LocaleInfo, where: string): Promise<void> {
  const root = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
  }));
  expect(root, where).toEqual({ lang: locale.tag, dir: locale.dir });
  expect(await page.evaluate(unfitTextsInPage), where).toEqual([]);
}

describe('the fit check', () => {
  it('sees a cut text, a text outside the window and a page wider than the window', async () => {
    const page = await cockpit.open(POPUP, { width: 360, height: 600 });
    await page.getByRole('switch').waitFor();
    expect(await page.evaluate(unfitTextsInPage)).toEqual([]);
    await page.evaluate(() => {
      const cut = document.createElement('p');
      cut.style.cssText = 'width: 40px; white-space: nowrap; overflow: hidden';
      cut.textContent = 'A sentence far too long for its box';
      const away = document.createElement('span');
      away.style.cssText = 'position: absolute; inset-inline-start: -200px';
      away.textContent = 'Gone';
      document.body.append(cut, away);
    });
    const found = await page.evaluate(unfitTextsInPage);
    expect(found).toEqual([
      expect.stringMatching(/^p: A sentence far too long for its box \(\d+px of text in a 40px box\)$/),
      expect.stringMatching(/^span: Gone \(outside the window/),
    ]);
    await page.evaluate(() => {
      document.body.style.width = '900px';
    });
    expect((await page.evaluate(unfitTextsInPage))[0]).toMatch(/^the page: 9\d\dpx wide in a 360px window$/);
    await page.close();
  });
});

describe.each(LOCALES.map((locale) => [locale.englishName, locale] as const))('%s', (_name, locale) => {
  const bundle = messagesOf(locale.code);
  const starters = starterTemplatesOf(locale.code);
  const [, thanks] = starters;
  let added: Template[] = [];

  beforeAll(async () => {
    await setLanguage(locale);
    // The profile was started in English: the language's own starter templates, to edit in the screenshot.
    const page = await cockpit.open(`${OPTIONS}#rules`);
    const stored = (await page.evaluate(readStoreInPage, [EXTENSION_DB, 'templates'] as [
      string,
      string,
    ])) as Template[];
    added = starters.filter((template) => !stored.some((t) => t.id === template.id));
    await page.evaluate(changeTemplatesInPage, [EXTENSION_DB, added, []] as [string, Template[], string[]]);
    await page.close();
  });

  afterAll(async () => {
    const page = await cockpit.open(`${OPTIONS}#rules`);
    const ids = added.map((t) => t.id);
    await page.evaluate(changeTemplatesInPage, [EXTENSION_DB, [], ids] as [string, Template[], string[]]);
    await page.close();
  });

  it('the popup reads in its direction, fits in 360 px, and is shot light and dark', async () => {
    mkdirSync(shots, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await cockpit.open(POPUP, { width: 360, height: 600, colorScheme: scheme });
      const toggle = popup.getByRole('switch', { name: text(bundle, 'awayMode') });
      // The "until" choices show once away is on.
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
      await popup.getByRole('button', { name: text(bundle, 'untilTonight'), exact: true }).click();
      await popup.getByText(fixedPart(bundle, 'statusAwayUntil_suggest')).first().waitFor();
      await expectLaidOut(popup, locale, `popup ${scheme}`);
      expect(await seriousViolations(popup), `popup ${scheme}`).toEqual([]);
      // The switch slides for 0.15 s, and the popup answers fast enough to be shot mid-slide.
      await popup.screenshot({
        path: join(shots, `popup-${locale.code}-${scheme}.png`),
        fullPage: true,
        animations: 'disabled',
      });
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
      await popup.close();
    }
  });

  it('the options page reads in its direction, with a template of the language open, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const options = await cockpit.open(`${OPTIONS}#templates`, {
        width: 1100,
        height: 800,
        colorScheme: scheme,
      });
      await options.getByRole('button', { name: text(bundle, 'editFor', thanks!.name), exact: true }).click();
      await options.getByRole('form').waitFor();
      await expectLaidOut(options, locale, `options ${scheme}`);
      expect(await seriousViolations(options), `options ${scheme}`).toEqual([]);
      await options.screenshot({ path: join(shots, `options-${locale.code}-${scheme}.png`), fullPage: true });
      await options.close();
    }
  });

  it('the welcome page reads in its direction, with the automatic-sending warning open, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const welcome = await cockpit.open(WELCOME, { width: 900, height: 800, colorScheme: scheme });
      await welcome.getByRole('heading', { level: 1, name: text(bundle, 'welcomeTitle') }).waitFor();
      // The try step answers by itself: the page is complete once it has.
      await welcome.getByText(text(bundle, 'dryRunWouldSuggest')).waitFor();
      await welcome
        .getByRole('radio', { name: new RegExp(`^${escapeRegExp(text(bundle, 'welcomeModeAuto'))}`) })
        .check();
      await welcome.getByText(text(bundle, 'autoWarningTitle')).waitFor();
      await expectLaidOut(welcome, locale, `welcome ${scheme}`);
      expect(await seriousViolations(welcome), `welcome ${scheme}`).toEqual([]);
      await welcome.screenshot({ path: join(shots, `welcome-${locale.code}-${scheme}.png`), fullPage: true });
      await welcome.close();
    }
  });
});
