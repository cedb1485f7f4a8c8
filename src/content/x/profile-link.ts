import { messageText, profileLink } from './selectors.ts';

/** x.com and twitter.com (with www. or mobile.), absolute or protocol-relative. */
const PROFILE_HOSTS = /^(?:https?:)?\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com\//u;
/** One path segment, an optional trailing slash, then nothing but a query or a fragment. */
const PROFILE_PATH = /^\/([A-Za-z0-9_]{1,50})\/?(?:[?#].*)?$/su;
// Paths of x.com that are not profiles, even though they look like one segment.
const NOT_PROFILES = new Set([
  'home',
  'explore',
  'messages',
  'notifications',
  'i',
  'settings',
  'search',
  'compose',
]);

/**
 * `/<handle>`, `https://x.com/<handle>` (also twitter.com, www., mobile.) → handle; anything else (chat
 * links, deeper paths such as `/alice/status/1`, X's own pages, other sites) → empty.
 */
export function handleFromHref(href: string | null): string {
  const path = (href ?? '').replace(PROFILE_HOSTS, '/');
  const handle = PROFILE_PATH.exec(path)?.[1] ?? '';
  return NOT_PROFILES.has(handle.toLowerCase()) ? '' : handle;
}

/**
 * The handle of the first profile link inside `element` (the 1:1 header, a group row's avatar); '' when
 * there is none. Links inside a message text are mentions, the text's, never who wrote it.
 */
export function profileHandleIn(element: ParentNode | null): string {
  for (const link of element?.querySelectorAll(profileLink) ?? []) {
    if (link.closest(messageText)) continue;
    const handle = handleFromHref(link.getAttribute('href'));
    if (handle !== '') return handle;
  }
  return '';
}
