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
  'away',
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
  await page.getByRole('tablist').first().waitFor();
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
    await expect
      .poll(() => popup.getByText(/^Away until .* — replies are suggested for you to send$/).count())
      .toBe(1);
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

describe('an unsaved edit is never lost', () => {
  it('switching section, leaving the page or closing the tab asks first; the edit survives until saved', async () => {
    const page = await openOptions('limits');
    const daily = page.getByLabel('At most per day');
    await daily.fill('42');
    // Straight away, as a quick hand would: the edit counts from the keystroke.
    await page.getByRole('tab', { name: 'Schedule' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('Your changes to “Limits” are not saved.').waitFor();
    expect(await seriousViolations(page), 'leave dialog').toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Limits' }).getAttribute('aria-selected')).toBe('true');
    expect(await daily.inputValue()).toBe('42');

    // Back, forward or an edited address: the same question, and the address waits.
    await page.evaluate(() => {
      location.hash = 'reset';
    });
    await dialog.waitFor();
    expect(new URL(page.url()).hash).toBe('#limits');
    await dialog.getByRole('button', { name: 'Keep editing' }).click();

    // Closing the tab: the browser asks; staying keeps the edit.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);
    expect(await daily.inputValue()).toBe('42');

    await page.getByRole('tab', { name: 'Who gets answers' }).click();
    await dialog.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('heading', { name: 'Who gets answers' }).waitFor();
    expect(((await storedSettings(page)) as { limits: { dailyCap: number } }).limits.dailyCap).toBe(42);

    // Saved, nothing is pending: leaving does not ask, and the value is there when coming back.
    await page.getByRole('tab', { name: 'Limits' }).click();
    expect(await daily.inputValue()).toBe('42');
    await daily.fill('100');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    // With runBeforeUnload, close() does not wait: the tab closes once no question stops it.
    let askedAgain = false;
    page.on('dialog', (d) => {
      askedAgain = true;
      void d.dismiss();
    });
    const closed = page.waitForEvent('close', { timeout: 5_000 });
    await page.close({ runBeforeUnload: true });
    await closed;
    expect(askedAgain).toBe(false);
  });

  it('the weekly hours are painted by dragging across them', async () => {
    const page = await openOptions('schedule');
    await page.getByLabel(/Only count as away/).check();
    const box = async (name: string) =>
      (await page.getByRole('button', { name, exact: true }).boundingBox())!;
    const from = await box('Monday 9:00 AM–10:00 AM');
    const to = await box('Monday 12:00 PM–1:00 PM');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
    await page.mouse.up();
    const pressed = await page
      .locator('.cell[aria-pressed="true"]')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label')));
    expect(pressed).toEqual([
      'Monday 9:00 AM–10:00 AM',
      'Monday 10:00 AM–11:00 AM',
      'Monday 11:00 AM–12:00 PM',
      'Monday 12:00 PM–1:00 PM',
    ]);
    await page.close();
  });
});

describe('the options page for a newcomer', () => {
  it('opens the welcome page again, in the same tab', async () => {
    const page = await openOptions('rules');
    await page.getByRole('link', { name: 'First steps' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Away for X' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/src/welcome/index.html');
    await page.close();
  });

  it('sizes number fields for their numbers, not for the form', async () => {
    const page = await openOptions('limits');
    const width = (label: string) => page.getByLabel(label, { exact: true }).evaluate((el) => el.clientWidth);
    const form = await page
      .locator('form')
      .first()
      .evaluate((el) => el.clientWidth);
    const perDay = await width('At most per day');
    const days = await width('Days between two automatic messages to the same person');
    const em = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    // Three digits (up to 500) and the spin buttons: a few ems, a small part of the form.
    expect(perDay).toBeLessThan(8 * em);
    expect(perDay).toBeLessThan(form / 4);
    // 365.5 takes more room than 500.
    expect(days).toBeGreaterThan(perDay);
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
    // Dates in the extension's language, not the browser's (English here).
    await popup.getByRole('switch').click();
    const third = popup.getByLabel('Jour').locator('option').nth(2);
    const written = await third.evaluate((option) => {
      const [year, month, day] = (option as HTMLOptionElement).value.split('-').map(Number);
      const noon = Date.UTC(year!, month! - 1, day!, 12);
      const as = (tag: string) =>
        new Intl.DateTimeFormat(tag, {
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          timeZone: 'UTC',
        }).format(noon);
      return {
        shown: option.textContent,
        french: as('fr'),
        browser: as(navigator.language),
        lang: navigator.language,
      };
    });
    expect(written.lang).toMatch(/^en/);
    expect(written.shown).toBe(written.french);
    expect(written.shown).not.toBe(written.browser);
    await popup.getByRole('switch').click();
    await expect.poll(() => popup.getByRole('switch').getAttribute('aria-checked')).toBe('false');
    const overflow = await popup.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await popup.close();
    await setLanguage('en');
  });
});
