import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocaleCode } from '../../src/core/locales.ts';
import { seriousViolations } from './support/page-checks.ts';
import { EXTENSION_DB, readStoreInPage } from './support/read-store.ts';
import { type Cockpit, launchCockpit, readBadge } from './ui-chromium.ts';

const POPUP = 'src/popup/index.html';
const OPTIONS = 'src/options/index.html';
const SECTIONS = [
  'rules',
  'templates',
  'dryRun',
  'quickReplies',
  'schedule',
  'limits',
  'lists',
  'autoSend',
  'profile',
  'activity',
  'transfer',
  'reset',
];

let cockpit: Cockpit;

async function badgeWhen(predicate: (badge: { text: string; title: string }) => boolean) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const badge = await readBadge(await cockpit.liveWorker());
    if (predicate(badge)) return badge;
    if (Date.now() > deadline) throw new Error(`badge stayed ${JSON.stringify(badge)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function storedSettings(page: Page): Promise<unknown> {
  const rows = await page.evaluate(readStoreInPage, [EXTENSION_DB, 'settings'] as [string, string]);
  return (rows as Array<{ value: unknown }>)[0]?.value;
}

async function openOptions(section = 'rules', colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await cockpit.open(`${OPTIONS}#${section}`, { width: 1100, height: 800, colorScheme });
  await page.getByRole('tablist').waitFor();
  return page;
}

async function openPopup(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await cockpit.open(POPUP, { width: 360, height: 600, colorScheme });
  await page.getByRole('switch').waitFor();
  return page;
}

async function setLanguage(value: LocaleCode) {
  const page = await openOptions();
  await page.locator('header select').selectOption(value);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, value);
  await page.close();
}

beforeAll(async () => {
  cockpit = await launchCockpit();
  // The worker seeds a new profile when installed; the options page shows its starter rule.
  const page = await openOptions();
  await page.getByText(/Away reply|Réponse d’absence/).waitFor();
  await page.close();
});

afterAll(async () => {
  await cockpit?.close();
});

describe('away switch and toolbar badge', () => {
  it('toggling away in the popup changes the badge title, from the keyboard only', async () => {
    await badgeWhen((badge) => badge.title === 'Away for X — Not away');
    const popup = await openPopup();
    const toggle = popup.getByRole('switch', { name: 'Away mode' });
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    for (let i = 0; i < 5 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) {
      await popup.keyboard.press('Tab');
    }
    await popup.keyboard.press('Space');
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    const on = await badgeWhen((badge) => badge.title !== 'Away for X — Not away');
    expect(on.title).toBe('Away for X — Away');
    await popup.getByRole('button', { name: 'Tonight' }).click();
    await badgeWhen((badge) => badge.title.startsWith('Away for X — Away until '));
    await expect.poll(() => popup.getByText(/away until/).count()).toBe(1);
    await toggle.click();
    await badgeWhen((badge) => badge.title === 'Away for X — Not away');
    await popup.close();
  });
});

/** Picks a JSON file in the options page's import field, as a person does in the file dialog. */
const chooseFile = (page: Page, name: string, text: string) =>
  page
    .getByLabel('Import a file')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

describe('import', () => {
  it('shows why a broken file was refused and leaves the settings as they were', async () => {
    const page = await openOptions('transfer');
    const before = await storedSettings(page);
    expect(before).toBeTruthy();
    await chooseFile(page, 'broken.json', '{"format":"away-for-x","version":1,"settings":');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Nothing was changed. This is not a settings file (not JSON).');
    await chooseFile(page, 'other.json', '{"format":"something-else"}');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^Nothing was changed\. This is not an Away for X settings file\./);
    expect(await storedSettings(page)).toEqual(before);
    await page.close();
  });

  it('shows what a file would change and applies it only once confirmed, by keyboard (issue 11)', async () => {
    const page = await openOptions('transfer');
    const before = await storedSettings(page);
    // This browser's own file, made to answer by itself as much and as often as the format allows.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export to a file' }).click();
    const original = readFileSync((await (await download).path())!, 'utf8');
    const doc = JSON.parse(original);
    for (const rule of doc.rules) rule.mode = 'auto';
    doc.settings.limits = { contactCooldownMs: 0, minGapMs: 0, hourlyCap: 500, dailyCap: 500 };
    const allAuto = JSON.stringify(doc);

    await chooseFile(page, 'all-auto.json', allAuto);
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('At most per hour: 20 → 500').waitFor();
    await dialog
      .getByText(/^Rules (that will send|set to send) replies by themselves.*: Away reply$/)
      .waitFor();
    expect(await seriousViolations(page), 'import preview').toEqual([]);
    // Focus is on Cancel: Escape leaves everything as it was.
    await page.keyboard.press('Escape');
    await page.getByText('Import cancelled. Nothing was changed.').waitFor();
    expect(await storedSettings(page)).toEqual(before);

    const apply = async (name: string, text: string) => {
      await chooseFile(page, name, text);
      await dialog.waitFor();
      await page.keyboard.press('Shift+Tab'); // from Cancel to Apply
      await page.keyboard.press('Enter');
      await page.getByText(/^Imported \d+ rules/).waitFor();
    };
    await apply('all-auto.json', allAuto);
    expect(((await storedSettings(page)) as { limits: { hourlyCap: number } }).limits.hourlyCap).toBe(500);
    // Back to this browser's own settings for the tests that follow.
    await apply('original.json', original);
    expect(await storedSettings(page)).toEqual(before);
    await page.close();
  });
});

describe('accessibility (axe-core in Chromium)', () => {
  it('the popup has no serious or critical violation, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await openPopup(scheme);
      expect(await seriousViolations(popup), scheme).toEqual([]);
      await popup.close();
    }
  });

  it('every options section has no serious or critical violation, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openOptions('rules', scheme);
      for (const section of SECTIONS) {
        await page.evaluate((id) => {
          location.hash = id;
        }, section);
        await page.waitForFunction(
          (id) => document.querySelector('[role=tab][aria-selected=true]')?.id === `tab-${id}`,
          section,
        );
        expect(await seriousViolations(page), `${section} ${scheme}`).toEqual([]);
      }
      await page.close();
    }
  });

  it('the rule and template editors have no serious or critical violation', async () => {
    const page = await openOptions('rules');
    await page.getByRole('button', { name: 'Edit Away reply' }).click();
    await page.getByRole('form').waitFor();
    expect(await seriousViolations(page), 'rule editor').toEqual([]);
    await page.getByRole('tab', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'New template' }).click();
    await page.getByLabel('Text', { exact: true }).fill('Hi {oops');
    await page.getByText(/never closed/).waitFor();
    expect(await seriousViolations(page), 'template editor with an error').toEqual([]);
    await page.close();
  });
});

describe('French', () => {
  it('fits in the 360 px popup and names the switch "Mode absent"', async () => {
    await setLanguage('fr');
    const popup = await openPopup();
    await popup.getByRole('switch', { name: 'Mode absent' }).waitFor();
    const overflow = await popup.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await popup.close();
    await setLanguage('en');
  });
});
