import * as v from 'valibot';
import browser from 'webextension-polyfill';
import type { MessageDef } from '../messaging/define.ts';
import { sendToTab } from '../messaging/send.ts';
import type { TabProblem } from '../messaging/ui.ts';

/** Hosts where X's chat runs, as in the manifest's content_scripts. */
const X_HOSTS = new Set(['x.com', 'twitter.com', 'chat.x.com']);

export function isXUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && X_HOSTS.has(hostname);
  } catch {
    return false;
  }
}

/** The active tab of the current window when it is on X; the URL is readable thanks to host permissions. */
export async function activeXTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined && isXUrl(tab.url) ? tab.id : null;
}

const problemAnswer = v.object({
  ok: v.literal(false),
  problem: v.picklist(['noXTab', 'noAnswer', 'noOpenThread', 'threadMismatch', 'noComposer']),
});

/**
 * Asks the active X tab's content script and checks the shape of its answer. Every way this can fail
 * (no X tab, no content script yet, an answer from an older version) comes back as a TabProblem, so the
 * popup always has words to show instead of an exception.
 */
export async function askActiveXTab<Payload, Ok extends { ok: true }>(
  def: MessageDef<string, Payload, Ok | { ok: false; problem: TabProblem }>,
  payload: Payload,
  okSchema: v.GenericSchema<unknown, Ok>,
): Promise<Ok | { ok: false; problem: TabProblem }> {
  const tabId = await activeXTabId();
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
