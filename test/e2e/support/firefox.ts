import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../scripts/manifest-for.ts';
import { firefoxPath } from './browser-paths.ts';
import { killProcessesUsing, removeProfile, withTimeout } from './cleanup.ts';
import { fakeXReply } from './fake-x-server.ts';
import { classify } from './network-policy.ts';
import { wrapPuppeteer } from './page-wrappers.ts';
import { extensionDir } from './paths.ts';
import { EXTENSION_DB, readStoreInPage } from './read-store.ts';
import type { ResolvedOptions, Session, SessionPage } from './session-types.ts';
import { until } from './until.ts';

/**
 * Firefox ESR through Puppeteer + WebDriver BiDi (Playwright needs a patched Firefox). The driver cannot
 * navigate to moz-extension:// pages, so the add-on's UUID is pinned by pref and its pages are opened
 * from the x.com page with window.open (the e2e build lists them in web_accessible_resources).
 */
export async function openFirefox(options: ResolvedOptions): Promise<Session> {
  const dist = options.extension ? (options.extensionPath ?? extensionDir('firefox')) : null;
  // A store package lists no web_accessible_resources, so x.com cannot open its pages: the driver
  // navigates to them instead, which Firefox allows only with system access.
  const navigateToPages = options.extensionPath !== null;
  const profile = mkdtempSync(join(tmpdir(), 'afx-firefox-'));
  const uuid = randomUUID();
  let browser: Browser | null = null;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: firefoxPath(),
      headless: options.headless,
      userDataDir: profile,
      args: navigateToPages ? ['--remote-allow-system-access'] : [],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        // Everything that is not intercepted goes to the recording proxy (loopback stays direct).
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': options.proxyPort,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': options.proxyPort,
        'network.proxy.share_proxy_settings': true,
        'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
        // Quiets most of Firefox's own traffic (remote settings still polls: labelled `browser`).
        'extensions.update.enabled': false,
        'extensions.getAddons.cache.enabled': false,
        'app.normandy.enabled': false,
        'browser.safebrowsing.update.enabled': false,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
      },
    });
    // Firefox puts the focus of its blank startup tab in the address bar, and a driver's navigation does
    // not move it to the page: X loaded there never has the focus, even when shown, and Space or Enter
    // on a focused button does nothing (a mouse click still works). X gets a tab of its own, which takes
    // the focus like a tab the user opens, and the startup tab goes.
    const startup = (await browser.pages())[0];
    if (dist) {
      await browser.installExtension(dist);
      // Installing opens the welcome page: closed unless the test is about it.
      if (options.welcome !== 'keep') await (await welcomeTab(browser, uuid)).close();
    }
    const page = await xPage(await browser.newPage(), options);
    await startup?.close();
    await page.goto(options.path);
    return session(browser, page, dist ? uuid : null, profile, options, navigateToPages);
  } catch (error) {
    await shutdown(browser, profile);
    throw error;
  }
}

/** Serves https://x.com from the fake and blocks the rest, for one tab. */
async function xPage(page: Page, options: ResolvedOptions): Promise<SessionPage> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    const disposition = classify(url);
    let done: Promise<void>;
    if (disposition === 'fake-x') {
      const reply = fakeXReply(url, request.isNavigationRequest(), options.fakeXConfig);
      done = request.respond({ status: reply.status, contentType: reply.contentType, body: reply.body });
    } else if (disposition === 'local') done = request.continue();
    else {
      options.externalLog.push({ url, source: 'page' });
      done = request.abort('blockedbyclient');
    }
    // A request still in flight when the browser closes is not a test failure.
    done.catch(() => undefined);
  });
  return wrapPuppeteer(page);
}

function session(
  browser: Browser,
  page: SessionPage,
  uuid: string | null,
  profile: string,
  options: ResolvedOptions,
  navigateToPages: boolean,
): Session {
  const requireUuid = () => {
    if (!uuid) throw new Error('This session was opened without the extension.');
    return uuid;
  };
  let reader: SessionPage | null = null;
  const extensionPage = async (path: string): Promise<SessionPage> => {
    const url = `moz-extension://${requireUuid()}/${path.replace(/^\//, '')}`;
    if (navigateToPages) return navigateTo(await browser.newPage(), url);
    const before = new Set(await browser.pages());
    await page.evaluate((target) => {
      window.open(target, '_blank');
    }, url);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      for (const candidate of await browser.pages()) {
        if (before.has(candidate)) continue;
        const wrapped = wrapPuppeteer(candidate);
        const href = await wrapped.url().catch(() => '');
        if (href.startsWith(url)) return wrapped;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${url} did not open (is it in web_accessible_resources of dist/firefox-e2e?)`);
  };
  return {
    browser: 'firefox',
    variant: options.variant,
    page,
    fakeX: page.fakeX,
    configure: (config) => Object.assign(options.fakeXConfig, config),
    extensionId: uuid,
    async newTab(path = '/i/chat') {
      const tab = await xPage(await browser.newPage(), options);
      await tab.goto(path);
      return tab;
    },
    extensionPage,
    async welcomePage() {
      // Opened before the X tab, it is behind it now: in front, as the user meets it on install.
      const tab = await welcomeTab(browser, requireUuid());
      await tab.bringToFront();
      return wrapPuppeteer(tab);
    },
    async readExtensionStore(storeName) {
      if (!reader) {
        // The reader opens in a tab of its own, in front: the X tab the user was on goes back there.
        const shown = await page.evaluate(() => document.visibilityState === 'visible', undefined);
        reader = await extensionPage('src/options/index.html');
        if (shown) await page.bringToFront();
      }
      return reader.evaluate(readStoreInPage, [EXTENSION_DB, storeName] as [string, string]);
    },
    externalRequests: ({ includeBrowser = false } = {}) =>
      options.externalLog.filter((r) => includeBrowser || r.source !== 'browser'),
    close: () => shutdown(browser, profile),
  };
}

/**
 * The tab the add-on opened on install with its welcome page. Its address is read from the page itself
 * too: under BiDi, Puppeteer may still report about:blank for a page it did not navigate.
 */
function welcomeTab(browser: Browser, uuid: string): Promise<Page> {
  const url = `moz-extension://${uuid}/src/welcome/`;
  const href = (page: Page) => page.evaluate(() => location.href).catch(() => page.url());
  return until(
    'the welcome page to open on install',
    async () => {
      for (const page of await browser.pages()) if ((await href(page)).startsWith(url)) return page;
      return undefined;
    },
    20_000,
  );
}

/**
 * Puppeteer's goto never sees the load of a moz-extension page under BiDi (it keeps reporting
 * about:blank), so the navigation is started and the page itself says when it has loaded.
 */
async function navigateTo(tab: Page, url: string): Promise<SessionPage> {
  tab.goto(url, { timeout: 10_000 }).catch(() => undefined);
  const wrapped = wrapPuppeteer(tab);
  const loaded = (target: string) => location.href.startsWith(target) && document.readyState === 'complete';
  const deadline = Date.now() + 10_000;
  // An evaluation that lands while the document is being replaced fails: that is "not yet".
  while (!(await wrapped.evaluate(loaded, url).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${url} did not load`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return wrapped;
}

async function shutdown(browser: Browser | null, profile: string): Promise<void> {
  try {
    if (browser) await withTimeout(browser.close(), 10_000, 'closing Firefox');
  } catch {
    browser?.process()?.kill('SIGKILL');
  } finally {
    killProcessesUsing(profile);
    removeProfile(profile);
  }
}
