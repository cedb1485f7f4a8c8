import { isChatInbox, isPasscodeGate, isRequestsList, threadKind } from '../../shared/chat-urls.ts';
import type { ChatRoot } from './chat-root.ts';
import { isInboxRow, parseInboxRow } from './inbox-row.ts';
import { parseMessageRow, rowDirection } from './message-row.ts';
import {
  composerTextarea,
  conversationItem,
  conversationPanel,
  inboxPanel,
  messageList,
  messageRow,
  messageText,
  passcodeContainer,
  requestAcceptButton,
  requestItem,
  requestPrompt,
  requestsPanel,
} from './selectors.ts';

/** Landmarks the self-check may report missing (stable codes, shown as-is in diagnostics). */
export type Landmark =
  | 'chatRoot'
  | 'inboxPanel'
  | 'requestsPanel'
  | 'conversationPanel'
  | 'messageList'
  | 'messageRow'
  | 'messageDirection'
  | 'composer'
  | 'requestPrompt'
  | 'inboxSender';

export interface SelfCheckResult {
  ok: boolean;
  variant: 'shadow' | 'light' | 'none';
  missing: Landmark[];
  /** X Chat shows its passcode screen: nothing can be read until the person enters it. Not a markup change. */
  locked?: true;
}

/** What one check leaves for the next: the conversation panel it found, the rows it could read. */
export interface SelfCheckMemo {
  panel: Element | null;
  /** Message rows whose direction was readable: X does not restyle a rendered row, so once is enough. */
  readRows?: WeakSet<Element>;
}

/** Inbox rows read to see that descriptions still give a sender (the first few are enough). */
const DESCRIPTIONS_CHECKED = 5;

/**
 * The open conversation's panel: the one found last time while it is still in this root and still looks
 * like one (finding it means walking the whole inbox before it; the check runs every few seconds).
 */
function findPanel(root: ParentNode, memo: SelfCheckMemo | undefined): Element | null {
  const last = memo?.panel;
  if (last?.isConnected && (root as Node).contains(last) && last.matches(conversationPanel)) return last;
  const panel = root.querySelector(conversationPanel);
  if (memo) memo.panel = panel;
  return panel;
}

/**
 * A row is fine when its direction is readable (two class checks: the usual case costs no parsing), or
 * when it is one of X's own notices ("Alice was added"): no sender, no text, no attachment, hence nothing
 * to answer and no direction to have.
 */
function rowReadable(row: Element, memo: SelfCheckMemo | undefined): boolean {
  if (memo?.readRows?.has(row)) return true;
  if (rowDirection(row) === 'unknown' && parseMessageRow(row)?.fromPerson) return false;
  if (memo) {
    memo.readRows ??= new WeakSet();
    memo.readRows.add(row);
  }
  return true;
}

/** X's passcode screen, on its own route or in place of the chat (seen after a reload). */
export function isLocked(found: ChatRoot | null, doc: Document | null, url: string): boolean {
  if (isPasscodeGate(url)) return true;
  if (found?.root.querySelector(passcodeContainer)) return true;
  return doc?.querySelector(passcodeContainer) != null;
}

/**
 * 1:1 rows are listed but none of the first few has a description X's way: every DM outside the open
 * conversation would go unreported (or without a sender), so the check must say so.
 */
function descriptionsUnreadable(root: ParentNode): boolean {
  let direct = 0;
  // The first row and its next siblings (rows are siblings in their list): never a walk over the inbox.
  let row = root.querySelector(`${conversationItem}, ${requestItem}`);
  for (let seen = 0; row && seen < DESCRIPTIONS_CHECKED * 2; row = row.nextElementSibling, seen++) {
    if (!isInboxRow(row)) continue;
    const parsed = parseInboxRow(row);
    if (parsed?.kind === 'group') continue;
    if (parsed?.recognised) return false;
    if (++direct >= DESCRIPTIONS_CHECKED) break;
  }
  return direct > 0;
}

/**
 * Checks that what this URL should show is there, with the selectors the adapter uses. A failure means X
 * changed its markup (or the page never rendered), and automation must pause (DESIGN invariant 8). A
 * passcode screen pauses everything too, but as `locked`: the person has to unlock X Chat.
 */
export function selfCheck(
  found: ChatRoot | null,
  url: string,
  memo?: SelfCheckMemo,
  doc: Document | null = null,
): SelfCheckResult {
  const missing = found ? missingLandmarks(found.root, url, memo) : ['chatRoot' as const];
  // X shows a locked chat's passcode screen instead of the chat: a page showing every landmark of a chat
  // page is not locked, and the walk over the whole page for the passcode screen is spared.
  const shown = missing.length === 0 && (threadKind(url) !== null || isChatInbox(url) || isRequestsList(url));
  if (!shown && isLocked(found, doc, url))
    return { ok: false, variant: found?.variant ?? 'none', missing: [], locked: true };
  return { ok: missing.length === 0, variant: found?.variant ?? 'none', missing };
}

/** The landmarks this URL should show that the chat root does not. */
function missingLandmarks(root: ParentNode, url: string, memo: SelfCheckMemo | undefined): Landmark[] {
  const missing: Landmark[] = [];
  const has = (selector: string, scope: ParentNode = root) => scope.querySelector(selector) !== null;
  const kind = threadKind(url);

  if (isChatInbox(url) && !has(inboxPanel)) missing.push('inboxPanel');
  if (isRequestsList(url) && !has(requestsPanel)) missing.push('requestsPanel');
  if (kind !== null) {
    // Everything of the open thread is inside its panel: looking there spares a walk over the inbox.
    const panel = findPanel(root, memo);
    if (!panel) missing.push('conversationPanel');
    const scope: ParentNode = panel ?? root;
    const list = scope.querySelector(messageList);
    if (!list) missing.push('messageList');
    else {
      const rows = [...list.querySelectorAll(messageRow)];
      // Message texts without rows around them: the row attribute was renamed, rows would go unseen.
      if (rows.length === 0 && list.querySelector(messageText)) missing.push('messageRow');
      // Rows whose direction cannot be read would be neither reported nor safely ignored.
      if (rows.some((row) => !rowReadable(row, memo))) missing.push('messageDirection');
    }
    // The send button is not looked for: X shows it only once the composer holds text.
    const composer = has(composerTextarea, scope);
    // A message request shows X's prompt (accept, delete, block) until accepted, then a composer.
    const prompt = has(requestPrompt, scope) && has(requestAcceptButton, scope);
    if (kind === 'request' ? !composer && !prompt : !composer) {
      missing.push(kind === 'request' ? 'requestPrompt' : 'composer');
    }
  }
  if (descriptionsUnreadable(root)) missing.push('inboxSender');
  return missing;
}
