import { handleFromHref } from './profile-link.ts';
import { viewerProfileLink } from './selectors.ts';

/** The signed-in user, as X's page shows them. */
export interface Viewer {
  /** Without the @, as X writes it (case kept). */
  handle: string;
}

/** X handles: letters, digits and underscores, at most 15 (older accounts may be shorter than 4). */
const HANDLE = /^[A-Za-z0-9_]{1,15}$/;

/**
 * The handle a profile link points at: `/alice`, `/alice/` or `https://x.com/alice`. Null for anything
 * else (another site, a deeper path such as `/alice/status/1`, one of X's own pages).
 */
export function handleFromProfileHref(href: string | null): string | null {
  const handle = handleFromHref(href);
  return HANDLE.test(handle) ? handle : null;
}

/**
 * Who is signed in, read from the primary navigation's "Profile" link; null when the page shows none
 * (signed out, a page without X's shell, or the shell not rendered yet).
 */
export function readViewer(doc: ParentNode): Viewer | null {
  const handle = handleFromProfileHref(doc.querySelector(viewerProfileLink)?.getAttribute('href') ?? null);
  return handle ? { handle } : null;
}
