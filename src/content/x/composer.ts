import { inboxRowThreadId } from './inbox-row.ts';
import { parseMessageRow } from './message-row.ts';
import {
  composerSendButton,
  composerTextarea,
  conversationPanel,
  inboxRow,
  inboxRowLink,
  messageList,
  messageRow,
  sendStatusAttribute,
} from './selectors.ts';

/**
 * X's composer of the open thread: its textarea. The send button is not part of it: X mounts it only
 * once the composer holds text (an empty one shows a voice button, or nothing) — see findSendButton.
 */
export interface Composer {
  textarea: HTMLTextAreaElement;
}

export function findComposer(root: ParentNode): Composer | null {
  const panel = root.querySelector(conversationPanel);
  const textarea = panel?.querySelector(composerTextarea);
  return textarea instanceof HTMLTextAreaElement ? { textarea } : null;
}

/** The send button next to this textarea, when X shows one (it appears once there is text). */
export function findSendButton(composer: Composer): HTMLButtonElement | null {
  const panel = composer.textarea.closest(conversationPanel) ?? composer.textarea.getRootNode();
  const button = (panel as ParentNode).querySelector(composerSendButton);
  return button instanceof HTMLButtonElement ? button : null;
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
    // Not supported here: the setter below does it.
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

/** The send button when X shows it enabled (it mounts one once the composer holds text), else null. */
export function readySendButton(composer: Composer): HTMLButtonElement | null {
  const button = findSendButton(composer);
  return button && !button.disabled && button.getAttribute('aria-disabled') !== 'true' ? button : null;
}

/** Presses send like a click would; false when there is no usable send button (yet). */
export function pressSend(composer: Composer): boolean {
  const button = readySendButton(composer);
  button?.click();
  return button !== null;
}

/**
 * What a row's `data-send-status` says, in our words. Values reported for X: pending, sending, sent,
 * delivered, read, failed, error (MARKUP.md "Send status"). Anything else, or none, is `unknown`, which
 * never counts as sent.
 */
export type SendStatus = 'pending' | 'sent' | 'failed' | 'unknown';

const STATUS_WORDS: Readonly<Record<string, SendStatus>> = {
  pending: 'pending',
  sending: 'pending',
  sent: 'sent',
  delivered: 'sent',
  read: 'sent',
  failed: 'failed',
  error: 'failed',
};

/** One of my rows in the open thread. */
export interface OwnRow {
  uuid: string;
  text: string;
  status: SendStatus;
}

export function statusOf(row: Element): SendStatus {
  return STATUS_WORDS[row.getAttribute(sendStatusAttribute)?.trim().toLowerCase() ?? ''] ?? 'unknown';
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

const URL_IN_TEXT = /https?:\/\/\S+/gu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Literal text as a pattern where any run of whitespace matches any other (X collapses and trims). */
function loose(text: string): string {
  return text.split(/\s+/u).map(escapeRegExp).join('\\s+');
}

/**
 * Whether a row shows the message we sent, as X displays it: whitespace trimmed and collapsed, links
 * without their scheme and cut short ("example.com/a-long-pa…") or replaced by a card, emoji drawn as
 * images (read back from their `alt`). Each link of ours may be shown as any short run of text, or not
 * at all; everything else must be there, in order.
 */
export function sameMessage(shown: string, sent: string): boolean {
  const norm = (text: string) => text.replace(/\r\n?/gu, '\n').trim();
  const a = norm(shown);
  const b = norm(sent);
  if (a === b) return true;
  const pieces = b.split(URL_IN_TEXT).map((piece) => piece.trim());
  const links = b.match(URL_IN_TEXT) ?? [];
  let pattern = '^\\s*';
  pieces.forEach((piece, i) => {
    if (piece !== '') pattern += loose(piece);
    if (i < links.length) pattern += '\\s*(?:\\S{1,80}\\s*)?';
    else pattern += '\\s*';
  });
  return new RegExp(`${pattern}$`, 'u').test(a);
}

/** The link of a thread's inbox (or requests) row, which opens it in place like a person's click. */
export function inboxLinkFor(root: ParentNode, threadId: string): HTMLAnchorElement | null {
  for (const row of root.querySelectorAll(inboxRow)) {
    if (inboxRowThreadId(row) !== threadId) continue;
    const link = row.querySelector(inboxRowLink);
    return link instanceof HTMLAnchorElement ? link : null;
  }
  return null;
}
