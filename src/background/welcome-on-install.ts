import type { Runtime, Tabs } from 'webextension-polyfill';

/** The first-run page, as built (vite.config.ts lists it beside the manifest's pages). */
export const WELCOME_PAGE = 'src/welcome/index.html';

type RuntimeDeps = Pick<Runtime.Static, 'getURL'> & {
  onInstalled: Pick<Runtime.Static['onInstalled'], 'addListener'>;
};

/**
 * A new install opens the welcome page once, in a tab of its own: who you are, the language and text of
 * your replies, suggest or automatic, and a try. Updates (of the extension or the browser) open nothing.
 * The page switches nothing on by itself: away stays off until the user turns it on.
 */
export function registerWelcome(runtime: RuntimeDeps, tabs: Pick<Tabs.Static, 'create'>): void {
  runtime.onInstalled.addListener((details) => {
    if (details.reason !== 'install') return;
    tabs
      .create({ url: runtime.getURL(WELCOME_PAGE), active: true })
      .catch((error: unknown) => console.error('Could not open the welcome page', error));
  });
}
