import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { FakeXConfig, Seed } from '../fixtures/fake-x/src/api.ts';
import { configureInPage, type SendingSetup, until } from './sending-helpers.ts';
import { chromiumPath } from './support/browser-paths.ts';
import { killProcessesUsing, removeProfile, withTimeout } from './support/cleanup.ts';
import { fakeXReply } from './support/fake-x-server.ts';
import { classify, type ExternalRequest } from './support/network-policy.ts';
import { extensionDir } from './support/paths.ts';
import { EXTENSION_DB, readStoreInPage } from './support/read-store.ts';
import { RecordingProxy } from './support/recording-proxy.ts';
import { remoteFakeX } from './support/remote-fake-x.ts';
import type { RemoteFakeX } from './support/session-types.ts';

/**
 * Chromium with the built extension on the fake X, for the sending cases that need the browser itself:
 * several X tabs, reloading the one that types, stopping the extension's service worker (CDP). The shared
 * session keeps its context to itself, hence this small launcher (same routing and network fence).
 */
export interface SendingBrowser {
  context: BrowserContext;
  /** The first X tab. */
  page: Page;
  extensionId: string;
  external: ExternalRequest[];
  fakeX(page?: Page): RemoteFakeX;
  newXPage(path?: string): Promise<Page>;
  extensionPage(): Promise<Page>;
  store<T>(name: string): Promise<T[]>;
  /** Configures auto (or suggest) mode as the options page and popup do, then waits for a healthy X tab. */
  configure(setup: SendingSetup): Promise<void>;
  /** Stops the extension's service worker, as Chrome does with an idle one. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchSending(seed: Seed, config: Partial<FakeXConfig> = {}): Promise<SendingBrowser> {
  const dist = extensionDir('chromium');
  const external: ExternalRequest[] = [];
  const proxy = await RecordingProxy.start(external);
  const profile = mkdtempSync(join(tmpdir(), 'afx-sending-'));
  let context: BrowserContext | null = null;
  const close = async () => {
    try {
      if (context) await withTimeout(context.close(), 10_000, 'closing Chromium');
    } catch {
      // The kill below ends it.
    } finally {
      killProcessesUsing(profile);
      removeProfile(profile);
      await proxy.close();
    }
  };
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: [...ARGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
      ignoreDefaultArgs: ['--disable-extensions'],
      proxy: { server: `http://127.0.0.1:${proxy.port}` },
      viewport: { width: 1280, height: 800 },
    });
    const fakeConfig: Partial<FakeXConfig> = { churnPerSecond: 5, ...config, seed };
    await context.route('**/*', async (route) => {
      const request = route.request();
      const url = request.url();
      try {
        const disposition = classify(url);
        if (disposition === 'fake-x') {
          const reply = fakeXReply(url, request.isNavigationRequest(), fakeConfig);
          await route.fulfill({ status: reply.status, contentType: reply.contentType, body: reply.body });
        } else if (disposition === 'local') await route.continue();
        else {
          external.push({ url, source: 'page' });
          await route.abort('blockedbyclient');
        }
      } catch {
        // The browser closed with the request in flight.
      }
    });
    const ctx = context;
    const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    const newXPage = async (path = '/i/chat') => {
      const page = await ctx.newPage();
      await page.goto(`https://x.com${path}`);
      await page.waitForFunction(() =>
        (window as unknown as { fakeX?: { ready(): boolean } }).fakeX?.ready(),
      );
      return page;
    };
    const first = ctx.pages()[0] ?? (await ctx.newPage());
    await first.goto('https://x.com/i/chat');
    await first.waitForFunction(() => (window as unknown as { fakeX?: { ready(): boolean } }).fakeX?.ready());
    const extensionPage = async () => {
      const page = await ctx.newPage();
      await page.goto(`chrome-extension://${extensionId}/src/options/index.html`);
      return page;
    };
    const browser: SendingBrowser = {
      context: ctx,
      page: first,
      extensionId,
      external,
      fakeX: (page = first) =>
        remoteFakeX(<R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
          page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
        ),
      newXPage,
      extensionPage,
      async store<T>(name: string) {
        const page = await extensionPage();
        try {
          return (await page.evaluate(readStoreInPage, [EXTENSION_DB, name] as [string, string])) as T[];
        } finally {
          await page.close();
        }
      },
      async configure(setup) {
        const page = await extensionPage();
        try {
          await page.evaluate(configureInPage, { ...setup, dbName: EXTENSION_DB });
          await until('an X tab to pass its self-check', () =>
            page.evaluate(async () => {
              const runtime = (
                globalThis as unknown as {
                  chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
                }
              ).chrome.runtime;
              const records = (await runtime.sendMessage({ type: 'getAdapterStatuses', payload: {} })) as {
                status: { ok: boolean; variant: string };
              }[];
              return records.some((r) => r.status.ok && r.status.variant !== 'none');
            }),
          );
        } finally {
          await page.close();
        }
      },
      async stopWorker() {
        const page = await extensionPage();
        try {
          const cdp = await ctx.newCDPSession(page);
          let stopped = false;
          cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
            if (versions.some((v) => v.runningStatus === 'stopped')) stopped = true;
          });
          await cdp.send('ServiceWorker.enable');
          await cdp.send('ServiceWorker.stopAllWorkers');
          await until('the service worker to stop', async () => stopped, 5_000);
          await cdp.detach();
        } finally {
          await page.close();
        }
      },
      close,
    };
    return browser;
  } catch (error) {
    await close();
    throw error;
  }
}
