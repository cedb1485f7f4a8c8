import type { ThreadKind } from '../../core/types.ts';
import { threadIdFromConversationKey } from './pages.ts';
import {
  avatar,
  conversationItemPrefix,
  inboxRow,
  inboxRowDescriptionAttribute,
  requestItemPrefix,
  testIdOf,
  unreadDot,
} from './selectors.ts';

/** Facts read from one inbox (or requests) row. */
export interface InboxRow {
  threadId: string;
  kind: ThreadKind;
  /** The conversation's name: the other person (1:1, requests) or the group. */
  name: string;
  /** The other person's handle (1:1, requests); empty for groups. */
  handle: string;
  /** Who wrote the previewed message: the other person (1:1), the named member (groups), or me. */
  senderName: string;
  own: boolean;
  /** The last message's start, as X shows it (line breaks become spaces). */
  preview: string;
  /** Relative time as shown ("now", "3m", "2h", "Jul 14"). */
  timeLabel: string;
  unread: boolean;
}

export function isInboxRow(element: Element): boolean {
  return element.matches(inboxRow);
}

/**
 * What decides how a row parses, read without parsing: its test id (which thread) and its description
 * (everything else but the unread dot). A row moved or re-rendered with both unchanged parses the same.
 */
export function inboxRowTestId(row: Element): string {
  return testIdOf(row);
}

export function inboxRowDescription(row: Element): string | null {
  return row.getAttribute(inboxRowDescriptionAttribute);
}

/** The thread of an inbox row, from its test id alone (no description parsing). */
export function inboxRowThreadId(row: Element): string | null {
  return rowThread(row)?.[0] ?? null;
}

// X writes its own previews as "You: …" (an assumption for the real site, see MARKUP.md).
const OWN_PREFIX = /^You: /u;
// Relative times, clock times and short dates X shows at the end of the description.
const TIME_AT_END = /, (now|\d+[smhdw]|\d{1,2}:\d{2}(?:\s?[AP]M)?|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)$/gu;
// The longest ", <time>" the pattern above matches is 21 characters ("September. 30, 2025"): the search
// starts that close to the end instead of trying every position of a long preview.
const TIME_SEARCH_SPAN = 32;
const HANDLE_AFTER_NAME = /^(.*?), @([A-Za-z0-9_]{1,50}), /su;

function splitTime(description: string): [rest: string, time: string] {
  TIME_AT_END.lastIndex = Math.max(0, description.length - TIME_SEARCH_SPAN);
  const match = TIME_AT_END.exec(description);
  if (match) return [description.slice(0, match.index), match[1] ?? ''];
  // An unknown time format: the time is still the last comma-separated part.
  const cut = description.lastIndexOf(', ');
  return cut < 0 ? [description, ''] : [description.slice(0, cut), description.slice(cut + 2)];
}

function rowThread(row: Element): [threadId: string, kind: ThreadKind] | null {
  const testId = testIdOf(row);
  const isRequest = testId.startsWith(requestItemPrefix);
  const key = testId.slice(isRequest ? requestItemPrefix.length : conversationItemPrefix.length);
  const threadId = threadIdFromConversationKey(key);
  if (threadId === null) return null;
  return [threadId, isRequest ? 'request' : threadId.startsWith('g') ? 'group' : 'direct'];
}

/**
 * Reads an inbox row from its `aria-description`: "Name, @handle, preview, time" (1:1 and requests) or
 * "Group, Sender: preview, time" (groups). Names may contain commas, so the 1:1 form is anchored on the
 * `@handle` part, and group rows on the group's name as the avatar's label shows it.
 */
export function parseInboxRow(row: Element): InboxRow | null {
  const thread = rowThread(row);
  const description = row.getAttribute(inboxRowDescriptionAttribute);
  if (!thread || description === null) return null;
  const [threadId, kind] = thread;
  const [rest, timeLabel] = splitTime(description.trim());
  let name = '';
  let handle = '';
  let body = rest;
  const direct = kind === 'group' ? null : HANDLE_AFTER_NAME.exec(rest);
  if (direct) {
    name = direct[1] ?? '';
    handle = direct[2] ?? '';
    body = rest.slice(direct[0].length);
  } else {
    const label = row.querySelector(avatar)?.getAttribute('aria-label') ?? '';
    const cut = label !== '' && rest.startsWith(`${label}, `) ? label.length : rest.indexOf(', ');
    name = cut < 0 ? '' : rest.slice(0, cut);
    body = cut < 0 ? rest : rest.slice(cut + 2);
  }
  const own = OWN_PREFIX.test(body);
  let preview = own ? body.replace(OWN_PREFIX, '') : body;
  let senderName = own ? '' : name;
  if (kind === 'group' && !own) {
    const colon = body.indexOf(': ');
    senderName = colon < 0 ? '' : body.slice(0, colon);
    preview = colon < 0 ? body : body.slice(colon + 2);
  }
  return {
    threadId,
    kind,
    name,
    handle,
    senderName,
    own,
    preview,
    timeLabel,
    unread: !!row.querySelector(unreadDot),
  };
}
