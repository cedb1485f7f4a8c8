import type { ThreadKind } from '../core/types.ts';

/**
 * URL predicates for X's Chat UI. Everything here reads only the URL, so it is cheap enough to run on every
 * navigation and pure enough to test without a DOM.
 *
 * Chat lives at `/i/chat` on x.com and twitter.com, and is also served at chat.x.com (where the `/i/chat`
 * prefix is optional, since that host serves nothing else).
 */

const SITE_HOSTS = new Set(['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com']);
const CHAT_HOST = 'chat.x.com';

/** A conversation id as X writes it: `<low id>-<high id>` for two people, `g<id>` for a group. */
export const THREAD_ID = /^(?:\d+-\d+|g\d+)$/;

// The last URL string parsed and its segments: detection asks about the same URL many times between two
// navigations (every report, every self-check), and parsing a URL costs more than the rest of a lookup.
let lastUrl: string | null = null;
let lastSegments: readonly string[] | null = null;

/** Path segments after the chat prefix, or null when the URL is not a chat page. */
function chatSegments(url: string | URL): readonly string[] | null {
  if (typeof url !== 'string') return parseSegments(url);
  if (url !== lastUrl) {
    lastSegments = parseSegments(url);
    lastUrl = url;
  }
  return lastSegments;
}

function parseSegments(url: string | URL): readonly string[] | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  const parts = parsed.pathname.split('/').filter((part) => part !== '');
  const hasPrefix = parts[0] === 'i' && parts[1] === 'chat';
  if (SITE_HOSTS.has(parsed.hostname)) return hasPrefix ? parts.slice(2) : null;
  if (parsed.hostname === CHAT_HOST) return hasPrefix ? parts.slice(2) : parts;
  return null;
}

/** Any page of the Chat UI: inbox, a thread, requests, the passcode gate. */
export function isChatPage(url: string | URL): boolean {
  return chatSegments(url) !== null;
}

/** The inbox alone (`/i/chat`), with no thread open. */
export function isChatInbox(url: string | URL): boolean {
  const segments = chatSegments(url);
  return segments !== null && segments.length === 0;
}

/** The message-requests list (`/i/chat/requests`, or its "other" folder), with no request open. */
export function isRequestsList(url: string | URL): boolean {
  const segments = chatSegments(url);
  if (segments?.[0] !== 'requests') return false;
  return segments.length === 1 || (segments.length === 2 && segments[1] === 'other');
}

/** Path segments of a request, after `requests` and the optional `other` folder. */
function requestSegments(segments: readonly string[]): readonly string[] {
  return segments[1] === 'other' ? segments.slice(2) : segments.slice(1);
}

/** The passcode gate (`/i/chat/pin/...`): chat is locked, nothing can be read. */
export function isPasscodeGate(url: string | URL): boolean {
  return chatSegments(url)?.[0] === 'pin';
}

/** The open thread's canonical id (`<a>-<b>`, `g<digits>`), or null when no thread is open. */
export function threadIdFromUrl(url: string | URL): string | null {
  const segments = chatSegments(url);
  if (!segments) return null;
  // `/i/chat/requests/<id>` and `/i/chat/requests/other/<id>` open a message request; its id has the
  // same shape as a thread's.
  const request = segments[0] === 'requests';
  const rest = request ? requestSegments(segments) : segments;
  const candidate = rest[0];
  const extra = rest.slice(1);
  // Sub-pages of a thread (e.g. `/info`) still show that thread.
  if (candidate === undefined || !THREAD_ID.test(candidate) || extra.length > 1) return null;
  return candidate;
}

/** The kind of the open thread, or null when no thread is open. */
export function threadKind(url: string | URL): ThreadKind | null {
  const id = threadIdFromUrl(url);
  if (id === null) return null;
  if (chatSegments(url)?.[0] === 'requests') return 'request';
  return id.startsWith('g') ? 'group' : 'direct';
}

/** Thread id from X's inbox-row form `<a>:<b>` (the URL form uses `-`), or null if it does not look like one. */
export function threadIdFromConversationKey(key: string): string | null {
  const id = key.replace(':', '-');
  return THREAD_ID.test(id) ? id : null;
}

/**
 * The address that opens a conversation on x.com: `/i/chat/<id>`, or `/i/chat/requests/<id>` for a message
 * request (the forms `threadIdFromUrl` reads). Null for an id that does not look like one of X's.
 */
export function threadUrl(threadId: string, kind: ThreadKind): string | null {
  if (!THREAD_ID.test(threadId)) return null;
  return `https://x.com/i/chat/${kind === 'request' ? 'requests/' : ''}${threadId}`;
}
