import * as v from 'valibot';
import browser from 'webextension-polyfill';
import { viewerAnswerSchema } from '../messaging/schemas/viewer.ts';
import { sendToTab } from '../messaging/send.ts';
import { getViewer } from '../messaging/viewer.ts';
import { X_URL_PATTERNS } from '../popup/x-tab.ts';

/** What asking the open X tabs gave. */
export type ViewerLookup =
  | { state: 'found'; handle: string }
  /** No x.com tab is open. */
  | { state: 'noTab' }
  /** X tabs are open but none answered (opened before the extension, or still loading). */
  | { state: 'noAnswer' }
  /** An X tab answered: nobody is signed in there. */
  | { state: 'signedOut' };

/**
 * Asks the X tabs, most recently used first, who is signed in. Each answer is checked again here: it
 * comes from a page, through a content script that may be an older version.
 */
export async function askViewer(): Promise<ViewerLookup> {
  const tabs = (await browser.tabs.query({ url: X_URL_PATTERNS }))
    .filter((tab) => tab.id !== undefined)
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  if (tabs.length === 0) return { state: 'noTab' };
  let signedOut = false;
  for (const tab of tabs) {
    let answer: unknown;
    try {
      answer = await sendToTab(tab.id as number, getViewer, {});
    } catch {
      continue; // "Receiving end does not exist": no content script in that tab yet.
    }
    const parsed = v.safeParse(viewerAnswerSchema, answer);
    if (!parsed.success) continue;
    if (parsed.output.ok) return { state: 'found', handle: parsed.output.viewer.handle };
    signedOut = true;
  }
  return { state: signedOut ? 'signedOut' : 'noAnswer' };
}
