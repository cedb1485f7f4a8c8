import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterTemplatesFor } from '../../src/core/defaults.ts';
import { EXTENSION_DB, readStoreInPage } from './support/read-store.ts';
import { type Cockpit, launchCockpit, readBadge } from './ui-chromium.ts';

/** What a new installation fills; every other store must be empty after erasing. */
const SEEDED = ['settings', 'rules', 'templates'];
const FILLED = ['people', 'threads', 'incoming', 'ledger', 'jobs', 'activity', 'suggestions'];

let cockpit: Cockpit;
beforeAll(async () => {
  cockpit = await launchCockpit();
});
afterAll(async () => {
  await cockpit?.close();
});

/**
 * Runs in the options page: a profile in use, written with raw IndexedDB so it does not depend on the code
 * under test. One row in every store that is empty after installation, and a retry in storage.local.
 */
async function useTheProfile([dbName, at]: [string, number]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const rows: Record<string, unknown> = {
    people: {
      key: '4242',
      id: '4242',
      handle: 'alice',
      handles: ['alice'],
      name: 'Alice',
      firstSeenAt: at,
      lastRepliedAt: at,
      silencedAt: at,
    },
    threads: { threadId: '100-200', firstSeenAt: at, lastIncomingAt: at, lastAutoReplyAt: null },
    incoming: {
      threadId: '100-200',
      messageId: 'm1',
      threadKind: 'direct',
      senderHandle: 'alice',
      senderName: 'Alice',
      text: 'Are you around?',
      timeLabel: '10:42',
      detectedAt: at,
      source: 'thread',
    },
    ledger: {
      threadId: '100-200',
      messageId: 'm1',
      jobId: 'job-1',
      state: 'reserved',
      reservedAt: at,
      updatedAt: at,
    },
    jobs: {
      id: 'job-1',
      threadId: '100-200',
      messageId: 'm1',
      contactHandle: 'alice',
      text: 'Back soon',
      timing: { readMs: 0, thinkMs: 0, chunks: ['Back soon'], keyDelaysMs: [0], totalMs: 0 },
      // Far ahead: with no X tab open the worker only keeps it waiting.
      dueAt: at + 86_400_000,
      state: 'pending',
      attempts: 0,
      createdAt: at,
      leaseTabId: null,
      leaseUntil: null,
    },
    suggestions: {
      threadId: '100-200',
      messageId: 'm1',
      text: 'Back soon',
      ruleId: 'r',
      templateId: 't',
      createdAt: at,
    },
    activity: { at, kind: 'scheduled', threadId: '100-200', messageId: 'm1', contactHandle: 'alice' },
  };
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(Object.keys(rows), 'readwrite');
    for (const [store, row] of Object.entries(rows)) tx.objectStore(store).put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  const chromeApi = (
    globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
  ).chrome;
  await chromeApi.storage.local.set({
    'retry:100-200/m1': { threadId: '100-200', messageId: 'm1', retryAt: at },
  });
}

async function badgeTitle(): Promise<string> {
  return (await readBadge(await cockpit.liveWorker())).title;
}

/** Runs in a page: the object stores the database has now, whatever version it is at. */
async function storeNames(dbName: string): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const names = [...db.objectStoreNames];
  db.close();
  return names;
}

async function stores(page: Page): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const store of await page.evaluate(storeNames, EXTENSION_DB))
    out[store] = await page.evaluate(readStoreInPage, [EXTENSION_DB, store] as [string, string]);
  return out;
}

describe('Options → Reset → Erase everything, in Chromium', () => {
  it('switches away off and leaves only the first-run defaults, in every store and in storage.local', async () => {
    const page = await cockpit.open('src/options/index.html#reset');
    await page.getByRole('heading', { name: 'Erase everything' }).waitFor();
    // Away on the way the popup does it: the worker writes it and the badge follows.
    await page.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({
        type: 'setAway',
        payload: { enabled: true, until: null },
      }),
    );
    await expect.poll(badgeTitle, { timeout: 10_000 }).not.toBe('Away for X — Not away');
    await page.evaluate(useTheProfile, [EXTENSION_DB, Date.now()] as [string, number]);
    const before = await stores(page);
    for (const store of [...SEEDED, ...FILLED]) expect(before[store]?.length, store).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Erase everything…' }).click();
    await page.getByRole('button', { name: 'Yes, erase everything' }).click();
    await page.getByText('Everything was erased. Away mode is off and the defaults are back.').waitFor();

    const after = await stores(page);
    expect(Object.keys(after)).toEqual(expect.arrayContaining([...SEEDED, ...FILLED]));
    for (const [store, rows] of Object.entries(after)) {
      if (SEEDED.includes(store)) continue;
      // The worker notes at once that away is now off (to notice a later away period ending): no digest,
      // nothing about anyone.
      if (store === 'digests') {
        expect(rows, store).toEqual(
          rows.length === 0 ? [] : [{ id: 'watch', watch: { away: false, since: expect.any(Number) } }],
        );
      } else expect(rows, store).toEqual([]);
    }
    type SettingsRow = { value: { myName: string; schedule: { awayEnabled: boolean } } };
    expect(after.settings).toHaveLength(1);
    const settings = (after.settings as SettingsRow[])[0]?.value;
    expect(settings?.schedule.awayEnabled).toBe(false);
    expect(settings?.myName).toBe('');
    expect(after.rules?.map((rule) => (rule as { id: string }).id)).toEqual(['away-default']);
    // Reseeded in the browser's language, English here.
    expect(after.templates).toHaveLength(starterTemplatesFor('en').length);
    const local = await page.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { get(keys: null): Promise<object> } } } }
      ).chrome.storage.local.get(null),
    );
    expect(local).toEqual({});
    await expect.poll(badgeTitle, { timeout: 10_000 }).toBe('Away for X — Not away');
    await page.close();
  });
});
