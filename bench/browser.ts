import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { launchChromium } from '../test/e2e/support/chromium-launch.ts';
import { routeRequests } from '../test/e2e/support/chromium-routing.ts';
import { extensionDir } from '../test/e2e/support/paths.ts';
import type { FakeXConfig } from '../test/fixtures/fake-x/src/api.ts';

/**
 * Chromium driven by playwright-core directly (the test harness hides the CDP session the bench needs),
 * serving https://x.com from the fake client exactly as the harness does, with or without the built
 * extension, and nothing else reachable: pages are routed, and everything routing does not see (the
 * browser's own update and sign-in traffic, an extension worker) goes to a proxy that refuses it.
 */
export interface BenchBrowser {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  /** The extension's service worker; null without the extension. */
  worker: Worker | null;
  extensionId: string | null;
  close(): Promise<void>;
}

// Headless tabs are never "hidden", but be explicit: timers must not be throttled while measuring.
const MEASURING_ARGS = ['--disable-background-timer-throttling', '--disable-renderer-backgrounding'];

// tsx compiles named inner functions to `__name(fn, "name")`; functions Playwright serialises into a page
// carry that call with them, so every page gets a harmless identity `__name`.
const NAME_SHIM = 'globalThis.__name ??= (f) => f;';

export async function launchBench(options: {
  extension: boolean;
  config: Partial<FakeXConfig>;
  initScripts: readonly string[];
  headless?: boolean;
  /** Another build of the extension than dist/chrome, e.g. to compare two revisions side by side. */
  dist?: string;
}): Promise<BenchBrowser> {
  const launched = await launchChromium({
    dist: options.extension ? (options.dist ?? extensionDir('chromium')) : null,
    profilePrefix: 'afx-bench-',
    headless: options.headless ?? true,
    extraArgs: MEASURING_ARGS,
    proxy: { log: [] },
    async prepare(context) {
      await routeRequests(context, { fakeX: options.config });
      await context.addInitScript({ content: NAME_SHIM });
      for (const content of options.initScripts) await context.addInitScript({ content });
    },
  });
  try {
    const { context } = launched;
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    return {
      context,
      page,
      cdp,
      worker: launched.worker,
      extensionId: launched.extensionId,
      close: launched.close,
    };
  } catch (error) {
    await launched.close();
    throw error;
  }
}
