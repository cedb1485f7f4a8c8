import { realTimers, type Timers } from './timers.ts';

export interface NavigationWatch {
  /**
   * Compares the URL with the last one seen and reports a change at once. Cheap: call it freely. With the
   * Navigation API it reads the URL only after a navigation event (reading `location.href` from a content
   * script costs more than a string comparison, and the chat observer calls this on every batch).
   */
  check(): void;
}

/** Without the Navigation API, how often the URL is compared (a string comparison, nothing else). */
export const URL_POLL_MS = 1000;

interface NavigationLike extends EventTarget {}

/**
 * Tells when X's single-page app changes the URL. A content script cannot see the page's
 * `history.pushState` calls; the Navigation API's `currententrychange` event does fire for them (in every
 * world), and `popstate` covers back/forward. Where the API is missing, a slow poll of `location.href`
 * stands in; the chat observer also calls `check()` whenever the chat re-renders, which catches a thread
 * switch at the moment its panel changes.
 *
 * The change is reported on a zero-delay timer after the event, so X has rendered the new route by then.
 */
export function watchNavigation(
  signal: AbortSignal,
  onChange: (url: string) => void,
  win: Window = window,
  timers: Timers = realTimers,
): NavigationWatch {
  let last = win.location.href;
  const navigation = (win as Window & { navigation?: NavigationLike }).navigation;
  const evented = !!navigation && typeof navigation.addEventListener === 'function';
  // Set synchronously by the navigation events (currententrychange fires inside `pushState` itself), so a
  // check right after X's render knows whether the URL may have changed without reading it.
  let moved = true;
  const check = () => {
    if (signal.aborted || (evented && !moved)) return;
    moved = false;
    const url = win.location.href;
    if (url === last) return;
    last = url;
    onChange(url);
  };
  const soon = () => {
    moved = true;
    timers.setTimeout(check, 0);
  };
  win.addEventListener('popstate', soon, { signal });
  if (evented) {
    navigation.addEventListener('currententrychange', soon, { signal });
  } else {
    const poll = () => {
      if (signal.aborted) return;
      check();
      handle = timers.setTimeout(poll, URL_POLL_MS);
    };
    let handle = timers.setTimeout(poll, URL_POLL_MS);
    signal.addEventListener('abort', () => timers.clearTimeout(handle), { once: true });
  }
  return { check };
}
