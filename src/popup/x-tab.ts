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

/** The X tabs, most recently used first, in any window; tabs without an id are left out. */
export function xTabsByRecency(tabs: readonly TabInfo[]): number[] {
  return tabs
    .filter((tab) => tab.id !== undefined && isXUrl(tab.url))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))
    .map((tab) => tab.id as number);
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
 * The X tabs the popup may work with, best first: the active tab of the current window when it is on X
 * (its URL is readable thanks to the host permissions). When that tab is one of our own pages, the user
 * cannot be looking at X in it, so every X tab stands in, the one used last first. Any other site: none,
 * rather than reaching into a conversation the user is not looking at.
 */
export async function findXTabIds(): Promise<number[]> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!active) return [];
  if (active.id !== undefined && isXUrl(active.url)) return [active.id];
  if (!(await isOwnPage(active))) return [];
  return xTabsByRecency(await browser.tabs.query({ url: X_URL_PATTERNS }));
}

/** The X tab the popup works with (see findXTabIds); null when there is none. */
export async function findXTabId(): Promise<number | null> {
  return (await findXTabIds())[0] ?? null;
}

const problemAnswer = v.object({
  ok: v.literal(false),
  problem: v.picklist(['noXTab', 'noAnswer', 'noOpenThread', 'threadMismatch', 'noComposer']),
});

/**
 * Asks the content script of the X tab (see findXTabIds) and checks the shape of its answer. When the
 * popup stands in for several X tabs, the first one that can do it answers — the tab the user used last
 * may be the background tab automatic mode keeps, showing no conversation — else the problem of the
 * tab used last is told. Every way this can fail (no X tab, no content script yet, an answer from an
 * older version) comes back as a TabProblem, so the popup always has words to show instead of an exception.
 */
export async function askXTab<Payload, Ok extends { ok: true }>(
  def: MessageDef<Payload, Ok | { ok: false; problem: TabProblem }>,
  payload: Payload,
  okSchema: v.GenericSchema<unknown, Ok>,
): Promise<Ok | { ok: false; problem: TabProblem }> {
  let first: { ok: false; problem: TabProblem } | null = null;
  for (const tabId of await findXTabIds()) {
    const answer = await askOneTab(tabId, def, payload, okSchema);
    if (answer.ok) return answer;
    first ??= answer;
  }
  return first ?? { ok: false, problem: 'noXTab' };
}

async function askOneTab<Payload, Ok extends { ok: true }>(
  tabId: number,
  def: MessageDef<Payload, Ok | { ok: false; problem: TabProblem }>,
  payload: Payload,
  okSchema: v.GenericSchema<unknown, Ok>,
): Promise<Ok | { ok: false; problem: TabProblem }> {
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
