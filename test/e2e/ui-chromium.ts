import type { BrowserContext, Page, Worker } from 'playwright-core';
import { extensionWorker, launchChromiumWithExtension } from './support/chromium-launch.ts';
import { routeRequests } from './support/chromium-routing.ts';

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
  const { context, worker, extensionId, close } = await launchChromiumWithExtension({
    profilePrefix: 'afx-ui-',
    // No fake X here: only the extension's own files load.
    prepare: (context) =>
      routeRequests(context, {
        classify: (url) => (url.startsWith('chrome-extension://') ? 'local' : 'external'),
      }),
  });
  return {
    context,
    worker,
    extensionId,
    liveWorker: () => extensionWorker(context),
    async open(path, { width = 1280, height = 800, colorScheme = 'light' } = {}) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme });
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    close,
  };
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
