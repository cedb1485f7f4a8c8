import type { Page } from 'playwright-core';

// What the screenshots script does in the extension's own pages, the way a user would where it can (the
// language select, the away switch) and through the options page's database where a user would only wait
// (shorter delays, so the shots take seconds).

/** Runs in an extension page: waits for the worker's first-run seeding, then sets name, handle and delays. */
export async function prepareSettings(setup: {
  dbName: string;
  myName: string;
  myHandle: string;
}): Promise<void> {
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  for (let i = 0; ; i++) {
    // Opening a database that does not exist yet would create an empty one under the worker's feet.
    if ((await indexedDB.databases()).some((d) => d.name === setup.dbName)) {
      const db = await request(indexedDB.open(setup.dbName));
      const seeded =
        db.objectStoreNames.contains('settings') &&
        (await request(db.transaction('settings').objectStore('settings').get('settings'))) !== undefined;
      db.close();
      if (seeded) break;
    }
    if (i > 150) throw new Error('The extension never set up its database.');
    await new Promise((r) => setTimeout(r, 100));
  }
  const db = await request(indexedDB.open(setup.dbName));
  const tx = db.transaction(['settings'], 'readwrite');
  const store = tx.objectStore('settings');
  const row = (await request(store.get('settings'))) as { key: string; value: Record<string, unknown> };
  row.value.timing = { minDelayMs: 1500, maxDelayMs: 3000 };
  row.value.limits = { ...(row.value.limits as object), minGapMs: 0 };
  row.value.myName = setup.myName;
  row.value.myHandle = setup.myHandle;
  store.put(row);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/**
 * Picks the interface language in the options page's language select (found by its French option, so a
 * new layout does not hide it). Returns false when the select offers no option for this locale yet.
 */
export async function chooseLanguage(options: Page, locale: string): Promise<boolean> {
  const select = options.locator('select:has(option[value="fr"])').first();
  await select.waitFor();
  const values = await select
    .locator('option')
    .evaluateAll((list) => list.map((option) => (option as HTMLOptionElement).value));
  const candidates = [locale, locale.replace('_', '-'), locale.toLowerCase(), locale.split('_')[0] ?? ''];
  const value = candidates.find((candidate) => values.includes(candidate));
  if (!value) return false;
  await select.selectOption(value);
  const lang = (locale.split('_')[0] ?? locale).toLowerCase();
  await options.waitForFunction((l) => document.documentElement.lang.toLowerCase().startsWith(l), lang);
  return true;
}

/** Switches away mode on in the popup, then picks the second "away until" choice when the popup has them. */
export async function switchAwayOn(popup: Page): Promise<void> {
  const toggle = popup.getByRole('switch').first();
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click();
  await popup.waitForFunction(
    () => document.querySelector('[role="switch"]')?.getAttribute('aria-checked') === 'true',
  );
  // 1 hour, tonight, tomorrow morning, then the date field's button: "tomorrow morning" reads best.
  const choices = popup.locator('fieldset.until button');
  if ((await choices.count()) > 3) await choices.nth(2).click();
}

/**
 * Options → Try a message, filled in and run, so the shot shows a decision and its reason. False when the
 * page has no such section (the options were reorganised): the caller then shows the first section.
 */
export async function tryAMessage(
  options: Page,
  message: { text: string; handle: string; name: string },
): Promise<boolean> {
  await options.evaluate(() => {
    location.hash = 'dryRun';
  });
  const form = options.locator('form:has(textarea):has(button[type="submit"])').first();
  try {
    await form.waitFor({ timeout: 3000 });
  } catch {
    return false;
  }
  await form.locator('textarea').first().fill(message.text);
  const fields = form.locator('input:not([type]), input[type="text"]');
  if ((await fields.count()) >= 2) {
    await fields.nth(0).fill(message.handle);
    await fields.nth(1).fill(message.name);
  }
  await form.locator('button[type="submit"]').click();
  await form.locator('[aria-live] .card').waitFor();
  return true;
}

/**
 * Runs in an extension page: pins the open X chat tab, as a user keeping X's chat at hand does, so that
 * automatic sending types there instead of opening a tab of its own.
 */
export async function pinChatTab(): Promise<void> {
  type Tabs = {
    query(q: { url: string }): Promise<{ id?: number }[]>;
    update(id: number, p: { pinned: boolean }): Promise<unknown>;
  };
  const { tabs } = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
  for (const tab of await tabs.query({ url: 'https://x.com/i/chat*' })) {
    if (tab.id !== undefined) await tabs.update(tab.id, { pinned: true });
  }
}
