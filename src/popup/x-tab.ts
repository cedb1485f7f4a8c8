import * as v from 'valibot';
import browser from 'webextension-polyfill';
import type { MessageDef } from '../messaging/define.ts';
import { sendToTab } from '../messaging/send.ts';
import type { TabProblem } from '../messaging/ui.ts';

/** Hosts where X's chat runs, as in the manifest's content_scripts. */
const X_HOSTS = new Set(['x.com', 'twitter.com', 'chat.x.com']);
/** The same hosts as match patterns, for `tabs.query`. */
export const X_URL_PATTERNS = [...X_HOSTS].map((host) => `https://${host}/*`);

export function isXUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && X_HOSTS.has(hostname);
  } catch {
    return false;
  }
}

/** What the popup needs to know of a tab (a subset of browser.tabs.Tab). */
export interface TabInfo {
  id?: number;
  url?: string;
  lastAccessed?: number;
}

/** The X tab used most recently, in any window; null when none is open. */
export function mostRecentXTab(tabs: readonly TabInfo[]): number | null {
  let best: TabInfo | null = null;
  for (const tab of tabs) {
    if (tab.id === undefined || !isXUrl(tab.url)) continue;
    if (!best || (tab.lastAccessed ?? 0) > (best.lastAccessed ?? 0)) best = tab;
  }
  return best?.id ?? null;
}

/**
 * One of this extension's pages: the popup opened in a tab or a detached window (then it is the active
 * tab itself, found by id even when the browser hides the URL), or the options page.
 */
async function isOwnPage(tab: TabInfo): Promise<boolean> {
  if (tab.url?.startsWith(browser.runtime.getURL(''))) return true;
  const current = await browser.tabs.getCurrent();
  return current?.id !== undefined && current.id === tab.id;
}

/**
 * The X tab the popup works with: the active tab of the current window when it is on X (its URL is
 * readable thanks to the host permissions). When that tab is one of our own pages, the user cannot be
 * looking at X in it, so the X tab they used last stands in. Any other site: none, rather than reaching
 * into a conversation the user is not looking at.
 */
export async function findXTabId(): Promise<number | null> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!active) return null;
  if (active.id !== undefined && isXUrl(active.url)) return active.id;
  if (!(await isOwnPage(active))) return null;
  return mostRecentXTab(await browser.tabs.query({ url: X_URL_PATTERNS }));
}

const problemAnswer = v.object({
  ok: v.literal(false),
  problem: v.picklist(['noXTab', 'noAnswer', 'noOpenThread', 'threadMismatch', 'noComposer']),
});

/**
 * Asks the content script of the X tab (see findXTabId) and checks the shape of its answer. Every way this can fail
 * (no X tab, no content script yet, an answer from an older version) comes back as a TabProblem, so the
 * popup always has words to show instead of an exception.
 */
export async function askXTab<Payload, Ok extends { ok: true }>(
  def: MessageDef<string, Payload, Ok | { ok: false; problem: TabProblem }>,
  payload: Payload,
  okSchema: v.GenericSchema<unknown, Ok>,
): Promise<Ok | { ok: false; problem: TabProblem }> {
  const tabId = await findXTabId();
  if (tabId === null) return { ok: false, problem: 'noXTab' };
  let answer: unknown;
  try {
    answer = await sendToTab(tabId, def, payload);
  } catch {
    // "Receiving end does not exist": the tab was opened before the extension, or is still loading.
    return { ok: false, problem: 'noAnswer' };
  }
  const ok = v.safeParse(okSchema, answer);
  if (ok.success) return ok.output;
  const problem = v.safeParse(problemAnswer, answer);
  return problem.success ? problem.output : { ok: false, problem: 'noAnswer' };
}
