import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, welcomeTab } from './chromium-launch.ts';
import { readStore } from './chromium-pages.ts';
import { routeRequests } from './chromium-routing.ts';
import { wrapPlaywright } from './page-wrappers.ts';
import { extensionDir } from './paths.ts';
import type { ResolvedOptions, Session, SessionPage } from './session-types.ts';

export async function openChromium(options: ResolvedOptions): Promise<Session> {
  const launched = await launchChromium({
    dist: options.extension ? (options.extensionPath ?? extensionDir('chromium')) : null,
    profilePrefix: 'afx-chromium-',
    headless: options.headless,
    // The proxy belongs to the session, which closes it.
    proxy: { port: options.proxyPort },
    bypassLoopback: true,
    welcome: options.welcome,
    prepare: (context) =>
      routeRequests(context, { fakeX: options.fakeXConfig, external: options.externalLog }),
  });
  try {
    const { context } = launched;
    const first = context.pages()[0] ?? (await context.newPage());
    const page = wrapPlaywright(first);
    await page.goto(options.path);
    return session(context, page, launched.extensionId, launched.close, options);
  } catch (error) {
    await launched.close();
    throw error;
  }
}

function session(
  context: BrowserContext,
  page: SessionPage,
  extensionId: string | null,
  close: () => Promise<void>,
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
    welcomePage: async () => wrapPlaywright(await welcomeTab(context, requireId())),
    readExtensionStore: async (storeName) => readStore(context, requireId(), storeName),
    externalRequests: ({ includeBrowser = false } = {}) =>
      options.externalLog.filter((r) => includeBrowser || r.source !== 'browser'),
    close,
  };
}
