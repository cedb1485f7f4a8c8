import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from '../test/e2e/support/browser-paths.ts';
import { killProcessesUsing, removeProfile, withTimeout } from '../test/e2e/support/cleanup.ts';
import { fakeXReply } from '../test/e2e/support/fake-x-server.ts';
import { classify } from '../test/e2e/support/network-policy.ts';
import { extensionDir } from '../test/e2e/support/paths.ts';
import { RecordingProxy } from '../test/e2e/support/recording-proxy.ts';
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

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Headless tabs are never "hidden", but be explicit: timers must not be throttled while measuring.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
];

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
  const dist = options.extension ? (options.dist ?? extensionDir('chromium')) : null;
  const profile = mkdtempSync(join(tmpdir(), 'afx-bench-'));
  const proxy = await RecordingProxy.start([]);
  let context: BrowserContext | null = null;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: options.headless ?? true,
      args: dist ? [...ARGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : ARGS,
      ...(dist ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
      proxy: { server: `http://127.0.0.1:${proxy.port}` },
      viewport: { width: 1280, height: 800 },
    });
    await context.route('**/*', async (route) => {
      const request = route.request();
      const url = request.url();
      const disposition = classify(url);
      try {
        if (disposition === 'fake-x') {
          const reply = fakeXReply(url, request.isNavigationRequest(), options.config);
          await route.fulfill({ status: reply.status, contentType: reply.contentType, body: reply.body });
        } else if (disposition === 'local') await route.continue();
        else await route.abort('blockedbyclient');
      } catch {
        // The browser closed with the request in flight.
      }
    });
    await context.addInitScript({ content: NAME_SHIM });
    for (const content of options.initScripts) await context.addInitScript({ content });
    const worker = dist
      ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 })))
      : null;
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    const opened = context;
    return {
      context,
      page,
      cdp,
      worker,
      extensionId: worker ? new URL(worker.url()).host : null,
      close: () => shutdown(opened, profile, proxy),
    };
  } catch (error) {
    await shutdown(context, profile, proxy);
    throw error;
  }
}

async function shutdown(
  context: BrowserContext | null,
  profile: string,
  proxy: RecordingProxy,
): Promise<void> {
  try {
    if (context) await withTimeout(context.close(), 10_000, 'closing Chromium');
  } catch {
    // The kill below ends it.
  } finally {
    killProcessesUsing(profile);
    removeProfile(profile);
    await proxy.close();
  }
}
