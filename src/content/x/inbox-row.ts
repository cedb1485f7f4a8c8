import type { ThreadKind } from '../../core/types.ts';
import { threadIdFromConversationKey } from '../../shared/chat-urls.ts';
import { otherParticipant } from './identity.ts';
import { parseInboxDescription } from './inbox-description.ts';
import {
  conversationItemPrefix,
  described,
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
  /** The conversation's name: the other person (1:1, requests) or the group's title. */
  name: string;
  /** The other person's handle (1:1, requests); empty for groups. */
  handle: string;
  /** Who wrote the previewed message, when the description says it: the other person of a 1:1. */
  senderName: string;
  /** X's numeric id of that person ('' for groups, or when the viewer's own id is unknown). */
  senderId: string;
  /** The last message's text as X describes it ('' for an attachment alone). */
  preview: string;
  /** Relative time as shown ("Now", "3m", "2h", "7/14/2025"): display only, it ticks. */
  timeLabel: string;
  unread: boolean;
  /** The description had X's form (a `@handle`, a member count): name and sender can be trusted. */
  recognised: boolean;
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

/** The description, on the row itself or on an element inside it (its link, in some builds). */
export function inboxRowDescription(row: Element): string | null {
  return (
    row.getAttribute(inboxRowDescriptionAttribute) ??
    row.querySelector(described)?.getAttribute(inboxRowDescriptionAttribute) ??
    null
  );
}

/** The thread of an inbox row, from its test id alone (no description parsing). */
export function inboxRowThreadId(row: Element): string | null {
  return rowThread(row)?.[0] ?? null;
}

function rowThread(row: Element): [threadId: string, kind: ThreadKind] | null {
  const testId = testIdOf(row);
  const isRequest = testId.startsWith(requestItemPrefix);
  const key = testId.slice(isRequest ? requestItemPrefix.length : conversationItemPrefix.length);
  const threadId = threadIdFromConversationKey(key);
  if (threadId === null) return null;
  return [threadId, isRequest ? 'request' : threadId.startsWith('g') ? 'group' : 'direct'];
}

/** The message text a description gives for a row of this kind, as `parseInboxRow` reads it. */
export function previewInDescription(description: string, kind: ThreadKind): string {
  return parseInboxDescription(description, kind === 'group').text;
}

/**
 * Reads an inbox row from its test id (thread) and description (inbox-description.ts). `viewerId` is
 * the viewer's X id ('' when unknown): the other id of a 1:1 thread is the sender's.
 */
export function parseInboxRow(row: Element, viewerId = ''): InboxRow | null {
  const thread = rowThread(row);
  const description = inboxRowDescription(row);
  if (!thread || description === null) return null;
  const [threadId, kind] = thread;
  const group = kind === 'group';
  const parsed = parseInboxDescription(description, group);
  const direct = !group && parsed.recognised;
  return {
    threadId,
    kind,
    name: parsed.name,
    handle: parsed.handle,
    // The description never says who wrote the last message; in a 1:1 an unread one is the other person's.
    senderName: direct ? parsed.name : '',
    senderId: group ? '' : otherParticipant(threadId, viewerId),
    preview: parsed.text,
    timeLabel: parsed.timeLabel,
    // X writes "Unread" and draws the dot; either is enough (the dot may come in a later render).
    unread: !!row.querySelector(unreadDot) || parsed.unread,
    recognised: parsed.recognised,
  };
}
