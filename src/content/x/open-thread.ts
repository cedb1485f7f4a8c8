import type { OpenThread } from '../../messaging/ui.ts';
import { threadIdFromUrl, threadKind } from '../../shared/chat-urls.ts';
import { otherParticipant } from './identity.ts';
import { profileHandleIn } from './profile-link.ts';
import {
  conversationHeader,
  conversationHeaderItem,
  conversationPanel,
  conversationUsername,
  messageList,
  messageListSpinner,
  messageRow,
} from './selectors.ts';

/**
 * The conversation open in this page: its id and kind from the URL (the only place X puts the id of the
 * open thread), and the other person from the header. Null when no thread is open or its panel is not
 * rendered. Groups have no profile link: their handle is empty and the name is the group's. `viewerId`:
 * the viewer's X id, so that the other id of a 1:1 thread is the contact's ('' when unknown).
 */
export function readOpenThread(root: ParentNode, url: string, viewerId = ''): OpenThread | null {
  const panel = threadIdFromUrl(url) === null ? null : root.querySelector(conversationPanel);
  return panel ? fromPanel(panel, url, viewerId) : null;
}

/**
 * The name in X's username element, which holds more than the name (a line with the handle, a status, a
 * badge): the text of the first element that has text of its own, else the first line.
 */
export function nameIn(element: Element | null): string {
  if (!element) return '';
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node.nodeValue ?? '').trim() === '') continue;
    const parent = node.parentElement;
    // Text right in the username element: only this piece; in a child: that child's text (emoji images
    // and styled parts of a name stay together there).
    const text = parent && parent !== element ? (parent.textContent ?? '') : (node.nodeValue ?? '');
    return text.replace(/\s+/gu, ' ').trim();
  }
  return '';
}

function fromPanel(panel: Element, url: string, viewerId: string): OpenThread | null {
  const threadId = threadIdFromUrl(url);
  const kind = threadKind(url);
  if (threadId === null || kind === null) return null;
  const header = panel.querySelector(conversationHeader);
  const contactHandle = kind === 'group' ? '' : profileHandleIn(header);
  const contactName = nameIn(header?.querySelector(conversationUsername) ?? null).replace(/\s+@\w+$/u, '');
  const contactId = otherParticipant(threadId, viewerId);
  return { threadId, threadKind: kind, contactHandle, contactName, contactId };
}

/**
 * X shows the open conversation loaded and empty: its card (the list's first item) is there, no message
 * row, and the loading spinner's slot holds nothing. While the history loads, the slot has the spinner.
 */
export function loadedEmpty(root: ParentNode): boolean {
  const panel = root.querySelector(conversationPanel);
  const list = panel?.querySelector(messageList);
  if (!panel || !list || list.querySelector(messageRow)) return false;
  const spinner = panel.querySelector(messageListSpinner);
  if (spinner && spinner.childElementCount > 0) return false;
  return panel.querySelector(conversationHeaderItem) !== null;
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
  #viewerId = '';
  #stale = true;
  readonly #watch = new MutationObserver(() => {
    this.#stale = true;
  });

  read(root: ParentNode, url: string, viewerId = ''): OpenThread | null {
    // Changes not delivered yet (the watch's callback runs later in this microtask checkpoint) count too.
    if (this.#watch.takeRecords().length > 0) this.#stale = true;
    const same = url === this.#url && viewerId === this.#viewerId;
    if (!this.#stale && same && this.#panel?.isConnected && this.#header?.isConnected) {
      return this.#value;
    }
    this.#watch.disconnect();
    this.#url = url;
    this.#viewerId = viewerId;
    this.#panel = threadIdFromUrl(url) === null ? null : root.querySelector(conversationPanel);
    this.#header = this.#panel?.querySelector(conversationHeader) ?? null;
    this.#value = this.#panel ? fromPanel(this.#panel, url, viewerId) : null;
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
