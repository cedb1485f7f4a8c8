import type { BrowserContext, Page } from 'playwright-core';
import type { FakeXConfig, Seed } from '../fixtures/fake-x/src/api.ts';
import { configureInPage, type SendingSetup } from './sending-helpers.ts';
import { launchChromiumWithExtension } from './support/chromium-launch.ts';
import {
  chatTabReadyInPage,
  gotoX,
  openExtensionPage,
  readStoreFromPage,
  stopServiceWorkers,
} from './support/chromium-pages.ts';
import { routeRequests } from './support/chromium-routing.ts';
import type { ExternalRequest } from './support/network-policy.ts';
import { EXTENSION_DB } from './support/read-store.ts';
import { remoteFakeX } from './support/remote-fake-x.ts';
import type { RemoteFakeX } from './support/session-types.ts';
import { until } from './support/until.ts';

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

/** `dist`: another unpacked build than dist/chrome (e.g. one adjusted for a test). */
export async function launchSending(
  seed: Seed,
  config: Partial<FakeXConfig> = {},
  dist?: string,
): Promise<SendingBrowser> {
  const external: ExternalRequest[] = [];
  const fakeX: Partial<FakeXConfig> = { churnPerSecond: 5, ...config, seed };
  const launched = await launchChromiumWithExtension({
    ...(dist ? { dist } : {}),
    profilePrefix: 'afx-sending-',
    proxy: { log: external },
    prepare: (context) => routeRequests(context, { fakeX, external }),
  });
  try {
    return await sendingBrowser(launched.context, launched.extensionId, external, launched.close);
  } catch (error) {
    await launched.close();
    throw error;
  }
}

async function sendingBrowser(
  ctx: BrowserContext,
  extensionId: string,
  external: ExternalRequest[],
  close: () => Promise<void>,
): Promise<SendingBrowser> {
  const newXPage = async (path = '/i/chat') => {
    const page = await ctx.newPage();
    await gotoX(page, path);
    return page;
  };
  const first = ctx.pages()[0] ?? (await ctx.newPage());
  await gotoX(first);
  const extensionPage = () => openExtensionPage(ctx, extensionId, 'src/options/index.html');
  return {
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
    store: async <T>(name: string) => (await readStoreFromPage(ctx, extensionId, name)) as T[],
    async configure(setup) {
      const page = await extensionPage();
      try {
        await page.evaluate(configureInPage, { ...setup, dbName: EXTENSION_DB });
        await until('an X tab to pass its self-check', () => page.evaluate(chatTabReadyInPage));
      } finally {
        await page.close();
      }
    },
    async stopWorker() {
      const page = await extensionPage();
      try {
        const cdp = await ctx.newCDPSession(page);
        await stopServiceWorkers(cdp);
        await cdp.detach();
      } finally {
        await page.close();
      }
    },
    close,
  };
}
