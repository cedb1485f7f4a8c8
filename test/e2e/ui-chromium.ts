import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from './support/browser-paths.ts';
import { killProcessesUsing, removeProfile, withTimeout } from './support/cleanup.ts';
import { extensionDir } from './support/paths.ts';

/**
 * Chromium with the built extension, for the cockpit's own tests: they need what the shared session
 * wrapper keeps to itself (colour scheme emulation, screenshots, the worker to read the badge). Every
 * request that is not the extension's own is refused, so nothing can reach the network.
 */
export interface Cockpit {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Opens an extension page (`src/popup/index.html`) in a tab of this size and colour scheme. */
  open(
    path: string,
    options?: { width?: number; height?: number; colorScheme?: 'light' | 'dark' },
  ): Promise<Page>;
  /** The worker can be stopped while idle; this returns the live one. */
  liveWorker(): Promise<Worker>;
  close(): Promise<void>;
}

export async function launchCockpit(): Promise<Cockpit> {
  const dist = extensionDir('chromium');
  const profile = mkdtempSync(join(tmpdir(), 'afx-ui-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
    ],
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  try {
    await context.route('**/*', (route) =>
      (route.request().url().startsWith('chrome-extension://') ? route.continue() : route.abort()).catch(
        () => undefined,
      ),
    );
    const liveWorker = async () =>
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const worker = await liveWorker();
    const extensionId = new URL(worker.url()).host;
    return {
      context,
      worker,
      extensionId,
      liveWorker,
      async open(path, { width = 1280, height = 800, colorScheme = 'light' } = {}) {
        const page = await context.newPage();
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme });
        await page.goto(`chrome-extension://${extensionId}/${path}`);
        return page;
      },
      close: async () => {
        try {
          await withTimeout(context.close(), 10_000, 'closing Chromium');
        } finally {
          killProcessesUsing(profile);
          removeProfile(profile);
        }
      },
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    killProcessesUsing(profile);
    removeProfile(profile);
    throw error;
  }
}

/** The toolbar button as the worker set it (chrome.action has no page-side reader). */
export function readBadge(worker: Worker): Promise<{ text: string; title: string }> {
  return worker.evaluate(async () => {
    const action = (
      globalThis as unknown as {
        chrome: {
          action: {
            getBadgeText(details: object): Promise<string>;
            getTitle(details: object): Promise<string>;
          };
        };
      }
    ).chrome.action;
    return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
  });
}
