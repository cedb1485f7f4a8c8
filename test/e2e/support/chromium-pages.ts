import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { EXTENSION_DB, readStoreInPage } from './read-store.ts';
import { until } from './until.ts';

// Helpers for the tests and the bench that drive Playwright's Chromium directly, beside the shared session.

/** Opens `path` of the extension (`src/options/index.html`) in a new tab. */
export async function openExtensionPage(
  context: BrowserContext,
  extensionId: string,
  path: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
  return page;
}

/** Every record of one store of the extension's database, read from an extension page (the worker may be stopped). */
export async function readStoreFromPage(
  context: BrowserContext,
  extensionId: string,
  storeName: string,
): Promise<unknown[]> {
  const page = await openExtensionPage(context, extensionId, 'src/options/index.html');
  try {
    return await page.evaluate(readStoreInPage, [EXTENSION_DB, storeName] as [string, string]);
  } finally {
    await page.close();
  }
}

/** The same, read from the running worker when there is one (no tab opened), else from an extension page. */
export async function readStore(
  context: BrowserContext,
  extensionId: string,
  storeName: string,
): Promise<unknown[]> {
  const worker = context
    .serviceWorkers()
    .find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  if (worker) {
    try {
      return await worker.evaluate(readStoreInPage, [EXTENSION_DB, storeName] as [string, string]);
    } catch {
      // The worker was stopped while idle; an extension page reads the same database.
    }
  }
  return readStoreFromPage(context, extensionId, storeName);
}

/** Stops the extension's service worker through CDP, as Chrome does with an idle one, and waits until it has. */
export async function stopServiceWorkers(cdp: CDPSession): Promise<void> {
  let stopped = false;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    if (versions.some((v) => v.runningStatus === 'stopped')) stopped = true;
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await until('the service worker to stop', async () => stopped, 5_000);
}

/** Waits for the fake client's lazy chat UI (`window.fakeX.ready()`). */
export async function fakeXReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { fakeX?: { ready(): boolean } }).fakeX?.ready());
}

/** Loads a path of the fake https://x.com in `page` and waits for its chat UI. */
export async function gotoX(page: Page, path = '/i/chat'): Promise<void> {
  await page.goto(`https://x.com${path}`);
  await fakeXReady(page);
}

/**
 * Runs in an extension page: whether an X tab's adapter passed its self-check, asked from the worker as the
 * popup does. Self-contained, as page functions must be.
 */
export async function chatTabReadyInPage(): Promise<boolean> {
  const runtime = (
    globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
  ).chrome.runtime;
  const records = (await runtime.sendMessage({ type: 'getAdapterStatuses', payload: {} })) as {
    status: { ok: boolean; variant: string };
  }[];
  return records.some((record) => record.status.ok && record.status.variant !== 'none');
}
