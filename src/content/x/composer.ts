import { parseMessageRow } from './message-row.ts';
import { threadIdFromConversationKey } from './pages.ts';
import {
  composerSendButton,
  composerTextarea,
  conversationItemPrefix,
  conversationPanel,
  inboxRow,
  inboxRowLink,
  messageList,
  messageRow,
  requestItemPrefix,
  sendStatusAttribute,
  testIdOf,
} from './selectors.ts';

/** X's composer of the open thread. */
export interface Composer {
  textarea: HTMLTextAreaElement;
  button: HTMLButtonElement;
}

export function findComposer(root: ParentNode): Composer | null {
  const panel = root.querySelector(conversationPanel);
  const textarea = panel?.querySelector(composerTextarea);
  const button = panel?.querySelector(composerSendButton);
  if (!(textarea instanceof HTMLTextAreaElement) || !(button instanceof HTMLButtonElement)) return null;
  return { textarea, button };
}

/** The prototype's setter: React's value tracker lives on the instance, so this one counts as a change. */
function nativeSetValue(textarea: HTMLTextAreaElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  if (!setter) throw new Error('HTMLTextAreaElement has no value setter');
  setter.call(textarea, value);
  textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function moveCaretToEnd(textarea: HTMLTextAreaElement): void {
  const end = textarea.value.length;
  textarea.setSelectionRange(end, end);
}

/**
 * Appends text at the end of the composer as typing would: focus, caret at the end, then
 * `execCommand('insertText')`, which X's React composer sees as input (and which keeps line breaks
 * without an Enter key, and Enter would send). Where the browser does not take it, the prototype's value
 * setter and a bubbling `input` event do the same; a bare `.value =` would be ignored by React.
 * Returns whether the composer now holds exactly the old text plus `text`.
 */
export function appendText(textarea: HTMLTextAreaElement, text: string): boolean {
  const expected = textarea.value + text;
  textarea.focus();
  moveCaretToEnd(textarea);
  const doc = textarea.ownerDocument;
  let inserted = false;
  try {
    inserted = doc.execCommand('insertText', false, text);
  } catch {
    inserted = false;
  }
  if (!inserted || textarea.value !== expected) {
    // execCommand may have inserted part of it: the setter writes the whole expected value either way.
    nativeSetValue(textarea, expected);
  }
  moveCaretToEnd(textarea);
  return textarea.value === expected;
}

/** Empties the composer the way X's state notices. */
export function clearComposer(textarea: HTMLTextAreaElement): boolean {
  if (textarea.value === '') return true;
  nativeSetValue(textarea, '');
  return textarea.value === '';
}

/** True when the composer has keyboard focus (inside a shadow root too, where the document sees the host). */
export function composerFocused(textarea: HTMLTextAreaElement): boolean {
  const root = textarea.getRootNode() as Document | ShadowRoot;
  return root.activeElement === textarea;
}

/** Presses send like a click would; false when X keeps the button disabled (nothing to send). */
export function pressSend(composer: Composer): boolean {
  if (composer.button.disabled) return false;
  composer.button.click();
  return true;
}

export type SendStatus = 'pending' | 'sent' | 'failed' | 'unknown';

/** One of my rows in the open thread. */
export interface OwnRow {
  uuid: string;
  text: string;
  status: SendStatus;
}

function statusOf(row: Element): SendStatus {
  const status = row.getAttribute(sendStatusAttribute);
  return status === 'pending' || status === 'sent' || status === 'failed' ? status : 'unknown';
}

/** My rows in the open thread's list, oldest first (only the newest few dozen are in the DOM). */
export function ownRows(root: ParentNode): OwnRow[] {
  const list = root.querySelector(messageList);
  if (!list) return [];
  const rows: OwnRow[] = [];
  for (const row of list.querySelectorAll(messageRow)) {
    const parsed = parseMessageRow(row);
    if (parsed?.direction === 'mine')
      rows.push({ uuid: parsed.uuid, text: parsed.text, status: statusOf(row) });
  }
  return rows;
}

/** X trims what it sends and may normalise line ends: compare messages the way X stores them. */
export function sameMessage(a: string, b: string): boolean {
  const norm = (text: string) => text.replace(/\r\n?/g, '\n').trim();
  return norm(a) === norm(b);
}

/** The link of a thread's inbox (or requests) row, which opens it in place like a person's click. */
export function inboxLinkFor(root: ParentNode, threadId: string): HTMLAnchorElement | null {
  for (const row of root.querySelectorAll(inboxRow)) {
    const testId = testIdOf(row);
    const prefix = testId.startsWith(requestItemPrefix) ? requestItemPrefix : conversationItemPrefix;
    if (threadIdFromConversationKey(testId.slice(prefix.length)) !== threadId) continue;
    const link = row.querySelector(inboxRowLink);
    return link instanceof HTMLAnchorElement ? link : null;
  }
  return null;
}
