import { viewerProfileLink } from './selectors.ts';

/** The signed-in user, as X's page shows them. */
export interface Viewer {
  /** Without the @, as X writes it (case kept). */
  handle: string;
}

/** X handles: letters, digits and underscores, at most 15 (older accounts may be shorter than 4). */
const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
const X_HOSTS = new Set(['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com']);
/** First path segments that are X's own pages, never a profile. */
const NOT_PROFILES = new Set([
  'home',
  'i',
  'explore',
  'messages',
  'notifications',
  'settings',
  'search',
  'compose',
]);

/**
 * The handle a profile link points at: `/alice`, `/alice/` or `https://x.com/alice`. Null for anything
 * else (another site, a deeper path such as `/alice/status/1`, one of X's own pages).
 */
export function handleFromProfileHref(href: string | null): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, 'https://x.com/');
  } catch {
    return null;
  }
  if (!X_HOSTS.has(url.hostname)) return null;
  const segments = url.pathname.split('/').filter(Boolean);
  const [handle] = segments;
  if (segments.length !== 1 || !handle || !HANDLE.test(handle)) return null;
  return NOT_PROFILES.has(handle.toLowerCase()) ? null : handle;
}

/**
 * Who is signed in, read from the primary navigation's "Profile" link; null when the page shows none
 * (signed out, a page without X's shell, or the shell not rendered yet).
 */
export function readViewer(doc: ParentNode): Viewer | null {
  const handle = handleFromProfileHref(doc.querySelector(viewerProfileLink)?.getAttribute('href') ?? null);
  return handle ? { handle } : null;
}
