import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Route, type Worker } from 'playwright-core';
import { chromiumPath } from './browser-paths.ts';
import { killProcessesUsing, removeProfile, withTimeout } from './cleanup.ts';
import { fakeXReply } from './fake-x-server.ts';
import { classify } from './network-policy.ts';
import { wrapPlaywright } from './page-wrappers.ts';
import { extensionDir } from './paths.ts';
import { EXTENSION_DB, readStoreInPage } from './read-store.ts';
import type { ResolvedOptions, Session, SessionPage } from './session-types.ts';

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function openChromium(options: ResolvedOptions): Promise<Session> {
  const dist = options.extension ? extensionDir('chromium') : null;
  const profile = mkdtempSync(join(tmpdir(), 'afx-chromium-'));
  let context: BrowserContext | null = null;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: options.headless,
      args: dist
        ? [...BASE_ARGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`]
        : BASE_ARGS,
      // Playwright adds --disable-extensions by default; it must not when the extension is loaded.
      ...(dist ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
      // Loopback named in `bypass` so Playwright does not force it through the proxy too.
      proxy: { server: `http://127.0.0.1:${options.proxyPort}`, bypass: 'localhost,127.0.0.1,[::1]' },
      viewport: { width: 1280, height: 800 },
    });
    await context.route('**/*', (route) => handle(route).catch(() => undefined));
    // Errors after the browser closed (a request still in flight) are not test failures.
    async function handle(route: Route): Promise<void> {
      const request = route.request();
      const url = request.url();
      const disposition = classify(url);
      if (disposition === 'fake-x') {
        const reply = fakeXReply(url, request.isNavigationRequest(), options.fakeXConfig);
        await route.fulfill({ status: reply.status, contentType: reply.contentType, body: reply.body });
      } else if (disposition === 'local') await route.continue();
      else {
        options.externalLog.push({ url, source: 'page' });
        await route.abort('blockedbyclient');
      }
    }
    const worker = dist ? await serviceWorker(context) : null;
    const extensionId = worker ? new URL(worker.url()).host : null;
    const first = context.pages()[0] ?? (await context.newPage());
    const page = wrapPlaywright(first);
    await page.goto(options.path);
    return session(context, page, extensionId, profile, options);
  } catch (error) {
    await shutdown(context, profile);
    throw error;
  }
}

async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
}

function session(
  context: BrowserContext,
  page: SessionPage,
  extensionId: string | null,
  profile: string,
  options: ResolvedOptions,
): Session {
  const requireId = () => {
    if (!extensionId) throw new Error('This session was opened without the extension.');
    return extensionId;
  };
  const openPage = async (url: string): Promise<SessionPage> => {
    const tab: Page = await context.newPage();
    const wrapped = wrapPlaywright(tab);
    await wrapped.goto(url);
    return wrapped;
  };
  return {
    browser: 'chromium',
    variant: options.variant,
    page,
    fakeX: page.fakeX,
    configure: (config) => Object.assign(options.fakeXConfig, config),
    extensionId,
    newTab: (path = '/i/chat') => openPage(path),
    extensionPage: (path) => openPage(`chrome-extension://${requireId()}/${path.replace(/^\//, '')}`),
    async readExtensionStore(storeName) {
      const id = requireId();
      const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`));
      if (worker) {
        try {
          return await worker.evaluate(readStoreInPage, [EXTENSION_DB, storeName] as [string, string]);
        } catch {
          // The worker was stopped while idle; an extension page reads the same database.
        }
      }
      const reader = await openPage(`chrome-extension://${id}/src/options/index.html`);
      try {
        return await reader.evaluate(readStoreInPage, [EXTENSION_DB, storeName] as [string, string]);
      } finally {
        await reader.close();
      }
    },
    externalRequests: ({ includeBrowser = false } = {}) =>
      options.externalLog.filter((r) => includeBrowser || r.source !== 'browser'),
    close: () => shutdown(context, profile),
  };
}

async function shutdown(context: BrowserContext | null, profile: string): Promise<void> {
  try {
    if (context) await withTimeout(context.close(), 10_000, 'closing Chromium');
  } catch {
    // Fall through to the kill below.
  } finally {
    killProcessesUsing(profile);
    removeProfile(profile);
  }
}
