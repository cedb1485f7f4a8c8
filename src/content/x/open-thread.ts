import type { OpenThread } from '../../messaging/ui.ts';
import { handleFromHref } from './message-row.ts';
import { threadIdFromUrl, threadKind } from './pages.ts';
import { conversationHeader, conversationPanel, conversationUsername, profileLink } from './selectors.ts';

/**
 * The conversation open in this page: its id and kind from the URL (the only place X puts the id of the
 * open thread), and the other person from the header. Null when no thread is open or its panel is not
 * rendered. Groups have no header link: their handle is empty and the name is the group's.
 */
export function readOpenThread(root: ParentNode, url: string): OpenThread | null {
  const panel = threadIdFromUrl(url) === null ? null : root.querySelector(conversationPanel);
  return panel ? fromPanel(panel, url) : null;
}

function fromPanel(panel: Element, url: string): OpenThread | null {
  const threadId = threadIdFromUrl(url);
  const kind = threadKind(url);
  if (threadId === null || kind === null) return null;
  const header = panel.querySelector(conversationHeader);
  const contactHandle =
    kind === 'group' ? '' : handleFromHref(header?.querySelector(profileLink)?.getAttribute('href') ?? null);
  const contactName = header?.querySelector(conversationUsername)?.textContent?.trim() ?? '';
  return { threadId, threadKind: kind, contactHandle, contactName };
}

/**
 * `readOpenThread` for the detector, which asks on every reported message: the answer is kept until the
 * URL changes, the panel or its header is replaced, or something inside the header changes (the name may
 * render after the rows). Finding the panel means walking the whole inbox before it, so this matters on a
 * busy page. The typer keeps calling `readOpenThread`: right before sending it wants no memory at all.
 */
export class OpenThreadCache {
  #url: string | null = null;
  #panel: Element | null = null;
  #header: Element | null = null;
  #value: OpenThread | null = null;
  #stale = true;
  readonly #watch = new MutationObserver(() => {
    this.#stale = true;
  });

  read(root: ParentNode, url: string): OpenThread | null {
    // Changes not delivered yet (the watch's callback runs later in this microtask checkpoint) count too.
    if (this.#watch.takeRecords().length > 0) this.#stale = true;
    if (!this.#stale && url === this.#url && this.#panel?.isConnected && this.#header?.isConnected) {
      return this.#value;
    }
    this.#watch.disconnect();
    this.#url = url;
    this.#panel = threadIdFromUrl(url) === null ? null : root.querySelector(conversationPanel);
    this.#header = this.#panel?.querySelector(conversationHeader) ?? null;
    this.#value = this.#panel ? fromPanel(this.#panel, url) : null;
    // Without a header there is nothing to watch yet: ask again next time, it may have rendered by then.
    this.#stale = this.#header === null;
    if (this.#header) {
      const options = { childList: true, subtree: true, characterData: true, attributeFilter: ['href'] };
      this.#watch.observe(this.#header, options);
    }
    return this.#value;
  }

  /** Forgets everything and stops watching (the chat root is gone, or detection stopped). */
  clear(): void {
    this.#watch.disconnect();
    this.#url = null;
    this.#panel = null;
    this.#header = null;
    this.#value = null;
    this.#stale = true;
  }
}
