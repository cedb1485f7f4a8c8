import type { ChatRoot } from './chat-root.ts';
import { rowDirection } from './message-row.ts';
import { isChatInbox, isPasscodeGate, isRequestsList, threadKind } from './pages.ts';
import {
  composerSendButton,
  composerTextarea,
  conversationPanel,
  inboxPanel,
  messageList,
  messageRow,
  messageText,
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
  | 'composer';

export interface SelfCheckResult {
  ok: boolean;
  variant: 'shadow' | 'light' | 'none';
  missing: Landmark[];
}

/** What one check leaves for the next: the conversation panel it found, the rows it could read. */
export interface SelfCheckMemo {
  panel: Element | null;
  /** Message rows whose direction was readable: X does not restyle a rendered row, so once is enough. */
  readRows?: WeakSet<Element>;
}

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

function directionReadable(row: Element, memo: SelfCheckMemo | undefined): boolean {
  if (memo?.readRows?.has(row)) return true;
  if (rowDirection(row) === 'unknown') return false;
  if (memo) {
    memo.readRows ??= new WeakSet();
    memo.readRows.add(row);
  }
  return true;
}

/**
 * Checks that what this URL should show is there, with the selectors the adapter uses. A failure means X
 * changed its markup (or the page never rendered), and automation must pause (DESIGN invariant 8). The
 * passcode gate shows no chat at all, so nothing is expected there.
 */
export function selfCheck(found: ChatRoot | null, url: string, memo?: SelfCheckMemo): SelfCheckResult {
  if (isPasscodeGate(url)) return { ok: true, variant: found?.variant ?? 'none', missing: [] };
  if (!found) return { ok: false, variant: 'none', missing: ['chatRoot'] };
  const root = found.root;
  const missing: Landmark[] = [];
  const has = (selector: string) => root.querySelector(selector) !== null;
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
    // Rows whose direction cannot be read would be neither reported nor safely ignored.
    else {
      const rows = [...list.querySelectorAll(messageRow)];
      // Message texts without rows around them: the row attribute was renamed, rows would go unseen.
      if (rows.length === 0 && list.querySelector(messageText)) missing.push('messageRow');
      // Rows whose direction cannot be read would be neither reported nor safely ignored.
      if (rows.some((row) => !directionReadable(row, memo))) missing.push('messageDirection');
    }
    // A message request shows accept / decline until accepted, not a composer.
    const hasComposer = scope.querySelector(composerTextarea) && scope.querySelector(composerSendButton);
    if (kind !== 'request' && !hasComposer) missing.push('composer');
  }
  return { ok: missing.length === 0, variant: found.variant, missing };
}
