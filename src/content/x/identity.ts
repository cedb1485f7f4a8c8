import { cookieValue } from './cookies.ts';

/**
 * X's numeric user ids, the stable identity of a person (handles and names are display data that change).
 *
 * A 1:1 conversation's id is both participants' ids, `<low>-<high>` in URLs and `<low>:<high>` in inbox
 * test ids, so the other person's id is the one that is not the viewer's. The viewer's id is read where
 * X's own Chat code reads it: the `twid` cookie (`u=<id>`, URL-encoded), which is not HttpOnly
 * (DzikStar/X-SCRAPER client-web/ondemand/XChat-f141c2f6.js, module 84504). When that cookie cannot be
 * read, the id every 1:1 conversation on screen shares is the viewer's (MARKUP.md "Identity").
 */

/** The `twid` cookie's value once URL-decoded: `u=<id>`. */
const TWID = /^u=(\d{1,25})$/;
const DIRECT = /^(\d{1,25})-(\d{1,25})$/;

/** The viewer's id from `document.cookie`, or '' when the cookie is absent or not in X's form. */
export function viewerIdFromCookie(cookie: string): string {
  const raw = cookieValue(cookie, 'twid');
  if (raw === null) return '';
  let value: string;
  try {
    value = decodeURIComponent(raw.replace(/^"|"$/g, ''));
  } catch {
    return '';
  }
  return TWID.exec(value)?.[1] ?? '';
}

/** The two ids of a 1:1 thread id, or null for a group or anything else. */
export function participantsOf(threadId: string): [string, string] | null {
  const match = DIRECT.exec(threadId);
  return match ? [match[1] as string, match[2] as string] : null;
}

/**
 * The viewer's id from the 1:1 threads listed: the one id all of them share. Needs two threads with
 * different other people; '' otherwise (one thread cannot tell which of its two ids is the viewer's).
 */
export function viewerIdFromThreads(threadIds: Iterable<string>): string {
  let common: Set<string> | null = null;
  let others = 0;
  for (const threadId of threadIds) {
    const pair = participantsOf(threadId);
    if (!pair || pair[0] === pair[1]) continue;
    others += 1;
    common = common ? new Set(pair.filter((id) => common?.has(id))) : new Set(pair);
    if (common.size === 0) return '';
  }
  return others >= 2 && common?.size === 1 ? ([...common][0] ?? '') : '';
}

/** The other participant's id in a 1:1 thread, or '' when the thread is a group or the viewer is unknown. */
export function otherParticipant(threadId: string, viewerId: string): string {
  const pair = participantsOf(threadId);
  if (!pair || viewerId === '') return '';
  if (pair[0] === viewerId) return pair[1];
  if (pair[1] === viewerId) return pair[0];
  return '';
}

/** Where the viewer's id comes from in a page: the cookie first, the inbox's threads as a fallback. */
export class ViewerId {
  #fromCookie = '';
  #fromThreads = '';

  constructor(private readonly cookie: () => string) {}

  /** The viewer's id, '' when neither source knows it. */
  get(): string {
    if (this.#fromCookie === '') this.#fromCookie = viewerIdFromCookie(this.cookie());
    return this.#fromCookie || this.#fromThreads;
  }

  /** The inbox's 1:1 thread ids, for when the cookie says nothing. */
  learnFromThreads(threadIds: Iterable<string>): void {
    if (this.#fromThreads === '') this.#fromThreads = viewerIdFromThreads(threadIds);
  }
}
